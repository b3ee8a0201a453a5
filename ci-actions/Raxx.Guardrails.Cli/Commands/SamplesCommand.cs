using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Raxx.Guardrails.Cli.Build;
using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary>One <c>RAXXnnn path:line</c> line of an incident's EXPECTED file.</summary>
internal sealed record ExpectedFinding(string RuleId, string Path, int Line)
{
    public override string ToString() => $"{RuleId} {Path}:{Line}";
}

/// <summary>
/// <c>samples [dir]</c>, the README's first command: the companion (every folder of <c>samples/</c> except
/// <c>incidents/</c>) must have no finding; every <c>incidents/*/</c> folder must produce each finding of
/// its EXPECTED file (repository rules with the incident as the repository root, plus the analyzers through a
/// Release build of its projects); a <c>fixed/</c> twin, when present, must not report an EXPECTED rule in an EXPECTED file.
/// An incident whose EXPECTED names a preflight rule (RAXX601–603) also gets the boot preflight of each web app it built
/// (the <c>smoke</c> command's runner, with the incident folder as the repository root), in the incident and in its twin.
/// </summary>
internal static partial class SamplesCommand
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "-c", "--configuration", "--rules-assembly" };
    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--no-build" };

    [GeneratedRegex(@"^(?<rule>RAXX\d{3})\s+(?<path>.+):(?<line>\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedLine();

    /// <summary>The rules only the boot preflight reports: an incident expecting one is preflighted after its build.</summary>
    private static readonly HashSet<string> PreflightRules = new(StringComparer.OrdinalIgnoreCase) { RuleIds.Raxx601, RuleIds.Raxx602, RuleIds.Raxx603 };

    [GeneratedRegex(@"<Project\s+Sdk\s*=\s*""Microsoft\.NET\.Sdk\.Web""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WebSdkProject();

    [GeneratedRegex(@"<ProjectReference\s+Include\s*=\s*""(?<path>[^""]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProjectReference();

    public static int Run(string[] args, CliHost host)
    {
        var parsed = ParsedArgs.Parse(args, ValueOptions, FlagOptions);
        var samplesDir = host.ResolvePath(parsed.Positionals.FirstOrDefault() ?? "samples");
        if (!Directory.Exists(samplesDir))
        {
            throw new UsageException($"samples folder '{samplesDir}' does not exist");
        }
        var build = !parsed.Has("--no-build");
        var configuration = parsed.Value("-c") ?? parsed.Value("--configuration") ?? "Release";
        var rules = Cli.RulesWith(host, parsed.Values("--rules-assembly"));
        // Warnings stay warnings: the repository's TreatWarningsAsErrors would stop an incident's app build at a
        // warning-level rule and leave its test project (where e.g. RAXX203 fires) without a reference to compile.
        var buildArgs = new[] { "-c", configuration, "-p:BuildProjectReferences=false", "-p:TreatWarningsAsErrors=false" };

        if (build)
        {
            PrebuildAnalyzers(host, samplesDir, configuration);
        }

        var output = host.Out;
        var allIncidentFindings = new List<Finding>();

        // The companion: every sample folder but incidents/.
        var companionFindings = 0;
        foreach (var dir in Directory.GetDirectories(samplesDir).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name == "incidents" || name.StartsWith(".", StringComparison.Ordinal))
            {
                continue;
            }
            var result = CheckFolder(host, dir, rules, build, buildArgs, excludeFixed: false, preflightConfiguration: null);
            if (result == null)
            {
                return Cli.ExitUsage;
            }
            companionFindings += result.Findings.Count;
            output.WriteLine(result.Findings.Count == 0
                ? $"{name}: all rules pass ({result.RuleCount} repository rules{(build ? $", {TextReport.Plural(result.Builds.Count, "project")} built with the analyzers" : string.Empty)})"
                : $"{name}: {TextReport.Plural(result.Findings.Count, "finding")} (the companion must be clean)");
            foreach (var f in result.Findings)
            {
                output.WriteLine("  " + Describe(f));
            }
        }

        // The incidents.
        var incidentsDir = Path.Combine(samplesDir, "incidents");
        var incidents = Directory.Exists(incidentsDir)
            ? Directory.GetDirectories(incidentsDir).Where(d => File.Exists(Path.Combine(d, "EXPECTED"))).OrderBy(d => d, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        var caught = 0;
        var problems = new List<string>();
        foreach (var dir in incidents)
        {
            var name = Path.GetFileName(dir);
            List<ExpectedFinding> expected;
            try
            {
                expected = ReadExpected(Path.Combine(dir, "EXPECTED"), name);
            }
            catch (FormatException ex)
            {
                throw new ConfigException("raxx-guardrails: error: " + ex.Message);
            }

            output.WriteLine();
            // Nothing is built with --no-build, so there is nothing to boot: RAXX60x lines are then missing like analyzer lines.
            var preflight = build && expected.Any(e => PreflightRules.Contains(e.RuleId)) ? configuration : null;
            var result = CheckFolder(host, dir, rules, build, buildArgs, excludeFixed: true, preflight);
            if (result == null)
            {
                return Cli.ExitUsage;
            }
            allIncidentFindings.AddRange(result.Findings);
            var missing = expected.Where(e => !result.Findings.Any(f => Matches(e, f))).ToList();
            output.WriteLine($"incidents/{name}: {(missing.Count == 0 ? "caught" : "MISSED")} — {expected.Count - missing.Count} of {TextReport.Plural(expected.Count, "expected finding")}");
            foreach (var f in result.Findings)
            {
                var isExpected = expected.Any(e => Matches(e, f));
                output.WriteLine((isExpected ? "  ok      " : "  extra   ") + Describe(f));
            }
            foreach (var m in missing)
            {
                output.WriteLine("  MISSING " + m);
            }
            if (expected.Count == 0)
            {
                problems.Add($"incidents/{name}: EXPECTED lists no finding");
            }
            else if (missing.Count == 0)
            {
                caught++;
            }
            else
            {
                problems.Add($"incidents/{name}: {TextReport.Plural(missing.Count, "expected finding")} not reported");
            }

            var fixedDir = Path.Combine(dir, "fixed");
            if (Directory.Exists(fixedDir))
            {
                var fixedResult = CheckFolder(host, fixedDir, rules, build, buildArgs, excludeFixed: false, preflight);
                if (fixedResult == null)
                {
                    return Cli.ExitUsage;
                }
                // The twin must fix what the incident shows: no finding of an EXPECTED rule in an EXPECTED file.
                // Other findings are listed, not failed (the twin fixes one incident, not every rule; reproduction
                // files committed on purpose, like a tracked instance file, still fire there).
                var incidentFiles = new HashSet<string>(expected.Select(e => e.RuleId.ToUpperInvariant() + "|" + e.Path), StringComparer.Ordinal);
                bool IsRegression(Finding f) => incidentFiles.Contains(f.RuleId.ToUpperInvariant() + "|" + f.Location.Path);
                var regressions = fixedResult.Findings.Where(IsRegression).ToList();
                output.WriteLine(fixedResult.Findings.Count == 0
                    ? "  fixed/: all rules pass"
                    : regressions.Count == 0
                        ? $"  fixed/: the incident's findings are fixed ({TextReport.Plural(fixedResult.Findings.Count, "other finding")})"
                        : $"  fixed/: {TextReport.Plural(regressions.Count, "finding")} of the incident still reported (the fixed twin must fix them)");
                foreach (var f in fixedResult.Findings)
                {
                    output.WriteLine((IsRegression(f) ? "  fixed/ NOT FIXED " : "  fixed/ other     ") + Describe(f));
                }
                if (regressions.Count > 0)
                {
                    problems.Add($"incidents/{name}/fixed: still reports {string.Join(", ", regressions.Select(r => r.RuleId).Distinct())}");
                }
            }
        }

        output.WriteLine();
        if (allIncidentFindings.Count > 0)
        {
            var sb = new StringBuilder();
            TextReport.AppendSummary(sb, allIncidentFindings);
            output.Write("Incidents — " + sb);
        }
        if (companionFindings > 0)
        {
            problems.Add($"companion: {TextReport.Plural(companionFindings, "finding")}");
        }
        var verdict = $"{caught.ToString(CultureInfo.InvariantCulture)} of {TextReport.Plural(incidents.Length, "incident")} caught, companion {(companionFindings == 0 ? "clean" : "NOT clean")}";
        if (problems.Count == 0)
        {
            output.WriteLine($"Verdict: {TextReport.Plural(caught, "incident")} caught, companion clean.");
            return Cli.ExitClean;
        }
        output.WriteLine($"Verdict: FAILED — {verdict}.");
        foreach (var p in problems)
        {
            output.WriteLine("  " + p);
        }
        return Cli.ExitFindings;
    }

    internal static List<ExpectedFinding> ReadExpected(string path, string incident)
    {
        var list = new List<ExpectedFinding>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            var m = ExpectedLine().Match(line);
            if (!m.Success)
            {
                throw new FormatException($"incidents/{incident}/EXPECTED({i + 1},1): expected 'RAXXnnn relative/path:line', got '{line}'");
            }
            list.Add(new ExpectedFinding(m.Groups["rule"].Value, RepositoryContext.NormalizeRelative(m.Groups["path"].Value.Trim()), int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static bool Matches(ExpectedFinding e, Finding f) =>
        string.Equals(e.RuleId, f.RuleId, StringComparison.OrdinalIgnoreCase) && e.Path == f.Location.Path && e.Line == f.Location.StartLine;

    private static string Describe(Finding f) =>
        $"{f.RuleId} {f.Location.Path}:{f.Location.StartLine}  {TextReport.Word(f.Severity)}: {f.Message.Replace('\n', ' ')}";

    /// <summary>
    /// Repository rules with the folder as the repository root, plus a build of its projects, plus (with a
    /// <paramref name="preflightConfiguration"/>) the boot preflight of each web app that built.
    /// </summary>
    private static CheckResult? CheckFolder(CliHost host, string dir, IReadOnlyList<IRepositoryRule> rules, bool build, IReadOnlyList<string> buildArgs, bool excludeFixed, string? preflightConfiguration)
    {
        var config = CheckRunner.LoadConfig(dir, null);
        if (excludeFixed)
        {
            config.Exclude.Add(new Core.Text.PathGlob("/fixed/**"));
        }
        var projects = build ? ProjectsInBuildOrder(dir, excludeFixed) : Array.Empty<string>();
        var result = CheckRunner.Run(host, dir, config, rules, projects, buildArgs,
            afterBuilds: preflightConfiguration == null ? null : builds => Preflight(host, dir, builds, preflightConfiguration));
        // A project that references one which failed with guardrail errors cannot compile (no reference assembly):
        // a consequence of the incident, not a broken sample.
        if (result.Builds.Any(b => b.ExitCode != 0 && !b.FailedOtherwise))
        {
            foreach (var b in result.Builds.Where(b => b.FailedOtherwise))
            {
                host.Error.WriteLine($"raxx-guardrails: note: {Path.GetFileName(b.Target)} did not build after a project it references failed with guardrail errors");
            }
            return result;
        }
        return CheckRunner.ReportBuildFailures(host, result) ? null : result;
    }

    /// <summary>
    /// The boot preflight (RAXX601–603) of every web app (<c>Microsoft.NET.Sdk.Web</c>) whose build succeeded — a failed
    /// build leaves nothing fresh to boot — with <paramref name="root"/> as the repository root, so its findings carry
    /// root-relative paths and lines like every other finding: RAXX601 and the every-flag-on RAXX602 at the app's project
    /// file (line 1), a flipped flag's RAXX602 and a gated route's RAXX603 at the flag's line in the flags file, a gate on
    /// an undeclared flag at the project file (line 1).
    /// </summary>
    internal static IEnumerable<Finding> Preflight(CliHost host, string root, IReadOnlyList<BuildOutcome> builds, string configuration)
    {
        var findings = new List<Finding>();
        foreach (var project in builds.Where(b => b.ExitCode == 0).Select(b => b.Target).Where(IsWebApp))
        {
            var app = SmokeRunner.FindBuiltAssembly(host, project, configuration, out var output);
            if (app == null)
            {
                host.Error.WriteLine(output);
                throw new ConfigException($"raxx-guardrails: error: could not find the built assembly of {Path.GetFileName(project)} to preflight");
            }
            var run = SmokeRunner.Run(host, root, project, app)
                ?? throw new ConfigException("raxx-guardrails: canceled; every booted process was stopped");
            findings.AddRange(run);
        }
        return findings;
    }

    /// <summary>An ASP.NET Core app the preflight can boot (test and library projects use other SDKs).</summary>
    internal static bool IsWebApp(string project) =>
        project.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && File.Exists(project) && WebSdkProject().IsMatch(File.ReadAllText(project));

    /// <summary>The folder's projects (not bin/obj, not fixed/ when excluded), referenced projects first.</summary>
    internal static string[] ProjectsInBuildOrder(string dir, bool excludeFixed)
    {
        var projects = Directory.GetFiles(dir, "*.csproj", SearchOption.AllDirectories)
            .Where(p =>
            {
                var rel = Path.GetRelativePath(dir, p).Replace('\\', '/');
                var segments = rel.Split('/');
                return !segments.Any(s => s is "bin" or "obj") && !(excludeFixed && segments[0] == "fixed");
            })
            .Select(Path.GetFullPath)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var references = projects.ToDictionary(p => p, p => ProjectReference().Matches(File.ReadAllText(p))
            .Select(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(p)!, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(projects.Contains)
            .ToList(), StringComparer.Ordinal);
        var ordered = new List<string>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string p)
        {
            if (ordered.Contains(p) || !visiting.Add(p))
            {
                return;
            }
            foreach (var r in references[p])
            {
                Visit(r);
            }
            ordered.Add(p);
        }
        foreach (var p in projects)
        {
            Visit(p);
        }
        return ordered.ToArray();
    }

    /// <summary>
    /// Incident projects are built without their project references (so each build does not rebuild the
    /// analyzers); build the local analyzers once first when this is the guardrails repository.
    /// </summary>
    private static void PrebuildAnalyzers(CliHost host, string samplesDir, string configuration)
    {
        var repoRoot = Path.GetDirectoryName(samplesDir.TrimEnd(Path.DirectorySeparatorChar))!;
        var projects = new[]
        {
            Path.Combine(repoRoot, "analyzers", "Raxx.Guardrails.CodeFixes", "Raxx.Guardrails.CodeFixes.csproj"), // + Analyzers, Core
            Path.Combine(repoRoot, "msbuild", "Raxx.Guardrails.Tasks", "Raxx.Guardrails.Tasks.csproj"),
        };
        foreach (var project in projects.Where(File.Exists))
        {
            host.Error.WriteLine($"raxx-guardrails: building {Path.GetFileNameWithoutExtension(project)} ({configuration})…");
            var (exitCode, output) = host.RunProcess("dotnet", new[] { "build", project, "-c", configuration, "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false" }, repoRoot);
            if (exitCode != 0)
            {
                host.Error.WriteLine(output);
                throw new ConfigException($"raxx-guardrails: error: building {Path.GetFileName(project)} failed (exit {exitCode})");
            }
        }
    }
}
