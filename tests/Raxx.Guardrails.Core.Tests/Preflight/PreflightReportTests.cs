using System;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>
/// RAXX601/602 from boot results (no process: the results are made here). When the production boot itself fails, a flip
/// boot that fails the same way is not blamed on the flag; one that fails another way is still a RAXX602 naming it.
/// "The same way" ignores what differs from boot to boot: elapsed times, ports, process ids.
/// </summary>
public class PreflightReportTests
{
    private const string RpIdMissing = "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set";
    private const string NoMailer = "Unhandled exception. System.InvalidOperationException: Mailer:Host is required when flag auth_webauthn_login is on";

    private static readonly PreflightFlag Registration = new("webauthn_registration", "FLAG_WEBAUTHN_REGISTRATION", true, new FindingLocation("feature_flags.yaml", 3, 3, 3, 24));
    private static readonly PreflightFlag Login = new("auth_webauthn_login", "FLAG_AUTH_WEBAUTHN_LOGIN", true, new FindingLocation("feature_flags.yaml", 8, 3, 8, 22));
    private static readonly PreflightFlag[] Flags = { Registration, Login };
    private static readonly FindingLocation App = FindingLocation.WholeFile("Raptor.Api/Raptor.Api.csproj");

    private static BootResult Healthy(string name, string? flipped = null) =>
        new(new BootSpec(name, "dotnet", new[] { "app.dll" }) { FlippedFlag = flipped }, BootOutcome.Healthy, TimeSpan.FromSeconds(1.2), null, "", 200);

    private static BootResult Exited(string name, string? flipped, int code, double seconds, string output) =>
        new(new BootSpec(name, "dotnet", new[] { "app.dll" }) { FlippedFlag = flipped }, BootOutcome.Exited, TimeSpan.FromSeconds(seconds), code, output, null);

    private static BootResult TimedOut(string name, string? flipped, int? lastStatus, string output) =>
        new(new BootSpec(name, "dotnet", new[] { "app.dll" }) { FlippedFlag = flipped, Timeout = TimeSpan.FromSeconds(30) }, BootOutcome.TimedOut, TimeSpan.FromSeconds(30.4), null, output, lastStatus);

    private static Finding[] Report(params BootResult[] results) => PreflightReport.ToFindings(results, Flags, App).ToArray();

    [Fact]
    public void ProductionBoots_FlipFails_IsRaxx602_ThatWouldCrashLoop()
    {
        var findings = Report(
            Healthy("production"),
            Exited("flag webauthn_registration off", "webauthn_registration", 134, 1.1, "info: starting on port 41234\n" + RpIdMissing),
            Healthy("flag auth_webauthn_login off", "auth_webauthn_login"),
            Healthy("every flag on"));

        var f = Assert.Single(findings);
        Assert.Equal(RuleIds.Raxx602, f.RuleId);
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.Equal(3, f.Location.StartLine);
        Assert.Equal("The app fails to boot when flag 'webauthn_registration' is flipped off (FLAG_WEBAUTHN_REGISTRATION=0): exited with code 134 after 1.1s — "
            + "Microsoft.Extensions.Options.OptionsValidationException: WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set. "
            + "Flipping it in production would crash-loop the app.", f.Message);
    }

    [Fact]
    public void ProductionFails_FlipsFailTheSameWay_AreNotBlamedOnTheFlag()
    {
        // incident 12: both flags on in production; each flipped off alone, and every flag on, fail with production's error,
        // after other times and with other ports in the log
        var findings = Report(
            Exited("production", null, 134, 0.7, "info: Now listening on: http://127.0.0.1:40111\n" + RpIdMissing),
            Exited("flag webauthn_registration off", "webauthn_registration", 134, 1.3, "info: Now listening on: http://127.0.0.1:40777\n" + RpIdMissing),
            Exited("flag auth_webauthn_login off", "auth_webauthn_login", 134, 0.9, RpIdMissing),
            Exited("every flag on", null, 134, 2.0, RpIdMissing));

        Assert.Equal(new[] { RuleIds.Raxx601, RuleIds.Raxx602, RuleIds.Raxx602, RuleIds.Raxx602 }, findings.Select(f => f.RuleId));
        Assert.Equal("The app fails to boot under production configuration: exited with code 134 after 0.7s — Microsoft.Extensions.Options.OptionsValidationException: "
            + "WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set. Fix the boot path before any flag flip.", findings[0].Message);
        Assert.Equal("The app also fails to boot when flag 'webauthn_registration' is flipped off (FLAG_WEBAUTHN_REGISTRATION=0), the same way as the production boot (RAXX601): "
            + "exited with code 134 after 1.3s — Microsoft.Extensions.Options.OptionsValidationException: WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set. "
            + "Flipping the flag alone does not change how the app fails; fix the production boot first.", findings[1].Message);
        Assert.StartsWith("The app also fails to boot when flag 'auth_webauthn_login' is flipped off (FLAG_AUTH_WEBAUTHN_LOGIN=0), the same way as the production boot (RAXX601): ", findings[2].Message, StringComparison.Ordinal);
        Assert.Equal("The app also fails to boot with every flag on (FLAG_WEBAUTHN_REGISTRATION=1, FLAG_AUTH_WEBAUTHN_LOGIN=1), the same way as the production boot (RAXX601): "
            + "exited with code 134 after 2.0s — Microsoft.Extensions.Options.OptionsValidationException: WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set. "
            + "Turning the flags on does not change how the app fails; fix the production boot first.", findings[3].Message);
        Assert.All(findings, f => Assert.DoesNotContain("crash-loop", f.Message, StringComparison.Ordinal));
        // still where they were: the flags' lines, the project; still errors
        Assert.Equal(new[] { "Raptor.Api/Raptor.Api.csproj:1", "feature_flags.yaml:3", "feature_flags.yaml:8", "Raptor.Api/Raptor.Api.csproj:1" },
            findings.Select(f => $"{f.Location.Path}:{f.Location.StartLine}"));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
    }

    [Fact]
    public void ProductionFails_FlipFailsDifferently_IsRaxx602_NamingTheFlag()
    {
        var findings = Report(
            Exited("production", null, 134, 0.7, RpIdMissing),
            Exited("flag webauthn_registration off", "webauthn_registration", 134, 0.8, RpIdMissing),
            Exited("flag auth_webauthn_login off", "auth_webauthn_login", 134, 0.8, NoMailer),
            Exited("every flag on", null, 1, 0.7, RpIdMissing));

        var login = findings.Single(f => f.Location.StartLine == 8);
        Assert.Equal(RuleIds.Raxx602, login.RuleId);
        Assert.Equal("The app fails to boot when flag 'auth_webauthn_login' is flipped off (FLAG_AUTH_WEBAUTHN_LOGIN=0): exited with code 134 after 0.8s — "
            + "System.InvalidOperationException: Mailer:Host is required when flag auth_webauthn_login is on. This is not the production boot's failure (RAXX601): "
            + "flipping the flag fails the app another way, so fixing the production boot does not make the flip safe.", login.Message);
        // another exit code with the same line is another failure too
        var allOn = findings.Last();
        Assert.Equal(App, allOn.Location);
        Assert.StartsWith("The app fails to boot with every flag on (FLAG_WEBAUTHN_REGISTRATION=1, FLAG_AUTH_WEBAUTHN_LOGIN=1): exited with code 1 after 0.7s", allOn.Message, StringComparison.Ordinal);
        Assert.EndsWith(" This is not the production boot's failure (RAXX601): fixing the production boot does not make this boot safe.", allOn.Message, StringComparison.Ordinal);
        // the flip that fails as production does is not blamed on its flag
        Assert.StartsWith("The app also fails to boot when flag 'webauthn_registration'", findings.Single(f => f.Location.StartLine == 3).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionTimesOut_FlipTimesOutLikeIt_OrAnswersAnotherStatus()
    {
        var findings = Report(
            TimedOut("production", null, null, "info: Now listening on: http://127.0.0.1:40111"),
            TimedOut("flag webauthn_registration off", "webauthn_registration", null, "info: Now listening on: http://127.0.0.1:40999"),
            TimedOut("flag auth_webauthn_login off", "auth_webauthn_login", 503, "info: Now listening on: http://127.0.0.1:41000"));

        Assert.StartsWith("The app also fails to boot when flag 'webauthn_registration' is flipped off (FLAG_WEBAUTHN_REGISTRATION=0), the same way as the production boot (RAXX601): /health did not answer 200 within 30s (never answered)", findings[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("The app fails to boot when flag 'auth_webauthn_login' is flipped off (FLAG_AUTH_WEBAUTHN_LOGIN=0): /health did not answer 200 within 30s (last status 503)", findings[2].Message, StringComparison.Ordinal);
        Assert.Contains("This is not the production boot's failure (RAXX601)", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailureSignature_IgnoresTimesPortsAndPids_KeepsOutcomeExitCodeAndMessage()
    {
        var a = Exited("production", null, 134, 0.7, "crit: host pid 4242 failed to bind http://127.0.0.1:40111 after 12ms\nUnhandled exception. System.IO.IOException: address in use 127.0.0.1:40111");
        var b = Exited("flag x on", "x", 134, 3.9, "Unhandled exception. System.IO.IOException: address in use 127.0.0.1:51234");
        Assert.Equal(PreflightReport.FailureSignature(a), PreflightReport.FailureSignature(b));
        Assert.NotEqual(PreflightReport.FailureSignature(a), PreflightReport.FailureSignature(Exited("flag x on", "x", 139, 0.7, "Unhandled exception. System.IO.IOException: address in use 127.0.0.1:40111")));
        Assert.NotEqual(PreflightReport.FailureSignature(a), PreflightReport.FailureSignature(Exited("flag x on", "x", 134, 0.7, "Unhandled exception. System.IO.IOException: disk full")));
        Assert.NotEqual(PreflightReport.FailureSignature(a), PreflightReport.FailureSignature(TimedOut("flag x on", "x", null, "Unhandled exception. System.IO.IOException: address in use 127.0.0.1:40111")));
    }

    [Theory]
    [InlineData("bind http://127.0.0.1:41234 failed", "bind http://#.#.#.#:# failed")]
    [InlineData("pid 4242 after 0.7s and 1500ms", "pid # after #.#s and #ms")]
    [InlineData("at 0x7ffd3a2b1c00 in FLAG_NAV_V2 (v2, Http2)", "at # in FLAG_NAV_V2 (v2, Http2)")]
    [InlineData("WEBAUTHN_RP_ID is not set", "WEBAUTHN_RP_ID is not set")]
    [InlineData(null, "")]
    public void MaskNumbers_MasksFreeStandingNumbersOnly(string? text, string expected) =>
        Assert.Equal(expected, PreflightReport.MaskNumbers(text));
}
