using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// RAXX104: <c>Sources.Clear()</c> in production code drops the environment variables the platform
    /// sets, unless AddEnvironmentVariables() is called again afterwards. Test assemblies (xunit, NUnit,
    /// MSTest, Mvc.Testing) are skipped: RAXX202 judges tests.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx104SourcesClearedAnalyzer : ConfigFlowAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx104,
            RuleCatalog.Find(RuleIds.Raxx104)!.Title,
            "Sources.Clear() removes the environment variables{0} from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables(){1} after the sources you add.",
            RuleCategories.Configuration,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Clearing the configuration sources of WebApplication.CreateBuilder or Host.CreateApplicationBuilder removes environment variables and the command line; deployment configuration then has no effect.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx104));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        private protected override bool ShouldAnalyze(Compilation compilation) => !ConfigTypes.IsTestAssembly(compilation);

        private protected override void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var flow in flows)
            {
                var env = flow.Origin.Environment;
                var cmd = flow.Origin.CommandLine;
                for (var i = 0; i < flow.Events.Count; i++)
                {
                    var e = flow.Events[i];
                    switch (e.Kind)
                    {
                        case ConfigEventKind.EnvironmentVariables:
                            env = true;
                            break;
                        case ConfigEventKind.CommandLine:
                            cmd = true;
                            break;
                        case ConfigEventKind.Clear:
                            // A pipeline from elsewhere may hold environment variables; a known empty one does not.
                            var dropsEnvironment = env || !flow.Origin.Known;
                            var readded = false;
                            ConfigEvent? lastSource = null;
                            for (var j = i + 1; j < flow.Events.Count && !readded; j++)
                            {
                                readded = flow.Events[j].Kind == ConfigEventKind.EnvironmentVariables;
                                if (flow.Events[j].Kind == ConfigEventKind.Source)
                                {
                                    lastSource = flow.Events[j];
                                }
                                else if (flow.Events[j].Kind == ConfigEventKind.Clear)
                                {
                                    lastSource = null; // the sources before a second clear are gone too
                                }
                            }
                            if (dropsEnvironment && !readded)
                            {
                                // For the code fix: the last source added after the clear (the re-add goes after it, as
                                // RAXX101's fix does after a late source) and whether the command line was registered.
                                var properties = ImmutableDictionary<string, string?>.Empty
                                    .Add(Raxx101LateConfigurationSourceAnalyzer.CommandLineProperty, cmd ? "true" : "false")
                                    .Add(Raxx101LateConfigurationSourceAnalyzer.CommandLineArgsProperty, cmd ? flow.Origin.ArgsText ?? "args" : string.Empty)
                                    .Add(Raxx101LateConfigurationSourceAnalyzer.PipelineProperty, e.Location.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture));
                                var additional = lastSource != null ? new[] { lastSource.Location } : System.Array.Empty<Location>();
                                report(Diagnostic.Create(Rule, e.Location, additional, properties, cmd ? " and the command line" : string.Empty, cmd ? " (and AddCommandLine(args))" : string.Empty));
                            }
                            env = false;
                            cmd = false;
                            break;
                    }
                }
            }
        }
    }
}
