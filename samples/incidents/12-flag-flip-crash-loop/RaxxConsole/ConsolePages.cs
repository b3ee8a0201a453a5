namespace RaxxConsole;

/// <summary>The console pages the audit found answering 404 (INCIDENTS.md §3), each behind its gate.</summary>
public static class ConsolePages
{
    public static IEndpointRouteBuilder MapConsolePages(this IEndpointRouteBuilder endpoints)
    {
        // Gated 404s by design: their flags default OFF, and the route and its nav link are both conditional.
        endpoints.MapGet("/security", () => Results.Ok(new { page = "security" })).RequireFlag("console_nav_v2");
        endpoints.MapGet("/console/customers", () => Results.Ok(new[] { "acme", "globex" })).RequireFlag("console_customer_admin");
        endpoints.MapGet("/ops", () => Results.Ok(new { page = "ops" })).RequireFlag("console_claude_menu");

        // Written, mapped, gated on console_nav_v2 like the rest of nav v2 — and its handler checks another flag and
        // returns 404: with console_nav_v2 on (the nav shows the link) the page is still 404 ("a flag check returned 404").
        endpoints.MapGet("/console/admins/online", (ConsoleFlags flags) =>
                flags.IsEnabled("console_customer_admin")
                    ? Results.Ok(new[] { "ops@raxx.app" })
                    : Results.NotFound())
            .RequireFlag("console_nav_v2");

        // The nav shows each link whose flag is on.
        endpoints.MapGet("/console/nav", (ConsoleFlags flags) => Results.Ok(new
        {
            security = flags.IsEnabled("console_nav_v2"),
            adminsOnline = flags.IsEnabled("console_nav_v2"),
            customers = flags.IsEnabled("console_customer_admin"),
            ops = flags.IsEnabled("console_claude_menu"),
        }));
        return endpoints;
    }
}
