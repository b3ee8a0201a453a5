using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(Raxx.Guardrails.Preflight.Probe.ProbeHostingStartup))]

namespace Raxx.Guardrails.Preflight.Probe
{
    /// <summary>Loaded through ASPNETCORE_HOSTINGSTARTUPASSEMBLIES (set by <see cref="StartupHook"/>): adds the probe's startup filter.</summary>
    public sealed class ProbeHostingStartup : IHostingStartup
    {
        public void Configure(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ProbeStartupFilter>());
    }
}
