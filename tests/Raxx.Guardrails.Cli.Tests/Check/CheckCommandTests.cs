using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Cli.Tests.Infrastructure;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Cli.Tests.Check;

public sealed class CheckCommandTests : IDisposable
{
    public const string Secret = "s3cr3t-Value-For-Masking-Test-0123456789";

    private readonly CliFixture _cli = new();

    public CheckCommandTests() => Seed(_cli);

    public void Dispose() => _cli.Dispose();

    /// <summary>A small repository with one error, one warning and one secret, and rules that find them.</summary>
    internal static void Seed(CliFixture cli)
    {
        cli.Write(".github/workflows/deploy.yml", """
            name: deploy
            on:
              push:
                tags: [ 'v*.*.*' ]
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
            	  - run: echo ${{ secrets.HEROKU_API_KEY }}
            """);
        cli.Write("config/app.json", "{\n  \"Name\": \"api\",\n  \"GitHubToken\": \"" + Secret + "\"\n}\n");
        cli.Write("README.md", "nothing to see\n");
        cli.Rules.Add(new MarkerRule("RAXX501", ".github/workflows/*.yml", "'v*.*.*'",
            "deploy.yml triggers on tags 'v*.*.*' but release-please creates 'api-v1.2.3'; trigger on 'api-v*'"));
        cli.Rules.Add(new MarkerRule("RAXX404", ".github/workflows/*.yml", "echo ${{ secrets.HEROKU_API_KEY }}",
            "step prints secret HEROKU_API_KEY to the log; pass it through env: and never echo it"));
        cli.Rules.Add(new MarkerRule("RAXX402", "*.json", Secret,
            "credential 's3cr' (40 chars) in config/app.json: move it to a secret store and rotate it"));
    }

    [Fact]
    public void Text_GroupsByFile_WithCaret_AndMasksSecrets()
    {
        var (exit, stdout, stderr) = _cli.Run("check");
        Assert.Equal(1, exit);
        Assert.DoesNotContain(Secret, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stderr, StringComparison.Ordinal);
        Assert.Contains("checking 3 files", stderr, StringComparison.Ordinal);
        Snapshot.Match(stdout, "check.text");
    }

    [Fact]
    public void GitHub_Format_IsWorkflowCommands()
    {
        var (exit, stdout, _) = _cli.Run("check", ".", "--format", "github");
        Assert.Equal(1, exit);
        Snapshot.Match(stdout, "check.github");
    }

    [Fact]
    public void Sarif_Format_Snapshot()
    {
        var (exit, stdout, _) = _cli.Run("check", "--format", "sarif");
        Assert.Equal(1, exit);
        Assert.DoesNotContain(Secret, stdout, StringComparison.Ordinal);
        Assert.Contains($"\"uri\": \"{new Uri(_cli.Root).AbsoluteUri}/\"", stdout, StringComparison.Ordinal); // SRCROOT
        Snapshot.Match(stdout.Replace(_cli.Root, "/ROOT", StringComparison.Ordinal), "check.sarif");
    }

    [Fact]
    public void Json_Format_Snapshot()
    {
        var (_, stdout, _) = _cli.Run("check", "--format=json");
        Snapshot.Match(stdout, "check.json");
    }

    [Fact]
    public void Output_WritesFile_NotStdout()
    {
        var (exit, stdout, stderr) = _cli.Run("check", "--format", "sarif", "--output", "out/results.sarif");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("wrote sarif to out/results.sarif", stderr, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"RAXX501\"", File.ReadAllText(Path.Combine(_cli.Root, "out", "results.sarif")), StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_ExitsZero_AndSaysAllRulesPass()
    {
        using var clean = new CliFixture();
        clean.Write("README.md", "hello\n");
        clean.Rules.Add(new MarkerRule("RAXX501", "*.yml", "never", "x"));
        var (exit, stdout, _) = clean.Run("check");
        Assert.Equal(0, exit);
        Assert.Equal("No findings: all 1 repository rules pass (1 files checked).\n", stdout);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("none", 0)]
    public void FailOn_ControlsExitCode(string failOn, int expected)
    {
        Assert.Equal(expected, _cli.Run("check", "--fail-on", failOn).Exit);
    }

    [Fact]
    public void WarningsOnly_FailOnlyWithFailOnWarning()
    {
        _cli.Write("raxx-guardrails.yaml", "severity:\n  RAXX501: warning\n  RAXX402: none\n");
        Assert.Equal(0, _cli.Run("check").Exit);
        Assert.Equal(1, _cli.Run("check", "--fail-on", "warning").Exit);
        Assert.DoesNotContain("RAXX402", _cli.Run("check").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_ExcludeGlobs_DropFindings()
    {
        _cli.Write("raxx-guardrails.yaml", "exclude:\n  - .github/**\n  - config/**\n");
        var (exit, stdout, _) = _cli.Run("check");
        Assert.Equal(0, exit);
        Assert.StartsWith("No findings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedConfig_IsLocatedError_Exit2()
    {
        _cli.Write("raxx-guardrails.yaml", "exclude:\n  - ok/**\nseverity:\n  RAXX501: sometimes\n");
        var (exit, stdout, stderr) = _cli.Run("check");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("raxx-guardrails.yaml(4,12): error RAXX001: severity of RAXX501 must be error, warning, note or none, not 'sometimes'\n", stderr);
    }

    [Fact]
    public void ExplicitConfig_IsUsed()
    {
        _cli.Write("ci/guardrails.yaml", "exclude: [ '**' ]\n");
        Assert.Equal(0, _cli.Run("check", "--config", "ci/guardrails.yaml").Exit);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "sometimes")]
    [InlineData("--nope")]
    [InlineData("a", "b")]
    [InlineData("missing-folder")]
    public void UsageErrors_Exit2(params string[] args)
    {
        var (exit, stdout, stderr) = _cli.Run(new[] { "check" }.Concat(args).ToArray());
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommand_Exit2_UnknownCommand_Exit2()
    {
        Assert.Equal(2, _cli.Run().Exit);
        Assert.Equal(2, _cli.Run("lint").Exit);
        Assert.Equal(0, _cli.Run("--help").Exit);
    }

    [Fact]
    public void Build_MergesAnalyzerFindings_RaxxOnly_Deduped_SuppressedSkipped()
    {
        _cli.Write("App.sln", "");
        _cli.Write("src/Api/Program.cs", "var builder = WebApplication.CreateBuilder(args);\n// line 2\n// line 3\nbuilder.Configuration.AddJsonFile(\"instance/config.json\");\n");
        _cli.Dotnet = CliFixture.BuildWritingSarif(_ => CliFixture.CompilerSarif(_cli.Root));
        var (exit, stdout, _) = _cli.Run("check", "--build", "-c", "Release", "--format", "json");
        Assert.Equal(1, exit);

        var build = Assert.Single(_cli.DotnetCalls);
        Assert.Equal("build", build[0]);
        Assert.Equal(Path.Combine(_cli.Root, "App.sln"), build[1]);
        Assert.Contains("--no-incremental", build);
        Assert.Contains("Release", build);

        Assert.Contains("\"path\": \"src/Api/Program.cs\"", stdout, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(stdout, "\"ruleId\": \"RAXX101\""));   // two logs, one finding; the suppressed one skipped
        Assert.Equal(1, CountOf(stdout, "\"ruleId\": \"RAXX304\""));   // level from the rule's default configuration
        Assert.Contains("\"severity\": \"note\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0168", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TextShowsAnalyzerFindingWithCaret()
    {
        _cli.Write("App.csproj", "<Project />");
        _cli.Write("src/Api/Program.cs", "var builder = WebApplication.CreateBuilder(args);\n// line 2\n// line 3\nbuilder.Configuration.AddJsonFile(\"instance/config.json\");\n");
        _cli.Dotnet = CliFixture.BuildWritingSarif(_ => CliFixture.CompilerSarif(_cli.Root), exitCode: 1);
        var (exit, stdout, _) = _cli.Run("check", "--build");
        Assert.Equal(1, exit);
        Assert.Contains("""
              src/Api/Program.cs(4,23): error RAXX101: AddJsonFile("instance/config.json") is added after environment variables and overrides them; add it before, or re-add environment variables after it
                4 | builder.Configuration.AddJsonFile("instance/config.json");
                  |                       ^~~~~~~~~~~
            """, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MergesMSBuildTaskFindings_FromTheBuildOutput()
    {
        _cli.Write("App.csproj", "<Project />");
        var project = Path.Combine(_cli.Root, "src", "Api", "Api.csproj");
        _cli.Dotnet = (_, _) => (1,
            $"  {project}(9,22,9,41): Raxx.Guardrails error RAXX105: instance/config.json is copied to the build output [{project}]\n" +
            $"  {_cli.Root}/Program.cs(3,1): error CS1002: ; expected [{project}]\n" +
            $"  {_cli.Root}/config/flags.yaml : Raxx.Guardrails error RAXX306: the flags file differs from the canonical copy [{project}]\n" +
            "Build FAILED.\n");
        var (exit, stdout, _) = _cli.Run("check", "--build", "--format", "github");
        Assert.Equal(1, exit); // RAXX errors explain the failed build: exit 1, not 2
        Assert.Contains("::error file=src/Api/Api.csproj,line=9,col=22,endLine=9,endColumn=42,title=RAXX105::instance/config.json is copied to the build output", stdout, StringComparison.Ordinal);
        Assert.Contains("::error file=config/flags.yaml,line=1,col=1,endLine=1,endColumn=1,title=RAXX306::the flags file differs", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CS1002", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CompilerFindingOnConsoleAndInSarif_CountsOnce()
    {
        _cli.Write("App.csproj", "<Project />");
        var sarifBuild = CliFixture.BuildWritingSarif(_ => CliFixture.CompilerSarif(_cli.Root), exitCode: 1);
        _cli.Dotnet = (args, dir) =>
        {
            sarifBuild(args, dir);
            return (1, $"  {_cli.Root}/src/Api/Program.cs(4,23): error RAXX101: AddJsonFile(\"instance/config.json\") is added after environment variables and overrides them; add it before, or re-add environment variables after it (https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX101.md) [{_cli.Root}/App.csproj]\n");
        };
        var (_, stdout, _) = _cli.Run("check", "--build", "--format", "github");
        Assert.Single(stdout.Split('\n'), l => l.Contains("title=RAXX101", StringComparison.Ordinal));
        Assert.Contains("endColumn=34,title=RAXX101", stdout, StringComparison.Ordinal); // the SARIF one, with its end column
    }

    [Fact]
    public void Build_FailingForOtherReasons_Exit2_WithBuildErrors()
    {
        _cli.Write("App.csproj", "<Project />");
        _cli.Dotnet = (_, _) => (1, "Program.cs(3,1): error CS1002: ; expected\nBuild FAILED.");
        var (exit, _, stderr) = _cli.Run("check", "--build");
        Assert.Equal(2, exit);
        Assert.Contains("error CS1002", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralSolutions_AskForTarget()
    {
        _cli.Write("A.sln", "");
        _cli.Write("B.sln", "");
        var (exit, _, stderr) = _cli.Run("check", "--build");
        Assert.Equal(2, exit);
        Assert.Contains("--build-target", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SarifInput_IsMerged()
    {
        _cli.Write("build/app.sarif", CliFixture.CompilerSarif(_cli.Root));
        var (_, stdout, _) = _cli.Run("check", "--sarif-input", "build/app.sarif", "--format", "github");
        Assert.Contains("::error file=src/Api/Program.cs,line=4,col=23,endLine=4,endColumn=34,title=RAXX101::", stdout, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
