using System;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The trigger-driven scan (vectorised prefilters, what the CLI runs on .NET) must find exactly what the
/// line-by-line reference scan (what the netstandard2.0 analyzer and MSBuild hosts run) finds: same
/// provider, kind, key, offsets, positions and fingerprints, on every corpus file and on mixed, CRLF and
/// lone-CR text.
/// </summary>
public class SecretScannerEquivalenceTests
{
    private static string Describe(SecretMatch m) =>
        $"{m.Provider}|{m.Kind}|{m.KeyName}|{m.Offset}+{m.Length}|{m.Line}:{m.Column}-{m.EndLine}:{m.EndColumn}|{m.Hash}";

    private static void AssertSame(string text, string what)
    {
        var fast = SecretScanner.Scan(text).Select(Describe).ToArray();
        var reference = SecretScanner.ScanReference(text).Select(Describe).ToArray();
        Assert.True(reference.SequenceEqual(fast), $"{what}: reference [{string.Join(", ", reference)}] vs trigger-driven [{string.Join(", ", fast)}]");
    }

    [Fact]
    public void CorpusFiles_TriggerScan_EqualsReferenceScan()
    {
        var files = Directory.EnumerateFiles(SecretCorpusTests.CorpusRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .ToArray();
        Assert.True(files.Length > 400, "corpus files missing");
        var withFindings = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            AssertSame(text, file);
            AssertSame(text.Replace("\n", "\r\n"), file + " (CRLF)");
            AssertSame(text.Replace("\n", "\r"), file + " (CR)");
            if (SecretScanner.ScanReference(text).Count > 0)
            {
                withFindings++;
            }
        }
        Assert.True(withFindings > 100, $"only {withFindings} corpus files have findings");
    }

    [Fact]
    public void MixedText_TriggerScan_EqualsReferenceScan()
    {
        var lines = new[]
        {
            "HEROKU_API_KEY=0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10",
            "  token: ghp_notarealtokenbutlongenough0000000000",
            "url = postgres://app:S3cretPassw0rd@db.internal:5432/app",
            "<add key=\"ApiKey\" value=\"d8e8fca2dc0f896fd7cb4cb0031ba249\" />",
            "<Password>Tr0ub4dor3xyz</Password>",
            "x-ghp_AAAA sk-ant-api03- xoxb-123 AKIAIOSFODNN7EXAMPLE",
            "client_secret = \"abc1Q~" + new string('z', 10) + "\"",
            "mailchimp 0123456789abcdef0123456789abcdef-us12",
            "https://o1.ingest.sentry.io",
            "",
            "just prose with a key word and a token word and a pass",
            // a finding on a line without a secret-name fragment is still named by its assignment
            "<setting name=\"Stripe\" value=\"sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z\" />",
            "<add key=\"Db\" value=\"postgres://app:S3cretPassw0rd@db.internal/app\" />",
            "<add key=\"LOG_LEVEL\" value=\"information\" />",
            "<add key=\"ApiKey\" value=\"0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10\" />",
            "value:",
            "  sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z",
            "signing_secret: |",
            "  q8ZxL2mVt7RwN4pYk9HbJ3sC",
        };
        var rng = new Random(7);
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n'); // each once in order (the two-line cases stay together)
        }
        for (var i = 0; i < 400; i++)
        {
            sb.Append(lines[rng.Next(lines.Length)]).Append(rng.Next(3) == 0 ? "\r\n" : "\n");
        }
        AssertSame(sb.ToString(), "mixed");
        AssertSame(sb.ToString().TrimEnd('\n', '\r'), "mixed without final newline");
    }
}
