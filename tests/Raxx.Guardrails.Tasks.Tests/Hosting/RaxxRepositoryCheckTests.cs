using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Xunit;

namespace Raxx.Guardrails.Tasks.Tests.Hosting;

public sealed class RaxxRepositoryCheckTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private void TrackedInstanceFile()
    {
        _repo.Write("src/Api/Api.csproj", "<Project />");
        _repo.Write("src/Api/instance/config.json", "{ \"WEBAUTHN_RP_ID\": \"\" }");
        _repo.Git("init -q");
        _repo.Git("add -f .");
        _repo.Git("commit -qm init");
    }

    private static RaxxRepositoryCheck Task(FakeBuildEngine engine, string projectDirectory, string? mode = null) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = projectDirectory,
        AnalysisMode = mode,
        Rules = new[] { "RAXX105" },
        DisableCrossProcessDeduplication = true,
    };

    [Fact]
    public void RepositoryFinding_Reports_WithCodeFileAndHelpLink()
    {
        TrackedInstanceFile();
        var engine = new FakeBuildEngine();

        var task = Task(engine, _repo.Path_("src/Api"));
        var ok = task.Execute();

        Assert.False(ok);
        Assert.True(task.Ran);
        Assert.Equal(Path.GetFullPath(_repo.Root).TrimEnd('/'), task.ResolvedRepositoryRoot);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RAXX105", error.Code);
        Assert.Equal(Path.Combine(task.ResolvedRepositoryRoot, "src/Api/instance/config.json"), error.File);
        Assert.Equal("https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX105.md", error.HelpLink);
        Assert.Contains("src/Api/instance/config.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("tracked by git", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, task.ErrorCount);
    }

    [Fact]
    public void SecondProjectInSameBuild_NoReport()
    {
        TrackedInstanceFile();
        _repo.Write("src/Worker/Worker.csproj", "<Project />");
        var engine = new FakeBuildEngine();

        var first = Task(engine, _repo.Path_("src/Api"));
        var second = Task(engine, _repo.Path_("src/Worker"));
        first.Execute();
        var secondOk = second.Execute();

        Assert.True(first.Ran);
        Assert.False(second.Ran);
        Assert.True(secondOk);
        Assert.Single(engine.Errors);
    }

    [Fact]
    public void NextBuild_Reports_Again()
    {
        TrackedInstanceFile();
        var firstBuild = new FakeBuildEngine();
        var secondBuild = new FakeBuildEngine();

        Task(firstBuild, _repo.Path_("src/Api")).Execute();
        Task(secondBuild, _repo.Path_("src/Api")).Execute();

        Assert.Single(firstBuild.Errors);
        Assert.Single(secondBuild.Errors);
    }

    [Fact]
    public void ConfiguredSeverity_Warning_Reports_AsWarning_AndStrictModeMakesItAnError()
    {
        TrackedInstanceFile();
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX105: warning\n");
        var recommended = new FakeBuildEngine();
        var strict = new FakeBuildEngine();

        var ok = Task(recommended, _repo.Path_("src/Api")).Execute();
        var strictOk = Task(strict, _repo.Path_("src/Api"), mode: "strict").Execute();

        Assert.True(ok);
        Assert.Empty(recommended.Errors);
        Assert.Equal("RAXX105", Assert.Single(recommended.Warnings).Code);
        Assert.False(strictOk);
        Assert.Equal("RAXX105", Assert.Single(strict.Errors).Code);
    }

    [Fact]
    public void ExcludedPath_NoReport()
    {
        TrackedInstanceFile();
        _repo.Write("raxx-guardrails.yaml", "exclude:\n  - src/Api/instance/**\n");
        var engine = new FakeBuildEngine();

        var ok = Task(engine, _repo.Path_("src/Api")).Execute();

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void InvalidConfig_Reports_Raxx001AtTheLine()
    {
        TrackedInstanceFile();
        _repo.Write("raxx-guardrails.yaml", "exclude:\n  - docs/**\nseverities:\n  RAXX105: loud\n");
        var engine = new FakeBuildEngine();

        Task(engine, _repo.Path_("src/Api")).Execute();

        var problem = Assert.Single(engine.Errors, e => e.Code == "RAXX001");
        Assert.Equal(Path.Combine(Path.GetFullPath(_repo.Root), "raxx-guardrails.yaml"), problem.File);
        Assert.Equal(4, problem.LineNumber);
        Assert.Equal(12, problem.ColumnNumber);
        Assert.Contains("severity of RAXX105 must be error, warning, note or none, not 'loud'", problem.Message, StringComparison.Ordinal);
        Assert.Single(engine.Errors, e => e.Code == "RAXX105");
    }

    [Fact]
    public void NotAGitRepository_UsesSolutionDirectory_NoReport()
    {
        _repo.Write("sln/app/instance/config.json", "{}");
        var engine = new FakeBuildEngine();
        var task = new RaxxRepositoryCheck
        {
            BuildEngine = engine,
            ProjectDirectory = _repo.Path_("sln/app"),
            SolutionDirectory = _repo.Path_("sln") + "/",
            DisableCrossProcessDeduplication = true,
            Rules = new[] { "RAXX105" },
        };

        Assert.True(task.Execute());
        Assert.Equal(_repo.Path_("sln"), task.ResolvedRepositoryRoot);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Normal && m.Message!.Contains("checked", StringComparison.Ordinal));
    }

    [Fact]
    public void SessionIdentity_OnLinux_IsTheProcessThatStartedTheBuild()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var identity = Raxx.Guardrails.Tasks.Hosting.BuildSession.CurrentSessionIdentity();

        Assert.NotNull(identity);
        Assert.StartsWith(Environment.ProcessId + ":", identity, StringComparison.Ordinal);
    }
}
