using Microsoft.Extensions.Configuration.Json;

var builder = WebApplication.CreateBuilder(args);

// The optional instance override file is registered below every other source (as in Raxx.Companion),
// so RAXX101 has nothing to say here. The incident is the file itself: the project copies it to bin/ and
// the SDK publishes it, so a developer's instance/config.json (WEBAUTHN_RP_ID: "") is deployed.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "instance/config.json",
    Optional = true,
    ReloadOnChange = false,
    FileProvider = builder.Environment.ContentRootFileProvider,
});

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.Run();
