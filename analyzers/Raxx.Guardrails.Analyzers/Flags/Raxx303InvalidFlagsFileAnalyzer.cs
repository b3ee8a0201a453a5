using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>
    /// RAXX303: the flags file is invalid (YAML syntax, duplicate flag, missing or non-boolean
    /// <c>default</c>, unknown key, bad <c>risk</c>). One diagnostic per problem, located at the YAML.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx303InvalidFlagsFileAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = FlagsDescriptors.Create(
            RuleIds.Raxx303,
            "Flags file {0} is invalid: {1}");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(c =>
            {
                var file = c.AdditionalFile;
                if (file?.Path == null || !FlagsFileContext.IsFlagsFile(file, c.Options))
                {
                    return;
                }
                var text = file.GetText(c.CancellationToken);
                if (text == null)
                {
                    return;
                }
                var document = FlagsFileContext.Parse(file, yaml: true, c.CancellationToken);
                foreach (var problem in document.Problems)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, FlagsFileContext.CreateLocation(file.Path, text, problem.Span),
                        System.IO.Path.GetFileName(file.Path), problem.Message));
                }
            });
        }
    }
}
