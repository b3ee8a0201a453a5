using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// CreateBuilder already registered appsettings.{Environment}.json, below the environment variables: the platform's
// WEBAUTHN_RP_ID=raxx.app wins over the file's empty placeholder. Nothing is added after it.

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
