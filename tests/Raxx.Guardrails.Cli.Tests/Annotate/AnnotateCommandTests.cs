using System;
using System.IO;
using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Cli.Tests.Check;
using Raxx.Guardrails.Cli.Tests.Infrastructure;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Cli.Tests.Annotate;

public sealed class AnnotateCommandTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("100% done", "100%25 done")]
    [InlineData("line1\nline2", "line1%0Aline2")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("key: a, b", "key: a, b")]
    [InlineData("%0A literal", "%250A literal")]
    public void EscapeData(string raw, string escaped) => Assert.Equal(escaped, GitHubAnnotations.EscapeData(raw));

    [Theory]
    [InlineData("dir:a/b,c.yml", "dir%3Aa/b%2Cc.yml")]
    [InlineData("50%\n", "50%25%0A")]
    public void EscapeProperty(string raw, string escaped) => Assert.Equal(escaped, GitHubAnnotations.EscapeProperty(raw));

    [Fact]
    public void Annotate_OursAndCompilerLogs_RelativePaths_Deduped_Summary()
    {
        CheckCommandTests.Seed(_cli);
        Assert.Equal(1, _cli.Run("check", "--format", "sarif", "--output", "ours.sarif").Exit);
        _cli.Write("logs/Api.sarif", CliFixture.CompilerSarif(_cli.Root));
        _cli.Write("logs/Api.Tests.sarif", CliFixture.CompilerSarif(_cli.Root));
        var summary = Path.Combine(_cli.Root, "summary.md");
        File.WriteAllText(summary, "previous step\n");
        _cli.Environment["GITHUB_STEP_SUMMARY"] = summary;
        _cli.Environment["GITHUB_WORKSPACE"] = _cli.Root;

        var (exit, stdout, _) = _cli.Run("annotate", "ours.sarif", "logs/Api.sarif", "logs/Api.Tests.sarif");

        Assert.Equal(0, exit); // annotate reports; check decides
        Assert.DoesNotContain(CheckCommandTests.Secret, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Root, stdout, StringComparison.Ordinal);
        Snapshot.Match(stdout, "annotate.commands");
        var written = File.ReadAllText(summary);
        Assert.StartsWith("previous step\n", written, StringComparison.Ordinal); // appended, not replaced
        Snapshot.Match(written, "annotate.summary");
    }

    [Fact]
    public void Annotate_FailOn_Error()
    {
        _cli.Write("a.sarif", CliFixture.CompilerSarif(_cli.Root));
        Assert.Equal(1, _cli.Run("annotate", "a.sarif", "--root", ".", "--fail-on", "error").Exit);
    }

    [Fact]
    public void Annotate_AllRules_IncludesCompilerWarnings()
    {
        _cli.Write("a.sarif", CliFixture.CompilerSarif(_cli.Root));
        var (_, stdout, _) = _cli.Run("annotate", "a.sarif", "--root", ".", "--all-rules");
        Assert.Contains("::warning file=src/Api/Program.cs,line=6,col=13,endLine=6,endColumn=19,title=CS0168::The variable 'unused' is declared but never used", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_NoFindings_SummarySaysAllPass()
    {
        using var clean = new CliFixture();
        clean.Write("README.md", "x\n");
        Assert.Equal(0, clean.Run("check", "--format", "sarif", "-o", "r.sarif").Exit);
        var summary = Path.Combine(clean.Root, "summary.md");
        clean.Environment["GITHUB_STEP_SUMMARY"] = summary;
        var (exit, stdout, _) = clean.Run("annotate", "r.sarif");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("## Raxx.Guardrails\n\nAll guardrails pass: no findings.\n", File.ReadAllText(summary));
    }

    [Fact]
    public void Annotate_BadInput_Exit2_Located()
    {
        _cli.Write("bad.sarif", "{\n  \"version\": \"2.0.0\",\n  \"runs\": []\n}\n");
        _cli.Write("broken.sarif", "{\n  \"version\": \n");
        var (exit, _, stderr) = _cli.Run("annotate", "bad.sarif");
        Assert.Equal(2, exit);
        Assert.Contains("bad.sarif(2,14): SARIF version '2.0.0' is not supported", stderr, StringComparison.Ordinal);
        Assert.Equal(2, _cli.Run("annotate", "broken.sarif").Exit);
        Assert.Equal(2, _cli.Run("annotate", "missing.sarif").Exit);
        Assert.Equal(2, _cli.Run("annotate").Exit);
    }

    [Fact]
    public void Annotation_NoteBecomesNotice_NoneIsDropped()
    {
        var text = GitHubAnnotations.Format(new[]
        {
            new Finding("RAXX304", FindingSeverity.Note, "stale flag", new FindingLocation("flags.yaml", 3, 3, 3, 7)),
            new Finding("RAXX304", FindingSeverity.None, "off", new FindingLocation("flags.yaml", 4, 3, 4, 7)),
        });
        Assert.Equal("::notice file=flags.yaml,line=3,col=3,endLine=3,endColumn=7,title=RAXX304::stale flag%0ADocs: https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX304.md\n", text);
    }
}

public sealed class AnnotateSubfolderTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void CheckOfSubfolder_AnnotatesWorkspaceRelativePaths()
    {
        _cli.Write("services/api/.github/workflows/deploy.yml", "on:\n  push:\n    tags: [ 'v*.*.*' ]\n");
        _cli.Rules.Add(new MarkerRule("RAXX501", ".github/workflows/*.yml", "'v*.*.*'", "no tag matches"));
        Assert.Equal(1, _cli.Run("check", "services/api", "--format", "sarif", "-o", "r.sarif").Exit);
        _cli.Environment["GITHUB_WORKSPACE"] = _cli.Root;
        var (_, stdout, _) = _cli.Run("annotate", "r.sarif");
        Assert.StartsWith("::error file=services/api/.github/workflows/deploy.yml,line=3,col=13,", stdout, StringComparison.Ordinal);
    }
}
