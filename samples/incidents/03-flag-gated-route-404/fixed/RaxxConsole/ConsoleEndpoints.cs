using Microsoft.FeatureManagement.AspNetCore;

namespace RaxxConsole;

public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/health", () => Results.Ok(new { status = "ok" }));
        return endpoints;
    }

    // Called from Program.cs in the fixed twin.
    public static IEndpointRouteBuilder MapAdminsOnline(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/admins/online", () => Results.Ok(new[] { "ops@raxx.app" }))
            .WithFeatureGate("ConsoleAdminsOnline");
        return endpoints;
    }
}
