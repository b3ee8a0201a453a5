using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Secrets;
using Xunit.Abstractions;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Precision and recall on a held-out set the engine was not developed against
/// (TestData/secrets-heldout, see its README: generated once by generate.py, labeled before the first run).
/// Same scoring as the corpus: a positive is found when a finding covers its labeled line; any other
/// finding is a false positive.
/// </summary>
public class SecretHeldOutTests
{
    private readonly ITestOutputHelper _output;

    public SecretHeldOutTests(ITestOutputHelper output) => _output = output;

    private static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "secrets-heldout");

    [Fact]
    public void HeldOut_RecallAndPrecision_AtLeast090()
    {
        var labels = File.ReadAllLines(Path.Combine(Root, "labels.tsv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => (File: c[0], Provider: c[1], Line: int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        var files = Directory.EnumerateFiles(Path.Combine(Root, "files"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Root, "files"), f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        Assert.True(files.Length >= 12 && labels.Length >= 15, "held-out set missing");

        int tp = 0, fn = 0, fp = 0;
        var notes = new List<string>();
        foreach (var file in files)
        {
            var matches = SecretScanner.Scan(File.ReadAllText(Path.Combine(Root, "files", file)));
            var used = new HashSet<SecretMatch>();
            foreach (var label in labels.Where(l => l.File == file))
            {
                var hit = matches.FirstOrDefault(m => m.Line <= label.Line && label.Line <= m.EndLine);
                if (hit != null)
                {
                    used.Add(hit);
                    tp++;
                }
                else
                {
                    fn++;
                    notes.Add($"missed {file}:{label.Line} ({label.Provider})");
                }
            }
            foreach (var extra in matches.Where(m => !used.Contains(m)))
            {
                fp++;
                notes.Add($"false positive {file}:{extra.Line} {extra.Provider} {extra.Redacted}");
            }
        }

        var recall = tp / (double)(tp + fn);
        var precision = tp + fp == 0 ? 1.0 : tp / (double)(tp + fp);
        _output.WriteLine($"held-out: {files.Length} files, {labels.Length} positives: found {tp}, missed {fn}, false positives {fp}; recall {recall:0.000}, precision {precision:0.000}");
        foreach (var n in notes)
        {
            _output.WriteLine(n);
        }
        Assert.True(recall >= 0.9, $"recall {recall:0.000}: {string.Join("; ", notes)}");
        Assert.True(precision >= 0.9, $"precision {precision:0.000}: {string.Join("; ", notes)}");
    }
}
