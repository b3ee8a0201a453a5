using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The one-pass candidate search steps 64 characters at a time with AVX-512 where the runtime uses it, else 32 with AVX2:
/// both must give the same candidate positions, in the same order, whatever the text's length and wherever a trigger
/// falls across the steps' blocks and lanes. (On a machine without AVX-512 there is no wide step to compare: the tests
/// then only check the AVX2 search against the SearchValues groups' positions that start a token.)
/// </summary>
public sealed class SecretPrefilterTests
{
    private static readonly bool Wide = SecretPrefilter.WideSteps;

    private static readonly string[] Pieces =
    {
        "ghp_", "gho_", "AKIA", "ASIA", "xoxb-", "xoxp-", "sk_live_", "glpat-", "SG.", "AIza", "npm_", "eyJ", "https://", "http://hooks.slack.com/services/",
        "://", "-us", "-us1", "Q~", "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----", "raxx:allow-credential", "raxx:a", "curl", "curl -u",
        "NetworkCredential", "System.Net.NetworkCredential", "Net.NetworkCredential", "-AsPlainText", "-asplaintext", "-As", "-as",
        "-p", "-c", "-cl", "-cli", "redis-cli", "redis-cli -a ",
        " ", "  ", "\n", "\r\n", "=", ":", "\"", "'", "_", "-", ".", "/", "+", "~", "x", "Z", "9", "é", "中", "\uFFFF", "\u0100", "\u00FF", "\u00E1",
    };

    private static List<int> Hits(string text, bool wide)
    {
        var hits = new List<int>();
        SecretPrefilter.CollectBoundaryHits(text, hits, wide);
        return hits;
    }

    private static void AssertSameHits(string text, string what)
    {
        var narrow = Hits(text, wide: false);
        // the search also says whether the text holds a '\r' (the scan then makes lone ones line feeds)
        Assert.True(SecretPrefilter.CollectBoundaryHits(text, new List<int>(), wide: false) == text.Contains('\r'), $"{what}: carriage return seen by the AVX2 steps");
        if (Wide)
        {
            var wide = Hits(text, wide: true);
            Assert.True(narrow.SequenceEqual(wide), $"{what} (length {text.Length}): AVX2 [{string.Join(",", narrow)}] vs AVX-512 [{string.Join(",", wide)}]");
            Assert.True(SecretPrefilter.CollectBoundaryHits(text, new List<int>(), wide: true) == text.Contains('\r'), $"{what}: carriage return seen by the AVX-512 steps");
        }
    }

    [Fact]
    public void ACarriageReturnAnywhere_IsSeen_AndHitsAreThoseOfTheTextWithLineFeeds()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            return;
        }
        var body = "token: ghp_abc https://x -us1 Q~ " + new string('z', 300);
        for (var at = 0; at < body.Length; at += 7)
        {
            var withReturn = body.Substring(0, at) + "\r" + body.Substring(at + 1);
            var withFeed = body.Substring(0, at) + "\n" + body.Substring(at + 1);
            AssertSameHits(withReturn, $"'\\r' at {at}");
            foreach (var wide in Wide ? new[] { false, true } : new[] { false })
            {
                Assert.True(Hits(withReturn, wide).SequenceEqual(Hits(withFeed, wide)), $"'\\r' at {at}: hits differ from the text with '\\n' there");
            }
        }
        Assert.False(SecretPrefilter.CollectBoundaryHits(body, new List<int>(), wide: false));
        Assert.True(SecretPrefilter.CollectBoundaryHits("\u010D\u0D00" + body, new List<int>(), wide: false) == false, "a character above 0xFF is not a carriage return");
    }

    [Fact]
    public void GeneratedTexts_WideAndNarrowSteps_FindTheSameCandidates()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            return; // no one-pass search on this CPU: the scanner uses the SearchValues groups (SecretScannerEquivalenceTests)
        }
        var rng = new Random(20261201);
        var candidates = 0;
        for (var round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            var target = rng.Next(0, 700);
            while (sb.Length < target)
            {
                sb.Append(Pieces[rng.Next(Pieces.Length)]);
            }
            var text = sb.ToString();
            AssertSameHits(text, $"round {round}");
            candidates += Hits(text, wide: false).Count;
        }
        Assert.True(candidates > 10_000, $"the generated texts should be full of candidates: {candidates}");
    }

    [Fact]
    public void EveryTriggerAtEveryOffsetAcrossTheBlocks_WideAndNarrowSteps_FindTheSameCandidates()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            return;
        }
        foreach (var piece in Pieces.Where(p => p.Length > 1))
        {
            for (var offset = 0; offset < 200; offset++)
            {
                var text = new string('x', offset) + " " + piece + " " + new string('y', 260 - offset);
                AssertSameHits(text, $"'{piece}' at {offset + 1}");
                var hits = Hits(text, wide: false);
                if (piece.StartsWith("ghp_", StringComparison.Ordinal) || piece == "://" || piece == "Q~")
                {
                    Assert.Contains(offset + 1, hits); // a trigger after a blank is a candidate wherever it falls
                }
            }
        }
    }

    /// <summary>
    /// The key-fragment search through SearchValues, and from the candidates the AVX-512 candidate search recorded on its
    /// way: the same position from every start. Recording them changes no hit.
    /// </summary>
    private static void AssertSameNextFragment(string text, string what)
    {
        if (!Wide)
        {
            return;
        }
        var recorded = new SecretPrefilter.KeyFragmentCandidates();
        var hits = new List<int>();
        SecretPrefilter.CollectBoundaryHits(text, hits, wide: true, recorded);
        Assert.True(hits.SequenceEqual(Hits(text, wide: true)), $"{what}: recording fragment candidates changed the hits");
        for (var from = 0; from <= text.Length; from++)
        {
            var searched = SecretPrefilter.NextKeyFragment(text, from);
            var fromRecorded = SecretPrefilter.NextKeyFragment(text, from, recorded);
            Assert.True(searched == fromRecorded, $"{what}: from {from}, SearchValues {searched} vs recorded candidates {fromRecorded} (covered {recorded.Covered})");
        }
    }

    [Fact]
    public void RecordedFragmentCandidates_CoverTheWideSteps_AndAReusedRecordIsReset()
    {
        if (!Wide)
        {
            return;
        }
        var recorded = new SecretPrefilter.KeyFragmentCandidates();
        var longText = "x token=1 " + new string('y', 5000) + " secret";
        SecretPrefilter.CollectBoundaryHits(longText, new List<int>(), wide: true, recorded);
        Assert.InRange(recorded.Covered, longText.Length - 127, longText.Length - 64);
        Assert.Equal(2, SecretPrefilter.NextKeyFragment(longText, 0, recorded));
        Assert.Equal(longText.Length - 6, SecretPrefilter.NextKeyFragment(longText, 3, recorded)); // past the covered part: searched

        // a shorter text after it: nothing recorded, nothing left over from the long one
        SecretPrefilter.CollectBoundaryHits("no fragment here", new List<int>(), wide: true, recorded);
        Assert.Equal(0, recorded.Covered);
        Assert.Equal(-1, SecretPrefilter.NextKeyFragment("no fragment here", 0, recorded));
        SecretPrefilter.CollectBoundaryHits(new string('z', 1000), new List<int>(), wide: false, recorded);
        Assert.Equal(0, recorded.Covered); // the AVX2 steps record none
    }

    private static readonly string[] FragmentPieces =
    {
        "token", "TOKEN", "Token", "secret", "SECRET", "cred", "key", "KEY", " key=", "\tkey=", "key=", " key =", "bearer", "dsn", "pat", "pwd",
        "pass", "PASS", "BEARER", "bEaReR", "CRED", "Dsn", "PAT", "Pwd", "toke", "secre", "beare", "tok", "sec", "pa", "ke", "api_", "API_", "=", ":", " ", "\n", "\r\n", "x", "é", "\u212A", "\u017F", "\u00FF", "\u0174",
    };

    [Fact]
    public void GeneratedTexts_RecordedAndSearchedFragments_StopAtTheSamePlace()
    {
        var rng = new Random(7);
        for (var round = 0; round < 600; round++)
        {
            var sb = new StringBuilder();
            var target = rng.Next(0, 500);
            while (sb.Length < target)
            {
                sb.Append(FragmentPieces[rng.Next(FragmentPieces.Length)]);
                if (rng.Next(5) == 0)
                {
                    sb.Append(new string('y', rng.Next(0, 150))); // long gaps: fragments across the 64-character blocks
                }
            }
            AssertSameNextFragment(sb.ToString(), $"round {round}");
        }
    }

    [Fact]
    public void CorpusFiles_RecordedAndSearchedFragments_StopAtTheSamePlace()
    {
        foreach (var file in Directory.EnumerateFiles(SecretCorpusTests.CorpusRoot, "*", SearchOption.AllDirectories).Take(150))
        {
            AssertSameNextFragment(File.ReadAllText(file), Path.GetFileName(file));
        }
    }

    [Fact]
    public void CorpusFiles_WideAndNarrowSteps_FindTheSameCandidates()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            return;
        }
        var files = Directory.EnumerateFiles(SecretCorpusTests.CorpusRoot, "*", SearchOption.AllDirectories).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertSameHits(File.ReadAllText(file), Path.GetFileName(file));
        }
    }
}
