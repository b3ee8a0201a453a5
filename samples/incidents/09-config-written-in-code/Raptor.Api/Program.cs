using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Three ways to write INCIDENTS.md §1 again in an ASP.NET Core app factory. Each one alone lets a value other
// than the platform's config var (WEBAUTHN_RP_ID=raxx.app) decide what the app runs with.

// 1. The sources rebuilt "in an order we control": appsettings.json, then the instance folder. The extension
//    clears the sources first and never re-adds environment variables (RAXX104): the config vars are gone.
builder.Configuration.UseInstanceFolder();

// 2. The WebAuthn boot check, moved to the top of the factory "to fail fast". It judges the configuration as it
//    is here, before the write below (RAXX103): it can approve a value the app will not run with.
WebAuthnBootCheck.RequireRpId(builder.Configuration["WEBAUTHN_RP_ID"]);

// 3. instance/config.py ported as code: its WEBAUTHN_RP_ID = '' written over the configuration (RAXX102).
builder.Configuration["WEBAUTHN_RP_ID"] = InstanceSettings.WebAuthnRpId;

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();
