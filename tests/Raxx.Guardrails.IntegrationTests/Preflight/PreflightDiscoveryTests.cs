using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Preflight
{
    /// <summary>
    /// Route discovery for real: the stand-in app's minimal-API mode (tests/Raxx.Guardrails.FakeApp/WebApp.cs) booted with the
    /// endpoint probe attached through DOTNET_STARTUP_HOOKS. Nothing declares its gated routes; the preflight finds them in
    /// the app's endpoint metadata, requests each with its flag off and on, and reports incident 03's two classes: a gate on
    /// a flag nobody declared, and a declared route that was never mapped. One matrix of four boots.
    /// </summary>
    [Collection(DotnetCollection.Name)]
    public sealed class PreflightDiscoveryTests : IDisposable
    {
        private readonly TempDirectory _temp = new("discovery");

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task GatedRoutes_AreDiscovered_UndeclaredGateAndUnmappedRoute_AreRaxx603()
        {
            File.WriteAllText(_temp.Combine("raxx-guardrails.yaml"), """
                preflight:
                  timeout_seconds: 60
                  env:
                    FAKEAPP_MODE: web
                  routes:
                    /console/admins/online: gated
                """);
            File.WriteAllText(_temp.Combine("feature_flags.yaml"), """
                flags:
                  gated:
                    default: false
                    description: a gated page
                    risk: low
                    owner: web
                  beta:
                    default: false
                    description: a FeatureGate page
                    risk: low
                    owner: web
                """);
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, PreflightProbe.AssemblyFileName)), "the probe is copied beside Core");

            var problems = new FindingList();
            var request = PreflightPlanner.Plan(_temp.Path, null, RepoPaths.FakeApp, null, problems);
            var run = await PreflightRunner.RunAsync(request);
            var log = string.Join("\n", run.Describe());

            Assert.Empty(problems.Items);
            Assert.All(run.Results, r => Assert.True(r.IsHealthy, r.Spec.Name + ":\n" + r.Output));
            Assert.All(run.Results, r => Assert.True(r.Endpoints?.Success == true, r.Spec.Name + ": " + r.DiscoveryNote));

            // discovered, not declared: the team's convention, FeatureGateAttribute as minimal-API metadata, and
            // [FeatureGate] on an MVC action (/beta/report, enforced by Microsoft.FeatureManagement itself)
            string Probes(int boot) => string.Join(" ", run.Results[boot].ProbeResults.Select(p => $"{p.Probe.Path}={p.Status}"));
            Assert.Equal(new[] { "production", "flag gated on", "flag beta on", "every flag on" }, run.Results.Select(r => r.Spec.Name));
            Assert.Equal("/gated=404 /beta=404 /leaky=200 /beta/report=404", Probes(0));
            Assert.Equal("/gated=200 /leaky=200", Probes(1));
            Assert.Equal("/beta=200 /beta/report=200", Probes(2));
            Assert.Equal("/gated=200 /beta=200 /leaky=200 /beta/report=200", Probes(3));
            Assert.Contains("routes: /gated/items/{id}: gated by gated but has route parameters; not probed", log, StringComparison.Ordinal);
            Assert.Contains("routes: /gated/items: gated by gated but answers only POST; not probed", log, StringComparison.Ordinal);

            Assert.All(run.Findings, f => Assert.Equal(RuleIds.Raxx603, f.RuleId));
            Assert.Collection(run.Findings.OrderBy(f => f.Message, StringComparer.Ordinal),
                f =>
                {
                    Assert.Equal(FindingSeverity.Error, f.Severity);
                    Assert.StartsWith("Route /console/admins/online is declared in preflight.routes as gated by flag 'gated', but with the flag on (flag gated on) the app maps no endpoint", f.Message, StringComparison.Ordinal);
                    Assert.Equal(("feature_flags.yaml", 2), (f.Location.Path, f.Location.StartLine));
                },
                f =>
                {
                    Assert.Equal(FindingSeverity.Error, f.Severity);
                    Assert.StartsWith("Route /console/customers is gated by flag 'console_customer_admn' (RequiresFlagAttribute), which the flags file does not declare", f.Message, StringComparison.Ordinal);
                },
                f =>
                {
                    Assert.Equal(FindingSeverity.Warning, f.Severity);
                    Assert.Equal("Route /leaky answers 200 with its gate closed (flag 'gated' off, production): the route is not gated.", f.Message);
                });
        }
    
        /// <summary>The private path is the probe's only with the boot's token: without it the request reaches the app (its 404).</summary>
        [Fact]
        public async Task EndpointList_WithoutTheToken_IsTheAppsOwn404()
        {
            var spec = new BootSpec("production", "dotnet", new[] { RepoPaths.FakeApp, "web" })
            {
                Timeout = TimeSpan.FromSeconds(60),
                ProbeAssemblyPath = Path.Combine(AppContext.BaseDirectory, PreflightProbe.AssemblyFileName),
            };
            spec.Probes.Add(new RouteProbe(PreflightProbe.EndpointsPath, expectFound: false, null));

            var result = await BootRunner.RunAsync(spec);

            Assert.True(result.IsHealthy, result.Output);
            Assert.True(result.Endpoints?.Success == true, result.DiscoveryNote);
            Assert.Contains(result.Endpoints!.Endpoints, e => e.Route == "/health");
            Assert.Equal(404, Assert.Single(result.ProbeResults).Status);
        }
    }
}
