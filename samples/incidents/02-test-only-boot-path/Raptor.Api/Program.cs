using Raptor.Api.Configuration;

var app = Program.CreateApp(args);
app.Run();

/// <summary>The app factory, shaped like Raptor's create_app(test_config=None).</summary>
public partial class Program
{
    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // The incident: with a test config the factory takes it "from mapping" and skips the production
        // file load entirely, so the tests never run the path that crashes in production.
        if (testConfig != null)
        {
            builder.Configuration.AddInMemoryCollection(testConfig);
        }
        else
        {
            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
        }

        // WebAuthn settings are bound from WEBAUTHN_* and validated at start-up when a WebAuthn flag is on.
        builder.Services.AddWebAuthn(builder.Configuration);

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
