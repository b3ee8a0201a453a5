using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary>
/// <c>baseline [path] [--output file] [--config file]</c>: writes the credentials baseline (fingerprints of every
/// credential RAXX402/RAXX403 report now, never a value) to the file <c>check</c> reads: <c>credentials: baseline:</c>
/// in raxx-guardrails.yaml, or <c>.raxx-credentials.baseline</c> at the root.
/// </summary>
internal static class BaselineCommand
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--output", "-o", "--config" };

    public static int Run(string[] args, CliHost host)
    {
        var parsed = ParsedArgs.Parse(args, ValueOptions, new HashSet<string>(StringComparer.Ordinal));
        if (parsed.Positionals.Count > 1)
        {
            throw new UsageException("baseline takes one path (the repository root)");
        }
        var root = host.ResolvePath(parsed.Positionals.FirstOrDefault() ?? ".");
        if (!Directory.Exists(root))
        {
            throw new UsageException($"'{parsed.Positionals.FirstOrDefault()}' is not a directory");
        }
        var config = CheckRunner.LoadConfig(root, parsed.Value("--config") is { } c ? host.ResolvePath(c) : null);
        var context = RepositoryContext.Open(root, config);
        var entries = CredentialBaselineBuilder.Collect(context);

        var configured = context.GetFullPath(CredentialRuleSupport.BaselinePath(context));
        var output = parsed.Value("--output") ?? parsed.Value("-o");
        var target = output != null ? host.ResolvePath(output) : configured;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, CredentialBaselineBuilder.Write(entries));

        var shown = Path.GetRelativePath(root, target).Replace('\\', '/');
        host.Error.WriteLine($"raxx-guardrails: wrote {entries.Count} credential fingerprint(s) from {entries.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count()} file(s) to {shown} (fingerprints only; rotate every credential listed)");
        if (!string.Equals(Path.GetFullPath(target), Path.GetFullPath(configured), StringComparison.Ordinal))
        {
            host.Error.WriteLine($"raxx-guardrails: note: check reads {Path.GetRelativePath(root, configured).Replace('\\', '/')}; set `credentials: {{ baseline: {shown} }}` in raxx-guardrails.yaml to use this file");
        }
        return Cli.ExitClean;
    }
}
