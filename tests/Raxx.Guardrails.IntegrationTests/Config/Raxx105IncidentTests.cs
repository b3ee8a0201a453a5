using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.IntegrationTests.Package;
using Raxx.Guardrails.Testing.Process;
using Xunit;

namespace Raxx.Guardrails.IntegrationTests.Config;

/// <summary>samples/incidents/07-instance-file-shipped: the build fails with RAXX105 before the file reaches bin/; the fixed twin builds.</summary>
[Collection(DotnetCollection.Name)]
public sealed class Raxx105IncidentTests
{
    private static readonly string Incident = RepoPaths.Combine("samples", "incidents", "07-instance-file-shipped");

    [Fact]
    public void InstanceFileCopiedToOutput_Reports_AndFixedTwin_NoReport()
    {
        var project = Path.Combine(Incident, "Raptor.Api");
        var output = Path.Combine(project, "bin", RepoPaths.Configuration, "net10.0");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var bad = DotnetCli.Run(project, new[] { "build" }.Concat(DotnetCli.SampleBuildArgs));

        Assert.True(bad.ExitCode != 0, bad.ToString());
        var found = BuildOutput.Parse(bad.Output).Where(d => d.Code.StartsWith("RAXX", StringComparison.Ordinal))
            .Select(d => (d.Code, Path.GetRelativePath(Incident, d.File).Replace('\\', '/'), d.Line))
            .Distinct()
            .OrderBy(d => d.ToString(), StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(BuildOutput.ReadExpected(Incident).OrderBy(d => d.ToString(), StringComparer.Ordinal).ToArray(), found);
        Assert.Contains("by Content item 'instance/config.json' (CopyToOutputDirectory=PreserveNewest, CopyToPublishDirectory=PreserveNewest", bad.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "instance", "config.json")), "the check must fail the build before the file is copied");

        var good = DotnetCli.Run(Path.Combine(Incident, "fixed", "Raptor.Api"), new[] { "build" }.Concat(DotnetCli.SampleBuildArgs));

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.DoesNotContain("RAXX", good.Output, StringComparison.Ordinal);
    }
}
