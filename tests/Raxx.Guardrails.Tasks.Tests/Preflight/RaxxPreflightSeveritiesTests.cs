using System;
using System.Linq;
using Raxx.Guardrails.Tasks.Preflight;
using Raxx.Guardrails.Tasks.Tests.Hosting;
using Raxx.Guardrails.Testing.Process;
using Xunit;

namespace Raxx.Guardrails.Tasks.Tests.Preflight;

/// <summary>
/// The MSBuild host of the boot preflight honours the repository config's <c>severities</c> for the preflight's own
/// findings (the mapping is Core's, RepositoryConfig.ConfigureProblem): the stand-in app crashes when its one flag is
/// flipped (RAXX602 at the flag's line) and its flags file has an unknown key (RAXX303). Two real boots per case.
/// </summary>
public sealed class RaxxPreflightSeveritiesTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private readonly string _project;

    public RaxxPreflightSeveritiesTests()
    {
        _repo.Git("init -q");
        _project = _repo.Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        _repo.Write("src/Api/feature_flags.yaml", "flags:\n  webauthn_registration:\n    default: false\n    rollout: 10\n");
    }

    public void Dispose() => _repo.Dispose();

    private (bool Result, FakeBuildEngine Engine, RaxxPreflight Task) Run(string severities, string? analysisMode = null)
    {
        _repo.Write("raxx-guardrails.yaml", severities + "preflight:\n  timeout_seconds: 60\n  discover: false\n  env:\n    FAKEAPP_MODE: crash-flag\n");
        var engine = new FakeBuildEngine();
        var task = new RaxxPreflight
        {
            BuildEngine = engine,
            AppPath = RepoPaths.FakeApp,
            ProjectPath = _project,
            RepositoryRoot = _repo.Root,
            AnalysisMode = analysisMode,
            DisableCrossProcessDeduplication = true,
        };
        return (task.Execute(), engine, task);
    }

    private static string[] Codes(FakeBuildEngine engine, string kind) => kind switch
    {
        "error" => engine.Errors.Select(e => e.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray(),
        "warning" => engine.Warnings.Select(e => e.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray(),
        _ => engine.Messages.Where(m => m.Code != null).Select(m => m.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray(),
    };

    [Fact]
    public void Default_BothAreErrors_TheBuildFails()
    {
        var (result, engine, task) = Run("");

        Assert.False(result);
        Assert.Equal(new[] { "RAXX303", "RAXX602" }, Codes(engine, "error"));
        Assert.Equal(2, task.ErrorCount);
        Assert.Contains(engine.Errors, e => e.Code == "RAXX602" && e.File.EndsWith("feature_flags.yaml", StringComparison.Ordinal) && e.LineNumber == 2);
    }

    [Fact]
    public void Warning_BothAreWarnings_TheBuildPasses()
    {
        var (result, engine, task) = Run("severities:\n  RAXX303: warning\n  RAXX602: warning\n");

        Assert.True(result, string.Join("\n", engine.Errors.Select(e => e.Code + ": " + e.Message)));
        Assert.Empty(engine.Errors);
        Assert.Equal(new[] { "RAXX303", "RAXX602" }, Codes(engine, "warning"));
        Assert.Equal(0, task.ErrorCount);
    }

    [Fact]
    public void None_NeitherIsReported()
    {
        var (result, engine, _) = Run("severities:\n  RAXX303: none\n  RAXX602: none\n");

        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.DoesNotContain(engine.Messages, m => m.Code is "RAXX303" or "RAXX602");
        Assert.Contains(engine.Messages, m => m.Message!.Contains("0 finding(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Note_IsAMessage()
    {
        var (result, engine, _) = Run("severities:\n  RAXX303: note\n  RAXX602: note\n");

        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Equal(new[] { "RAXX303", "RAXX602" }, Codes(engine, "message"));
    }

    [Fact]
    public void OtherRulesSeverities_DoNotLeak()
    {
        var (result, engine, _) = Run("severities:\n  RAXX601: none\n  RAXX603: warning\n  RAXX304: none\n  RAXX001: none\n");

        Assert.False(result);
        Assert.Equal(new[] { "RAXX303", "RAXX602" }, Codes(engine, "error"));
    }

    [Fact]
    public void StrictMode_StillMakesAConfiguredWarningAnError()
    {
        // as for every finding the tasks log (FindingLogger): RaxxAnalysisMode=strict/ci reports warnings and notes as errors
        var (result, engine, _) = Run("severities:\n  RAXX303: warning\n  RAXX602: warning\n", analysisMode: "strict");

        Assert.False(result);
        Assert.Equal(new[] { "RAXX303", "RAXX602" }, Codes(engine, "error"));
    }
}
