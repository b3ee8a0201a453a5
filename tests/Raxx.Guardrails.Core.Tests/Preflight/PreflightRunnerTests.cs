using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>The whole preflight (matrix + probes + findings) against the stand-in app's built dll.</summary>
public class PreflightRunnerTests
{
    private static readonly string FakeApp = RepoPaths.FakeApp;
    private static readonly FindingLocation App = FindingLocation.WholeFile("App.csproj");

    [Fact]
    public async Task HealthyApp_WithWorkingGate_HasNoFindings()
    {
        var settings = new PreflightSettings { Timeout = TimeSpan.FromSeconds(60) };
        settings.GatedRoutes["/gated"] = "gated";
        var flags = new[] { new PreflightFlag("gated", "FLAG_GATED", false) };

        var run = await PreflightRunner.RunAsync(new PreflightRequest(FakeApp, settings, flags, App));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "production", "flag gated on" }, run.Results.Select(r => r.Spec.Name));
        Assert.All(run.Results, r => Assert.True(r.IsHealthy));
        Assert.Equal(404, run.Results[0].ProbeResults.Single().Status);
        Assert.Equal(200, run.Results[1].ProbeResults.Single().Status);
        Assert.Contains(run.Describe(), line => line.StartsWith("preflight: 2 boot(s), 2 healthy, 0 finding(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteGatedByUndeclaredFlag_IsRaxx603()
    {
        var settings = new PreflightSettings { Timeout = TimeSpan.FromSeconds(60) };
        settings.GatedRoutes["/console/admins/online"] = "console_admins_online";

        var run = await PreflightRunner.RunAsync(new PreflightRequest(FakeApp, settings, Array.Empty<PreflightFlag>(), App));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(RuleIds.Raxx603, finding.RuleId);
        Assert.Contains("'console_admins_online', which the flags file does not declare", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingApp_IsRaxx601_WithoutBooting()
    {
        var run = await PreflightRunner.RunAsync(new PreflightRequest(Path.Combine(Path.GetTempPath(), "raxx-no-such-app.dll"), new PreflightSettings(), Array.Empty<PreflightFlag>(), App));
        var finding = Assert.Single(run.Findings);
        Assert.Equal(RuleIds.Raxx601, finding.RuleId);
        Assert.Empty(run.Results);
    }
}
