using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Incident 01, still here: the optional instance file lands above the environment's WEBAUTHN_RP_ID=raxx.app,
// and instance/config.json holds "WEBAUTHN_RP_ID": "".
builder.Configuration.AddJsonFile("instance/config.json", optional: true);

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
