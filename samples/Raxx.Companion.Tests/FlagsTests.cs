using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Raxx.Companion.Tests;

/// <summary>
/// Flags through the production boot path: the canonical feature_flags.yaml (copied next to the app)
/// is listed on /console/flags, and FLAG_* settings override its defaults.
/// </summary>
public sealed class FlagsTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public FlagsTests(WebApplicationFactory<Program> factory) => _factory = factory;

    private WebApplicationFactory<Program> Boot(bool registrationOn) => _factory.WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Production");
        b.UseSetting("WEBAUTHN_RP_ID", "raxx.app");
        b.UseSetting("WEBAUTHN_RP_NAME", "Raxx");
        b.UseSetting("WEBAUTHN_ORIGIN", "https://raxx.app");
        b.UseSetting("FLAG_WEBAUTHN_REGISTRATION", registrationOn ? "1" : "0");
    });

    [Fact]
    public async Task FlagsPage_ListsEveryDeclaredFlag()
    {
        using var client = Boot(registrationOn: false).CreateClient();
        var body = await client.GetStringAsync(new Uri("/console/flags", UriKind.Relative));
        Assert.Contains("\"count\":2", body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"webauthn_registration\"", body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"auth_webauthn_login\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterOptions_404WhenOff_200WhenFlagOverriddenOn()
    {
        using var off = Boot(registrationOn: false).CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await off.GetAsync(new Uri("/api/auth/register/options", UriKind.Relative))).StatusCode);

        using var on = Boot(registrationOn: true).CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await on.GetAsync(new Uri("/api/auth/register/options", UriKind.Relative))).StatusCode);
    }
}
