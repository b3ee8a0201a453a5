namespace Raptor.Api.Configuration;

/// <summary>How Raptor assembles its configuration after <c>WebApplication.CreateBuilder</c>.</summary>
public static class RaptorConfiguration
{
    /// <summary>
    /// Adds the optional per-environment file again, "so that it wins over appsettings.json" — and, loaded last,
    /// over the environment too: the instance file of the SEV-1 under another name ("absent is fine, present wins").
    /// The pipeline arrives as a plain <see cref="IConfigurationBuilder"/>, so no analyzer can tell what it already
    /// holds (RAXX101 documents that it does not guess); only booting the built app shows the result.
    /// </summary>
    public static void ApplyEnvironmentOverrides(IConfigurationBuilder configuration, IHostEnvironment environment)
    {
        configuration.AddJsonFile($"appsettings.{environment.EnvironmentName}.json", optional: true);
    }
}
