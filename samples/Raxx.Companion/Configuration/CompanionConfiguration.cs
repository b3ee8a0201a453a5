using Microsoft.Extensions.Configuration.Json;

namespace Raxx.Companion.Configuration;

/// <summary>How the companion assembles its configuration.</summary>
public static class CompanionConfiguration
{
    /// <summary>Path of the optional, git-ignored instance override file (never shipped).</summary>
    public const string InstanceFile = "instance/config.json";

    /// <summary>
    /// Registers the optional instance override file at index 0: the lowest precedence. Unlike
    /// <c>AddJsonFile</c> after <c>CreateBuilder</c> (which lands above environment variables and
    /// silently overrides them), an inserted source can only fill gaps.
    /// </summary>
    public static WebApplicationBuilder AddCompanionConfiguration(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = InstanceFile,
            Optional = true,
            ReloadOnChange = false,
            FileProvider = builder.Environment.ContentRootFileProvider,
        });
        return builder;
    }
}
