using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.CodeFixes.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.Flags
{
    public class Raxx302CallMappingMethodCodeFixTests
    {
        private static CodeFixTest Test(string program, string endpoints, string fixedProgram, string? fixedEndpoints = null)
        {
            var test = new CodeFixTest
            {
                Sources = { ("Program.cs", program), ("ConsoleEndpoints.cs", endpoints) },
                FixedSources = { ("Program.cs", fixedProgram), ("ConsoleEndpoints.cs", fixedEndpoints ?? endpoints) },
                Analyzers = { new Raxx302UnmappedRouteAnalyzer() },
                CodeFix = new Raxx302CallMappingMethodCodeFix(),
                OutputKind = OutputKind.ConsoleApplication,
            };
            return test;
        }

        private const string Endpoints = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            namespace RaxxConsole;

            public static class ConsoleEndpoints
            {
                public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder endpoints)
                {
                    endpoints.MapGet("/console/health", () => Results.Ok());
                    return endpoints;
                }

                public static IEndpointRouteBuilder {|RAXX302:MapAdminsOnline|}(this IEndpointRouteBuilder endpoints)
                {
                    endpoints.MapGet("/console/admins/online", () => Results.Ok());
                    return endpoints;
                }

                public static RouteGroupBuilder {|RAXX302:MapOps|}(this RouteGroupBuilder group)
                {
                    group.MapGet("/ops", () => Results.Ok());
                    return group;
                }
            }
            """;

        [Fact]
        public Task TheIncident_CallIsAddedAfterTheSiblingMapping()
        {
            // incident 03: MapAdminsOnline was written and never called from Program.cs. MapOps extends a route
            // group: no group is in sight, so it keeps its finding and gets no fix.
            var test = Test("""
                using RaxxConsole;

                var app = WebApplication.Create(args);

                app.MapGet("/console/nav", () => "nav");
                app.MapConsoleEndpoints();

                app.Run();
                """, Endpoints, """
                using RaxxConsole;

                var app = WebApplication.Create(args);

                app.MapGet("/console/nav", () => "nav");
                app.MapConsoleEndpoints();
                app.MapAdminsOnline();

                app.Run();
                """, Endpoints.Replace("{|RAXX302:MapAdminsOnline|}", "MapAdminsOnline"));
            test.Sources[0] = ("Program.cs", "using Microsoft.AspNetCore.Builder;\n" + test.Sources[0].Markup);
            test.FixedSources[0] = ("Program.cs", "using Microsoft.AspNetCore.Builder;\n" + test.FixedSources[0].Markup);
            test.CodeActionTitle = "Call app.MapAdminsOnline() after app.MapConsoleEndpoints()";
            return test.RunAsync();
        }

        [Fact]
        public Task NoSiblingCalled_CallIsAddedBeforeRun_WithTheUsing()
        {
            var test = Test("""
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.Create(args);
                app.MapGet("/", () => "home");

                // serve
                await app.RunAsync();
                """, Endpoints.Replace("{|RAXX302:MapConsoleEndpoints|}", "MapConsoleEndpoints").Replace("MapConsoleEndpoints(this", "{|RAXX302:MapConsoleEndpoints|}(this"), """
                using Microsoft.AspNetCore.Builder;
                using RaxxConsole;

                var app = WebApplication.Create(args);
                app.MapGet("/", () => "home");
                app.MapConsoleEndpoints();
                app.MapAdminsOnline();

                // serve
                await app.RunAsync();
                """, Endpoints.Replace("{|RAXX302:MapAdminsOnline|}", "MapAdminsOnline"));
            // one by one: the first fix (MapConsoleEndpoints, first in the file) goes before RunAsync with the using; the
            // second then finds it as a sibling call and goes after it. Fix All puts both before RunAsync, in that order.
            return test.RunAsync();
        }

        [Fact]
        public Task TwoUnmappedMethods_BothCalledAfterTheSibling_OneByOneAndByFixAll()
        {
            var endpoints = Endpoints.Replace("""
                    public static RouteGroupBuilder {|RAXX302:MapOps|}(this RouteGroupBuilder group)
                    {
                        group.MapGet("/ops", () => Results.Ok());
                        return group;
                    }
                """, """
                    public static IEndpointRouteBuilder {|RAXX302:MapAudit|}(this IEndpointRouteBuilder endpoints, bool verbose = false)
                    {
                        endpoints.MapGet("/console/audit", () => Results.Ok(verbose));
                        return endpoints;
                    }
                """);
            return Test("""
                using Microsoft.AspNetCore.Builder;
                using RaxxConsole;

                var app = WebApplication.Create(args);
                app.MapConsoleEndpoints();
                app.Run();
                """, endpoints, """
                using Microsoft.AspNetCore.Builder;
                using RaxxConsole;

                var app = WebApplication.Create(args);
                app.MapConsoleEndpoints();
                app.MapAdminsOnline();
                app.MapAudit();
                app.Run();
                """, endpoints.Replace("{|RAXX302:MapAdminsOnline|}", "MapAdminsOnline").Replace("{|RAXX302:MapAudit|}", "MapAudit")).RunAsync();
        }

        [Fact]
        public Task RequiredParameter_ReceiverIsACall_OrController_NoFixOffered()
        {
            const string endpoints = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Routing;

                public static class ConsoleEndpoints
                {
                    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder endpoints)
                    {
                        endpoints.MapGet("/console/health", () => Results.Ok());
                        return endpoints;
                    }

                    public static IEndpointRouteBuilder {|RAXX302:MapTenant|}(this IEndpointRouteBuilder endpoints, string tenant)
                    {
                        endpoints.MapGet("/t/" + tenant, () => Results.Ok());
                        return endpoints;
                    }
                }

                [NonController, Route("console/admins")]
                public class {|RAXX302:AdminsController|} : ControllerBase { [HttpGet("online")] public IActionResult Online() => Ok(); }
                """;
            const string program = """
                using Microsoft.AspNetCore.Builder;
                var app = WebApplication.Create(args);
                app.MapGroup("/v1").MapConsoleEndpoints();
                """;
            return Test(program, endpoints, program).RunAsync();
        }
    }
}
