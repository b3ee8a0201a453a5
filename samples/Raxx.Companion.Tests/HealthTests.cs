using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Raxx.Companion.Tests;

/// <summary>
/// Boots the companion through its production path (Program.cs, every production source), with
/// production-like settings layered *below* those sources via UseSetting.
/// </summary>
public sealed class HealthTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public HealthTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("WEBAUTHN_RP_ID", "raxx.app");
            b.UseSetting("WEBAUTHN_RP_NAME", "Raxx");
            b.UseSetting("WEBAUTHN_ORIGIN", "https://raxx.app");
            b.UseSetting("FLAG_WEBAUTHN_REGISTRATION", "1");
        });
    }

    [Fact]
    public async Task Health_Returns200_UnderProductionBootPath()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
