using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// RAXX102: a key written in code after the sources (<c>builder.Configuration["K"] = …</c>,
    /// <c>section.Value = …</c>, <c>builder.WebHost.UseSetting("K", …)</c>) replaces the value the
    /// deployment set in environment variables or on the command line. Clean when environment variables
    /// (and the command line) are re-added after the write, or when nothing deployment-owned is registered.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx102KeyWrittenInCodeAnalyzer : ConfigFlowAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx102,
            RuleCatalog.Find(RuleIds.Raxx102)!.Title,
            "Key '{0}' is written in code after the configuration sources and overrides the deployment's value from environment variables{1}. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource {{ InitialData = … }})) or remove the write.",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "ConfigurationManager's indexer writes the value into every registered provider, and WebApplicationBuilder.WebHost.UseSetting does the same: the environment variable set on the platform is silently replaced.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx102));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        private protected override void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var flow in flows)
            {
                foreach (var pending in flow.UnresolvedOverrides())
                {
                    if (pending.Event.Kind == ConfigEventKind.KeyWrite)
                    {
                        report(Diagnostic.Create(Rule, pending.Event.Location, pending.Event.Description, pending.CommandLineRegistered ? " and the command line" : string.Empty));
                    }
                }
            }
        }
    }
}
