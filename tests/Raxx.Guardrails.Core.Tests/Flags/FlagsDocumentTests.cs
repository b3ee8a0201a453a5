using System;
using System.Linq;
using Raxx.Guardrails.Core.Flags;

namespace Raxx.Guardrails.Core.Tests.Flags;

public class FlagsDocumentTests
{
    private const string Valid = """
        flags:
          webauthn_registration:
            default: false
            description: Passkey registration
            risk: high
            owner: auth
          auth_webauthn_login:
            default: true
            env: FLAG_PASSKEY_LOGIN
          consoleNavV2:
            default: false
        """;

    [Fact]
    public void ParseYaml_ReadsFlagsWithPositionsAndEnvNames()
    {
        var doc = FlagsDocument.ParseYaml("feature_flags.yaml", Valid);
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "webauthn_registration", "auth_webauthn_login", "consoleNavV2" }, doc.Flags.Select(f => f.Name));
        var first = doc.Flags[0];
        Assert.False(first.Default);
        Assert.Equal(FlagRisk.High, first.Risk);
        Assert.Equal("auth", first.Owner);
        Assert.Equal("Passkey registration", first.Description);
        Assert.Equal("FLAG_WEBAUTHN_REGISTRATION", first.EnvName);
        Assert.Equal((2, 3, 2, 24), (first.KeySpan.Line, first.KeySpan.Column, first.KeySpan.EndLine, first.KeySpan.EndColumn));
        Assert.True(doc.Flags[1].Default);
        Assert.Equal("FLAG_PASSKEY_LOGIN", doc.Flags[1].EnvName);
        Assert.True(doc.Flags[1].HasExplicitEnv);
        Assert.Equal("FLAG_CONSOLE_NAV_V2", doc.Flags[2].EnvName);
    }

    [Fact]
    public void Find_ByNameOrEnvName_AndEnvName()
    {
        var doc = FlagsDocument.ParseYaml("f.yaml", Valid);
        Assert.Same(doc.Flags[0], doc.Find("webauthn_registration"));
        Assert.Same(doc.Flags[0], doc.Find("FLAG_WEBAUTHN_REGISTRATION"));
        Assert.Same(doc.Flags[1], doc.Find("FLAG_PASSKEY_LOGIN"));
        Assert.Null(doc.Find("FLAG_AUTH_WEBAUTHN_LOGIN")); // env overridden by 'env:'
        Assert.Null(doc.Find("webauthn_registraton"));
        Assert.Equal("FLAG_PASSKEY_LOGIN", doc.EnvName("auth_webauthn_login"));
        Assert.Equal("FLAG_NOT_DECLARED", doc.EnvName("not_declared"));
    }

    [Theory]
    [InlineData("webauthn_registraton", "webauthn_registration")]
    [InlineData("WEBAUTHN_REGISTRATION", "webauthn_registration")]
    [InlineData("FLAG_WEBAUTHN_REGISTRATON", "FLAG_WEBAUTHN_REGISTRATION")]
    [InlineData("consoleNavV3", "consoleNavV2")]
    [InlineData("billing_v2", null)]
    public void Suggest_NearMissesOnly(string query, string? expected)
    {
        var doc = FlagsDocument.ParseYaml("f.yaml", Valid);
        Assert.Equal(expected, doc.Suggest(query));
    }

    [Theory]
    [InlineData("webauthn_registration", "FLAG_WEBAUTHN_REGISTRATION")]
    [InlineData("flag_console_nav_v2", "FLAG_CONSOLE_NAV_V2")]
    [InlineData("consoleNavV2", "FLAG_CONSOLE_NAV_V2")]
    [InlineData("new-checkout.flow", "FLAG_NEW_CHECKOUT_FLOW")]
    [InlineData("HTTPServer", "FLAG_HTTP_SERVER")]
    public void DefaultEnvName_IsUpperSnakeWithPrefix(string name, string env) =>
        Assert.Equal(env, FlagNames.DefaultEnvName(name));

    [Theory]
    [InlineData("flags:\n  a: { default: false\n", 3, "YAML syntax error")]
    [InlineData("flags:\n  a:\n    default: false\n  a:\n    default: true\n", 4, "duplicate flag 'a'")]
    [InlineData("flags:\n  a:\n    description: x\n", 2, "has no 'default'")]
    [InlineData("flags:\n  a:\n    default: 'false'\n", 3, "'default' must be true or false (found 'false')")]
    [InlineData("flags:\n  a:\n    default: yes\n", 3, "'default' must be true or false (found 'yes')")]
    [InlineData("flags:\n  a:\n    default: false\n    rollout: 10\n", 4, "unknown key 'rollout'")]
    [InlineData("flags:\n  a:\n    default: false\n    risk: critical\n", 4, "risk 'critical' is not one of low, medium, high")]
    [InlineData("flag:\n  a:\n    default: false\n", 1, "unknown top-level key 'flag'")]
    [InlineData("flags:\n  a: true\n", 2, "must be a map with a boolean 'default'")]
    public void ParseYaml_Invalid_ReportsLocatedProblem(string text, int line, string message)
    {
        var doc = FlagsDocument.ParseYaml("f.yaml", text);
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(line, problem.Span.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_SeveralProblems_OnePerProblem()
    {
        var doc = FlagsDocument.ParseYaml("f.yaml", "flags:\n  a:\n    default: maybe\n  b:\n    owner: x\n    risk: extreme\n");
        Assert.Equal(new[] { 3, 4, 6 }, doc.Problems.Select(p => p.Span.Line).OrderBy(l => l));
        Assert.Equal(2, doc.Flags.Count); // invalid entries still count as declared
    }

    [Fact]
    public void ParseYaml_EmptyFlagsMap_IsValid()
    {
        var doc = FlagsDocument.ParseYaml("f.yaml", "flags:\n");
        Assert.Empty(doc.Problems);
        Assert.Empty(doc.Flags);
        Assert.True(doc.HasSources);
    }

    [Fact]
    public void ParseFeatureManagementJson_ReadsBothSchemas()
    {
        var json = """
            {
              // comments are fine
              "FeatureManagement": {
                "Beta": true,
                "Canary": { "EnabledFor": [ { "Name": "Percentage", "Parameters": { "Value": 10 } } ] },
                "Always": { "EnabledFor": [ { "Name": "AlwaysOn" } ] }
              },
              "feature_management": { "feature_flags": [ { "id": "NewCheckout", "enabled": true }, { "id": "Old" } ] }
            }
            """;
        var doc = FlagsDocument.ParseFeatureManagementJson("appsettings.json", json);
        Assert.Equal(new[] { "Beta", "Canary", "Always", "NewCheckout", "Old" }, doc.Flags.Select(f => f.Name));
        Assert.Equal(new[] { true, false, true, true, false }, doc.Flags.Select(f => f.Default));
        Assert.Equal(4, doc.Flags[0].KeySpan.Line);
        Assert.Equal(FlagDeclarationKind.FeatureManagement, doc.Flags[0].Kind);
        Assert.True(doc.HasSources);
        Assert.True(doc.IsDeclared("beta"));
    }

    [Fact]
    public void ParseFeatureManagementJson_NoSection_IsNoSource()
    {
        var doc = FlagsDocument.ParseFeatureManagementJson("appsettings.json", "{ \"Logging\": {} }");
        Assert.False(doc.HasSources);
        Assert.False(FlagsDocument.ParseFeatureManagementJson("appsettings.json", "{ broken").HasSources);
    }

    [Fact]
    public void ToPreflightFlags_CarriesEnvNameDefaultAndLocation()
    {
        var flags = FlagsDocument.ParseYaml("samples/feature_flags.yaml", Valid).ToPreflightFlags();
        Assert.Equal(3, flags.Count);
        Assert.Equal("FLAG_PASSKEY_LOGIN", flags[1].EnvName);
        Assert.True(flags[1].Default);
        Assert.Equal("samples/feature_flags.yaml", flags[0].Location!.Path);
        Assert.Equal(2, flags[0].Location!.StartLine);
    }

    [Theory]
    [InlineData("console/config/feature_flags.yaml", true)]
    [InlineData("flags.yml", true)]
    [InlineData("C:\\app\\Feature-Flags.YAML", true)]
    [InlineData("config/feature-flags.json", true)]
    [InlineData("featureflags.json", true)]
    [InlineData("flags.json", false)]
    [InlineData("appsettings.json", false)]
    [InlineData("workflow.yaml", false)]
    public void LooksLikeFlagsFile(string path, bool expected) => Assert.Equal(expected, FlagNames.LooksLikeFlagsFile(path));
}
