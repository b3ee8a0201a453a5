using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
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
