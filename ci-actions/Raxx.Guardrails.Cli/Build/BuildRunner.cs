using System.Security;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Sarif;

namespace Raxx.Guardrails.Cli.Build;

/// <summary>The result of a build with SARIF error logs: the RAXX findings (deduplicated) and how the build ended.</summary>
internal sealed class BuildOutcome
{
    public BuildOutcome(string target, int exitCode, string output, IReadOnlyList<Finding> findings, int logCount)
    {
        Target = target;
        ExitCode = exitCode;
        Output = output;
        Findings = findings;
        LogCount = logCount;
    }

    public string Target { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public IReadOnlyList<Finding> Findings { get; }
    public int LogCount { get; }

    /// <summary>The build failed for a reason other than RAXX errors (compile errors, restore, missing SDK).</summary>
    public bool FailedOtherwise => ExitCode != 0 && !Findings.Any(f => f.Severity == FindingSeverity.Error);
}

/// <summary>
/// Runs <c>dotnet build</c> so that every compilation writes a SARIF 2.1 error log, then reads them back.
/// A global <c>-p:ErrorLog=…</c> would make every project of a solution write the same file (and
/// MSBuild does not expand <c>$(MSBuildProjectName)</c> inside a global property), so the runner writes a
/// small targets file that sets <c>ErrorLog</c> per project and TFM, and passes it as
/// <c>CustomAfterMicrosoftCommonTargets</c>. The build is a rebuild (<c>--no-incremental</c>):
/// an up-to-date project does not run the compiler and would report nothing.
/// </summary>
internal static class BuildRunner
{
    public static BuildOutcome Run(CliHost host, string target, string repositoryRoot, IReadOnlyList<string> extraArgs)
    {
        var logDir = Path.Combine(Path.GetTempPath(), "raxx-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(logDir);
        try
        {
            var targetsFile = Path.Combine(logDir, "raxx-errorlog.targets");
            var prefix = SecurityElement.Escape(logDir + Path.DirectorySeparatorChar);
            File.WriteAllText(targetsFile, $"""
                <Project>
                  <!-- written by raxx-guardrails (check with build): one SARIF 2.1 log per project and target framework -->
                  <PropertyGroup>
                    <ErrorLog>{prefix}$(MSBuildProjectName).$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)')).$(TargetFramework).sarif,version=2.1</ErrorLog>
                  </PropertyGroup>
                </Project>
                """);

            var args = new List<string>
            {
                "build", target, "--no-incremental", "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false",
                "-p:UseSharedCompilation=false",
                "-p:CustomAfterMicrosoftCommonTargets=" + EscapeProperty(targetsFile),
            };
            args.AddRange(extraArgs);
            host.Error.WriteLine($"raxx-guardrails: dotnet build {Display(repositoryRoot, target)} (SARIF error logs)…");
            var (exitCode, output) = host.RunProcess("dotnet", args, repositoryRoot);

            var logs = Directory.GetFiles(logDir, "*.sarif").OrderBy(p => p, StringComparer.Ordinal).ToArray();
            var findings = new List<Finding>();
            foreach (var log in logs)
            {
                findings.AddRange(SarifReader.ReadFile(log, repositoryRoot, IsGuardrailsRule));
            }
            // The package's MSBuild tasks (RAXX105/306 output checks, repository checks) log to the build
            // output, not to the compiler's SARIF log: they are guardrail findings too, not a failed build.
            findings.AddRange(TaskFindings(output, repositoryRoot));
            return new BuildOutcome(target, exitCode, output, Dedupe(findings), logs.Length);
        }
        finally
        {
            try
            {
                Directory.Delete(logDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex TaskDiagnostic = new(
        @"^\s*(?<file>[^\s].*?)(?:\((?<line>\d+),(?<col>\d+)(?:,(?<endLine>\d+),(?<endCol>\d+))?\))?\s*:\s*Raxx\.Guardrails (?<severity>error|warning) (?<id>RAXX\d{3}): (?<message>.*?)(?: \[[^\]]+\])?\s*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>Findings the Raxx MSBuild tasks logged (origin "Raxx.Guardrails"), from the build's console output.</summary>
    public static IReadOnlyList<Finding> TaskFindings(string output, string repositoryRoot)
    {
        var findings = new List<Finding>();
        var root = Path.GetFullPath(repositoryRoot).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        foreach (System.Text.RegularExpressions.Match m in TaskDiagnostic.Matches(output.Replace("\r", string.Empty, StringComparison.Ordinal)))
        {
            var file = m.Groups["file"].Value.Trim();
            var path = file.StartsWith(root, StringComparison.Ordinal) ? file.Substring(root.Length) : file;
            path = path.Replace('\\', '/');
            FindingLocation location;
            if (m.Groups["line"].Success)
            {
                var line = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var col = int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var endLine = m.Groups["endLine"].Success ? int.Parse(m.Groups["endLine"].Value, System.Globalization.CultureInfo.InvariantCulture) : line;
                // MSBuild's end column is inclusive; findings' is exclusive.
                var endCol = m.Groups["endCol"].Success ? int.Parse(m.Groups["endCol"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : col + 1;
                location = new FindingLocation(path, line, col, endLine, endCol);
            }
            else
            {
                location = FindingLocation.WholeFile(path);
            }
            var severity = m.Groups["severity"].Value == "error" ? FindingSeverity.Error : FindingSeverity.Warning;
            findings.Add(new Finding(m.Groups["id"].Value, severity, m.Groups["message"].Value, location));
        }
        return findings;
    }

    public static bool IsGuardrailsRule(string ruleId) => ruleId.StartsWith("RAXX", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same diagnostic reported by several projects (a shared flags file, a linked source) counts once.</summary>
    public static IReadOnlyList<Finding> Dedupe(IEnumerable<Finding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var f in findings)
        {
            var key = string.Join("|", f.RuleId, f.Location.Path, f.Location.StartLine, f.Location.StartColumn, f.Location.EndLine, f.Location.EndColumn, f.Message);
            if (seen.Add(key))
            {
                result.Add(f);
            }
        }
        return result;
    }

    /// <summary>What to build in a folder: its one solution (.sln/.slnx), else its one project.</summary>
    public static string FindBuildTarget(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }
        if (!Directory.Exists(path))
        {
            throw new UsageException($"'{path}' does not exist");
        }
        foreach (var patterns in new[] { new[] { "*.sln", "*.slnx" }, new[] { "*.csproj", "*.vbproj", "*.fsproj" } })
        {
            var found = patterns.SelectMany(p => Directory.GetFiles(path, p)).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            if (found.Length == 1)
            {
                return found[0];
            }
            if (found.Length > 1)
            {
                throw new UsageException($"'{path}' has several {string.Join("/", patterns.Select(p => p.TrimStart('*')))} files ({string.Join(", ", found.Select(Path.GetFileName))}); pass the one to build with --build-target");
            }
        }
        throw new UsageException($"--build: no solution or project file in '{path}'; pass one with --build-target");
    }

    /// <summary>MSBuild unescapes %XX in property values and splits on ';' — escape those.</summary>
    public static string EscapeProperty(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Display(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
