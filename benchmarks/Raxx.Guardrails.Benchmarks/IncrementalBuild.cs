using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Raxx.Guardrails.Benchmarks;

/// <summary>
/// A no-op rebuild of the companion: the package's targets must be skipped (Inputs/Outputs) and
/// add next to nothing. Reports the no-op build time and the time of every Raxx target.
/// </summary>
internal static class IncrementalBuild
{
    public static int Run()
    {
        var project = Path.Combine(Shell.RepoRoot, "samples", "Raxx.Companion", "Raxx.Companion.csproj");
        var warm = Shell.Dotnet(Shell.RepoRoot, "build", project, "-c", "Release", "-nologo", "-v:q");
        if (warm.ExitCode != 0)
        {
            Console.Error.WriteLine(warm.Output);
            return 1;
        }

        var noop = Shell.Dotnet(Shell.RepoRoot, "build", project, "-c", "Release", "-nologo", "-v:d", "-clp:PerformanceSummary", "--no-restore");
        var targets = Regex.Matches(noop.Output, @"^\s*(\d+) ms\s+(_?Raxx\w*)\s+(\d+) calls", RegexOptions.Multiline)
            .Select(m => (Name: m.Groups[2].Value, Ms: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(t => t.Name).Select(g => g.First()).ToList();
        var skipped = Regex.Matches(noop.Output, "Skipping target \"(_?Raxx\\w*)\" because all output files are up-to-date").Select(m => m.Groups[1].Value).Distinct().ToList();
        var compiled = noop.Output.Contains("Skipping target \"CoreCompile\"", StringComparison.Ordinal) ? "skipped" : "RAN";

        Console.WriteLine($"no-op rebuild of the companion: {noop.Elapsed.TotalSeconds:0.00}s wall (CoreCompile {compiled})");
        Console.WriteLine($"Raxx targets: {(targets.Count == 0 ? "none ran" : string.Join(", ", targets.Select(t => $"{t.Name} {t.Ms} ms")))}; added time {targets.Sum(t => t.Ms)} ms");
        Console.WriteLine($"skipped as up-to-date: {(skipped.Count == 0 ? "none" : string.Join(", ", skipped))}");
        return noop.ExitCode == 0 ? 0 : 1;
    }
}
