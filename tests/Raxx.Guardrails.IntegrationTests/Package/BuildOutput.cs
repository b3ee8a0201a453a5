using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Raxx.Guardrails.IntegrationTests.Package;

/// <summary>One MSBuild/compiler diagnostic line: <c>file(line,col[,endLine,endCol]): [subcategory] error RAXX105: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Code}: {Message}";
}

/// <summary>Parses RAXX diagnostics out of `dotnet build` console output (run with -clp:NoSummary so each appears once).</summary>
public static class BuildOutput
{
    private static readonly Regex Line = new(
        @"^[ \t]*(?<file>[^\s(][^(\r\n]*?)(?:\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\))?\s*:\s*(?:[\w.]+\s+)?(?<sev>error|warning|info)[ \t]+(?<code>RAXX\d{3})[ \t]*:[ \t]*(?<msg>[^\r\n]*?)(?:[ \t]+\[[^\]\r\n]+\])?[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The diagnostics before MSBuild's closing summary (which repeats every error and warning).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        Line.Matches(WithoutSummary(output))
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["sev"].Value,
                m.Groups["code"].Value,
                m.Groups["msg"].Value))
            .ToArray();

    private static string WithoutSummary(string output)
    {
        foreach (var marker in new[] { "\nBuild FAILED.", "\nBuild succeeded." })
        {
            var index = output.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0)
            {
                output = output[..index];
            }
        }
        return output;
    }

    /// <summary>The EXPECTED file of an incident folder: one "RAXXnnn relative/path:line" per line.</summary>
    public static IReadOnlyList<(string Code, string Path, int Line)> ReadExpected(string incidentDirectory) =>
        File.ReadAllLines(Path.Combine(incidentDirectory, "EXPECTED"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l =>
            {
                var parts = l.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                var colon = parts[1].LastIndexOf(':');
                return (parts[0], parts[1][..colon], int.Parse(parts[1][(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            })
            .ToArray();
}
