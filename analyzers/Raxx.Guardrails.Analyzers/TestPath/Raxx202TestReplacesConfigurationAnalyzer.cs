using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.TestPath
{
    /// <summary>
    /// RAXX202: in a test assembly, a WebApplicationFactory customisation or a host builder replaces the
    /// production configuration pipeline: <c>Sources.Clear()</c>, or overrides added with
    /// <c>ConfigureAppConfiguration</c>, which run after the production sources and so mask a broken late
    /// production source (INCIDENTS.md §2). Reported at the method name. Code fix: UseSetting.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx202TestReplacesConfigurationAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx202,
            RuleCatalog.Find(RuleIds.Raxx202)!.Title,
            "{0} in a test {1}: a broken late production source stays hidden, so the test passes while production crashes. Set test values with builder.UseSetting(key, value) (or ConfigureHostConfiguration), which sits below the production sources.",
            RuleCategories.TestPath,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A test that clears the configuration sources or appends its own after them never exercises the production configuration; UseSetting/ConfigureHostConfiguration values stay below the production sources, so the test reproduces production.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx202));

        /// <summary>Property of the diagnostic naming what was found ("Clear" or "ConfigureAppConfiguration").</summary>
        public const string KindProperty = "Kind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (!TestPathFacts.IsTestAssembly(start.Compilation))
                {
                    return;
                }
                start.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
            });
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = TestPathFacts.InvokedName(invocation);
            if (name == null)
            {
                return;
            }
            var text = name.Identifier.ValueText;
            if (text != "Clear" && text != "ConfigureAppConfiguration")
            {
                return;
            }
            if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
            {
                return; // does not bind: stay quiet
            }

            if (text == "Clear" && TestPathFacts.IsSourcesClear(invocation) && IsConfigurationSources(method))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, name.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "Clear"),
                    "Sources.Clear()", "removes the production configuration sources"));
                return;
            }

            if (text == "ConfigureAppConfiguration" && IsHostingBuilderMethod(method))
            {
                var added = TestPathFacts.SourceCallsInside(invocation.ArgumentList);
                if (added.Count == 0)
                {
                    return; // reads configuration or logs: nothing replaced
                }
                context.ReportDiagnostic(Diagnostic.Create(Rule, name.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "ConfigureAppConfiguration"),
                    "ConfigureAppConfiguration", "calls " + TestPathFacts.JoinActions(added) + " after the production sources"));
            }
        }

        private static bool IsConfigurationSources(IMethodSymbol clear)
        {
            // ICollection<IConfigurationSource>.Clear / IList<IConfigurationSource>.Clear
            return clear.ContainingType is INamedTypeSymbol collection && collection.TypeArguments.Length == 1
                && collection.TypeArguments[0].Name == "IConfigurationSource";
        }

        private static bool IsHostingBuilderMethod(IMethodSymbol method)
        {
            var receiver = method.ReducedFrom?.Parameters[0].Type ?? (method.IsExtensionMethod ? method.Parameters[0].Type : method.ContainingType);
            var name = receiver?.Name;
            return name == "IWebHostBuilder" || name == "IHostBuilder" || name == "WebHostBuilder" || name == "HostBuilder"
                || name == "ConfigureWebHostBuilder" || name == "ConfigureHostBuilder" || name == "IHostApplicationBuilder";
        }
    }
}
