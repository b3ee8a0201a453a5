using Xunit;

namespace Raptor.Api.Tests;

/// <summary>
/// The regression tests written after the first WebAuthn crash. They pass: with a test config the factory
/// never loads instance/config.json, so they cannot see that it overwrites WEBAUTHN_RP_ID in production.
/// </summary>
public sealed class WebAuthnBootTests
{
    private static Dictionary<string, string?> WebAuthnOn() => new()
    {
        ["WEBAUTHN_RP_ID"] = "raxx.app",
        ["WEBAUTHN_RP_NAME"] = "Raxx",
        ["WEBAUTHN_ORIGIN"] = "https://raxx.app",
        ["FLAG_WEBAUTHN_REGISTRATION"] = "1",
    };

    [Fact]
    public async Task Boots_WithWebAuthnRegistrationOn()
    {
        await using var app = Program.CreateApp(Array.Empty<string>(), WebAuthnOn());
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task Boots_WithWebAuthnLoginOn()
    {
        var config = WebAuthnOn();
        config["FLAG_AUTH_WEBAUTHN_LOGIN"] = "1";
        await using var app = Program.CreateApp(Array.Empty<string>(), testConfig: config);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        await app.StopAsync();
    }
}
