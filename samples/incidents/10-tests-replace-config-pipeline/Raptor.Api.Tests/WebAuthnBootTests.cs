using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Raptor.Api.Tests;

/// <summary>
/// Boots the real Program with WebAuthn on. The values are appended with ConfigureAppConfiguration, which runs
/// after Program.cs added instance/config.json: the test's WEBAUTHN_RP_ID sits on top of the broken file.
/// </summary>
public sealed class RaptorApiFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((context, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WEBAUTHN_RP_ID"] = "raxx.app",
            ["WEBAUTHN_RP_NAME"] = "Raxx",
            ["WEBAUTHN_ORIGIN"] = "https://raxx.app",
            ["FLAG_WEBAUTHN_REGISTRATION"] = "1",
        }));
    }
}

public sealed class WebAuthnBootTests : IClassFixture<RaptorApiFactory>
{
    private readonly RaptorApiFactory _factory;

    public WebAuthnBootTests(RaptorApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_WithWebAuthnRegistrationOn_Returns200()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithWebAuthnLoginOn_Returns200()
    {
        // "Start from a clean configuration": the clear throws away every production source, the instance file too.
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((context, config) =>
        {
            config.Sources.Clear();
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WEBAUTHN_RP_ID"] = "raxx.app",
                ["WEBAUTHN_RP_NAME"] = "Raxx",
                ["WEBAUTHN_ORIGIN"] = "https://raxx.app",
                ["FLAG_AUTH_WEBAUTHN_LOGIN"] = "1",
            });
        }));
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
