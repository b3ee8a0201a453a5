using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// The same optional instance override file, followed by what the RAXX101 code fix inserts: environment
// variables and the command line are re-added above it, so WEBAUTHN_RP_ID=raxx.app wins again.
// (Registering the file with Sources.Insert(0, …), as samples/Raxx.Companion does, is the other fix.)
builder.Configuration.AddJsonFile("instance/config.json", optional: true);
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(args);

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
