using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class Raxx504InvalidFilterPatternTests
{
    [Fact]
    public void RegexWrittenAsGlob_Reports_AtThePattern()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", """
            on:
              push:
                tags:
                  - 'v[0-9]+.[0-9]+.[0-9]+'
                  - '^v\d+\.\d+$'
                paths: ['./src/**']
            jobs: {}
            """);
        var findings = repo.Run("RAXX504");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Equal((5, 9, 5, 22), (findings[0].Location.StartLine, findings[0].Location.StartColumn, findings[0].Location.EndLine, findings[0].Location.EndColumn));
        Assert.StartsWith("invalid push tags pattern '^v\\d+\\.\\d+$' in deploy.yml: column 1: a git ref name cannot contain '^'", findings[0].Message);
        Assert.Equal(6, findings[1].Location.StartLine);
        Assert.Contains("'.' segments are not allowed", findings[1].Message);
    }

    [Theory]
    [InlineData("tags: ['v[0-9']", "missing ']'")]
    [InlineData("branches: ['?main']", "'?' makes the preceding character optional")]
    [InlineData("branches: ['refs/heads/main/']", "cannot end with '/'")]
    [InlineData("branches-ignore: ['']", "empty")]
    public void InvalidPatterns_Report(string filter, string expected)
    {
        using var repo = new DeployRepo().Workflow("ci.yml", $"on:\n  push:\n    {filter}\njobs: {{}}\n");
        var finding = Assert.Single(repo.Run("RAXX504"));
        Assert.Contains(expected, finding.Message);
    }

    [Theory]
    [InlineData("tags: ['v[0-9]+.[0-9]+.[0-9]+', '!v*-rc*']")]
    [InlineData("branches: [main, 'releases/**']")]
    [InlineData("paths: ['src/**', '!**.md', '/abs']")]
    public void ValidPatterns_NoReport(string filter)
    {
        using var repo = new DeployRepo().Workflow("ci.yml", $"on:\n  push:\n    {filter}\njobs: {{}}\n");
        Assert.Empty(repo.Run("RAXX504"));
    }
}
