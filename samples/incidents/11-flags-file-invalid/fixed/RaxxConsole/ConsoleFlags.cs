namespace RaxxConsole;

/// <summary>
/// The console's flags: read from the canonical feature_flags.yaml shipped next to the app, each flag overridable by
/// its FLAG_&lt;NAME&gt; config var (a name starting with flag_ is not prefixed twice). A file the console cannot read gives no flags at all: every gate stays off.
/// </summary>
public sealed class ConsoleFlags
{
    private readonly Dictionary<string, bool> _defaults;
    private readonly IConfiguration _configuration;

    private ConsoleFlags(Dictionary<string, bool> defaults, IConfiguration configuration)
    {
        _defaults = defaults;
        _configuration = configuration;
    }

    public IReadOnlyCollection<string> Names => _defaults.Keys;

    public static ConsoleFlags Load(string path, IConfiguration configuration)
    {
        var defaults = new Dictionary<string, bool>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>())
        {
            var trimmed = line.Trim();
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal) && trimmed.EndsWith(':'))
            {
                current = trimmed.TrimEnd(':');
            }
            else if (current != null && trimmed.StartsWith("default:", StringComparison.Ordinal))
            {
                if (!bool.TryParse(trimmed["default:".Length..].Trim(), out var value))
                {
                    // Not true/false: the whole file is rejected, as a strict YAML 1.2 reader would.
                    return new ConsoleFlags(new Dictionary<string, bool>(StringComparer.Ordinal), configuration);
                }
                defaults[current] = value;
            }
        }
        return new ConsoleFlags(defaults, configuration);
    }

    /// <summary>True when the flag is declared and on (its FLAG_&lt;NAME&gt; config var wins over the file's default).</summary>
    public bool IsOn(string name)
    {
        if (!_defaults.TryGetValue(name, out var value))
        {
            return false;
        }
        var upper = name.ToUpperInvariant();
        var env = _configuration[upper.StartsWith("FLAG_", StringComparison.Ordinal) ? upper : "FLAG_" + upper];
        return env is null ? value : env == "1" || env.Equals("true", StringComparison.OrdinalIgnoreCase);
    }
}

public static class ConsoleFlagEndpoints
{
    /// <summary>The route answers 404 unless the flag is on.</summary>
    public static RouteHandlerBuilder RequireFlag(this RouteHandlerBuilder route, string flag) =>
        route.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ConsoleFlags>().IsOn(flag) ? await next(context) : Results.NotFound());
}
