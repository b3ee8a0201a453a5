namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class Raxx506DuplicateReleaseTagTests
{
    [Fact]
    public void TwoPackagesWithoutComponentInTag_Reports_AtTheSecondPackage()
    {
        using var repo = new DeployRepo().ReleasePlease("""
            {
              "include-component-in-tag": false,
              "packages": {
                "api": { "component": "api" },
                "web": { "component": "web" }
              }
            }
            """, "{}");
        var finding = Assert.Single(repo.Run("RAXX506"));
        Assert.Equal("release-please-config.json", finding.Location.Path);
        Assert.Equal((5, 5, 5, 10), (finding.Location.StartLine, finding.Location.StartColumn, finding.Location.EndLine, finding.Location.EndColumn));
        Assert.Equal(
            "release package 'web' creates the same tags as package 'api' (e.g. 'v1.0.0'): neither puts a component in its tags. " +
            "The second release of a version collides with the first. Give each package its own 'component' (and keep include-component-in-tag true).",
            finding.Message);
    }

    [Fact]
    public void SameComponent_Reports()
    {
        using var repo = new DeployRepo().ReleasePlease("""{ "packages": { "a": { "component": "api" }, "b": { "package-name": "api" } } }""", "{}");
        var finding = Assert.Single(repo.Run("RAXX506"));
        Assert.Contains("both use component 'api'", finding.Message);
    }

    [Fact]
    public void DistinctComponents_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease("""{ "packages": { "a": { "component": "api" }, "b": { "component": "web" } } }""", "{}");
        Assert.Empty(repo.Run("RAXX506"));
    }

    [Fact]
    public void SecondPackageSkipsGitHubRelease_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease("""{ "include-component-in-tag": false, "packages": { "a": {}, "b": { "skip-github-release": true } } }""", "{}");
        Assert.Empty(repo.Run("RAXX506"));
    }
}
