using Raxx.Companion.Configuration;
using Raxx.Companion.Flags;

var builder = WebApplication.CreateBuilder(args);

// Configuration sources: the optional instance override file sits *below* environment variables,
// so a config var set on the platform always wins (INCIDENTS.md §1).
builder.AddCompanionConfiguration();

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

// Feature flags from the canonical feature_flags.yaml shipped with the app; FLAG_* env vars override.
builder.Services.AddCompanionFlags();

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapAuthEndpoints();
app.MapFlagsConsole();

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
