using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// 1. The instance folder's values sit *below* the platform's config vars (Sources.Insert(0, …)); nothing is
//    cleared, so WEBAUTHN_RP_ID=raxx.app from the environment wins.
// 3. instance/config.py's values are among them, as defaults that can only fill gaps: no key is written in code.
builder.Configuration.UseInstanceFolder();

// 2. WebAuthn settings are bound from WEBAUTHN_* and validated on start, against the final configuration.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
