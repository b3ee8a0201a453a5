using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Flags;

public class Raxx302UnmappedRouteTests
{
    private static AnalyzerTest App(string source)
    {
        var test = Verify<Raxx302UnmappedRouteAnalyzer>.Test(source);
        test.OutputKind = OutputKind.ConsoleApplication;
        return test;
    }

    [Fact]
    public Task MappingMethodNeverCalled_Reports()
    {
        var test = App("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            var app = WebApplication.Create(args);
            app.MapConsole();
            app.Run();
            static class ConsoleRoutes
            {
                public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder e)
                {
                    e.MapGet("/console/flags", () => Results.Ok());
                    return e;
                }
                public static IEndpointRouteBuilder {|RAXX302:MapAdminsOnline|}(this IEndpointRouteBuilder e)
                {
                    e.MapGet("/console/admins/online", () => Results.Ok());
                    return e;
                }
                public static RouteGroupBuilder {|RAXX302:MapOps|}(this RouteGroupBuilder g)
                {
                    g.MapGet("/ops", () => Results.Ok());
                    return g;
                }
            }
            """);
        test.ExpectedMessages.Add("Endpoint-mapping method 'ConsoleRoutes.MapAdminsOnline' is never called; its routes are never registered and answer 404 in production: call app.MapAdminsOnline() where the other endpoints are mapped, or delete it");
        test.ExpectedMessages.Add("Endpoint-mapping method 'ConsoleRoutes.MapOps' is never called; its routes are never registered and answer 404 in production: call app.MapOps() where the other endpoints are mapped, or delete it");
        return test.RunAsync();
    }

    [Fact]
    public Task ControllerExcludedFromDiscovery_Reports() =>
        App("""
            using Microsoft.AspNetCore.Mvc;
            System.Console.WriteLine();
            [NonController, Route("console/admins")]
            public class {|RAXX302:AdminsController|} : ControllerBase { [HttpGet("online")] public IActionResult Online() => Ok(); }
            internal class {|RAXX302:OpsController|} : ControllerBase { [HttpGet("/ops")] public IActionResult Get() => Ok(); }
            public abstract class {|RAXX302:SecurityController|} : ControllerBase { [HttpGet("/security")] public IActionResult Get() => Ok(); }
            """).RunAsync();

    [Fact]
    public Task CalledOrDiscoverable_NoReport() =>
        App("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            var app = WebApplication.Create(args);
            app.MapConsole();
            app.MapGroup("/api").MapApi();
            System.Func<IEndpointRouteBuilder, IEndpointRouteBuilder> later = ConsoleRoutes.MapLater;
            app.Run();
            static class ConsoleRoutes
            {
                public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder e) { e.MapGet("/console", () => Results.Ok()); return e; }
                public static RouteGroupBuilder MapApi(this RouteGroupBuilder g) { g.MapGet("/x", () => Results.Ok()); return g; }
                public static IEndpointRouteBuilder MapLater(IEndpointRouteBuilder e) { e.MapGet("/later", () => Results.Ok()); return e; }
                public static IEndpointRouteBuilder NotMapping(this IEndpointRouteBuilder e) => e;
            }
            public class AdminsController : ControllerBase { [HttpGet("/admins")] public IActionResult Get() => Ok(); }
            public abstract class BaseApiController : ControllerBase { [HttpGet("ping")] public IActionResult Ping() => Ok(); }
            [Route("api/users")] public class UsersController : BaseApiController { }
            internal class HelperController : ControllerBase { public int Compute() => 1; }
            """).RunAsync();

    [Fact]
    public Task PublicMappingMethodInLibrary_NoReport() =>
        Verify<Raxx302UnmappedRouteAnalyzer>.VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            public static class LibraryRoutes
            {
                public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder e) { e.MapGet("/health", () => Results.Ok()); return e; }
            }
            """);
}
