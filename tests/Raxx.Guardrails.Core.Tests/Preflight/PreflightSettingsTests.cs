using System;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Tests.Preflight;

public class PreflightSettingsTests
{
    private static (PreflightSettings Settings, FindingList Problems) Read(string yaml)
    {
        var root = (YamlMappingNode)YamlLoader.Load(yaml).Root!;
        var problems = new FindingList();
        var section = root.Children.TryGetValue(new YamlScalarNode("preflight"), out var node) ? node : null;
        return (PreflightSettings.FromSection(section, "raxx-guardrails.yaml", problems), problems);
    }

    [Fact]
    public void Section_IsRead()
    {
        var (settings, problems) = Read("""
            preflight:
              health: /healthz
              timeout_seconds: 12.5
              max_parallel: 3
              discover: false
              env:
                WEBAUTHN_RP_ID: raxx.app
              routes:
                /api/auth/register/options: webauthn_registration
            """);

        Assert.Empty(problems.Items);
        Assert.Equal("/healthz", settings.HealthPath);
        Assert.Equal(TimeSpan.FromSeconds(12.5), settings.Timeout);
        Assert.Equal(3, settings.MaxParallel);
        Assert.False(settings.Discover);
        Assert.Equal("raxx.app", settings.Environment["WEBAUTHN_RP_ID"]);
        Assert.Equal("webauthn_registration", settings.GatedRoutes["/api/auth/register/options"]);
    }

    [Fact]
    public void NoSection_GivesDefaults()
    {
        var (settings, problems) = Read("severities: {}\n");
        Assert.Empty(problems.Items);
        Assert.Equal("/health", settings.HealthPath);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.True(settings.Discover);
    }

    [Fact]
    public void BadValues_AreLocatedProblems_NotExceptions()
    {
        var (_, problems) = Read("""
            preflight:
              health: healthz
              timeout_seconds: soon
              routes: [a, b]
              colour: blue
              discover: sometimes
            """);

        Assert.All(problems.Items, p => Assert.Equal(RuleIds.Raxx001, p.RuleId));
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, problems.Items.Select(p => p.Location.StartLine));
        Assert.Contains("must be a path starting with '/'", problems.Items[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'preflight.colour'", problems.Items[3].Message, StringComparison.Ordinal);
        Assert.Contains("'preflight.discover' must be true or false", problems.Items[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppJson_DeclaredVariables_GetValuesOrShapedPlaceholders_ConfigWins()
    {
        var (settings, _) = Read("preflight:\n  env:\n    WEBAUTHN_RP_ID: raxx.app\n");
        var problems = new FindingList();
        settings.AddAppJson("""
            {
              "name": "raptor-api",
              "env": {
                "WEBAUTHN_RP_ID": { "required": true },
                "WEBAUTHN_ORIGIN": { "description": "browser origin", "required": true },
                "WEBAUTHN_RP_NAME": "Raxx",
                "SECRET_KEY": { "generator": "secret" }
              }
            }
            """, "app.json", problems);

        Assert.Empty(problems.Items);
        Assert.Equal("raxx.app", settings.Environment["WEBAUTHN_RP_ID"]);
        Assert.Equal("https://preflight.invalid", settings.Environment["WEBAUTHN_ORIGIN"]);
        Assert.Equal("Raxx", settings.Environment["WEBAUTHN_RP_NAME"]);
        Assert.Equal("preflight-placeholder", settings.Environment["SECRET_KEY"]);
        Assert.Equal(new[] { "raxx-guardrails.yaml", "app.json" }, settings.Sources);
    }

    [Fact]
    public void BrokenAppJson_IsALocatedProblem()
    {
        var settings = new PreflightSettings();
        var problems = new FindingList();
        settings.AddAppJson("{\n  \"env\": { \"A\": }\n}", "app.json", problems);
        var problem = Assert.Single(problems.Items);
        Assert.Equal("app.json", problem.Location.Path);
        Assert.Equal(2, problem.Location.StartLine);
    }
}
