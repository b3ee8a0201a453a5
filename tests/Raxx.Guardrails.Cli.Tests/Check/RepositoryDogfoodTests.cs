using System;
using System.IO;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Cli.Tests.Check;

/// <summary>This repository passes its own repository rules (every rule discovered in Core), under its raxx-guardrails.yaml.</summary>
public sealed class RepositoryDogfoodTests
{
    [Fact]
    public void ThisRepository_IsClean()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var host = new CliHost(stdout, stderr) { CurrentDirectory = RepoPaths.Root };
        var exit = Cli.Run(new[] { "check", RepoPaths.Root, "--fail-on", "warning" }, host);
        Assert.True(exit == 0, stdout + "\n" + stderr);
        Assert.StartsWith("No findings: all ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RootConfig_ExcludesOnlyIncidentsAndTestData()
    {
        var text = File.ReadAllText(RepoPaths.Combine("raxx-guardrails.yaml"));
        var loaded = Raxx.Guardrails.Core.Repository.RepositoryConfigLoader.Parse(text, "raxx-guardrails.yaml");
        Assert.True(loaded.Success, loaded.Error?.ToString());
        Assert.Empty(loaded.Config!.Severities); // never weakens a rule
        Assert.Empty(loaded.Config.Include);
        Assert.Equal(new[] { "samples/incidents/**", "tests/**/TestData/**" }, loaded.Config.Exclude.ConvertAll(g => g.Pattern));
    }
}
