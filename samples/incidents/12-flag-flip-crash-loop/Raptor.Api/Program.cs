using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// "appsettings.{Environment}.json must win over appsettings.json": the factory adds it again. CreateBuilder had
// already registered it below the environment variables; added now, it lands above WEBAUTHN_RP_ID=raxx.app.
RaptorConfiguration.ApplyEnvironmentOverrides(builder.Configuration, builder.Environment);

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
