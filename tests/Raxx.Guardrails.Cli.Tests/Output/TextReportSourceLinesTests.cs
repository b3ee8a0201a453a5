using System;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Testing;
using Xunit;

namespace Raxx.Guardrails.Cli.Tests.Output;

/// <summary>
/// The text report prints each finding's source line. Files are read one at a time into one reused buffer: a file's
/// lines must never show what the file before it left in the buffer, and every encoding prints its own text.
/// </summary>
public sealed class TextReportSourceLinesTests : IDisposable
{
    private readonly TempDirectory _temp = new("textreport");

    public void Dispose() => _temp.Dispose();

    private static Finding At(string path, int line, int column, int endColumn) =>
        new("RAXX505", FindingSeverity.Warning, "m", new FindingLocation(path, line, column, line, endColumn));

    /// <summary>The source line printed under the finding at <paramref name="path"/>.</summary>
    private static string Shown(string report, string path, int line)
    {
        var lines = report.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith($"  {path}({line},", StringComparison.Ordinal));
        Assert.True(at >= 0, report);
        var shown = lines[at + 1];
        var prefix = $"    {line} | ";
        Assert.StartsWith(prefix, shown);
        return shown.Substring(prefix.Length);
    }

    [Fact]
    public void FilesReadOneAfterAnother_EachShowsItsOwnLines()
    {
        var longText = string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"line {i} of the long file ---------------------------------"));
        _temp.Write("a-long.txt", longText);
        _temp.Write("b-short.txt", "first\nsecond");
        _temp.Write("c-crlf.txt", "one\r\ntwo\r\n");
        File.WriteAllBytes(_temp.Combine("d-bom.txt"), Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("héllo\nwörld")).ToArray());
        File.WriteAllBytes(_temp.Combine("e-utf16.txt"), Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("ab\r\ncd")).ToArray());
        _temp.Write("f-last.txt", "x");

        var report = TextReport.Format(new[]
        {
            At("a-long.txt", 5000, 1, 5), At("a-long.txt", 2, 1, 5),
            At("b-short.txt", 2, 1, 3), At("c-crlf.txt", 2, 1, 2), At("d-bom.txt", 1, 1, 2), At("d-bom.txt", 2, 1, 2),
            At("e-utf16.txt", 2, 1, 2), At("f-last.txt", 1, 1, 2),
        }, _temp.Path, 1, null);

        Assert.Equal("line 5000 of the long file ---------------------------------", Shown(report, "a-long.txt", 5000));
        Assert.Equal("line 2 of the long file ---------------------------------", Shown(report, "a-long.txt", 2));
        Assert.Equal("second", Shown(report, "b-short.txt", 2));
        Assert.Equal("two", Shown(report, "c-crlf.txt", 2));
        Assert.Equal("héllo", Shown(report, "d-bom.txt", 1));
        Assert.Equal("wörld", Shown(report, "d-bom.txt", 2));
        Assert.Equal("cd", Shown(report, "e-utf16.txt", 2));
        Assert.Equal("x", Shown(report, "f-last.txt", 1));
    }

    [Fact]
    public void LinePastTheEndOfAShorterFile_IsNotShown()
    {
        _temp.Write("a.txt", string.Join("\n", Enumerable.Range(1, 100).Select(i => $"a{i}")));
        _temp.Write("b.txt", "only");
        var report = TextReport.Format(new[] { At("a.txt", 50, 1, 2), At("b.txt", 50, 1, 2) }, _temp.Path, 1, null);

        Assert.Equal("a50", Shown(report, "a.txt", 50));
        var lines = report.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("  b.txt(50,", StringComparison.Ordinal));
        Assert.False(lines[at + 1].StartsWith("    50 | ", StringComparison.Ordinal), report); // b.txt has one line: nothing of a.txt's
    }
}
