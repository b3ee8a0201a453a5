using RaxxConsole;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(sp => ConsoleFlags.Load(Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml"), sp.GetRequiredService<IConfiguration>()));

var app = builder.Build();

// The flags page: "No feature flags declared" when the file cannot be read.
app.MapGet("/console/flags", (ConsoleFlags flags) => flags.Names.Count == 0
    ? Results.Ok(new { message = "No feature flags declared", flags = Array.Empty<string>() })
    : Results.Ok(new { message = $"{flags.Names.Count} flags", flags = flags.Names }));

// The pages of the console audit, each behind its flag.
app.MapGet("/security", () => Results.Ok(new { page = "security" })).RequireFlag("flag_console_nav_v2");
app.MapGet("/console/customers/", () => Results.Ok(new { page = "customers" })).RequireFlag("flag_console_customer_admin");
app.MapGet("/ops", () => Results.Ok(new { page = "ops" })).RequireFlag("flag_console_ops_menu");

app.Run();
