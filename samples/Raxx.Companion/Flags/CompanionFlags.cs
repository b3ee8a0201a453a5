using YamlDotNet.RepresentationModel;

namespace Raxx.Companion.Flags;

/// <summary>One declared flag and its effective value (default, or the FLAG_* override).</summary>
public sealed record FeatureFlag(string Name, bool Default, bool Enabled, string EnvName, string? Description, string? Risk, string? Owner);

/// <summary>
/// The companion's feature flags, read from the canonical <c>feature_flags.yaml</c> that the build copies
/// next to the app (never from a copy elsewhere: RAXX305/RAXX306), with FLAG_* environment variables
/// overriding the defaults.
/// </summary>
public sealed class CompanionFlags
{
    /// <summary>File name of the canonical flags file, in the app's base directory.</summary>
    public const string FileName = "feature_flags.yaml";

    private readonly Dictionary<string, FeatureFlag> _byName;

    public CompanionFlags(IReadOnlyList<FeatureFlag> flags)
    {
        Flags = flags;
        _byName = flags.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<FeatureFlag> Flags { get; }

    /// <summary>False for a flag that is not declared (RAXX301 keeps code from naming one).</summary>
    public bool IsEnabled([FlagName] string name) => _byName.TryGetValue(name, out var flag) && flag.Enabled;

    /// <summary>Reads the canonical flags file from the app's base directory and applies overrides from configuration.</summary>
    public static CompanionFlags Load(IConfiguration configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var flags = new List<FeatureFlag>();
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count > 0
            && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("flags"), out var node)
            && node is YamlMappingNode declared)
        {
            foreach (var (key, value) in declared.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var entry = value as YamlMappingNode;
                string? Get(string k) => entry != null && entry.Children.TryGetValue(new YamlScalarNode(k), out var v) ? (v as YamlScalarNode)?.Value : null;
                var defaultValue = string.Equals(Get("default"), "true", StringComparison.OrdinalIgnoreCase);
                var envName = Get("env") ?? "FLAG_" + name.ToUpperInvariant().Replace('-', '_');
                var enabled = ParseSwitch(configuration[envName]) ?? defaultValue;
                flags.Add(new FeatureFlag(name, defaultValue, enabled, envName, Get("description"), Get("risk"), Get("owner")));
            }
        }
        return new CompanionFlags(flags);
    }

    private static bool? ParseSwitch(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "1" or "true" or "on" or "yes" => true,
        "0" or "false" or "off" or "no" => false,
        _ => null,
    };
}

/// <summary>Marks a parameter that takes a flag name: Raxx RAXX301 checks constant arguments against the flags file.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FlagNameAttribute : Attribute
{
}
