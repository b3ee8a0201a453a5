using Microsoft.Extensions.Configuration.Json;
using Raptor.Api.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Incident 01's fix, as samples/Raxx.Companion does it: the optional instance file is registered at index 0, below
// every other source, so it can only fill gaps (the platform's config vars and the tests' UseSetting values win).
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "instance/config.json",
    Optional = true,
    FileProvider = builder.Environment.ContentRootFileProvider,
});

// WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
builder.Services.AddWebAuthn(builder.Configuration);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
