using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>Which gated routes each boot of the matrix requests, and what it expects (no process is started).</summary>
public class GatedRoutePlannerTests
{
    private static readonly FindingLocation App = FindingLocation.WholeFile("Api/Api.csproj");

    private static readonly PreflightFlag[] Flags =
    {
        new("webauthn_registration", "FLAG_WEBAUTHN_REGISTRATION", false, new FindingLocation("feature_flags.yaml", 2, 3, 2, 24)),
        new("console_nav_v2", "FLAG_CONSOLE_NAV_V2", false, new FindingLocation("feature_flags.yaml", 7, 3, 7, 17)),
        new("legacy_ui", "FLAG_LEGACY_UI", true),
    };

    private static string Endpoint(string route, string flags, string methods = "\"GET\"", string extra = "") =>
        $$"""{"route":"{{route}}","parameters":[],"displayName":"{{route}}","methods":[{{methods}}],"gates":[{"type":"Api.RequiresFlagAttribute","flags":[{{flags}}],"requirement":"All","negate":false}]{{extra}}}""";

    private static EndpointInventory Inventory(params string[] endpoints) =>
        EndpointInventory.Parse("{\"version\":1,\"endpoints\":[{\"route\":\"/health\",\"parameters\":[],\"methods\":[\"GET\"],\"gates\":[]}" +
            string.Concat(endpoints.Select(e => "," + e)) + "]}");

    private static IReadOnlyList<BootSpec> Boots() => FlagMatrix.Build(name => new BootSpec(name, "dotnet", new[] { "Api.dll" }), Flags);

    private static string Describe(IEnumerable<RouteProbe> probes) =>
        string.Join(" ", probes.Select(p => $"{p.Path}:{(p.ExpectFound ? "found" : "gated")}"));

    [Fact]
    public void DiscoveredGatedRoute_IsGatedAtDefaults_FoundInItsFlagsBoot_AndTheAllOnBoot()
    {
        var planner = new GatedRoutePlanner(Flags, new Dictionary<string, string>(), App);
        var inventory = Inventory(
            Endpoint("/api/auth/register/options", "\"webauthn_registration\""),
            Endpoint("/console/ops", "\"console_nav_v2\""),
            Endpoint("/legacy", "\"legacy_ui\""));

        var plans = Boots().Select(boot => (boot.Name, Probes: Describe(planner.Plan(boot, inventory, null)))).ToList();

        Assert.Equal(new[]
        {
            ("production", "/api/auth/register/options:gated /console/ops:gated /legacy:found"),
            ("flag webauthn_registration on", "/api/auth/register/options:found"),
            ("flag console_nav_v2 on", "/console/ops:found"),
            ("flag legacy_ui off", "/legacy:gated"),
            ("every flag on", "/api/auth/register/options:found /console/ops:found /legacy:found"),
        }, plans);
        Assert.Empty(planner.Findings);
        Assert.Equal("endpoint discovery: the app reported 4 endpoint(s), 3 flag-gated: /api/auth/register/options (webauthn_registration), /console/ops (console_nav_v2), /legacy (legacy_ui)", Assert.Single(planner.Notes));
    }

    [Fact]
    public void GateOnTwoFlags_OpensOnlyInTheAllOnBoot()
    {
        var planner = new GatedRoutePlanner(Flags, new Dictionary<string, string>(), App);
        var inventory = Inventory(Endpoint("/console/security", "\"webauthn_registration\",\"console_nav_v2\""));

        var plans = Boots().Select(boot => Describe(planner.Plan(boot, inventory, null))).ToList();

        Assert.Equal(new[] { "/console/security:gated", "/console/security:gated", "/console/security:gated", "", "/console/security:found" }, plans);
    }

    [Fact]
    public void GateOnAnUndeclaredFlag_IsRaxx603_OnceForEveryBoot_AndIsNotProbed()
    {
        var planner = new GatedRoutePlanner(Flags, new Dictionary<string, string>(), App);
        var inventory = Inventory(Endpoint("/console/customers", "\"console_customer_admn\""));

        var probes = Boots().SelectMany(boot => planner.Plan(boot, inventory, null)).ToList();

        Assert.Empty(probes);
        var finding = Assert.Single(planner.Findings);
        Assert.Equal(RuleIds.Raxx603, finding.RuleId);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("Api/Api.csproj", finding.Location.Path);
        Assert.Equal("Route /console/customers is gated by flag 'console_customer_admn' (RequiresFlagAttribute), which the flags file does not declare: no flag flip can open the gate, so the route is a silent 404 in production. Declare the flag or fix the name in the gate.", finding.Message);
    }

    [Fact]
    public void DeclaredRoute_NotInTheEndpointList_IsRaxx603NeverMapped_AtTheFlag()
    {
        var declared = new Dictionary<string, string> { ["/console/admins/online"] = "console_nav_v2" };
        var planner = new GatedRoutePlanner(Flags, declared, App);
        var inventory = Inventory(Endpoint("/console/ops", "\"console_nav_v2\""));

        var plans = Boots().Select(boot => Describe(planner.Plan(boot, inventory, null))).ToList();

        Assert.DoesNotContain(plans, p => p.Contains("/console/admins/online", StringComparison.Ordinal));
        var finding = Assert.Single(planner.Findings);
        Assert.Equal(RuleIds.Raxx603, finding.RuleId);
        Assert.Equal(("feature_flags.yaml", 7), (finding.Location.Path, finding.Location.StartLine));
        Assert.StartsWith("Route /console/admins/online is declared in preflight.routes as gated by flag 'console_nav_v2', but with the flag on (flag console_nav_v2 on) the app maps no endpoint that matches it: the route was never mapped", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParameterisedAndPostRoutes_AreSkippedWithANote_UnlessAConcretePathIsDeclared()
    {
        var declared = new Dictionary<string, string> { ["/api/users/42"] = "console_nav_v2" };
        var planner = new GatedRoutePlanner(Flags, declared, App);
        var inventory = Inventory(
            Endpoint("/api/users/{id}", "\"console_nav_v2\""),
            Endpoint("/api/orders/{id}", "\"console_nav_v2\""),
            Endpoint("/api/orders", "\"console_nav_v2\"", methods: "\"POST\""));

        var plans = Boots().Select(boot => Describe(planner.Plan(boot, inventory, null))).ToList();

        Assert.Equal("/api/users/42:found", plans[2]);
        Assert.Equal("/api/users/42:gated", plans[0]);
        Assert.Empty(planner.Findings);
        Assert.Contains("/api/orders/{id}: gated by console_nav_v2 but has route parameters; not probed (declare a concrete path in preflight.routes to probe it)", planner.Notes);
        Assert.Contains("/api/orders: gated by console_nav_v2 but answers only POST; not probed (the preflight sends GET only)", planner.Notes);
        Assert.DoesNotContain(planner.Notes, n => n.StartsWith("/api/users/{id}", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAnEndpointList_DeclaredRoutesAreProbed_AndTheReportSaysWhy()
    {
        var declared = new Dictionary<string, string> { ["/api/auth/register/options"] = "webauthn_registration" };
        var planner = new GatedRoutePlanner(Flags, declared, App);

        var plans = Boots().Select(boot => Describe(planner.Plan(boot, null, "the probe did not attach"))).ToList();

        Assert.Equal(new[] { "/api/auth/register/options:gated", "/api/auth/register/options:found", "", "", "/api/auth/register/options:found" }, plans);
        Assert.Empty(planner.Findings);
        Assert.Equal("endpoint discovery not available (the probe did not attach): only the routes declared in preflight.routes are probed", Assert.Single(planner.Notes));
    }

    [Fact]
    public void FlagMatrix_RecordsEachBootsFlagValues()
    {
        var boots = Boots();
        Assert.False(boots[0].FlagValues["webauthn_registration"]);
        Assert.True(boots[0].FlagValues["LEGACY_UI"]);
        Assert.True(boots[1].FlagValues["webauthn_registration"]);
        Assert.False(boots[3].FlagValues["legacy_ui"]);
        Assert.All(boots[4].FlagValues.Values, Assert.True);
        Assert.Equal("0", boots[3].Environment["FLAG_LEGACY_UI"]);
    }
}
