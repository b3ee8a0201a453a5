using System.Linq;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class Raxx501TagTriggerMatchesNoReleaseTagTests
{
    private const string TrademasterConfig = """
        {
          "packages": {
            ".": { "release-type": "simple", "package-name": "trademaster-api" }
          }
        }
        """;

    private static string TagWorkflow(string pattern) => $$"""
        name: Deploy
        on:
          push:
            tags: ['{{pattern}}']
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - run: ./deploy.sh
        """;

    [Fact]
    public void IncidentPattern_Reports_AtThePattern()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("deploy-antlers.yml", TagWorkflow("v*.*.*"));
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Equal("RAXX501", finding.RuleId);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(".github/workflows/deploy-antlers.yml", finding.Location.Path);
        Assert.Equal((4, 12, 4, 20), (finding.Location.StartLine, finding.Location.StartColumn, finding.Location.EndLine, finding.Location.EndColumn));
        Assert.Equal(
            "deploy-antlers.yml triggers on tags 'v*.*.*' but release-please creates tags like 'trademaster-api-v1.10.1' (package '.', package-name 'trademaster-api'); " +
            "no release tag matches, so no release ever starts this workflow. Make the trigger admit the release tags, e.g. 'trademaster-api-v*.*.*', and check the workflow's ref conditions too (RAXX502).",
            finding.Message);
    }

    [Theory]
    [InlineData("trademaster-api-v*.*.*")]
    [InlineData("trademaster-api-v[0-9]+.[0-9]+.[0-9]+")]
    [InlineData("*-v*")]
    [InlineData("**")]
    public void MatchingPattern_NoReport(string pattern)
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("deploy.yml", TagWorkflow(pattern));
        Assert.Empty(repo.Run("RAXX501"));
    }

    [Fact]
    public void NegationExcludingAllReleaseTags_Reports()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("deploy.yml", """
            on:
              push:
                tags:
                  - '**'
                  - '!trademaster-api-*'
            jobs: {}
            """);
        Assert.Single(repo.Run("RAXX501"));
    }

    [Fact]
    public void TagsIgnoreAdmittingReleaseTags_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("deploy.yml", "on:\n  push:\n    tags-ignore: ['*-rc*']\njobs: {}\n");
        Assert.Empty(repo.Run("RAXX501"));
    }

    [Fact]
    public void NoReleaseTool_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", TagWorkflow("v*.*.*"));
        Assert.Empty(repo.Run("RAXX501"));
    }

    [Fact]
    public void BranchOnlyWorkflow_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("ci.yml", "on:\n  push:\n    branches: [main]\njobs: {}\n");
        Assert.Empty(repo.Run("RAXX501"));
    }

    [Fact]
    public void SkipGitHubRelease_CreatesNoTags_NoReport()
    {
        using var repo = new DeployRepo()
            .ReleasePlease("""{ "skip-github-release": true, "packages": { ".": { "package-name": "api" } } }""")
            .Workflow("deploy.yml", TagWorkflow("v*"));
        Assert.Empty(repo.Run("RAXX501"));
    }

    [Fact]
    public void NodeDefaultComponent_FromPackageJsonWithoutScope_Reports()
    {
        using var repo = new DeployRepo()
            .ReleasePlease("""{ "packages": { "web": { "release-type": "node" } } }""", """{ "web": "2.3.4" }""")
            .File("web/package.json", """{ "name": "@raxx/antlers", "version": "2.3.4" }""")
            .Workflow("deploy.yml", TagWorkflow("raxx-antlers-v*"));
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Contains("'antlers-v2.3.4'", finding.Message);
        Assert.Contains("package.json name 'antlers'", finding.Message);
    }

    [Theory]
    [InlineData("""{ "include-component-in-tag": false, "packages": { ".": { "package-name": "api" } } }""", "v*", "api-v*")]
    [InlineData("""{ "tag-separator": "@", "packages": { ".": { "component": "api" } } }""", "api@v*", "api-v*")]
    [InlineData("""{ "include-v-in-tag": false, "packages": { ".": { "component": "api" } } }""", "api-[0-9]*", "api-v*")]
    [InlineData("""{ "packages": { "charts/raxx": { "release-type": "helm" } } }""", "raxx-chart-v*", "v*")]
    [InlineData("""{ "packages": { "crates/core": { "release-type": "rust" } } }""", "raxx-core-v*", "v*")]
    [InlineData("""{ "packages": { "apis/Raxx.Api": { "release-type": "dotnet-yoshi" } } }""", "Raxx.Api-v*", "v*")]
    [InlineData("""{ "packages": { "app": { "release-type": "dart" } } }""", "raxx_app-v*", "app-v*")]
    [InlineData("""{ "include-component-in-tag": false, "tag-separator": "/", "packages": { "api": { "component": "api", "include-component-in-tag": true } } }""", "api/v*", "v*")]
    [InlineData("""{ "include-v-in-tag": false, "packages": { "api": { "component": "api", "include-v-in-tag": true } } }""", "api-v*", "api-[0-9]*")]
    [InlineData("""{ "packages": { "gems/raxx": { "release-type": "ruby-yoshi", "package-name": "raxx-client" } } }""", "raxx-client/v*", "raxx-client-v*")]
    public void TagNamingOptions(string config, string admitted, string rejected)
    {
        using var good = new DeployRepo().ReleasePlease(config, "{}")
            .File("charts/raxx/Chart.yaml", "apiVersion: v2\nname: raxx-chart\nversion: 1.0.0\n")
            .File("crates/core/Cargo.toml", "[package]\nname = \"raxx-core\"\nversion = \"1.0.0\"\n\n[dependencies]\nname = \"other\"\n")
            .File("app/pubspec.yaml", "name: raxx_app\nversion: 1.0.0\n")
            .Workflow("deploy.yml", TagWorkflow(admitted));
        Assert.Empty(good.Run("RAXX501"));

        using var bad = new DeployRepo().ReleasePlease(config, "{}")
            .File("charts/raxx/Chart.yaml", "apiVersion: v2\nname: raxx-chart\nversion: 1.0.0\n")
            .File("crates/core/Cargo.toml", "[package]\nname = \"raxx-core\"\nversion = \"1.0.0\"\n")
            .File("app/pubspec.yaml", "name: raxx_app\nversion: 1.0.0\n")
            .Workflow("deploy.yml", TagWorkflow(rejected));
        Assert.Single(bad.Run("RAXX501"));
    }

    [Fact]
    public void ActionInputMode_NoComponentInTag()
    {
        const string release = """
            on:
              push:
                branches: [main]
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: googleapis/release-please-action@v4
                    with:
                      release-type: node
                      package-name: trademaster-api
                      token: ${{ secrets.RELEASE_TOKEN }}
            """;
        using var good = new DeployRepo().Workflow("release.yml", release).Workflow("deploy.yml", TagWorkflow("v*.*.*"));
        Assert.Empty(good.Run("RAXX501"));

        using var bad = new DeployRepo().Workflow("release.yml", release).Workflow("deploy.yml", TagWorkflow("trademaster-api-v*"));
        var finding = Assert.Single(bad.Run("RAXX501"));
        Assert.Contains("creates tags like 'v1.0.0'", finding.Message);
    }

    [Fact]
    public void NonDefaultConfigPath_FromActionInputs()
    {
        const string release = """
            on: { push: { branches: [main] } }
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: google-github-actions/release-please-action@v3
                    with:
                      config-file: release/config.json
                      manifest-file: release/manifest.json
                      token: ${{ secrets.RELEASE_TOKEN }}
            """;
        using var repo = new DeployRepo()
            .File("release/config.json", """{ "packages": { "api": { "component": "api" } } }""")
            .File("release/manifest.json", """{ "api": "3.1.4" }""")
            .Workflow("release.yml", release)
            .Workflow("deploy.yml", TagWorkflow("v*"));
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Contains("'api-v3.1.4'", finding.Message);
    }

    [Fact]
    public void ReleaseConfigNamedInRepositoryConfig_IsRead()
    {
        using var repo = new DeployRepo()
            .File("tools/release/release-please-config.json", """{ "packages": { "api": { "component": "api" } } }""")
            .File("tools/release/.release-please-manifest.json", """{ "api": "4.0.1" }""")
            .ReleaseConfigs("tools/release/release-please-config.json")
            .Workflow("deploy.yml", TagWorkflow("v*"));
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Contains("'api-v4.0.1'", finding.Message);
    }

    [Fact]
    public void DeclaredTagFormat_Reports()
    {
        using var repo = new DeployRepo().DeploySection("deploy:\n  tag_format: \"release-{version}\"\n").Workflow("deploy.yml", TagWorkflow("v*"));
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Contains("the declared tag format creates tags like 'release-1.0.0'", finding.Message);

        using var good = new DeployRepo().DeploySection("deploy:\n  tag_format: \"release-{version}\"\n").Workflow("deploy.yml", TagWorkflow("release-*"));
        Assert.Empty(good.Run("RAXX501"));
    }

    [Fact]
    public void MalformedWorkflow_ReportsRaxx001AtTheLine()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", "on:\n  push:\n    tags: ['v*'\njobs: {}\n");
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Equal("RAXX001", finding.RuleId);
        Assert.Equal(".github/workflows/deploy.yml", finding.Location.Path);
        Assert.True(finding.Location.StartLine >= 3, finding.ToString());
    }

    [Fact]
    public void MalformedReleaseConfig_ReportsRaxx001()
    {
        using var repo = new DeployRepo().ReleasePlease("{ \"packages\": { \".\": { \"component\": } } }").Workflow("deploy.yml", TagWorkflow("v*"));
        var finding = Assert.Single(repo.Run("RAXX501"));
        Assert.Equal("RAXX001", finding.RuleId);
        Assert.Equal("release-please-config.json", finding.Location.Path);
    }
}
