using Raxx.Guardrails.Cli.Build;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary>What one check produced.</summary>
internal sealed class CheckResult
{
    public CheckResult(IReadOnlyList<Finding> findings, int fileCount, int ruleCount, IReadOnlyList<BuildOutcome> builds)
    {
        Findings = findings;
        FileCount = fileCount;
        RuleCount = ruleCount;
        Builds = builds;
    }

    public IReadOnlyList<Finding> Findings { get; }
    public int FileCount { get; }
    public int RuleCount { get; }
    public IReadOnlyList<BuildOutcome> Builds { get; }
}

/// <summary>The shared core of <c>check</c> and <c>samples</c>: repository rules, then optional builds, merged.</summary>
internal static class CheckRunner
{
    public static RepositoryConfig LoadConfig(string root, string? explicitPath)
    {
        var loaded = RepositoryConfigLoader.Load(root, explicitPath);
        if (!loaded.Success)
        {
            throw new ConfigException(loaded.Error!.ToString());
        }
        return loaded.Config!;
    }

    /// <param name="buildTargets">Projects/solutions to build with SARIF logs, in order (empty: no build).</param>
    /// <param name="afterBuilds">Findings of a step that needs the builds done (the samples' boot preflight), merged like build findings.</param>
    public static CheckResult Run(CliHost host, string root, RepositoryConfig config, IReadOnlyList<IRepositoryRule> rules,
        IReadOnlyList<string> buildTargets, IReadOnlyList<string> buildArgs, IEnumerable<Finding>? extraFindings = null,
        Func<IReadOnlyList<BuildOutcome>, IEnumerable<Finding>>? afterBuilds = null)
    {
        var context = RepositoryContext.Open(root, config);
        host.Error.WriteLine($"raxx-guardrails: checking {context.Files.Count:N0} files in {Display(host, root)} with {rules.Count} repository rules…");
        var findings = new List<Finding>(RepositoryRunner.Run(context, rules));
        host.Error.WriteLine($"raxx-guardrails: repository rules done: {findings.Count} finding(s)");

        var builds = new List<BuildOutcome>();
        var built = new List<Finding>();
        foreach (var target in buildTargets)
        {
            var outcome = BuildRunner.Run(host, target, root, buildArgs);
            builds.Add(outcome);
            host.Error.WriteLine($"raxx-guardrails: build of {Path.GetFileName(target)} exited {outcome.ExitCode}: {outcome.LogCount} SARIF log(s), {outcome.Findings.Count} RAXX finding(s)");
            built.AddRange(outcome.Findings);
        }
        if (extraFindings != null)
        {
            built.AddRange(extraFindings);
        }
        if (afterBuilds != null)
        {
            built.AddRange(afterBuilds(builds));
        }
        // analyzer findings honour the config's include/exclude like repository findings do
        findings.AddRange(BuildRunner.Dedupe(built).Where(f => Path.IsPathRooted(f.Location.Path) || config.IsIncluded(f.Location.Path)));

        var merged = BuildRunner.Dedupe(findings)
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.StartLine)
            .ThenBy(f => f.Location.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
        return new CheckResult(merged, context.Files.Count, rules.Count, builds);
    }

    /// <summary>Prints why a build failed (other than RAXX errors) and returns true when one did.</summary>
    public static bool ReportBuildFailures(CliHost host, CheckResult result)
    {
        var failed = false;
        foreach (var build in result.Builds.Where(b => b.FailedOtherwise))
        {
            failed = true;
            host.Error.WriteLine($"raxx-guardrails: error: dotnet build {build.Target} failed (exit {build.ExitCode}) for a reason other than a guardrail:");
            var lines = build.Output.Split('\n');
            foreach (var line in lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(30).DefaultIfEmpty(string.Join("\n", lines.TakeLast(30))))
            {
                host.Error.WriteLine("  " + line.TrimEnd('\r'));
            }
        }
        return failed;
    }

    private static string Display(CliHost host, string root)
    {
        var rel = Path.GetRelativePath(host.CurrentDirectory, root).Replace('\\', '/');
        return rel.StartsWith("..", StringComparison.Ordinal) ? root : rel;
    }
}
