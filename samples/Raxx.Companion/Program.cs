using Raxx.Companion.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Configuration sources: the optional instance override file sits *below* environment variables,
// so a config var set on the platform always wins (INCIDENTS.md §1).
builder.AddCompanionConfiguration();

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
