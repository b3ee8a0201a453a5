using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>Parsing the probe's endpoint dump (msbuild/Raxx.Guardrails.Preflight.Probe/EndpointDump.cs writes it).</summary>
public class EndpointInventoryTests
{
    // The shape the probe wrote for the companion, plus an MVC action with FeatureGate(RequirementType.Any, …, Negate).
    private const string Dump = """
        {"version":1,"endpoints":[
          {"route":"/health","parameters":[],"displayName":"HTTP: GET /health","methods":["GET"],"gates":[]},
          {"route":"/api/auth/register/options","parameters":[],"displayName":"HTTP: GET /api/auth/register/options","methods":["GET"],
           "gates":[{"type":"Raxx.Companion.Flags.RequiresFlagAttribute","flags":["webauthn_registration"],"requirement":"All","negate":false}]},
          {"route":"api/Admins/{id:int}","parameters":["id"],"displayName":"Console.AdminsController.Get (Console)","methods":[],
           "gates":[{"type":"Microsoft.FeatureManagement.Mvc.FeatureGateAttribute","flags":["console_nav_v2","ops"],"requirement":"Any","negate":true}]},
          {"displayName":"fallback","methods":[],"gates":[{"type":"X.FeatureGateMetadata","flags":[],"requirement":"All","negate":false}]}
        ]}
        """;

    [Fact]
    public void Dump_IsParsed_WithGatesAndMethods()
    {
        var inventory = EndpointInventory.Parse(Dump);

        Assert.True(inventory.Success, inventory.Error);
        Assert.Equal(4, inventory.Endpoints.Count);
        Assert.Equal(new[] { "/api/auth/register/options", "/api/Admins/{id:int}" }, inventory.Gated.Select(e => e.Route));

        var companion = inventory.Endpoints[1];
        var gate = Assert.Single(companion.Gates);
        Assert.Equal("RequiresFlagAttribute", gate.ShortType);
        Assert.Equal(new[] { "webauthn_registration" }, gate.Flags);
        Assert.False(gate.RequireAny);
        Assert.True(companion.AnswersGet);

        var mvc = inventory.Endpoints[2];
        Assert.Equal(new[] { "id" }, mvc.Parameters);
        Assert.True(mvc.AnswersGet); // no method metadata: any method
        Assert.True(mvc.Gates[0].RequireAny);
        Assert.True(mvc.Gates[0].Negate);

        Assert.Null(inventory.Endpoints[3].Route); // not a route endpoint: never probed
    }

    [Theory]
    [InlineData(false, false, true)]   // Any + Negate: open when both are off
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    public void Gate_AnyNegate_OpensOnlyWhenEveryFlagIsOff(bool nav, bool ops, bool open)
    {
        var gate = EndpointInventory.Parse(Dump).Endpoints[2].Gates[0];
        Assert.Equal(open, gate.IsOpen(flag => flag == "console_nav_v2" ? nav : ops));
    }

    [Fact]
    public void Gate_All_NeedsEveryFlag_AndAnUnknownFlagIsOff()
    {
        var gate = new EndpointGate("G", new[] { "a", "b" }, requireAny: false, negate: false);
        Assert.False(gate.IsOpen(flag => flag == "a"));
        Assert.True(gate.IsOpen(_ => true));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"version\":1}", "no 'endpoints' array")]
    [InlineData("{\"version\":1,\"error\":\"InvalidOperationException\"}", "could not read the app's endpoints: InvalidOperationException")]
    public void BadDump_IsAnError_NotAnException(string json, string error)
    {
        var inventory = EndpointInventory.Parse(json);
        Assert.False(inventory.Success);
        Assert.Contains(error, inventory.Error, StringComparison.Ordinal);
        Assert.Empty(inventory.Endpoints);
    }

    [Theory]
    [InlineData("/console/admins/online", "/console/admins/online", true)]
    [InlineData("/console/admins/online", "/Console/Admins/Online/", true)]
    [InlineData("/console/admins/online", "/console/admins", false)]
    [InlineData("/api/users/{id:int}", "/api/users/42", true)]
    [InlineData("/api/users/{id:int}", "/api/users", false)]
    [InlineData("/api/users/{id?}", "/api/users", true)]
    [InlineData("/docs/{**slug}", "/docs/a/b/c", true)]
    [InlineData("/docs/{**slug}", "/doc/a", false)]
    [InlineData("/files/{name}.{ext}", "/files/a.txt", true)]
    [InlineData("/", "/", true)]
    [InlineData("/a/{b}", "/a/x?y=1", true)]
    public void RouteTemplate_MatchesConcretePaths(string template, string path, bool matches) =>
        Assert.Equal(matches, RouteTemplate.Matches(template, path));

    /// <summary>The dump comes from another process: mutated dumps parse to endpoints or an error, and planning on them never throws.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MutatedDumps_NeverThrow_ThroughParsingAndPlanning(int seed)
    {
        var flags = new[] { new PreflightFlag("webauthn_registration", "FLAG_WEBAUTHN_REGISTRATION", false), new PreflightFlag("ops", "FLAG_OPS", true) };
        var boots = FlagMatrix.Build(name => new BootSpec(name, "dotnet", new[] { "Api.dll" }), flags);
        var declared = new Dictionary<string, string> { ["/api/Admins/7"] = "ops" };
        Fuzz.Run(new[] { Dump }, 1500, seed, text =>
        {
            var inventory = EndpointInventory.Parse(text);
            Assert.True(inventory.Success || inventory.Error != null);
            var planner = new GatedRoutePlanner(flags, declared, FindingLocation.WholeFile("Api.csproj"));
            foreach (var boot in boots)
            {
                Assert.All(planner.Plan(boot, inventory.Success ? inventory : null, inventory.Error), probe => Assert.StartsWith("/", probe.Path, StringComparison.Ordinal));
            }
        });
    }
}
