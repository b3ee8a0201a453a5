namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class Raxx503ReleaseWithGithubTokenTests
{
    private const string Config = """{ "packages": { ".": { "package-name": "api" } } }""";
    private const string Deploy = "on:\n  push:\n    tags: ['api-v*']\njobs: {}\n";

    private static string Release(string with) => $$"""
        on:
          push:
            branches: [main]
        jobs:
          release:
            runs-on: ubuntu-latest
            steps:
              - id: rp
                uses: googleapis/release-please-action@v4
        {{with}}
        """;

    [Fact]
    public void NoToken_Reports_AtUses()
    {
        using var repo = new DeployRepo().ReleasePlease(Config).Workflow("release.yml", Release("")).Workflow("deploy.yml", Deploy);
        var finding = Assert.Single(repo.Run("RAXX503"));
        Assert.Equal(".github/workflows/release.yml", finding.Location.Path);
        Assert.Equal(9, finding.Location.StartLine);
        Assert.Equal(
            "release-please in release.yml has no 'token:' input, so it uses the default GITHUB_TOKEN: GitHub starts no workflow run for tags and releases created with GITHUB_TOKEN, " +
            "so deploy.yml (tag push) never run for its releases. Pass a personal access token or a GitHub App token, e.g. 'token: ${{ secrets.RELEASE_PLEASE_TOKEN }}'.",
            finding.Message);
    }

    [Theory]
    [InlineData("${{ secrets.GITHUB_TOKEN }}")]
    [InlineData("${{ github.token }}")]
    public void DefaultToken_Reports_AtToken(string token)
    {
        using var repo = new DeployRepo().ReleasePlease(Config)
            .Workflow("release.yml", Release($"        with:\n          token: {token}"))
            .Workflow("deploy.yml", "on:\n  release:\n    types: [published]\njobs: {}\n");
        var finding = Assert.Single(repo.Run("RAXX503"));
        Assert.Equal(11, finding.Location.StartLine);
        Assert.Contains("deploy.yml (release event)", finding.Message);
    }

    [Theory]
    [InlineData("${{ secrets.RELEASE_PLEASE_TOKEN }}")]
    [InlineData("${{ steps.app-token.outputs.token }}")]
    public void PatOrAppToken_NoReport(string token)
    {
        using var repo = new DeployRepo().ReleasePlease(Config)
            .Workflow("release.yml", Release($"        with:\n          token: {token}"))
            .Workflow("deploy.yml", Deploy);
        Assert.Empty(repo.Run("RAXX503"));
    }

    [Fact]
    public void NoTagTriggeredDeploy_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(Config).Workflow("release.yml", Release(""))
            .Workflow("deploy.yml", "on:\n  workflow_run:\n    workflows: [Release]\njobs: {}\n");
        Assert.Empty(repo.Run("RAXX503"));
    }
}
