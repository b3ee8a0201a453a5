using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Raptor.Api.Tests;

/// <summary>
/// Boots the real Program with WebAuthn on. The values are set with UseSetting (what the RAXX202 code fix
/// produces): host configuration, below every production source, so a broken late source still wins in the
/// test exactly as in production, and the test fails where production would crash.
/// </summary>
public sealed class RaptorApiFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("WEBAUTHN_RP_ID", "raxx.app");
        builder.UseSetting("WEBAUTHN_RP_NAME", "Raxx");
        builder.UseSetting("WEBAUTHN_ORIGIN", "https://raxx.app");
        builder.UseSetting("FLAG_WEBAUTHN_REGISTRATION", "1");
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
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("FLAG_AUTH_WEBAUTHN_LOGIN", "1"));
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
