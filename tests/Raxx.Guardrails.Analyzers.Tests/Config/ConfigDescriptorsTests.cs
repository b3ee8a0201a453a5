using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    /// <summary>Each configuration rule's descriptor agrees with the rule catalog, and its docs page exists.</summary>
    public class ConfigDescriptorsTests
    {
        public static TheoryData<DiagnosticAnalyzer> Analyzers => new TheoryData<DiagnosticAnalyzer>
        {
            new Raxx101LateConfigurationSourceAnalyzer(),
            new Raxx102KeyWrittenInCodeAnalyzer(),
            new Raxx103ReadBeforeLaterSourceAnalyzer(),
            new Raxx104SourcesClearedAnalyzer(),
        };

        [Theory]
        [MemberData(nameof(Analyzers))]
        public void Descriptor_MatchesCatalogAndDocs_NoReport(DiagnosticAnalyzer analyzer)
        {
            var descriptor = Assert.Single(analyzer.SupportedDiagnostics);
            var info = RuleCatalog.Find(descriptor.Id);
            Assert.NotNull(info);
            Assert.Equal(RuleHost.Analyzer, info!.Host);
            Assert.Equal(info.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(info.Category, descriptor.Category);
            Assert.Equal(info.DefaultSeverity == FindingSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal(info.HelpUri, descriptor.HelpLinkUri);
            Assert.StartsWith(descriptor.Id, analyzer.GetType().Name.ToUpperInvariant(), System.StringComparison.Ordinal);
            Assert.True(File.Exists(RepoPaths.Combine("docs", "rules", descriptor.Id + ".md")), "docs/rules/" + descriptor.Id + ".md is missing");
        }
    }
}
