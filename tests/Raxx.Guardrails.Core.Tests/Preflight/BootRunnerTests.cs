using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>
/// The boot engine against a stand-in app (tests/Raxx.Guardrails.FakeApp): healthy, crash on start
/// when a flag flips, never healthy, never listening.
/// </summary>
public class BootRunnerTests
{
    private static readonly string FakeApp = RepoPaths.FakeApp;

    // 90 s: a boot returns as soon as the stand-in is healthy or exits, so the bound only matters on a loaded machine.
    // GatedRoute_StillMissingWithFlagOn_IsRaxx603 failed once with 20 s at load ~12 (message not kept; three boots start
    // `dotnet` at once there, and a boot past its timeout would give exactly that: another outcome than the one asserted)
    private static BootSpec Spec(string name, string mode, double timeoutSeconds = 90, string marker = "") =>
        new(name, "dotnet", new[] { FakeApp, mode, marker }) { Timeout = TimeSpan.FromSeconds(timeoutSeconds) };

    [Fact]
    public async Task HealthyApp_IsHealthy_AndProbesRoutes()
    {
        var spec = Spec("production", "healthy");
        spec.Environment["FLAG_GATED"] = "1";
        spec.Probes.Add(new RouteProbe("/gated", expectFound: true, "gated"));
        spec.Probes.Add(new RouteProbe("/missing", expectFound: true, "missing"));

        var result = await BootRunner.RunAsync(spec);

        Assert.Equal(BootOutcome.Healthy, result.Outcome);
        Assert.Equal(new[] { 200, 404 }, result.ProbeResults.Select(p => p.Status));
    }

    [Fact]
    public async Task CrashOnStart_IsExited_WithTheExceptionLine()
    {
        var spec = Spec("flag webauthn_registration on", "crash-flag");
        spec.Environment["FLAG_WEBAUTHN_REGISTRATION"] = "1";

        var result = await BootRunner.RunAsync(spec);

        Assert.Equal(BootOutcome.Exited, result.Outcome);
        Assert.Equal(134, result.ExitCode);
        Assert.Equal("Microsoft.Extensions.Options.OptionsValidationException: WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set", result.FirstErrorLine);
    }

    [Fact]
    public async Task NeverHealthy_TimesOut_WithLastStatus_AndFreesThePort()
    {
        var result = await BootRunner.RunAsync(Spec("production", "unhealthy", timeoutSeconds: 3));

        Assert.Equal(BootOutcome.TimedOut, result.Outcome);
        Assert.Equal(503, result.LastHealthStatus);
        Assert.InRange(result.Elapsed.TotalSeconds, 2.9, 15);
    }

    [Fact]
    public async Task SilentApp_TimesOut_AndIsKilled()
    {
        var marker = Guid.NewGuid().ToString("N");
        var result = await BootRunner.RunAsync(Spec("production", "silent", timeoutSeconds: 2, marker: marker));

        Assert.Equal(BootOutcome.TimedOut, result.Outcome);
        Assert.Null(result.LastHealthStatus);
        Assert.All(FakeAppProcesses(marker), id => Assert.True(IsGone(id), $"process {id} still runs"));
    }

    [Fact]
    public async Task Cancellation_StopsTheProcess()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var marker = Guid.NewGuid().ToString("N");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BootRunner.RunAsync(Spec("production", "silent", 60, marker), cts.Token));
        Assert.All(FakeAppProcesses(marker), id => Assert.True(IsGone(id), $"process {id} still runs"));
    }

    [Fact]
    public async Task MissingExecutable_IsFailedToStart()
    {
        var result = await BootRunner.RunAsync(new BootSpec("production", "/nonexistent/raxx-app", Array.Empty<string>()));
        Assert.Equal(BootOutcome.FailedToStart, result.Outcome);
    }

    [Fact]
    public async Task FlagMatrix_ReplaysTheSev1_AsRaxx602NamingTheFlagAndKey()
    {
        var flags = new[]
        {
            new PreflightFlag("webauthn_registration", "FLAG_WEBAUTHN_REGISTRATION", false, new FindingLocation("feature_flags.yaml", 2, 3, 2, 24)),
            new PreflightFlag("gated", "FLAG_GATED", false),
        };
        var boots = FlagMatrix.Build(name => Spec(name, "crash-flag"), flags);
        Assert.Equal(new[] { "production", "flag webauthn_registration on", "flag gated on", "every flag on" }, boots.Select(b => b.Name));

        var results = await BootRunner.RunAllAsync(boots, maxParallel: 2);
        var findings = PreflightReport.ToFindings(results, flags, FindingLocation.WholeFile("App.csproj"));

        Assert.Collection(findings,
            f =>
            {
                Assert.Equal(RuleIds.Raxx602, f.RuleId);
                Assert.Equal("feature_flags.yaml", f.Location.Path);
                Assert.StartsWith("The app fails to boot when flag 'webauthn_registration' is flipped on (FLAG_WEBAUTHN_REGISTRATION=1): exited with code 134", f.Message, StringComparison.Ordinal);
                Assert.Contains("WEBAUTHN_RP_ID is not set", f.Message, StringComparison.Ordinal);
            },
            f =>
            {
                Assert.Equal(RuleIds.Raxx602, f.RuleId);
                Assert.Contains("every flag on", f.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task GatedRoute_StillMissingWithFlagOn_IsRaxx603()
    {
        var flags = new[] { new PreflightFlag("console_nav_v2", "FLAG_CONSOLE_NAV_V2", false) };
        // the stand-in's healthy mode is not ASP.NET Core: no endpoint list, so the declared route is what is probed
        var planner = new GatedRoutePlanner(flags, new Dictionary<string, string> { ["/missing"] = "console_nav_v2" }, FindingLocation.WholeFile("App.csproj"));
        var boots = FlagMatrix.Build(name => { var spec = Spec(name, "healthy"); spec.RoutePlanner = planner; return spec; }, flags);
        var results = await BootRunner.RunAllAsync(boots);
        var finding = Assert.Single(PreflightReport.ToFindings(results, flags, FindingLocation.WholeFile("App.csproj")));
        Assert.Equal(RuleIds.Raxx603, finding.RuleId);
        Assert.Equal("Route /missing is still 404 with flag 'console_nav_v2' on (flag console_nav_v2 on): the route is not mapped or its gate reads another flag.", finding.Message);
    }

    [Fact]
    public async Task ProbeTheAppCannotLoad_BootsAgainWithoutIt_AndSaysWhy()
    {
        var spec = Spec("production", "healthy");
        spec.ProbeAssemblyPath = Path.Combine(Path.GetTempPath(), "raxx-no-such-dir", PreflightProbe.AssemblyFileName);

        var result = await BootRunner.RunAsync(spec);

        Assert.Equal(BootOutcome.Healthy, result.Outcome);
        Assert.Null(result.Endpoints);
        Assert.StartsWith("the app could not load the probe (System.ArgumentException: Startup hook assembly", result.DiscoveryNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaselineCrash_IsRaxx601()
    {
        var spec = Spec("production", "crash-flag");
        spec.Environment["FLAG_WEBAUTHN_REGISTRATION"] = "1";
        var results = new[] { await BootRunner.RunAsync(spec) };
        var finding = Assert.Single(PreflightReport.ToFindings(results, Array.Empty<PreflightFlag>(), FindingLocation.WholeFile("App.csproj")));
        Assert.Equal(RuleIds.Raxx601, finding.RuleId);
    }

    [Theory]
    [InlineData("crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]\n      Application startup exception\n      System.InvalidOperationException: No service for type 'X'", "System.InvalidOperationException: No service for type 'X'")]
    [InlineData("Unhandled exception. System.IO.IOException: Failed to bind to address http://127.0.0.1:5000", "System.IO.IOException: Failed to bind to address http://127.0.0.1:5000")]
    [InlineData("starting\nsomething odd happened\n", "something odd happened")]
    [InlineData("", null)]
    public void OutputScanner_FindsTheExplainingLine(string output, string? expected) =>
        Assert.Equal(expected, OutputScanner.FirstErrorLine(output));

    // Each test marks its own processes: other tests boot the stand-in app concurrently.
    private static int[] FakeAppProcesses(string marker) =>
        Process.GetProcessesByName("dotnet").Where(p => CommandLine(p.Id).Contains(marker, StringComparison.Ordinal)).Select(p => p.Id).ToArray();

    private static string CommandLine(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static bool IsGone(int id)
    {
        try
        {
            using var p = Process.GetProcessById(id);
            return p.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
