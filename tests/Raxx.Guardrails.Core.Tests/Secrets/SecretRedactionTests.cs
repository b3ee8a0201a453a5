using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>No secret found by the engine appears in any output it or the rules produce.</summary>
public class SecretRedactionTests
{
    [Theory]
    [InlineData("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", "'ghp_…' (40 chars)")]
    [InlineData("Xy7pQ2mN9vR4", "'Xy…' (12 chars)")]
    [InlineData("short", "'…' (5 chars)")]
    [InlineData("", "…(0 chars)")]
    [InlineData("a\tb\u0001cdefgh", "'a?…' (10 chars)")] // a control or blank character shown is a '?'
    [InlineData("12345678", "'12…' (8 chars)")]
    [InlineData("1234567", "'…' (7 chars)")]
    [InlineData("0123456789abcdef", "'0123…' (16 chars)")]
    public void Redact_ShowsAtMostFourCharactersAndLength(string secret, string expected) =>
        Assert.Equal(expected, Redaction.Redact(secret));

    [Theory]
    [InlineData(1000, "'xxxx…' (1000 chars)")]
    [InlineData(123456, "'xxxx…' (123456 chars)")]
    public void Redact_OfALongValue_SpellsItsLength(int length, string expected) =>
        Assert.Equal(expected, Redaction.Redact(new string('x', length)));

    [Theory]
    // the first 32 hex digits of sha256("raxx-credential:" + value) over UTF-8, computed outside .NET
    // (`printf 'raxx-credential:…' | sha256sum`): baselines committed in repositories hold these values
    [InlineData("Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Z", "b6af5ca614626ccd208a82c10439ded5")]
    [InlineData("pässwörd-€-가", "7cb56ebbb3959828349eeb455b302504")]
    public void Fingerprint_IsTheBaselineFormat(string secret, string expected) => Assert.Equal(expected, Redaction.Fingerprint(secret));

    [Fact]
    public void Fingerprint_OfALongValue_AndOfEachValueAfterAnother_IsTheBaselineFormat()
    {
        // a long value, and each digest independent of the one before it (`printf 'raxx-credential:%s' "$(python3 -c "print('Zq9'*200)")" | sha256sum`)
        var longValue = string.Concat(Enumerable.Repeat("Zq9", 200));
        Assert.Equal("1c042e5c96d2ad8c77f506b87f5a75a1", Redaction.Fingerprint(longValue));
        Assert.Equal("b6af5ca614626ccd208a82c10439ded5", Redaction.Fingerprint("Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Z"));
        Assert.Equal("1c042e5c96d2ad8c77f506b87f5a75a1", Redaction.Fingerprint(longValue));
    }

    [Fact]
    public void Fingerprint_IsStableAndNotTheValue()
    {
        var a = Redaction.Fingerprint("Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Z");
        Assert.Equal(a, Redaction.Fingerprint("Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Z"));
        Assert.NotEqual(a, Redaction.Fingerprint("Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Y"));
        Assert.Equal(32, a.Length);
        Assert.DoesNotContain("Fk9s", a);
    }

    [Fact]
    public void EngineOutputs_OverCorpus_NeverContainTheSecret()
    {
        var checkedCount = 0;
        foreach (var file in Directory.EnumerateFiles(SecretCorpusTests.CorpusRoot, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var m in SecretScanner.Scan(text))
            {
                var secret = text.Substring(m.Offset, m.Length);
                AssertNoLeak(secret, m.Redacted, m.Describe(), m.Hash, m.ToString(), m.Provider, m.KeyName ?? string.Empty);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 179, $"only {checkedCount} matches checked");
    }

    [Fact]
    public void RuleFindings_OverCorpusAndFixtures_NeverContainTheSecret()
    {
        var roots = new[]
        {
            Path.Combine(SecretCorpusTests.CorpusRoot, "positives"),
            Path.Combine(SecretCorpusTests.CorpusRoot, "negatives"),
            SecretFixtures.Path("secrets", "repo"),
            Raxx.Guardrails.Testing.Process.RepoPaths.Combine("samples", "incidents", "04-credential-literals"),
        };
        var total = 0;
        foreach (var root in roots.Where(Directory.Exists))
        {
            var context = SecretFixtures.Open(root);
            var secrets = new List<string>();
            foreach (var file in context.Files)
            {
                var text = context.ReadText(file);
                if (text != null)
                {
                    secrets.AddRange(SecretScanner.Scan(text, new SecretScanOptions { HonourSuppressions = false }).Select(m => text.Substring(m.Offset, m.Length)));
                }
            }
            var findings = RepositoryRunner.Run(context, RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX40", StringComparison.Ordinal)));
            foreach (var f in findings)
            {
                foreach (var secret in secrets)
                {
                    AssertNoLeak(secret, new[] { f.Message, f.FingerprintMaterial ?? string.Empty, f.Fingerprint, f.ToString() }.Concat(f.Properties.Values).ToArray());
                }
                total++;
            }
        }
        Assert.True(total >= 150, $"only {total} findings checked");
    }

    /// <summary>Neither the secret nor any 10-character window of it appears in the outputs.</summary>
    private static void AssertNoLeak(string secret, params string[] outputs)
    {
        var value = secret.Trim();
        foreach (var output in outputs)
        {
            if (value.Length < 10)
            {
                Assert.DoesNotContain(value, output, StringComparison.Ordinal);
                continue;
            }
            for (var i = 0; i + 10 <= value.Length; i++)
            {
                var window = value.Substring(i, 10);
                if (output.Contains(window, StringComparison.Ordinal))
                {
                    Assert.Fail($"output leaks part of a secret ({Redaction.Redact(value)}): window at {i}");
                }
            }
        }
    }
}
