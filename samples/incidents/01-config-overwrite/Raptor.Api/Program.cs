using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// The incident: the optional instance override file, loaded "silently" (absent is fine, present wins).
// CreateBuilder already registered environment variables, so this file lands above WEBAUTHN_RP_ID=raxx.app.
builder.Configuration.AddJsonFile("instance/config.json", optional: true);

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
