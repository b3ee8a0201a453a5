using System.Globalization;
using System.Text;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Cli.Output;

/// <summary>
/// GitHub workflow commands (<c>::error file=…,line=…::message</c>) and the job summary table.
/// Escaping follows the runner's rules: in the message (data) <c>%</c>, <c>\r</c>, <c>\n</c>; in
/// properties additionally <c>:</c> and <c>,</c>.
/// </summary>
internal static class GitHubAnnotations
{
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    public static string Command(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>One workflow command per finding, errors first; findings without severity are left out.</summary>
    public static string Format(IEnumerable<Finding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in Order(findings))
        {
            if (f.Severity == FindingSeverity.None)
            {
                continue;
            }
            var l = f.Location;
            var line = l.StartLine.ToString(CultureInfo.InvariantCulture);
            sb.Append("::").Append(Command(f.Severity))
              .Append(" file=").Append(EscapeProperty(l.Path))
              .Append(",line=").Append(line)
              .Append(",col=").Append(l.StartColumn.ToString(CultureInfo.InvariantCulture))
              .Append(",endLine=").Append(l.EndLine.ToString(CultureInfo.InvariantCulture))
              .Append(",endColumn=").Append(l.EndColumn.ToString(CultureInfo.InvariantCulture))
              .Append(",title=").Append(EscapeProperty(f.RuleId))
              .Append("::").Append(EscapeData(f.Message + HelpSuffix(f.RuleId)))
              .Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The job summary: counts per rule with links to the rule docs, then the findings (capped).</summary>
    public static string Summary(IReadOnlyList<Finding> findings, string title = "Raxx.Guardrails")
    {
        const int maxListed = 50;
        var sb = new StringBuilder();
        sb.Append("## ").Append(title).Append("\n\n");
        if (findings.Count == 0)
        {
            sb.Append("All guardrails pass: no findings.\n");
            return sb.ToString();
        }
        sb.Append("| Rule | Level | Findings | What it catches |\n");
        sb.Append("| --- | --- | ---: | --- |\n");
        foreach (var rule in findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var info = RuleCatalog.Find(rule.Key);
            var id = info != null ? $"[{rule.Key}]({info.HelpUri})" : rule.Key;
            sb.Append("| ").Append(id)
              .Append(" | ").Append(TextReport.Word(rule.Max(f => f.Severity)))
              .Append(" | ").Append(rule.Count().ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(Cell(info?.Title ?? string.Empty))
              .Append(" |\n");
        }
        sb.Append('\n').Append("**").Append(TextReport.Totals(findings)).Append("**\n\n");
        sb.Append("<details><summary>Findings</summary>\n\n");
        foreach (var f in Order(findings).Take(maxListed))
        {
            sb.Append("- `").Append(f.Location.Path.Replace("`", "'", StringComparison.Ordinal)).Append(':')
              .Append(f.Location.StartLine.ToString(CultureInfo.InvariantCulture)).Append("` ")
              .Append(f.RuleId).Append(' ').Append(TextReport.Word(f.Severity)).Append(": ").Append(Cell(f.Message)).Append('\n');
        }
        if (findings.Count > maxListed)
        {
            sb.Append("- … and ").Append((findings.Count - maxListed).ToString(CultureInfo.InvariantCulture)).Append(" more (see the SARIF output)\n");
        }
        sb.Append("\n</details>\n");
        return sb.ToString();
    }

    public static IEnumerable<Finding> Order(IEnumerable<Finding> findings) => findings
        .OrderByDescending(f => f.Severity)
        .ThenBy(f => f.Location.Path, StringComparer.Ordinal)
        .ThenBy(f => f.Location.StartLine)
        .ThenBy(f => f.Location.StartColumn)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal);

    private static string HelpSuffix(string ruleId) =>
        RuleCatalog.Find(ruleId) is { } info ? "\nDocs: " + info.HelpUri : string.Empty;

    /// <summary>Markdown table cell: no pipes or newlines, no raw HTML.</summary>
    private static string Cell(string text) => text
        .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
