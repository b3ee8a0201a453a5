using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Tasks.Config;
using Raxx.Guardrails.Tasks.Tests.Hosting;
using Xunit;

namespace Raxx.Guardrails.Tasks.Tests.Config;

public sealed class Raxx105LocalOverrideOutputCheckTests : IDisposable
{
    private const string ProjectText = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <None Include="instance/config.json" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
        </Project>
        """;

    private readonly TempRepository _repo = new();
    private readonly FakeBuildEngine _engine = new();
    private readonly string _projectDirectory;
    private readonly string _projectFile;

    public Raxx105LocalOverrideOutputCheckTests()
    {
        _repo.Git("init -q");
        _projectFile = _repo.Write("src/Api/Api.csproj", ProjectText);
        _projectDirectory = Path.GetDirectoryName(_projectFile)!;
    }

    public void Dispose() => _repo.Dispose();

    private static TaskItem Item(string spec, params (string Name, string Value)[] metadata) =>
        new(spec, metadata.ToDictionary(m => m.Name, m => m.Value));

    private Raxx105LocalOverrideOutputCheck Task(FakeBuildEngine? engine = null, string? mode = null) => new()
    {
        BuildEngine = engine ?? _engine,
        ProjectDirectory = _projectDirectory,
        ProjectFile = _projectFile,
        AnalysisMode = mode,
    };

    [Fact]
    public void NoneItemCopiedToBuildOutput_Reports_AtTheItemLine()
    {
        var task = Task();
        task.None = new ITaskItem[] { Item("instance/config.json", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RAXX105", error.Code);
        Assert.Equal(_projectFile, error.File);
        Assert.Equal(6, error.LineNumber);
        Assert.Equal(20, error.ColumnNumber);
        Assert.Equal(6, error.EndLineNumber);
        Assert.Equal(39, error.EndColumnNumber);
        Assert.Equal(
            "instance/config.json is a local override configuration file (matches 'instance/**') and is copied to the build output by None item 'instance/config.json' (CopyToOutputDirectory=PreserveNewest): wherever that output runs, it overrides the environment's configuration. Fix: remove the None item or set CopyToOutputDirectory=\"Never\", and keep the file out of git.",
            error.Message);
        Assert.Equal("https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX105.md", error.HelpLink);
        Assert.Single(task.ShippedFiles);
    }

    [Fact]
    public void SdkContentCopiedToBuildAndPublish_Reports_AtTheFile()
    {
        var task = Task();
        task.Content = new ITaskItem[]
        {
            Item("appsettings.Local.json", ("CopyToOutputDirectory", "PreserveNewest"), ("CopyToPublishDirectory", "PreserveNewest")),
        };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(Path.Combine(_projectDirectory, "appsettings.Local.json"), error.File);
        Assert.Equal(0, error.LineNumber);
        Assert.Contains("copied to the build output and the publish output by Content item 'appsettings.Local.json' (CopyToOutputDirectory=PreserveNewest, CopyToPublishDirectory=PreserveNewest)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvedFileToPublish_Reports_WithItsRelativePath()
    {
        var task = Task();
        task.ResolvedFileToPublish = new ITaskItem[]
        {
            Item("../linked/overrides.json", ("RelativePath", "instance/config.json"), ("CopyToPublishDirectory", "Always")),
        };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Contains("copied to the publish output by ResolvedFileToPublish item '../linked/overrides.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("RelativePath=instance/config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameFileThroughSeveralItemTypes_Reports_Once()
    {
        var task = Task();
        task.None = new ITaskItem[] { Item("instance/config.json", ("CopyToOutputDirectory", "Always")) };
        task.ContentWithTargetPath = new ITaskItem[] { Item("instance/config.json", ("CopyToOutputDirectory", "Always"), ("TargetPath", "instance/config.json")) };

        task.Execute();
        var again = Task();
        again.None = task.None;
        again.Execute();

        Assert.Single(_engine.Errors);
    }

    [Theory]
    [InlineData("appsettings.Development.local.json")]
    [InlineData("secrets.local.json")]
    [InlineData("config/instance/settings.yaml")]
    public void DefaultPatterns_Report(string file)
    {
        var task = Task();
        task.None = new ITaskItem[] { Item(file, ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.False(task.Execute());
        Assert.Single(_engine.Errors);
    }

    [Theory]
    [InlineData("appsettings.json", "PreserveNewest")]
    [InlineData("appsettings.Production.json", "Always")]
    [InlineData("instance/config.json", "Never")]
    [InlineData("instance/config.json", "")]
    [InlineData("instances.json", "PreserveNewest")]
    [InlineData("local.json.template", "PreserveNewest")]
    public void LookAlikes_NoReport(string file, string copy)
    {
        var task = Task();
        task.None = new ITaskItem[] { Item(file, ("CopyToOutputDirectory", copy)) };
        task.Content = new ITaskItem[] { Item(file, ("CopyToPublishDirectory", copy)) };

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void ItemGroupPattern_Reports_AndDefaultsCanBeDropped()
    {
        var custom = Task();
        custom.LocalOverrideFiles = new ITaskItem[] { Item("config/dev-*.yaml") };
        custom.UseDefaultPatterns = false;
        custom.None = new ITaskItem[]
        {
            Item("config/dev-overrides.yaml", ("CopyToOutputDirectory", "PreserveNewest")),
            Item("instance/config.json", ("CopyToOutputDirectory", "PreserveNewest")),
        };

        Assert.False(custom.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Contains("config/dev-overrides.yaml is a local override configuration file (matches 'config/dev-*.yaml')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryConfigPattern_Reports()
    {
        _repo.Write("raxx-guardrails.yaml", "localOverrides:\n  - overrides/*.ini\n");
        var task = Task();
        task.None = new ITaskItem[] { Item("overrides/site.ini", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.False(task.Execute());
        Assert.Contains("(matches 'overrides/*.ini')", Assert.Single(_engine.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleTurnedOffInRepositoryConfig_NoReport()
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX105: none\n");
        var task = Task();
        task.None = new ITaskItem[] { Item("instance/config.json", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void ConfiguredSeverity_Warning_Reports_AsWarning_AndStrictModeMakesItAnError()
    {
        // as the repository part (RaxxRepositoryCheckTests): the config's severity, then strict mode
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX105: warning\n");
        var strict = new FakeBuildEngine();
        var task = Task();
        task.None = new ITaskItem[] { Item("instance/config.json", ("CopyToOutputDirectory", "PreserveNewest")) };
        var strictTask = Task(strict, mode: "strict");
        strictTask.None = task.None;

        Assert.True(task.Execute());
        Assert.False(strictTask.Execute());

        Assert.Empty(_engine.Errors);
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("RAXX105", warning.Code);
        Assert.Equal(_projectFile, warning.File);
        Assert.Equal(6, warning.LineNumber);
        Assert.StartsWith("instance/config.json is a local override configuration file", warning.Message, StringComparison.Ordinal);
        // still returned: the target writes no stamp, so the warning comes back on every build
        Assert.Single(task.ShippedFiles);
        Assert.Equal("RAXX105", Assert.Single(strict.Errors).Code);
        Assert.Empty(strict.Warnings);
    }

    [Fact]
    public void ConfiguredSeverity_Note_Reports_AsMessage()
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX105: note\n");
        var task = Task();
        task.None = new ITaskItem[] { Item("instance/config.json", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        var note = Assert.Single(_engine.Messages, m => m.Code == "RAXX105");
        Assert.Equal(MessageImportance.High, note.Importance);
        Assert.Single(task.ShippedFiles);
    }

    [Fact]
    public void ReadFiles_NameTheConfigAndTheMisnamedConfig()
    {
        // the build target keeps these in the check's description: a raxx-guardrails.yml created or deleted (which the
        // loader refuses with RAXX001) must re-run a skipped check, as it does RAXX403's
        var task = Task();

        Assert.True(task.Execute());

        Assert.Equal(new[] { _repo.Path_("raxx-guardrails.yaml"), _repo.Path_("raxx-guardrails.yml") }, task.ReadFiles.Select(i => i.ItemSpec));
    }

    [Fact]
    public void MisnamedConfig_Reports_Raxx001()
    {
        _repo.Write("raxx-guardrails.yml", "severities:\n  RAXX105: none\n");
        var task = Task();

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RAXX001", error.Code);
        Assert.Contains("the config file must be named 'raxx-guardrails.yaml' (found 'raxx-guardrails.yml'", error.Message, StringComparison.Ordinal);
    }
}
