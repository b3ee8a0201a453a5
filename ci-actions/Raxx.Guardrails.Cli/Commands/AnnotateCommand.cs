using Raxx.Guardrails.Cli.Build;
using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary>
/// <c>annotate &lt;sarif&gt;…</c>: SARIF logs (ours, the compiler's ErrorLog) to GitHub workflow commands on
/// stdout, deduplicated across logs, plus a Markdown table appended to <c>$GITHUB_STEP_SUMMARY</c> when set.
/// </summary>
internal static class AnnotateCommand
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--root", "--fail-on" };
    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--all-rules" };

    public static int Run(string[] args, CliHost host)
    {
        var parsed = ParsedArgs.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("annotate needs at least one SARIF file");
        }
        var failOn = parsed.Value("--fail-on") is { } f ? FailOnParser.Parse(f) : FailOn.None;
        var root = host.ResolvePath(parsed.Value("--root") ?? host.GetEnvironmentVariable("GITHUB_WORKSPACE") ?? ".");
        Func<string, bool>? filter = parsed.Has("--all-rules") ? null : BuildRunner.IsGuardrailsRule;

        var findings = new List<Finding>();
        foreach (var sarif in parsed.Positionals)
        {
            findings.AddRange(CheckCommand.ReadSarif(host, sarif, root, filter));
        }
        var unique = BuildRunner.Dedupe(findings).Where(x => x.Severity != FindingSeverity.None).ToArray();
        host.Error.WriteLine($"raxx-guardrails: {parsed.Positionals.Count} SARIF file(s), {findings.Count} result(s), {unique.Length} after deduplication");
        host.Out.Write(GitHubAnnotations.Format(unique));

        var summaryPath = host.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summaryPath))
        {
            File.AppendAllText(summaryPath, GitHubAnnotations.Summary(unique));
            host.Error.WriteLine("raxx-guardrails: job summary written");
        }
        return FailOnParser.Fails(failOn, unique) ? Cli.ExitFindings : Cli.ExitClean;
    }
}
