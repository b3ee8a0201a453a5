using System.Linq;
using Raxx.Guardrails.Core.Deploy;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class FilterPatternTests
{
    [Theory]
    [InlineData("v*.*.*", "v1.10.1", true)]
    [InlineData("v*.*.*", "trademaster-api-v1.10.1", false)]
    [InlineData("trademaster-api-v*.*.*", "trademaster-api-v1.10.1", true)]
    [InlineData("v[0-9]+.[0-9]+.[0-9]+", "v10.2.33", true)]
    [InlineData("v[0-9]+.[0-9]+.[0-9]+", "v1.2", false)]
    [InlineData("colou?r", "color", true)]
    [InlineData("colou?r", "colour", true)]
    [InlineData("*", "a/b", false)]
    [InlineData("**", "a/b", true)]
    [InlineData("\\+plus", "+plus", true)]
    [InlineData("\\+plus", "pplus", false)]
    [InlineData("V1", "v1", false)]
    public void IsMatch(string pattern, string name, bool expected)
    {
        var compiled = FilterPattern.TryCompile(pattern)!;
        Assert.Equal(expected, compiled.IsMatch(name));
    }

    [Theory]
    [InlineData("v*.*.*", "v")]
    [InlineData("trademaster-api-v*", "trademaster-api-v")]
    [InlineData("release/x?", "release/")]
    [InlineData("ab+c", "ab")]
    [InlineData("\\!x*", "!x")]
    [InlineData("!v1*", "v1")]
    [InlineData("[ab]x", "")]
    public void LiteralPrefix(string pattern, string prefix) =>
        Assert.Equal(prefix, FilterPattern.TryCompile(pattern)!.LiteralPrefix);

    [Fact]
    public void InvalidPattern_DoesNotCompile_AndSaysWhy()
    {
        Assert.Null(FilterPattern.TryCompile("v[0-9"));
        var error = FilterPatternValidator.Validate("v[0-9", FilterPatternKind.Ref).Single();
        Assert.Equal(FilterPatternErrorKind.UnclosedCharacterClass, error.Kind);
        Assert.Contains("missing ']'", error.Message);
    }

    [Fact]
    public void OrderedNegation_LastMatchWins()
    {
        var list = new FilterList(new[] { "releases/**", "!releases/**-alpha", "releases/keep-alpha" });
        Assert.True(list.Includes("releases/10"));
        Assert.False(list.Includes("releases/10-alpha"));
        Assert.True(list.Includes("releases/keep-alpha"));
    }

    private static WorkflowTrigger Push(string yaml) =>
        WorkflowReader.Load("w.yml", "on:\n  push:\n" + yaml + "jobs: {}\n").Workflow!.GetTrigger("push")!;

    [Fact]
    public void PushTrigger_OnlyTagsDefined_BranchPushesDoNotRun()
    {
        var push = Push("    tags: ['v*']\n");
        Assert.True(push.AdmitsPushRef("refs/tags/v1"));
        Assert.False(push.AdmitsPushRef("refs/heads/main"));
        Assert.False(push.AdmitsPushRef("refs/heads/v1"));
    }

    [Fact]
    public void PushTrigger_OnlyBranchesDefined_TagPushesDoNotRun()
    {
        var push = Push("    branches-ignore: ['wip/**']\n");
        Assert.True(push.AdmitsPushRef("refs/heads/main"));
        Assert.False(push.AdmitsPushRef("refs/heads/wip/x"));
        Assert.False(push.AdmitsPushRef("refs/tags/v1"));
    }

    [Fact]
    public void PushTrigger_NoFilters_EverythingRuns()
    {
        var push = WorkflowReader.Load("w.yml", "on: push\njobs: {}\n").Workflow!.GetTrigger("push")!;
        Assert.True(push.AdmitsPushRef("refs/heads/main"));
        Assert.True(push.AdmitsPushRef("refs/tags/anything"));
    }

    [Fact]
    public void PushTrigger_TagsIgnore()
    {
        var push = Push("    tags-ignore: ['*-rc*']\n");
        Assert.True(push.AdmitsPushRef("refs/tags/v1.0.0"));
        Assert.False(push.AdmitsPushRef("refs/tags/v1.0.0-rc1"));
        Assert.False(push.AdmitsPushRef("refs/heads/main"));
    }
}
