namespace Raptor.Api.Configuration;

/// <summary>How the app loads its instance folder.</summary>
public static class InstanceConfiguration
{
    /// <summary>Path of the optional, git-ignored instance override file.</summary>
    public const string InstanceFile = "instance/config.json";

    /// <summary>
    /// Rebuilds the configuration in a fixed order: appsettings.json, then the optional instance file, so that
    /// "nothing can sneak in after the instance file". The clear also removes what CreateBuilder registered:
    /// environment variables and the command line. Nothing re-adds them.
    /// </summary>
    public static void UseInstanceFolder(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Clear();
        configuration.AddJsonFile("appsettings.json", optional: true);
        configuration.AddJsonFile(InstanceFile, optional: true);
    }
}
