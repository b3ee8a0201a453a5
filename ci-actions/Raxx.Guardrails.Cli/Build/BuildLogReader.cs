using System.Globalization;
using System.Text.RegularExpressions;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Cli.Build;

/// <summary>
/// Reads RAXX diagnostics from MSBuild's canonical error format in a file logger's output
/// (<c>path(line,col[,endLine,endCol]): [subcategory] error RAXX105: message [project]</c>, or <c>path : error …</c>):
/// what the MSBuild tasks report, which never reaches the compiler's SARIF log.
/// </summary>
internal static partial class BuildLogReader
{
    // "1:7>" is the node prefix of multi-process logs; "Raxx.Guardrails" before "error" is the optional subcategory.
    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<file>\S.*?)(?:\((?<line>\d+)(?:,(?<col>\d+)(?:,(?<endLine>\d+),(?<endCol>\d+))?)?\))?\s*:\s*(?:[^:]*?\s)?(?<sev>error|warning)\s+(?<id>RAXX\d{3})\s*:\s*(?<msg>.*?)(?:\s+\[(?<project>[^\]]+)\])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();

    public static IEnumerable<Finding> Read(IEnumerable<string> lines, string repositoryRoot)
    {
        var root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var raw in lines)
        {
            var m = Canonical().Match(raw);
            if (!m.Success)
            {
                continue;
            }
            var file = m.Groups["file"].Value.Trim();
            var project = m.Groups["project"].Success ? m.Groups["project"].Value : null;
            if (!Path.IsPathRooted(file))
            {
                var baseDir = project != null && Path.IsPathRooted(project) ? Path.GetDirectoryName(project)! : root;
                file = Path.Combine(baseDir, file);
            }
            var full = Path.GetFullPath(file);
            var path = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length).Replace('\\', '/') : full;
            int Number(string group, int fallback) =>
                m.Groups[group].Success && int.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
            var line = Number("line", 1);
            var col = Number("col", 1);
            var location = new FindingLocation(path, line, col, Number("endLine", line), Number("endCol", col));
            var severity = m.Groups["sev"].Value == "error" ? FindingSeverity.Error : FindingSeverity.Warning;
            yield return new Finding(m.Groups["id"].Value, severity, m.Groups["msg"].Value, location);
        }
    }
}
