using System;
using System.Text;
using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Core.Findings;
using Xunit;

namespace Raxx.Guardrails.Cli.Tests.Output;

public sealed class TextReportSummaryTests
{
    private static Finding Make(FindingSeverity severity, int line) =>
        new("RAXX603", severity, "route", new FindingLocation("App.csproj", line, 1, line, 2));

    [Fact]
    public void Summary_RuleWithErrorsAndWarnings_CountsEachSeverityOnItsOwnLine()
    {
        var sb = new StringBuilder();
        TextReport.AppendSummary(sb, new[] { Make(FindingSeverity.Error, 1), Make(FindingSeverity.Error, 2), Make(FindingSeverity.Warning, 3) });
        var lines = sb.ToString().Split('\n');

        Assert.Contains(lines, l => l.StartsWith("  RAXX603  error      2 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  RAXX603  warning    1 ", StringComparison.Ordinal));
        Assert.Contains("3 findings (2 errors, 1 warning)", sb.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_RuleWithOneSeverity_IsOneLine()
    {
        var sb = new StringBuilder();
        TextReport.AppendSummary(sb, new[] { Make(FindingSeverity.Warning, 1), Make(FindingSeverity.Warning, 2) });

        Assert.Single(sb.ToString().Split('\n'), l => l.StartsWith("  RAXX603", StringComparison.Ordinal));
    }
}
