using System;
using System.Linq;
using Raxx.Guardrails.Core.Secrets;
using static Raxx.Guardrails.Core.Tests.Secrets.ContextScanAssert;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// PowerShell values on the line after their name: a one-line here-string assigned to a secret name
/// (<c>$Password = @'</c>⏎<c>value</c>⏎<c>'@</c>, also <c>@"</c>…<c>"@</c> with nothing expanded), and a secret parameter's
/// literal after a back-tick continuation (<c>-Password `</c>⏎<c>    '…'</c>). Before, neither was read. Look-alikes:
/// several lines, expansions, a terminator not at the line's start, a non-secret name, a variable after the continuation.
/// Values are fake.
/// </summary>
public sealed class PowerShellHereStringAndContinuationTests
{
    private const string Pw = "Xy7#kq93Lm";

    [Theory]
    [InlineData("$Password = @'\n" + Pw + "\n'@\n", "Password")]
    [InlineData("$Password = @\"\n" + Pw + "\n\"@", "Password")]
    [InlineData("$DbPassword=@'\r\n" + Pw + "\r\n'@ \r\n", "DbPassword")]
    [InlineData("Connect-Lab -Server lab01 -Password `\n    '" + Pw + "'\n", "-Password")]
    [InlineData("Connect-Lab -Server lab01 -Password `  \n\t\"" + Pw + "\" `\n    -Verbose", "-Password")]
    [InlineData("Connect-Api `\n  -NewPassword `\n  '" + Pw + "' | Out-Null", "-NewPassword")]
    public void ValueOnTheNextLine_Reports(string text, string key)
    {
        var m = AssertSingleOnEveryPath(text);
        var line = text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(Pw, StringComparison.Ordinal));
        Assert.Equal((SecretKind.Context, key, line.i + 1, line.l.IndexOf(Pw, StringComparison.Ordinal) + 1, Pw.Length),
            (m.Kind, m.KeyName, m.Line, m.Column, m.Length));
    }

    /// <summary>A provider token as the next line's value: named by the key on both scan paths (the reference scan meets the
    /// key's line before the token's line; the trigger-driven scan has found the token already).</summary>
    [Theory]
    [InlineData("$ApiToken = @'\n{0}\n'@")]
    [InlineData("Connect-Api -Token `\n    '{0}'")]
    [InlineData("Connect-Api -Token `\n    \"{0}\" | Out-Null")]
    public void ProviderTokenOnTheNextLine_IsNamedByTheKey_OnBothPaths(string shape)
    {
        var text = string.Format(shape, "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");
        var m = Assert.Single(SecretScanner.Scan(text));
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((SecretKind.Provider, "github", 2), (m.Kind, m.Provider, m.Line));
        Assert.Equal((m.Offset, m.Length, m.KeyName, m.Kind, m.Hash), (r.Offset, r.Length, r.KeyName, r.Kind, r.Hash));
        Assert.NotNull(m.KeyName);
    }

    [Theory]
    [InlineData("$Password = @'\n" + Pw + "\nsecond line\n'@\n")]
    [InlineData("$Password = @\"\nXy7#kq$suffix\n\"@")]
    [InlineData("$Password = @\"\nXy7#kq`t93Lm\n\"@")]
    [InlineData("$Password = @'\n" + Pw + "\n  '@")]
    [InlineData("$Password = @'\n" + Pw)]
    [InlineData("$Password = @'\n" + Pw + "\n\"@")]
    [InlineData("$Path = @'\n" + Pw + "\n'@")]
    [InlineData("$Password = @'\nchangeme\n'@")]
    [InlineData("$Password = @' x\n" + Pw + "\n'@")]
    [InlineData("Connect-Lab -Server lab01 -Password `\n    $pw")]
    [InlineData("Connect-Lab -Server lab01 -Password `\n    (Read-Host -AsSecureString)")]
    [InlineData("Connect-Lab -Server lab01 -Password ` # comment\n    '" + Pw + "'")]
    [InlineData("Connect-Lab -Server lab01 -Password `")]
    [InlineData("Connect-Lab -Server lab01 -PasswordLength `\n    '" + Pw + "'")]
    [InlineData("Connect-Lab -Server lab01 -Password `\n    '" + Pw + "', 'Ab3$kq93Lm'")]
    public void NotALiteralOnTheNextLine_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }
}
