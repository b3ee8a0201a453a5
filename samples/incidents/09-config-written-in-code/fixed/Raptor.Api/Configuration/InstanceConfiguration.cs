using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Raptor.Api.Configuration;

/// <summary>How the app loads its instance folder.</summary>
public static class InstanceConfiguration
{
    /// <summary>Path of the optional, git-ignored instance override file.</summary>
    public const string InstanceFile = "instance/config.json";

    /// <summary>
    /// Registers the instance defaults and the optional instance file at index 0: the lowest precedence.
    /// Everything CreateBuilder registered (appsettings.json, environment variables, the command line) stays above them.
    /// </summary>
    public static void UseInstanceFolder(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new JsonConfigurationSource { Path = InstanceFile, Optional = true });
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = InstanceSettings.Values });
    }
}
