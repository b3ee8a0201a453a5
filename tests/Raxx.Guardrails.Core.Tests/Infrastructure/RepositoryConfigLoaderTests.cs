using System;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

public sealed class RepositoryConfigLoaderTests
{
    [Fact]
    public void ValidConfig_ReadsGlobsSeveritiesAndSections()
    {
        var problems = new FindingList();
        var config = RepositoryConfigLoader.Parse("""
            include: src/**
            exclude:
              - samples/incidents/**
            severities:
              RAXX402: warning
              raxx504: off
            flags:
              file: flags.yaml
            """, "raxx-guardrails.yaml", problems);

        Assert.Empty(problems.Items);
        Assert.Equal("raxx-guardrails.yaml", config.SourcePath);
        Assert.True(config.IsIncluded("src/app.cs"));
        Assert.False(config.IsIncluded("docs/a.md"));
        Assert.Equal(FindingSeverity.Warning, config.EffectiveSeverity("RAXX402", FindingSeverity.Error));
        Assert.Equal(FindingSeverity.None, config.EffectiveSeverity("RAXX504", FindingSeverity.Warning));
        Assert.NotNull(config.GetSection("flags"));
    }

    [Fact]
    public void InvalidYaml_Reports_AtTheLine()
    {
        var problems = new FindingList();
        RepositoryConfigLoader.Parse("exclude:\n  - a\n b: [\n", "raxx-guardrails.yaml", problems);

        var problem = Assert.Single(problems.Items);
        Assert.Equal("RAXX001", problem.RuleId);
        Assert.Equal("raxx-guardrails.yaml", problem.Location.Path);
        Assert.True(problem.Location.StartLine >= 2);
    }

    [Fact]
    public void UnknownRuleAndSeverity_Report_AndTheRestApplies()
    {
        var problems = new FindingList();
        var config = RepositoryConfigLoader.Parse("severities:\n  RAXX999: error\n  RAXX402: loud\n  RAXX501: note\n", "raxx-guardrails.yaml", problems);

        Assert.Equal(new[] { (2, "'RAXX999' is not a Raxx.Guardrails rule ID"), (3, "'loud' is not a severity for RAXX402: use error, warning, note or none") },
            problems.Items.Select(p => (p.Location.StartLine, p.Message)).ToArray());
        Assert.Equal(FindingSeverity.Note, config.EffectiveSeverity("RAXX501", FindingSeverity.Error));
    }

    [Fact]
    public void EmptyText_NoReport()
    {
        var problems = new FindingList();
        var config = RepositoryConfigLoader.Parse("", "raxx-guardrails.yaml", problems);

        Assert.Empty(problems.Items);
        Assert.Empty(config.Exclude);
    }
}
