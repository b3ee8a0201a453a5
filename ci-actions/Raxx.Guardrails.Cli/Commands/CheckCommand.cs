using Raxx.Guardrails.Cli.Build;
using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Sarif;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary><c>check [path]</c>: repository rules without a build; <c>--build</c> merges the analyzers' findings.</summary>
internal static class CheckCommand
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--format", "--output", "-o", "--config", "--fail-on", "--sarif-input", "--rules-assembly", "--build-target", "-c", "--configuration",
    };

    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--build" };

    public static int Run(string[] args, CliHost host)
    {
        var parsed = ParsedArgs.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positionals.Count > 1)
        {
            throw new UsageException("check takes one path (the repository root)");
        }
        var format = FindingsReport.ParseFormat(parsed.Value("--format"));
        var failOn = FailOnParser.Parse(parsed.Value("--fail-on"));

        var path = host.ResolvePath(parsed.Positionals.FirstOrDefault() ?? ".");
        string root;
        string? buildTarget = parsed.Value("--build-target") is { } bt ? host.ResolvePath(bt) : null;
        if (File.Exists(path))
        {
            root = Path.GetDirectoryName(path)!;
            buildTarget ??= path;
        }
        else if (Directory.Exists(path))
        {
            root = path;
        }
        else
        {
            throw new UsageException($"'{parsed.Positionals.FirstOrDefault()}' does not exist");
        }

        var config = CheckRunner.LoadConfig(root, parsed.Value("--config") is { } c ? host.ResolvePath(c) : null);
        var rules = Cli.RulesWith(host, parsed.Values("--rules-assembly"));

        var targets = new List<string>();
        var buildArgs = new List<string>();
        if (parsed.Has("--build"))
        {
            targets.Add(buildTarget ?? BuildRunner.FindBuildTarget(root));
            if ((parsed.Value("-c") ?? parsed.Value("--configuration")) is { } configuration)
            {
                buildArgs.AddRange(new[] { "-c", configuration });
            }
        }

        var extra = new List<Finding>();
        foreach (var sarif in parsed.Values("--sarif-input"))
        {
            extra.AddRange(ReadSarif(host, sarif, root, BuildRunner.IsGuardrailsRule));
        }

        var result = CheckRunner.Run(host, root, config, rules, targets, buildArgs, extra);
        if (CheckRunner.ReportBuildFailures(host, result))
        {
            return Cli.ExitUsage;
        }

        FindingsReport.Write(host, result.Findings, format, parsed.Value("--output") ?? parsed.Value("-o"), root, result.RuleCount, result.FileCount);
        host.Error.WriteLine("raxx-guardrails: " + (result.Findings.Count == 0 ? "no findings" : TextReport.Totals(result.Findings)));
        return FailOnParser.Fails(failOn, result.Findings) ? Cli.ExitFindings : Cli.ExitClean;
    }

    internal static IReadOnlyList<Finding> ReadSarif(CliHost host, string path, string root, Func<string, bool>? filter)
    {
        var full = host.ResolvePath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"SARIF file '{path}' does not exist");
        }
        try
        {
            return SarifReader.ReadFile(full, root, filter);
        }
        catch (SarifReadException ex)
        {
            throw new ConfigException("raxx-guardrails: error: " + ex.Message);
        }
    }
}
