using System.Linq;

namespace Raxx.Guardrails.Core.Tests.Deploy;

/// <summary>Odd but parseable inputs never make a deploy rule fail ("could not complete" RAXX001).</summary>
public sealed class DeployRobustnessTests
{
    [Theory]
    [InlineData("on: {push: {tags: 5}}\njobs: {a: {steps: x}}\n")]
    [InlineData("on:\n  push:\n    tags: [[nested]]\n    branches: {a: b}\njobs:\n  a:\n    environment: [x]\n    if: [1]\n    steps: [1, [2], {uses: {a: b}}]\n")]
    [InlineData("on: 42\njobs: []\n")]
    [InlineData("on:\n  release:\n    types: published\n  push:\n    tags: ['v*']\njobs:\n  d:\n    if: ${{ }}\n    environment: ${{ 'prod' }}\n    steps:\n      - if: ((((\n        run: x\n")]
    [InlineData("on:\n  push:\n    tags: ['', '!', '[', '\\\\']\njobs:\n  d:\n    if: startsWith(github.ref, 'refs/tags/')\n    environment:\n      url: x\n")]
    [InlineData("name: [a]\non: [push, {release: x}]\npermissions: 5\njobs:\n  x:\n    uses: ./.github/workflows/y.yml\n    secrets: {a: [b]}\n    needs: {a: b}\n")]
    [InlineData("'on':\n  push: ~\njobs: ~\n")]
    public void OddWorkflows_NeverFailARule(string yaml)
    {
        using var repo = new DeployRepo()
            .ReleasePlease("""{ "packages": { ".": { "package-name": 5, "component": [], "tag-separator": {} }, "x": 3 } }""", """{ ".": 1, "x": [] }""")
            .Workflow("odd.yml", yaml);
        var findings = repo.Run();
        Assert.DoesNotContain(findings, f => f.Message.Contains("could not complete"));
    }

    [Fact]
    public void ReleaseConfigWithoutPackages_NeverFails()
    {
        using var repo = new DeployRepo().ReleasePlease("[1, 2]", "\"x\"").Workflow("d.yml", "on:\n  push:\n    tags: ['v*']\njobs: {}\n");
        var findings = repo.Run();
        Assert.DoesNotContain(findings, f => f.Message.Contains("could not complete"));
    }
}
