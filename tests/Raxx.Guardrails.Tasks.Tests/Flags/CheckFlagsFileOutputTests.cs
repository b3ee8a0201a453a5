using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Raxx.Guardrails.Tasks.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Tasks.Tests.Flags;

public sealed class CheckFlagsFileOutputTests : IDisposable
{
    private const string Canonical = "flags:\n  console_nav_v2:\n    default: false\n";
    private readonly TempDirectory _temp = new("flagsout");

    public CheckFlagsFileOutputTests()
    {
        Directory.CreateDirectory(_temp.Combine("bin"));
        File.WriteAllText(_temp.Combine("feature_flags.yaml"), Canonical);
    }

    public void Dispose() => _temp.Dispose();

    private (bool Ok, RecordingEngine Engine) Run(string? projectDir = null)
    {
        var engine = new RecordingEngine();
        var task = new CheckFlagsFileOutput
        {
            BuildEngine = engine,
            FlagsFile = _temp.Combine("feature_flags.yaml"),
            OutputDirectory = _temp.Combine("bin"),
            Stage = "publish",
            ProjectDirectory = projectDir,
        };
        return (task.Execute(), engine);
    }

    [Fact]
    public void MissingFromOutput_Reports()
    {
        var (ok, engine) = Run();
        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RAXX306", error.Code);
        Assert.Contains("is not in the publish output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentInOutput_Reports()
    {
        File.WriteAllText(_temp.Combine("bin", "feature_flags.yaml"), "flags:\n  console_nav_v2:\n    default: true\n");
        var (ok, engine) = Run();
        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("has default true in the copy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleCopyInProject_Reports()
    {
        File.WriteAllText(_temp.Combine("bin", "feature_flags.yaml"), Canonical);
        Directory.CreateDirectory(_temp.Combine("console", "config"));
        File.WriteAllText(_temp.Combine("console", "config", "feature_flags.yaml"), "flags:\n");
        var (ok, engine) = Run(_temp.Path);
        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.EndsWith(Path.Combine("console", "config", "feature_flags.yaml"), error.File, StringComparison.Ordinal);
        Assert.Contains("console/config/feature_flags.yaml is a copy of the canonical flags file", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The folder the task finds the repository from (no git above the temp folder: it is the root).</summary>
    private (bool Ok, RecordingEngine Engine, CheckFlagsFileOutput Task) RunInRepository(string? mode = null, string? inPublishList = null)
    {
        var engine = new RecordingEngine();
        var task = new CheckFlagsFileOutput
        {
            BuildEngine = engine,
            FlagsFile = _temp.Combine("feature_flags.yaml"),
            OutputDirectory = _temp.Combine("bin"),
            Stage = "publish",
            ProjectFolder = _temp.Path,
            AnalysisMode = mode,
            InPublishList = inPublishList,
        };
        return (task.Execute(), engine, task);
    }

    [Fact]
    public void ConfiguredSeverity_Warning_Reports_AsWarning_AndStrictModeMakesItAnError()
    {
        // as the repository part and the other output checks: the config's severity, then strict mode
        _temp.Write("raxx-guardrails.yaml", "severities:\n  RAXX306: warning\n");

        var (ok, engine, task) = RunInRepository();
        var (strictOk, strict, _) = RunInRepository(mode: "strict");

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RAXX306", warning.Code);
        Assert.Contains("is not in the publish output", warning.Message, StringComparison.Ordinal);
        Assert.Equal("https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX306.md", warning.HelpLink);
        // the target writes no stamp when something was reported: the warning comes back on every build
        Assert.True(task.Reported);
        Assert.False(strictOk);
        Assert.Equal("RAXX306", Assert.Single(strict.Errors).Code);
    }

    [Fact]
    public void RuleTurnedOffInRepositoryConfig_NoReport_AndReadFilesNameTheConfig()
    {
        _temp.Write("raxx-guardrails.yaml", "severities:\n  RAXX306: none\n");

        var (ok, engine, task) = RunInRepository();

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.False(task.Reported);
        // the targets keep these in the description: the config changing or going re-runs a skipped check
        Assert.Equal(new[] { _temp.Combine("raxx-guardrails.yaml"), _temp.Combine("raxx-guardrails.yml") }, task.ReadFiles.Select(i => i.ItemSpec));
    }

    [Fact]
    public void NotInPublishList_Reports_WithoutLookingAtTheFolder()
    {
        File.WriteAllText(_temp.Combine("bin", "feature_flags.yaml"), "flags:\n");

        var (ok, engine, task) = RunInRepository(inPublishList: "false");
        var (listedOk, listed, _) = RunInRepository(inPublishList: "true");

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RAXX306", error.Code);
        Assert.StartsWith("The canonical flags file feature_flags.yaml is not in the publish output: the app will read no flags in production; add <None Update=\"feature_flags.yaml\"", error.Message, StringComparison.Ordinal);
        Assert.True(task.Reported);
        Assert.True(listedOk);
        Assert.Empty(listed.Errors);
    }

    [Fact]
    public void IdenticalOutputAndNoCopies_NoReport()
    {
        File.WriteAllText(_temp.Combine("bin", "feature_flags.yaml"), Canonical.Replace("\n", "\r\n"));
        var (ok, engine) = Run(_temp.Path);
        Assert.True(ok);
        Assert.Empty(engine.Errors);
    }

    internal sealed class RecordingEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = new();
        public List<BuildWarningEventArgs> Warnings { get; } = new();
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.proj";
        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
        public void LogMessageEvent(BuildMessageEventArgs e) { }
        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    }
}
