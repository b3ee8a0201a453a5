using System.Linq;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Incidents;

/// <summary>
/// Incident §6: the console reads a copy of the flags file (RAXX305, compile time) and the copy has
/// drifted from the canonical file (RAXX306, the build's output check). One build.
/// </summary>
[Collection(DotnetCollection.Name)]
public class Incident06FlagsYamlDriftTests
{
    [Fact]
    public void ConsoleReadsStaleCopy_Reports()
    {
        var dir = SampleHarness.Incident("06-flags-yaml-drift");
        var build = DotnetCli.Run(dir, new[] { "build", "RaxxConsole" }
            .Concat(DotnetCli.SampleBuildArgs)
            .Concat(new[] { "-p:RaxxDemoteToWarnings=true", "-p:TreatWarningsAsErrors=false" }));

        Assert.NotEqual(0, build.ExitCode); // RAXX306 is an error of the output check
        Assert.Equal(SampleHarness.Expected(dir), SampleHarness.Findings(build.Output, dir));
        Assert.Contains("flag 'flag_console_nav_v2' has default true in the copy but false in the canonical file", build.Output, System.StringComparison.Ordinal);
        Assert.Contains("not the canonical flags file 'samples/incidents/06-flags-yaml-drift/RaxxConsole/feature_flags.yaml'", build.Output, System.StringComparison.Ordinal);
    }
}
