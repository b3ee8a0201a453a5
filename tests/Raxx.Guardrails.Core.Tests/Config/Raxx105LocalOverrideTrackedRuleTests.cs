using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Config;
using Raxx.Guardrails.Core.Config.Rules;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Config;

public sealed class Raxx105LocalOverrideTrackedRuleTests : IDisposable
{
    private readonly TempDirectory _temp = new("105");

    public void Dispose() => _temp.Dispose();

    private void Write(string relative, string text = "{}") => _temp.Write(relative, text);

    private void Git(string args) => _temp.Git(args);

    private Finding[] Run(string? configYaml = null)
    {
        var config = RepositoryConfig.Empty;
        if (configYaml != null)
        {
            var loaded = RepositoryConfigLoader.Parse(configYaml, RepositoryConfig.FileName);
            Assert.True(loaded.Success, loaded.Error?.ToString());
            config = loaded.Config!;
        }
        var context = RepositoryContext.Open(_temp.Path, config);
        return RepositoryRunner.Run(context, new[] { new Raxx105LocalOverrideTrackedRule() }).ToArray();
    }

    [Fact]
    public void TrackedInstanceFile_Reports()
    {
        Write(".gitignore", "bin/\n");
        Write("src/Api/instance/config.json", "{ \"WEBAUTHN_RP_ID\": \"\" }");
        Git("init -q");
        Git("add .");
        Git("commit -qm init");

        var finding = Assert.Single(Run());

        Assert.Equal("RAXX105", finding.RuleId);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("src/Api/instance/config.json", finding.Location.Path);
        Assert.Equal(
            "src/Api/instance/config.json is a local override configuration file (matches 'instance/**') and is tracked by git: every clone, CI run and deploy bundle gets it, and there it overrides the environment's configuration. Remove it from git (git rm --cached \"src/Api/instance/config.json\") and git-ignore it.",
            finding.Message);
        Assert.Equal("git-tracked", finding.Properties["how"]);
    }

    [Fact]
    public void TrackedDespiteGitignore_Reports()
    {
        Write(".gitignore", "*.local.json\n");
        Write("appsettings.Local.json");
        Git("init -q");
        Git("add .gitignore");
        Git("add -f appsettings.Local.json");

        var finding = Assert.Single(Run());
        Assert.Equal("appsettings.Local.json", finding.Location.Path);
        Assert.Equal("git-tracked", finding.Properties["how"]);
    }

    [Fact]
    public void UntrackedAndNotIgnored_Reports()
    {
        Write("appsettings.Staging.local.json");
        Git("init -q");

        var finding = Assert.Single(Run());

        Assert.Equal("not-git-ignored", finding.Properties["how"]);
        Assert.Contains("git does not ignore: the next 'git add' commits it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoredAndUntracked_NoReport()
    {
        Write(".gitignore", "instance/\n*.local.json\nappsettings.Local.json\n");
        Write("instance/config.json");
        Write("appsettings.Local.json");
        Write("secrets.local.json");
        Git("init -q");
        Git("add .gitignore");

        Assert.Empty(Run());
    }

    [Fact]
    public void LookAlikes_NoReport()
    {
        Write("appsettings.json");
        Write("appsettings.Production.json");
        Write("instances.json");
        Write("docs/instance.md", "# instance");
        Write("local.json.example");
        Git("init -q");
        Git("add .");

        Assert.Empty(Run());
    }

    [Fact]
    public void NotAGitRepository_NoReport()
    {
        Write("instance/config.json");

        Assert.Empty(Run());
    }

    [Fact]
    public void ConfiguredPatterns_Report_AndDefaultsCanBeDropped()
    {
        Write("instance/config.json");
        Write("config/site.override.ini", "[x]");
        Git("init -q");
        Git("add .");

        var finding = Assert.Single(Run("localOverrides:\n  files: ['*.override.ini']\n  defaults: false\n"));
        Assert.Equal("config/site.override.ini", finding.Location.Path);
    }

    [Fact]
    public void ExcludedInConfig_NoReport()
    {
        Write("samples/incidents/07/instance/config.json");
        Git("init -q");
        Git("add .");

        Assert.Empty(Run("exclude:\n  - samples/incidents/**\n"));
    }

    [Theory]
    [InlineData("instance/config.json", "instance/**")]
    [InlineData("a/b/instance/x/y.yaml", "instance/**")]
    [InlineData("APPSETTINGS.LOCAL.JSON", "appsettings.Local.json")]
    [InlineData("src/appsettings.Development.local.json", "appsettings.*.local.json")]
    [InlineData("x.local.json", "*.local.json")]
    [InlineData("appsettings.json", null)]
    [InlineData("instance.json", null)]
    [InlineData("myinstance/config.json", null)]
    public void DefaultPatterns_Match(string path, string? expected)
    {
        var files = LocalOverrideFiles.Create(RepositoryConfig.Empty);
        Assert.Equal(expected, files.Match(path));
    }
}
