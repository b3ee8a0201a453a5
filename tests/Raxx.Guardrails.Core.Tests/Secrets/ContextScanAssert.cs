using System;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// One line judged by the engine on every path: the trigger-driven scan, the reference scan (line by line, what the
/// netstandard2.0 hosts run), and the trigger-driven scan of the same line after a padding line (texts of 64+ characters
/// go through the vectorised candidate search). Shared by the context-value test classes (<c>using static</c>).
/// </summary>
internal static class ContextScanAssert
{
    /// <summary>A line that puts the text under test past the vector pass's threshold.</summary>
    private const string Padding = "# padding line to reach the vector pass ..........................................\n";

    /// <summary>No finding on any path.</summary>
    public static void AssertNone(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
        Assert.Empty(SecretScanner.Scan(Padding + text + "\n"));
    }

    /// <summary>One finding, <paramref name="value"/> under <paramref name="key"/>, alike on every path (the same place, key and fingerprint).</summary>
    public static void AssertOne(string text, string key, string value)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((key, text.IndexOf(value, StringComparison.Ordinal), value.Length), (m.KeyName, m.Offset, m.Length));
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.KeyName, m.Hash), (r.Offset, r.KeyName, r.Hash));
        var p = Assert.Single(SecretScanner.Scan(Padding + text + "\n"));
        Assert.Equal((2, m.Column, m.Length, m.KeyName), (p.Line, p.Column, p.Length, p.KeyName));
    }

    /// <summary>
    /// The one finding of <paramref name="text"/>, alike on every path: the trigger-driven scan, the reference scan (same
    /// place, kind, key and fingerprint), and the AVX2 and SearchValues candidate paths (the text padded past one
    /// 32-character block). Callers assert what the finding is.
    /// </summary>
    public static SecretMatch AssertSingleOnEveryPath(string text)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.Length, m.Kind, m.KeyName, m.Hash), (r.Offset, r.Length, r.Kind, r.KeyName, r.Hash));
        var padded = new string(' ', 40) + text;
        Assert.Equal(m.Hash, Assert.Single(SecretScanner.Scan(padded, null, vectorPass: true)).Hash);
        Assert.Equal(m.Hash, Assert.Single(SecretScanner.Scan(padded, null, vectorPass: false)).Hash);
        return m;
    }
}
