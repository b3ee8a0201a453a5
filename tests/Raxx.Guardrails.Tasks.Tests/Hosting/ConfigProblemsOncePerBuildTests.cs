using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Tasks.Config;
using Raxx.Guardrails.Tasks.Flags;
using Raxx.Guardrails.Tasks.Secrets;
using Xunit;

namespace Raxx.Guardrails.Tasks.Tests.Hosting;

/// <summary>
/// A broken or misnamed repository config is one RAXX001 per build, not one per check that reads it: the repository
/// check, the RAXX105/RAXX403/RAXX306 output checks (and the preflight) each load the config, and the first of them to
/// meet a problem reports it. Every task that met it says so (HasConfigProblems: its target writes no stamp), so the
/// checks keep running, and reporting, on every build until it is fixed. One FakeBuildEngine is one build.
/// </summary>
public sealed class ConfigProblemsOncePerBuildTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private readonly string _projectDirectory;

    public ConfigProblemsOncePerBuildTests()
    {
        _repo.Git("init -q");
        _projectDirectory = Path.GetDirectoryName(_repo.Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />"))!;
        _repo.Write("src/Api/feature_flags.yaml", "flags:\n  console_nav:\n    default: false\n");
        _repo.Write("src/Api/bin/feature_flags.yaml", "flags:\n  console_nav:\n    default: false\n");
        _repo.Write("src/Api/.env", "LOG_LEVEL=debug\n");
    }

    public void Dispose() => _repo.Dispose();

    private RaxxRepositoryCheck RepositoryCheck(FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = _projectDirectory,
        Rules = new[] { "RAXX105" },
        DisableCrossProcessDeduplication = true,
    };

    private Raxx105LocalOverrideOutputCheck LocalOverridesCheck(FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = _projectDirectory,
        DisableCrossProcessDeduplication = true,
    };

    private Raxx403SecretFileOutputCheck SecretFilesCheck(FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = _projectDirectory,
        None = new ITaskItem[] { new TaskItem(".env", new System.Collections.Generic.Dictionary<string, string> { ["CopyToOutputDirectory"] = "PreserveNewest" }) },
        DisableCrossProcessDeduplication = true,
    };

    private CheckFlagsFileOutput FlagsCheck(FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        FlagsFile = Path.Combine(_projectDirectory, "feature_flags.yaml"),
        OutputDirectory = Path.Combine(_projectDirectory, "bin"),
        ProjectDirectory = _projectDirectory,
        DisableCrossProcessDeduplication = true,
    };

    /// <summary>Runs the four checks of one build in the targets' order; their results and HasConfigProblems.</summary>
    private (bool[] Results, bool[] Met) Build(FakeBuildEngine engine, bool repositoryCheck = true)
    {
        var repository = RepositoryCheck(engine);
        var overrides = LocalOverridesCheck(engine);
        var secrets = SecretFilesCheck(engine);
        var flags = FlagsCheck(engine);
        var results = new[]
        {
            !repositoryCheck || repository.Execute(),
            overrides.Execute(),
            secrets.Execute(),
            flags.Execute(),
        };
        var met = new[] { !repositoryCheck || repository.HasConfigProblems, overrides.HasConfigProblems, secrets.HasConfigProblems, flags.HasConfigProblems };
        return (results, met);
    }

    [Theory]
    [InlineData("raxx-guardrails.yaml", "severities:\n  RAXX105: [warning\n", "invalid YAML")]
    [InlineData("raxx-guardrails.yml", "severities:\n  RAXX105: warning\n", "the config file must be named 'raxx-guardrails.yaml' (found 'raxx-guardrails.yml'")]
    public void BrokenConfig_OneRaxx001PerBuild_ByTheFirstCheck_AndAgainNextBuild(string file, string text, string message)
    {
        _repo.Write(file, text);
        var firstBuild = new FakeBuildEngine();
        var secondBuild = new FakeBuildEngine();

        var (first, firstMet) = Build(firstBuild);
        var (second, secondMet) = Build(secondBuild);

        foreach (var engine in new[] { firstBuild, secondBuild })
        {
            var error = Assert.Single(engine.Errors);
            Assert.Equal("RAXX001", error.Code);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(Path.GetFullPath(_repo.Root), file), error.File);
        }
        // the repository check reported it and failed; the output checks stayed silent about it and passed (the build
        // fails on the one report), but every check says it met a problem: no stamp, so none is skipped next build
        Assert.Equal(new[] { false, true, true, true }, first);
        Assert.Equal(new[] { false, true, true, true }, second);
        Assert.All(firstMet, Assert.True);
        Assert.All(secondMet, Assert.True);
    }

    [Fact]
    public void BrokenConfig_WithoutTheRepositoryCheck_TheFirstOutputCheckReportsIt()
    {
        // RaxxRepositoryChecks=false, or a publish with --no-build: the output checks are the only readers of the config
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX105: [warning\n");
        var engine = new FakeBuildEngine();

        var (results, met) = Build(engine, repositoryCheck: false);

        Assert.Equal("RAXX001", Assert.Single(engine.Errors).Code);
        Assert.Equal(new[] { true, false, true, true }, results);
        Assert.All(met, Assert.True);
    }

    [Fact]
    public void OutputCheckFirst_ThenTheRepositoryCheck_StillOneReport_AndNoStampForEither()
    {
        _repo.Write("raxx-guardrails.yml", "severities:\n  RAXX105: warning\n");
        var engine = new FakeBuildEngine();
        var publishCheck = LocalOverridesCheck(engine);
        var repository = RepositoryCheck(engine);

        Assert.False(publishCheck.Execute());
        Assert.True(repository.Execute());

        Assert.Equal("RAXX001", Assert.Single(engine.Errors).Code);
        Assert.True(publishCheck.HasConfigProblems);
        Assert.True(repository.HasConfigProblems);
        Assert.Equal(0, repository.ErrorCount);
    }

    [Fact]
    public void DistinctProblems_EachReportedOnce()
    {
        // valid YAML, two problems in the localOverrides section: the repository rule (tracked part of RAXX105) and the
        // output check both read the section; each problem once
        _repo.Write("raxx-guardrails.yaml", "localOverrides:\n  defaults: maybe\n  extra: [a]\n");
        var engine = new FakeBuildEngine();

        Build(engine);

        Assert.Equal(2, engine.Errors.Count);
        Assert.All(engine.Errors, e => Assert.Equal("RAXX001", e.Code));
        Assert.Equal(new[] { 2, 3 }, engine.Errors.Select(e => e.LineNumber).OrderBy(l => l));
    }

    [Fact]
    public void ValidConfig_NoProblem_ChecksMayBeSkipped()
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX105: warning\n");
        var engine = new FakeBuildEngine();

        var (results, met) = Build(engine);

        Assert.Empty(engine.Errors);
        Assert.All(results, Assert.True);
        Assert.All(met, Assert.False);
    }

    /// <summary>
    /// <c>severities: { RAXX001: warning }</c> lowers a section problem (a bad <c>localOverrides</c> entry) for every check
    /// that reads the config, not only for the repository check: one warning per build, whichever check meets it first, and
    /// no check fails for it. The checks that read the section still met a problem (no stamp), as the repository check did
    /// before for its warning.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Raxx001LoweredToWarning_EveryCheckHonoursIt(bool repositoryCheck)
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX001: warning\nlocalOverrides:\n  defaults: maybe\n");
        var engine = new FakeBuildEngine();

        var (results, met) = Build(engine, repositoryCheck);

        Assert.Empty(engine.Errors);
        var warning = Assert.Single(engine.Warnings, w => w.Code == "RAXX001");
        Assert.Equal(4, warning.LineNumber); // defaults: maybe
        Assert.All(results, Assert.True);
        // the section is read by the repository rule and the RAXX105 check; the RAXX403/RAXX306 checks do not meet it
        Assert.Equal(new[] { true, true, false, false }, met);
    }

    /// <summary>
    /// <c>RAXX001: none</c> turns the section problem off for every check, as for the repository check: nothing logged,
    /// nothing met (the checks may be skipped as up-to-date, like after any finding the config turns off).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Raxx001TurnedOff_NoCheckReportsIt(bool repositoryCheck)
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX001: none\nlocalOverrides:\n  defaults: maybe\n");
        var engine = new FakeBuildEngine();

        var (results, met) = Build(engine, repositoryCheck);

        Assert.Empty(engine.Errors);
        Assert.DoesNotContain(engine.Warnings, w => w.Code == "RAXX001");
        Assert.All(results, Assert.True);
        Assert.All(met.Skip(repositoryCheck ? 0 : 1), Assert.False); // (without the repository check its slot says true)
    }

    /// <summary>
    /// A config that cannot be parsed cannot tell its own severities: its problem is an error whatever the broken text
    /// says about RAXX001 (the checks read the defaults), for every check, as the repository check always did.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UnparsableConfig_Raxx001StaysAnError_WhateverItSays(bool repositoryCheck)
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX001: none\n  RAXX105: [warning\n");
        var engine = new FakeBuildEngine();

        var (_, met) = Build(engine, repositoryCheck);

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RAXX001", error.Code);
        Assert.All(met, Assert.True);
    }
}
