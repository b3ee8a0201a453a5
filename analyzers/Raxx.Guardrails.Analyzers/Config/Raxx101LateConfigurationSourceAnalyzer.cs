using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// RAXX101: a configuration source appended after environment variables (WebApplication.CreateBuilder,
    /// Host.CreateApplicationBuilder and Host.CreateDefaultBuilder already registered them, or an explicit
    /// AddEnvironmentVariables() earlier in the chain) silently overrides them (INCIDENTS.md §1). Clean when
    /// AddEnvironmentVariables() (and AddCommandLine, when registered) is re-added after the last late
    /// source, or the source is inserted at index 0.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx101LateConfigurationSourceAnalyzer : ConfigFlowAnalyzer
    {
        /// <summary>Diagnostic property: source text of the command-line args to re-add ("" when the command line is not registered).</summary>
        public const string CommandLineArgsProperty = "RaxxCommandLineArgs";

        /// <summary>Diagnostic property: "true" when the command line was registered and must be re-added too.</summary>
        public const string CommandLineProperty = "RaxxCommandLine";

        /// <summary>Diagnostic property: identity of the pipeline (same value for diagnostics of one pipeline in one method).</summary>
        public const string PipelineProperty = "RaxxPipeline";

        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx101,
            RuleCatalog.Find(RuleIds.Raxx101)!.Title,
            "{0} is added after environment variables and overrides them{1}: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add {2} after it.",
            RuleCategories.Configuration,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "WebApplication.CreateBuilder, Host.CreateApplicationBuilder and Host.CreateDefaultBuilder register environment variables (and the command line) before your code runs; any Add* on the configuration afterwards lands above them.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx101));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        private protected override void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var flow in flows)
            {
                var pipeline = flow.Events.Count > 0 ? flow.Events[0].Location.SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
                foreach (var pending in flow.UnresolvedOverrides())
                {
                    if (pending.Event.Kind != ConfigEventKind.Source)
                    {
                        continue;
                    }
                    var cmd = pending.CommandLineRegistered;
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(CommandLineProperty, cmd ? "true" : "false")
                        .Add(CommandLineArgsProperty, cmd ? flow.Origin.ArgsText ?? "args" : string.Empty)
                        .Add(PipelineProperty, pipeline);
                    report(Diagnostic.Create(
                        Rule,
                        pending.Event.Location,
                        properties,
                        pending.Event.Description,
                        cmd ? " and the command line" : string.Empty,
                        cmd ? "AddEnvironmentVariables() and AddCommandLine(" + (flow.Origin.ArgsText ?? "args") + ")" : "AddEnvironmentVariables()"));
                }
            }
        }
    }
}
