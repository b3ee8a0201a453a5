using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Incidents;

/// <summary>
/// Incident §3: a typo'd flag gate (RAXX301) and a mapping method nobody calls (RAXX302) both build
/// into routes that answer 404. One build (findings demoted to warnings so the app exists), then a run.
/// </summary>
[Collection(DotnetCollection.Name)]
public class Incident03FlagGatedRouteTests
{
    [Fact]
    public async Task TypoGateAndUncalledMapping_ReportAndAnswer404()
    {
        var dir = SampleHarness.Incident("03-flag-gated-route-404");
        var build = DotnetCli.Run(dir, new[] { "build", "RaxxConsole" }
            .Concat(DotnetCli.SampleBuildArgs)
            .Concat(new[] { "-p:RaxxDemoteToWarnings=true", "-p:TreatWarningsAsErrors=false" }));

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(SampleHarness.Expected(dir), SampleHarness.Findings(build.Output, dir));
        Assert.Contains("did you mean 'ConsoleCustomerAdmin'?", build.Output, System.StringComparison.Ordinal);

        var dll = Path.Combine(dir, "RaxxConsole", "bin", RepoPaths.Configuration, "net10.0", "RaxxConsole.dll");
        var responses = await SampleHarness.RunAndGetAsync(dll, "/console/health",
            new[] { "/console/nav", "/console/customers", "/console/admins/online" });

        Assert.Equal(HttpStatusCode.OK, responses["/console/nav"].Status);
        Assert.Contains("\"customers\":true", responses["/console/nav"].Body, System.StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, responses["/console/customers"].Status);      // RAXX301: the gate's flag does not exist
        Assert.Equal(HttpStatusCode.NotFound, responses["/console/admins/online"].Status);  // RAXX302: never mapped
    }
}
