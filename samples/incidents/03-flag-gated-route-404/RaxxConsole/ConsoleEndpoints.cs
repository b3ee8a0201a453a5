using Microsoft.FeatureManagement.AspNetCore;

namespace RaxxConsole;

public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/health", () => Results.Ok(new { status = "ok" }));
        return endpoints;
    }

    // Written, reviewed, gated on a declared flag that is on — and never called from Program.cs:
    // /console/admins/online answers 404 in production.
    public static IEndpointRouteBuilder MapAdminsOnline(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/admins/online", () => Results.Ok(new[] { "ops@raxx.app" }))
            .WithFeatureGate("ConsoleAdminsOnline");
        return endpoints;
    }
}
