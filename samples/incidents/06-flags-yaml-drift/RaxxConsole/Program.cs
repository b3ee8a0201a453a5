var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The console's flags page. It reads a copy of the flags file next to the console instead of the
// canonical file; in production the copy was not bundled and the page said "No feature flags declared".
app.MapGet("/console/flags", () =>
{
    var path = Path.Combine(builder.Environment.ContentRootPath, "console/config/feature_flags.yaml");
    if (!File.Exists(path))
    {
        return Results.Ok(new { message = "No feature flags declared", flags = Array.Empty<string>() });
    }
    var names = File.ReadAllLines(path)
        .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(':'))
        .Select(l => l.Trim().TrimEnd(':'))
        .ToArray();
    return Results.Ok(new { message = $"{names.Length} flags", flags = names });
});

// The navigation the flags control.
app.MapGet("/console/nav", () => Results.Ok(new[]
{
    new { path = "/security", flag = "flag_console_nav_v2" },
    new { path = "/console/customers/", flag = "flag_console_customer_admin" },
    new { path = "/ops", flag = "flag_console_claude_menu" },
}));

app.Run();
