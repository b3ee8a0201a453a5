using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Cli.Tests.Infrastructure;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Cli.Tests.Smoke;

/// <summary>`smoke` on a built dll (the stand-in app from tests/Raxx.Guardrails.FakeApp): no build, real boots.</summary>
public sealed class SmokeCommandTests : IDisposable
{
    private static readonly string FakeApp = RepoPaths.FakeApp;

    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void HealthyApp_WithWorkingGate_Passes()
    {
        _cli.Write("feature_flags.yaml", "flags:\n  gated:\n    default: false\n    description: a gated page\n    risk: low\n    owner: web\n");
        _cli.Write("raxx-guardrails.yaml", "preflight:\n  timeout_seconds: 60\n  routes:\n    /gated: gated\n");

        var (exit, stdout, stderr) = _cli.Run("smoke", FakeApp, "--root", _cli.Root);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("1 flag(s), health /health", stderr, StringComparison.Ordinal);
        Assert.Contains("boot flag gated on: healthy", stderr, StringComparison.Ordinal);
        Assert.Contains("preflight: 2 boot(s), 2 healthy, 0 finding(s)", stderr, StringComparison.Ordinal);
        // this mode is a plain TCP responder, not ASP.NET Core: the probe cannot attach, the declared route is probed, and the report says so
        Assert.Contains("routes: endpoint discovery not available (the probe did not attach", stderr, StringComparison.Ordinal);
        Assert.Contains("boot production: healthy", stderr, StringComparison.Ordinal);
        Assert.Contains("/gated 404 (gated)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CrashWhenAFlagFlips_IsRaxx602_AtTheFlagsLine_ExitOne()
    {
        _cli.Write("feature_flags.yaml", "flags:\n  webauthn_registration:\n    default: false\n    description: passkey registration\n    risk: high\n    owner: auth\n");
        _cli.Write("raxx-guardrails.yaml", "preflight:\n  timeout_seconds: 60\n  env:\n    FAKEAPP_MODE: crash-flag\n");

        var (exit, stdout, stderr) = _cli.Run("smoke", FakeApp, "--root", _cli.Root, "--format", "github");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("::error file=feature_flags.yaml,line=2", stdout, StringComparison.Ordinal);
        Assert.Contains("title=RAXX602", stdout, StringComparison.Ordinal);
        Assert.Contains("WEBAUTHN_RP_ID is not set", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RAXX602: warning\n  RAXX303: warning\n", 0, "::warning file=feature_flags.yaml,line=2")]
    [InlineData("RAXX602: none\n  RAXX303: none\n", 0, null)]
    [InlineData("RAXX601: none\n  RAXX603: warning\n", 1, "::error file=feature_flags.yaml,line=2")] // other rules' severities do not leak
    public void ConfiguredSeverities_GradeThePreflightsFindings(string severities, int expectedExit, string? expected)
    {
        // the flip crashes the app (RAXX602 at the flag's line) and the flags file has an unknown key (RAXX303)
        _cli.Write("feature_flags.yaml", "flags:\n  webauthn_registration:\n    default: false\n    rollout: 10\n");
        _cli.Write("raxx-guardrails.yaml", "severities:\n  " + severities + "preflight:\n  timeout_seconds: 60\n  discover: false\n  env:\n    FAKEAPP_MODE: crash-flag\n");

        var (exit, stdout, stderr) = _cli.Run("smoke", FakeApp, "--root", _cli.Root, "--format", "github");

        Assert.True(exit == expectedExit, stdout + stderr);
        if (expected == null)
        {
            Assert.DoesNotContain("RAXX602", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("RAXX303", stdout, StringComparison.Ordinal);
            Assert.Contains("0 finding(s)", stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(expected, stdout, StringComparison.Ordinal);
            Assert.Contains("title=RAXX602", stdout, StringComparison.Ordinal);
            Assert.Contains("title=RAXX303", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(expected.StartsWith("::warning", StringComparison.Ordinal) ? "::error" : "::warning", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BrokenPreflightConfig_IsReportedAtItsLine()
    {
        _cli.Write("raxx-guardrails.yaml", "preflight:\n  health: healthz\n");

        var (exit, stdout, stderr) = _cli.Run("smoke", FakeApp, "--root", _cli.Root, "--format", "github", "--timeout", "60");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("file=raxx-guardrails.yaml,line=2", stdout, StringComparison.Ordinal);
        Assert.Contains("title=RAXX001", stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The companion as the solution build left it: production variables from its app.json, both WebAuthn
    /// flags from its feature_flags.yaml, the gated route discovered from its endpoint metadata (its
    /// raxx-guardrails.yaml declares no route) — every boot healthy, the route gated off and answering on.
    /// </summary>
    [Fact]
    public void Companion_PassesThePreflight_WithEveryFlagFlipped()
    {
        var dll = RepoPaths.Combine("samples", "Raxx.Companion", "bin", RepoPaths.Configuration, "net10.0", "Raxx.Companion.dll");

        var (exit, stdout, stderr) = _cli.Run("smoke", dll);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("2 flag(s), health /health, variables from samples/Raxx.Companion/raxx-guardrails.yaml, samples/Raxx.Companion/app.json", stderr, StringComparison.Ordinal);
        Assert.Contains("boot flag webauthn_registration on: healthy", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("routes:\n", File.ReadAllText(RepoPaths.Combine("samples", "Raxx.Companion", "raxx-guardrails.yaml")), StringComparison.Ordinal);
        Assert.Contains("routes: endpoint discovery: the app reported 3 endpoint(s), 1 flag-gated: /api/auth/register/options (webauthn_registration)", stderr, StringComparison.Ordinal);
        Assert.Contains("boot production: healthy", stderr, StringComparison.Ordinal);
        Assert.Contains("/api/auth/register/options 404 (gated)", stderr, StringComparison.Ordinal);
        Assert.Contains("/api/auth/register/options 200", stderr, StringComparison.Ordinal);
        Assert.Contains("boot every flag on: healthy", stderr, StringComparison.Ordinal);
        Assert.Contains("preflight: 4 boot(s), 4 healthy, 0 finding(s)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "smoke takes one project")]
    [InlineData(new[] { "no-such.dll" }, "does not exist")]
    [InlineData(new[] { "x.dll", "--timeout", "soon" }, "--timeout must be a number")]
    public void UsageErrors_ExitTwo(string[] args, string message)
    {
        var (exit, _, stderr) = _cli.Run(new[] { "smoke" }.Concat(args).ToArray());
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
