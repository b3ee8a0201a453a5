namespace Raxx.Guardrails.Cli;

/// <summary>A usage error: the message is printed with the usage and the exit code is 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}

/// <summary>Minimal argument parsing: positionals, <c>--flag</c>, <c>--name value</c> and <c>--name=value</c>.</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = new();

    public static ParsedArgs Parse(IEnumerable<string> args, ISet<string> valueOptions, ISet<string> flagOptions)
    {
        var result = new ParsedArgs();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg == "--")
            {
                result.Positionals.AddRange(list.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
            {
                var name = arg;
                string? value = null;
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    name = arg.Substring(0, eq);
                    value = arg.Substring(eq + 1);
                }
                if (flagOptions.Contains(name))
                {
                    if (value != null)
                    {
                        throw new UsageException($"option {name} takes no value");
                    }
                    result._flags.Add(name);
                    continue;
                }
                if (valueOptions.Contains(name))
                {
                    if (value == null)
                    {
                        if (i + 1 >= list.Count)
                        {
                            throw new UsageException($"option {name} needs a value");
                        }
                        value = list[++i];
                    }
                    if (!result._values.TryGetValue(name, out var values))
                    {
                        result._values[name] = values = new List<string>();
                    }
                    values.Add(value);
                    continue;
                }
                throw new UsageException($"unknown option '{arg}'");
            }
            result.Positionals.Add(arg);
        }
        return result;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.TryGetValue(name, out var v) ? v[v.Count - 1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var v) ? v : (IReadOnlyList<string>)Array.Empty<string>();
}

/// <summary>When a run fails: at error findings (default), at warnings too, or never.</summary>
public enum FailOn
{
    Error,
    Warning,
    None,
}

internal static class FailOnParser
{
    public static FailOn Parse(string? value) => value switch
    {
        null or "error" => FailOn.Error,
        "warning" => FailOn.Warning,
        "none" => FailOn.None,
        _ => throw new UsageException($"--fail-on must be error, warning or none, not '{value}'"),
    };

    public static bool Fails(FailOn failOn, IEnumerable<Raxx.Guardrails.Core.Findings.Finding> findings) => failOn switch
    {
        FailOn.Error => findings.Any(f => f.Severity == Raxx.Guardrails.Core.Findings.FindingSeverity.Error),
        FailOn.Warning => findings.Any(f => f.Severity >= Raxx.Guardrails.Core.Findings.FindingSeverity.Warning),
        _ => false,
    };
}
