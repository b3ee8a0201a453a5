using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Raxx.Guardrails.Preflight.Probe
{
    /// <summary>
    /// Puts one middleware in front of the app's pipeline (a startup filter wraps the app's own Configure, so it runs
    /// before the app's routing). It answers only <see cref="ProbeConstants.EndpointsPath"/> from a loopback address with
    /// the token; every other request, and any request without the token, goes to the app untouched.
    /// </summary>
    internal sealed class ProbeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var token = Environment.GetEnvironmentVariable(ProbeConstants.TokenVariable);
            if (!string.IsNullOrEmpty(token))
            {
                var expected = Encoding.UTF8.GetBytes(token);
                app.Use((context, nextMiddleware) =>
                    IsProbeRequest(context, expected) ? ServeAsync(context) : nextMiddleware());
            }
            next(app);
        };

        private static bool IsProbeRequest(HttpContext context, byte[] expected)
        {
            if (!string.Equals(context.Request.Path.Value, ProbeConstants.EndpointsPath, StringComparison.Ordinal))
            {
                return false;
            }
            var remote = context.Connection.RemoteIpAddress;
            if (remote == null || !IPAddress.IsLoopback(remote))
            {
                return false;
            }
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[ProbeConstants.TokenHeader].ToString());
            return CryptographicOperations.FixedTimeEquals(given, expected);
        }

        private static async Task ServeAsync(HttpContext context)
        {
            byte[] body;
            try
            {
                // AddRouting registers EndpointDataSource as a composite over RouteOptions.EndpointDataSources, which
                // UseEndpoints (or WebApplication's implicit one) fills with the app's data sources when the
                // pipeline is built: by the first request every mapped endpoint is there.
                var source = context.RequestServices.GetService<EndpointDataSource>();
                body = EndpointDump.Write(source?.Endpoints);
                context.Response.StatusCode = 200;
            }
            catch (Exception ex)
            {
                body = Encoding.UTF8.GetBytes("{\"version\":" + ProbeConstants.FormatVersion + ",\"error\":\"" + ex.GetType().Name + "\"}");
                context.Response.StatusCode = 500;
            }
            context.Response.ContentType = "application/json";
            context.Response.Headers["Cache-Control"] = "no-store";
            await context.Response.Body.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
        }
    }
}
