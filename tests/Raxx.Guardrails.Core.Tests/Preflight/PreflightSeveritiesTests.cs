using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>
/// The repository config's <c>severities</c> grade the preflight's own findings — RAXX303 (the flags file it reads) and
/// RAXX601–603 — where they leave Core (the planner's problems, <see cref="PreflightRun.Findings"/>), through the one
/// mapping every host uses (<see cref="RepositoryConfig.ConfigureProblem"/>): a configured severity replaces the finding's
/// own, <c>none</c> drops it, the default leaves it as it was; other rules' severities do not leak into them.
/// </summary>
public sealed class PreflightSeveritiesTests : IDisposable
{
    private static readonly FindingLocation App = FindingLocation.WholeFile("App.csproj");

    private readonly string _root = Directory.CreateTempSubdirectory("raxx-presev-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // ---- the mapping -------------------------------------------------------------------------------------------------

    private static RepositoryConfig Config(params (string Rule, FindingSeverity Severity)[] severities)
    {
        var config = new RepositoryConfig();
        foreach (var (rule, severity) in severities)
        {
            config.Severities[rule] = severity;
        }
        return config;
    }

    [Theory]
    [InlineData("RAXX303", FindingSeverity.Error, FindingSeverity.Warning)]
    [InlineData("RAXX303", FindingSeverity.Error, FindingSeverity.Note)]
    [InlineData("RAXX601", FindingSeverity.Error, FindingSeverity.Warning)]
    [InlineData("RAXX601", FindingSeverity.Error, FindingSeverity.Note)]
    [InlineData("RAXX602", FindingSeverity.Error, FindingSeverity.Warning)]
    [InlineData("RAXX603", FindingSeverity.Error, FindingSeverity.Warning)]
    [InlineData("RAXX603", FindingSeverity.Warning, FindingSeverity.Error)] // the ungated-route warning: the configured severity replaces it too
    [InlineData("RAXX603", FindingSeverity.Warning, FindingSeverity.Note)]
    public void ConfiguredSeverity_ReplacesThePreflightFindingsOwn(string rule, FindingSeverity own, FindingSeverity configured)
    {
        var finding = new Finding(rule, own, "m", App, "x");

        var result = Config((rule, configured)).ConfigureProblem(finding);

        Assert.NotNull(result);
        Assert.Equal((rule, configured, "m", "x"), (result!.RuleId, result.Severity, result.Message, result.FingerprintMaterial));
    }

    [Theory]
    [InlineData("RAXX303", FindingSeverity.Error)]
    [InlineData("RAXX601", FindingSeverity.Error)]
    [InlineData("RAXX602", FindingSeverity.Error)]
    [InlineData("RAXX603", FindingSeverity.Error)]
    [InlineData("RAXX603", FindingSeverity.Warning)]
    public void None_DropsIt_Default_KeepsIt(string rule, FindingSeverity own)
    {
        var finding = new Finding(rule, own, "m", App);

        Assert.Null(Config((rule, FindingSeverity.None)).ConfigureProblem(finding));
        Assert.Null(Config((rule.ToLowerInvariant(), FindingSeverity.None)).ConfigureProblem(finding)); // rule IDs in the config: any case
        Assert.Same(finding, new RepositoryConfig().ConfigureProblem(finding));
    }

    [Theory]
    [InlineData("RAXX601")]
    [InlineData("RAXX602")]
    [InlineData("RAXX603")]
    [InlineData("RAXX303")]
    public void OtherRulesSeverities_DoNotLeak(string rule)
    {
        // every neighbour of the rule turned off or lowered, the rule itself not configured
        var others = new[] { "RAXX001", "RAXX301", "RAXX302", "RAXX303", "RAXX304", "RAXX306", "RAXX601", "RAXX602", "RAXX603" }
            .Where(r => r != rule).Select(r => (r, FindingSeverity.None)).ToArray();
        var finding = new Finding(rule, FindingSeverity.Error, "m", App);

        Assert.Same(finding, Config(others).ConfigureProblem(finding));
    }

    [Fact]
    public void RulesNotReportedByTheseHosts_PassUnchanged()
    {
        // ConfigureProblem grades RAXX001 and the preflight's rules only (the runner and output checks use Configure)
        var finding = new Finding(RuleIds.Raxx304, FindingSeverity.Error, "m", App);

        Assert.Same(finding, Config((RuleIds.Raxx304, FindingSeverity.None)).ConfigureProblem(finding));
    }

    // ---- where findings leave Core: the planner's problems and the run's findings (the stand-in app, real boots) ----

    /// <summary>
    /// Plans (with <paramref name="config"/> as the root raxx-guardrails.yaml) and runs the preflight of the stand-in app in
    /// crash-flag mode, with a flags file holding a RAXX303 problem and two flags, and three declared routes: every boot
    /// RAXX303 and RAXX602 (flip, every flag on), RAXX603 as error (undeclared gate, /missing still 404) and as warning
    /// (/health answers with its gate closed).
    /// </summary>
    private async Task<Finding[]> PlanAndRun(string config, bool productionCrashes = false)
    {
        File.WriteAllText(Path.Combine(_root, "raxx-guardrails.yaml"), config + """

            preflight:
              timeout_seconds: 60
              discover: false
              env:
                FAKEAPP_MODE: crash-flag
              routes:
                /health: gated
                /missing: gated
                /nowhere: undeclared_flag

            """);
        File.WriteAllText(Path.Combine(_root, "feature_flags.yaml"), $"""
            flags:
              gated:
                default: false
                rollout: 10
              webauthn_registration:
                default: {(productionCrashes ? "true" : "false")}

            """);
        var problems = new FindingList();
        var request = PreflightPlanner.Plan(_root, null, RepoPaths.FakeApp, null, problems);
        var run = await PreflightRunner.RunAsync(request);
        return problems.Items.Concat(run.Findings).ToArray();
    }

    private static (string, FindingSeverity)[] Graded(Finding[] findings) =>
        findings.Select(f => (f.RuleId, f.Severity)).OrderBy(x => x.RuleId, StringComparer.Ordinal).ThenBy(x => x.Severity).ToArray();

    [Fact]
    public async Task Default_EveryRuleAtItsOwnSeverity()
    {
        var findings = await PlanAndRun("");

        Assert.Equal(new[]
        {
            ("RAXX303", FindingSeverity.Error),
            ("RAXX602", FindingSeverity.Error), // flag webauthn_registration flipped on
            ("RAXX602", FindingSeverity.Error), // every flag on
            ("RAXX603", FindingSeverity.Warning), // /health answers with gated off
            ("RAXX603", FindingSeverity.Error), // /missing still 404 with gated on
            ("RAXX603", FindingSeverity.Error), // /nowhere gated by an undeclared flag
        }, Graded(findings));
    }

    [Fact]
    public async Task Warning_EveryPreflightFindingIsAWarning()
    {
        var findings = await PlanAndRun("severities:\n  RAXX303: warning\n  RAXX602: warning\n  RAXX603: warning\n");

        Assert.Equal(6, findings.Length);
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public async Task None_NotReported_AndOtherRulesKeepTheirs()
    {
        var findings = await PlanAndRun("severities:\n  RAXX303: none\n  RAXX603: none\n  RAXX601: none\n  RAXX304: none\n");

        // RAXX601: none and RAXX304: none do not touch RAXX602
        Assert.Equal(new[] { ("RAXX602", FindingSeverity.Error), ("RAXX602", FindingSeverity.Error) }, Graded(findings));
    }

    [Fact]
    public async Task Note_AndError_ReplaceRaxx603sWarningAndError()
    {
        var noted = await PlanAndRun("severities:\n  RAXX603: note\n");
        Assert.Equal(3, noted.Count(f => f.RuleId == RuleIds.Raxx603 && f.Severity == FindingSeverity.Note));
        Assert.DoesNotContain(noted, f => f.RuleId == RuleIds.Raxx603 && f.Severity != FindingSeverity.Note);

        var raised = await PlanAndRun("severities:\n  RAXX603: error\n");
        Assert.Equal(3, raised.Count(f => f.RuleId == RuleIds.Raxx603 && f.Severity == FindingSeverity.Error));
        Assert.Contains(raised, f => f.RuleId == RuleIds.Raxx603 && f.Message.Contains("/health answers 200", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", FindingSeverity.Error)]
    [InlineData("severities:\n  RAXX601: warning\n", FindingSeverity.Warning)]
    [InlineData("severities:\n  RAXX601: none\n", FindingSeverity.None)]
    [InlineData("severities:\n  RAXX602: none\n  RAXX603: none\n", FindingSeverity.Error)]
    public async Task ProductionBootFails_Raxx601AtTheConfiguredSeverity(string config, FindingSeverity expected)
    {
        var findings = await PlanAndRun(config, productionCrashes: true);

        var raxx601 = findings.Where(f => f.RuleId == RuleIds.Raxx601).ToArray();
        if (expected == FindingSeverity.None)
        {
            Assert.Empty(raxx601);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(raxx601).Severity);
        }
    }

    [Fact]
    public async Task AllBootRulesNone_NothingIsBooted_TheRunSaysWhy()
    {
        // a real app that would crash on boot and a route gated by an undeclared flag: any boot would have something to say
        var settings = new PreflightSettings();
        settings.GatedRoutes["/nowhere"] = "undeclared_flag";
        var request = new PreflightRequest(RepoPaths.FakeApp, settings, Array.Empty<PreflightFlag>(), App)
        {
            Config = Config((RuleIds.Raxx601, FindingSeverity.None), (RuleIds.Raxx602, FindingSeverity.None), (RuleIds.Raxx603, FindingSeverity.None)),
        };

        var run = await PreflightRunner.RunAsync(request);

        Assert.Empty(run.Results);
        Assert.Empty(run.Findings);
        Assert.Equal("preflight: skipped, no boot: RAXX601, RAXX602 and RAXX603 are all configured none (severities in the repository config)",
            Assert.Single(run.Describe()));
    }

    [Theory]
    [InlineData("RAXX601")]
    [InlineData("RAXX602")]
    [InlineData("RAXX603")]
    public async Task OneBootRuleStillOn_TheAppIsBooted(string on)
    {
        // the nearest look-alike: two of the three off, one still reported (here at a lower severity)
        // (RAXX601 speaks only when the production boot fails: that app then)
        var findings = await PlanAndRun("severities:\n" + string.Concat(new[] { "RAXX601", "RAXX602", "RAXX603" }
            .Select(r => $"  {r}: {(r == on ? "warning" : "none")}\n")), productionCrashes: on == RuleIds.Raxx601);

        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("RAXX60", StringComparison.Ordinal) && f.RuleId != on);
        Assert.Contains(findings, f => f.RuleId == on && f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public async Task MissingApp_StaysAnError_WhateverRaxx601Says()
    {
        // nothing was booted, so nothing was checked: the preflight could not run, which no severity hides
        var config = Config((RuleIds.Raxx601, FindingSeverity.None), (RuleIds.Raxx603, FindingSeverity.Warning));
        var settings = new PreflightSettings();
        settings.GatedRoutes["/nowhere"] = "undeclared_flag";
        var request = new PreflightRequest(Path.Combine(_root, "no-such-app.dll"), settings, Array.Empty<PreflightFlag>(), App) { Config = config };

        var run = await PreflightRunner.RunAsync(request);

        Assert.Equal(new[] { ("RAXX601", FindingSeverity.Error), ("RAXX603", FindingSeverity.Warning) }, Graded(run.Findings.ToArray()));
        Assert.Empty(run.Results);
    }
}
