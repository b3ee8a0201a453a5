using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Secrets;
using Xunit.Abstractions;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Recall and precision of the credential engine on the labeled corpus
/// (TestData/conformance/secrets, see its SOURCES.md). A positive counts as found when a finding
/// covers its labeled line; every other finding (in a negative file, or on another line of a
/// positive file) is a false positive.
/// </summary>
public class SecretCorpusTests
{
    private readonly ITestOutputHelper _output;

    public SecretCorpusTests(ITestOutputHelper output) => _output = output;

    internal static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "secrets");

    internal sealed record Positive(string File, string Provider, int Line);

    internal static IReadOnlyList<Positive> Positives() =>
        File.ReadAllLines(Path.Combine(CorpusRoot, "positives", "labels.tsv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new Positive(c[0], c[1], int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

    internal static IReadOnlyList<string> Negatives() =>
        File.ReadAllLines(Path.Combine(CorpusRoot, "negatives", "labels.tsv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t')[0])
            .ToArray();

    [Fact]
    public void Corpus_RecallAndPrecision_MeetTargets()
    {
        var positives = Positives();
        var negatives = Negatives();
        Assert.True(positives.Count > 150, "corpus positives missing");
        Assert.True(negatives.Count > 250, "corpus negatives missing");

        var tp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fn = new Dictionary<string, int>(StringComparer.Ordinal);
        var fp = new Dictionary<string, int>(StringComparer.Ordinal);
        var misses = new List<string>();
        var falseAlarms = new List<string>();

        foreach (var group in positives.GroupBy(p => p.File))
        {
            var matches = SecretScanner.Scan(File.ReadAllText(Path.Combine(CorpusRoot, "positives", group.Key)));
            var used = new HashSet<SecretMatch>();
            foreach (var label in group)
            {
                var hit = matches.FirstOrDefault(m => m.Line <= label.Line && label.Line <= m.EndLine);
                if (hit != null)
                {
                    used.Add(hit);
                    Bump(tp, label.Provider);
                }
                else
                {
                    Bump(fn, label.Provider);
                    misses.Add($"{group.Key}:{label.Line} ({label.Provider})");
                }
            }
            foreach (var extra in matches.Where(m => !used.Contains(m)))
            {
                Bump(fp, extra.Provider);
                falseAlarms.Add($"positives/{group.Key}:{extra.Line} {extra.Provider} {extra.Kind} {extra.Redacted}");
            }
        }

        foreach (var file in negatives)
        {
            foreach (var m in SecretScanner.Scan(File.ReadAllText(Path.Combine(CorpusRoot, "negatives", file))))
            {
                Bump(fp, m.Provider);
                falseAlarms.Add($"negatives/{file}:{m.Line} {m.Provider} {m.Kind} {m.Redacted}");
            }
        }

        var totalTp = tp.Values.Sum();
        var totalFn = fn.Values.Sum();
        var totalFp = fp.Values.Sum();
        var recall = (double)totalTp / (totalTp + totalFn);
        var precision = (double)totalTp / Math.Max(1, totalTp + totalFp);

        var table = new StringBuilder();
        table.AppendLine("| provider | positives | found | missed | false positives | recall | precision |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var provider in tp.Keys.Concat(fn.Keys).Concat(fp.Keys).Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            var t = Get(tp, provider);
            var n = Get(fn, provider);
            var f = Get(fp, provider);
            var r = t + n == 0 ? "-" : ((double)t / (t + n)).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
            var p = t + f == 0 ? "-" : ((double)t / (t + f)).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
            table.AppendLine($"| {provider} | {t + n} | {t} | {n} | {f} | {r} | {p} |");
        }
        table.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"| **overall** | {totalTp + totalFn} | {totalTp} | {totalFn} | {totalFp} | {recall:0.000} | {precision:0.000} |"));
        _output.WriteLine(table.ToString());
        _output.WriteLine("missed: " + (misses.Count == 0 ? "none" : string.Join(", ", misses)));
        _output.WriteLine("false positives: " + (falseAlarms.Count == 0 ? "none" : Environment.NewLine + string.Join(Environment.NewLine, falseAlarms)));

        Assert.True(recall >= 0.95, $"recall {recall:0.000} < 0.95; missed: {string.Join(", ", misses)}");
        Assert.True(precision >= 0.95, $"precision {precision:0.000} < 0.95; false positives: {string.Join("; ", falseAlarms)}");
    }

    private static void Bump(Dictionary<string, int> d, string key) => d[key] = Get(d, key) + 1;

    private static int Get(Dictionary<string, int> d, string key) => d.TryGetValue(key, out var v) ? v : 0;
}
