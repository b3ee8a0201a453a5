using System;
using System.IO;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

public sealed class RepositoryConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new("config");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FullConfig_IsRead()
    {
        var result = RepositoryConfigLoader.Parse("""
            include: [ "src/**", ".github/**" ]
            exclude:
              - samples/incidents/**
              - "tests/**/TestData/**"
            severity:
              RAXX402: warning
              raxx505: none
            flags:
              files: [ config/flags.yaml, ./other/flags.yaml ]
              custom: kept-for-the-family
            release:
              config: release-please-config.json
            credentials:
              allowlist: .raxx/allowlist.txt
              baseline: .raxx/baseline.json
            preflight:
              health: /health
            """, "raxx-guardrails.yaml");

        Assert.True(result.Success, result.Error?.ToString());
        var config = result.Config!;
        Assert.Equal("raxx-guardrails.yaml", config.SourcePath);
        Assert.True(config.IsIncluded("src/App/Program.cs"));
        Assert.False(config.IsIncluded("README.md"));
        Assert.False(config.IsIncluded("samples/incidents/01-x/src/a.cs"));
        Assert.Equal(FindingSeverity.Warning, config.EffectiveSeverity("RAXX402", FindingSeverity.Error));
        Assert.Equal(FindingSeverity.None, config.EffectiveSeverity("RAXX505", FindingSeverity.Warning));
        Assert.Equal(new[] { "config/flags.yaml", "other/flags.yaml" }, config.FlagsFiles);
        Assert.Equal(new[] { "release-please-config.json" }, config.ReleaseConfigs);
        Assert.Equal(".raxx/allowlist.txt", config.CredentialAllowlistPath);
        Assert.Equal(".raxx/baseline.json", config.CredentialBaselinePath);
        Assert.NotNull(config.GetSection("preflight"));
        Assert.NotNull(config.GetSection("flags"));
    }

    [Fact]
    public void EmptyOrMissingConfig_IsDefaults()
    {
        Assert.True(RepositoryConfigLoader.Parse("", "raxx-guardrails.yaml").Success);
        Assert.True(RepositoryConfigLoader.Parse("# only a comment\n", "raxx-guardrails.yaml").Success);
        var loaded = RepositoryConfigLoader.Load(_temp.Path);
        Assert.True(loaded.Success);
        Assert.Null(loaded.Config!.SourcePath);
    }

    [Theory]
    [InlineData("exclude: [a/**\n", 2, "invalid YAML")]
    [InlineData("- a\n- b\n", 1, "must be a mapping")]
    [InlineData("include: a\nexclude:\n  - {x: 1}\n", 3, "'exclude' must be a list of strings")]
    [InlineData("severity:\n  RAXX402: loud\n", 2, "severity of RAXX402 must be error, warning, note or none, not 'loud'")]
    [InlineData("severity:\n  RAXX999: error\n", 2, "unknown rule 'RAXX999'")]
    [InlineData("severity: error\n", 1, "'severity' must map rule IDs")]
    [InlineData("flags:\n  files: [ /etc/flags.yaml ]\n", 2, "must be relative to the repository root")]
    [InlineData("release:\n  configs: [ ../other/release.json ]\n", 2, "stay inside it")]
    [InlineData("credentials:\n  baseline: [ a.json, b.json ]\n", 2, "'credentials.baseline' must be one path")]
    [InlineData("credentials: yes\n", 1, "'credentials' must be a mapping")]
    [InlineData("exclude: [a]\nexclude: [b]\n", 2, "invalid YAML")]
    public void MalformedConfig_IsLocatedError(string yaml, int line, string message)
    {
        var result = RepositoryConfigLoader.Parse(yaml, "raxx-guardrails.yaml");
        Assert.False(result.Success);
        Assert.Equal(line, result.Error!.Line);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"raxx-guardrails.yaml({line},", result.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("error RAXX001", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsRootFile_AndReportsRepositoryRelativePath()
    {
        File.WriteAllText(_temp.Combine(RepositoryConfig.FileName), "exclude: [ 'fixtures/**' ]\nseverity:\n  RAXX404: bogus\n");
        var result = RepositoryConfigLoader.Load(_temp.Path);
        Assert.False(result.Success);
        Assert.Equal("raxx-guardrails.yaml", result.Error!.Path);
        Assert.Equal(3, result.Error.Line);
        Assert.Equal(12, result.Error.Column);
    }

    [Fact]
    public void Load_ExplicitMissingFile_IsError()
    {
        var result = RepositoryConfigLoader.Load(_temp.Path, _temp.Combine("nope.yaml"));
        Assert.False(result.Success);
        Assert.Contains("does not exist", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YmlSpelling_IsErrorNotSilentDefault()
    {
        File.WriteAllText(_temp.Combine("raxx-guardrails.yml"), "exclude: [ 'x/**' ]\n");
        var result = RepositoryConfigLoader.Load(_temp.Path);
        Assert.False(result.Success);
        Assert.Contains("must be named 'raxx-guardrails.yaml'", result.Error!.Message, StringComparison.Ordinal);
    }
}
