using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.Mvc;

namespace Raxx.Guardrails.FakeApp
{
    /// <summary>
    /// Mode <c>web</c>: a WebApplication whose gates are plain endpoint filters reading FLAG_* variables, with the gate
    /// recorded as metadata the preflight probe discovers. One route per case the preflight must tell apart.
    /// </summary>
    internal static class WebApp
    {
        public static void Run(string[] args)
        {
            var builder = WebApplication.CreateBuilder(args);
            // Microsoft.FeatureManagement reads FeatureManagement:beta; the preflight flips FLAG_BETA
            builder.Configuration["FeatureManagement:beta"] = Environment.GetEnvironmentVariable("FLAG_BETA") == "1" ? "true" : "false";
            builder.Services.AddFeatureManagement();
            builder.Services.AddControllers();
            var app = builder.Build();

            app.MapGet("/health", () => "ok");

            // a working gate (the team's own convention: *FlagAttribute with a Flag property): 404 until FLAG_GATED=1
            app.MapGet("/gated", () => "gated").RequireFlag("gated");

            // Microsoft.FeatureManagement's FeatureGateAttribute as metadata: 404 until FLAG_BETA=1
            app.MapGet("/beta", () => "beta").WithMetadata(new FeatureGateAttribute("beta")).AddEndpointFilter(Gate("beta"));

            // incident 03: the gate names a flag nobody declared (a typo): no flip can ever open it
            app.MapGet("/console/customers", () => "customers").RequireFlag("console_customer_admn");

            // a gate that does not hold: metadata says gated, nothing enforces it
            app.MapGet("/leaky", () => "leaky").WithMetadata(new RequiresFlagAttribute("gated"));

            // not probed: a route parameter, and a POST
            app.MapGet("/gated/items/{id}", (string id) => id).RequireFlag("gated");
            app.MapPost("/gated/items", () => "created").RequireFlag("gated");

            // an MVC action with [FeatureGate]: MVC puts the attribute in the endpoint metadata (BetaReportController)
            app.MapControllers();

            app.Run();
        }

        private static TBuilder RequireFlag<TBuilder>(this TBuilder builder, string flag)
            where TBuilder : IEndpointConventionBuilder =>
            builder.WithMetadata(new RequiresFlagAttribute(flag)).AddEndpointFilter(Gate(flag));

        private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, System.Threading.Tasks.ValueTask<object?>> Gate(string flag) =>
            async (context, next) =>
                Environment.GetEnvironmentVariable("FLAG_" + flag.ToUpperInvariant()) == "1" ? await next(context) : Results.NotFound();
    }

    /// <summary>[FeatureGate] on an MVC action: Microsoft.FeatureManagement answers 404 while the feature is off.</summary>
    [ApiController]
    public sealed class BetaReportController : ControllerBase
    {
        [HttpGet("/beta/report")]
        [FeatureGate("beta")]
        public string Get() => "report";
    }

    /// <summary>The convention the probe recognises: a metadata type named *FlagAttribute with a string Flag.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    internal sealed class RequiresFlagAttribute : Attribute
    {
        public RequiresFlagAttribute(string flag) => Flag = flag;

        public string Flag { get; }
    }
}
