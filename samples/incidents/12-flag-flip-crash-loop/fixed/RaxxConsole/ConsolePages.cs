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

        // The page lists customer admins too, so it depends on console_customer_admin as well: both flags are its gates,
        // visible as endpoint metadata, and the nav link checks both. No flag check hides inside the handler.
        endpoints.MapGet("/console/admins/online", () => Results.Ok(new[] { "ops@raxx.app" }))
            .RequireFlag("console_nav_v2")
            .RequireFlag("console_customer_admin");

        // The nav shows each link whose flag is on.
        endpoints.MapGet("/console/nav", (ConsoleFlags flags) => Results.Ok(new
        {
            security = flags.IsEnabled("console_nav_v2"),
            adminsOnline = flags.IsEnabled("console_nav_v2") && flags.IsEnabled("console_customer_admin"),
            customers = flags.IsEnabled("console_customer_admin"),
            ops = flags.IsEnabled("console_claude_menu"),
        }));
        return endpoints;
    }
}
