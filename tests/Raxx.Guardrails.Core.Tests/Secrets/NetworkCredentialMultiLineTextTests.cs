using System;
using System.Linq;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The password argument of a NetworkCredential call whose arguments continue over the following lines (the one-line
/// form is <see cref="NetworkCredentialTextTests"/>): found at the literal's own line and column, on both scan paths,
/// with the same rules as on one line; the nearest look-alikes stay clean. Values are fake.
/// </summary>
public class NetworkCredentialMultiLineTextTests
{
    private const string Password = "Xk9#mP2$vL8qR4wZ";
    private const string PsPassword = "q8ZxL2mVt7RwN4pYk9HbJ3sC"; // no '$': PowerShell expands it inside "…"

    [Theory]
    // the issue's case: each argument on its own line
    [InlineData("var cred = new NetworkCredential(\n    \"deploy\",\n    \"" + Password + "\");", 3)]
    // the password on the line after the user
    [InlineData("var smtp = new NetworkCredential(\"mailer\",\n    \"" + Password + "\");", 2)]
    // named, the password on its own line (before and after the user), VB's password:=
    [InlineData("var c = new NetworkCredential(\n    userName: \"deploy\",\n    password: \"" + Password + "\");", 3)]
    [InlineData("var c = new NetworkCredential(\n    password: \"" + Password + "\",\n    userName: \"deploy\");", 2)]
    [InlineData("Dim c = New NetworkCredential(userName:=\"deploy\",\n    password:=\"" + Password + "\")", 2)]
    // the closing parenthesis on its own line, a domain after the password
    [InlineData("client.Credentials = new System.Net.NetworkCredential(\n    \"mailer\",\n    \"" + Password + "\",\n    \"CORP\"\n);", 3)]
    // target-typed
    [InlineData("    public static readonly NetworkCredential Smtp = new(\n        \"mailer\",\n        \"" + Password + "\");", 3)]
    // CRLF line ends, blank lines and comments between the arguments
    [InlineData("var cred = new NetworkCredential(\r\n    \"deploy\",\r\n\r\n    \"" + Password + "\");\r\n", 4)]
    [InlineData("var cred = new NetworkCredential(\n    \"deploy\", // the service account\n    // rotated by hand\n    /* v2 */ \"" + Password + "\"); // TODO vault", 4)]
    // PowerShell: back-tick continuations, "#" comments, [..]::new
    [InlineData("$cred = New-Object System.Net.NetworkCredential( `\n    'deploy', `\n    '" + PsPassword + "')", 3)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential(\n    \"deploy\",   # service account\n    \"" + PsPassword + "\")", 3)]
    [InlineData("$cred = [System.Net.NetworkCredential]::new(\n    'deploy',\n    '" + PsPassword + "'\n)", 3)]
    // VB: " _" continuation
    [InlineData("Dim c = New NetworkCredential(\"mailer\", _\n    \"" + Password + "\")", 2)]
    public void PasswordOnAFollowingLine_Reports(string text, int line)
    {
        var value = text.Contains(PsPassword, StringComparison.Ordinal) ? PsPassword : Password;
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(SecretKind.Context, m.Kind);
        Assert.Equal("password", m.KeyName);
        Assert.Equal(line, m.Line);
        Assert.Equal(line, m.EndLine);
        var lineText = text.Replace("\r\n", "\n").Split('\n')[line - 1];
        Assert.Equal(lineText.IndexOf(value, StringComparison.Ordinal) + 1, m.Column);
        Assert.Equal(value.Length, m.Length);
        Assert.DoesNotContain(value, m.Redacted, StringComparison.Ordinal);
        // the reference scan (netstandard2.0 hosts) finds the same
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.Line, m.Column, m.Hash), (r.Offset, r.Line, r.Column, r.Hash));
    }

    /// <summary>PowerShell's parameter form: <c>New-Object [-TypeName] System.Net.NetworkCredential -ArgumentList …</c>.</summary>
    [Theory]
    [InlineData("$cred = New-Object -TypeName System.Net.NetworkCredential -ArgumentList 'deploy', '" + PsPassword + "'", 1)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList \"deploy\", \"" + PsPassword + "\"\nInvoke-Deploy $cred", 1)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList @('deploy', '" + PsPassword + "')", 1)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -argumentlist ('deploy','" + PsPassword + "','CORP')", 1)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -Args 'deploy', '" + PsPassword + "'; Write-Host done", 1)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -A 'deploy', '" + PsPassword + "' | Tee-Object -Variable c", 1)]
    [InlineData("$p = (New-Object System.Net.NetworkCredential -ArgumentList 'deploy', '" + PsPassword + "').SecurePassword", 1)]
    // back-tick before the parameter, inside the list; a trailing comma continues the list; the positional list on the next line
    [InlineData("$cred = New-Object -TypeName System.Net.NetworkCredential `\n    -ArgumentList 'deploy', '" + PsPassword + "'\nConnect $cred", 2)]
    [InlineData("$cred = New-Object -TypeName System.Net.NetworkCredential `\r\n    -ArgumentList 'deploy', `\r\n        '" + PsPassword + "'\r\n", 3)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy',  # service account\n    '" + PsPassword + "'", 2)]
    [InlineData("$cred = New-Object System.Net.NetworkCredential `\n    ('deploy', '" + PsPassword + "')", 2)]
    public void PowerShellArgumentList_Reports(string text, int line)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal("password", m.KeyName);
        Assert.Equal(line, m.Line);
        var lineText = text.Replace("\r\n", "\n").Split('\n')[line - 1];
        Assert.Equal(lineText.IndexOf(PsPassword, StringComparison.Ordinal) + 1, m.Column);
        Assert.Equal(m.Offset, Assert.Single(SecretScanner.ScanReference(text)).Offset);
    }

    [Theory]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList $user, $password")]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy', (ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force)")]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy', \"$env:DEPLOY_PASSWORD\"")]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList '" + PsPassword + "', $password")] // the user's position
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy'\n'" + PsPassword + "' | Set-Content pw.txt")] // the list ended with the line
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy' -Verbose\nWrite-Host 'deploy', '" + PsPassword + "'")]
    [InlineData("$cred = New-Object System.Net.NetworkCredential -Property @{ UserName = $user }; Write-Host 'deploy', '" + PsPassword + "'")] // not -ArgumentList
    [InlineData("$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy', 'changeme'")]
    [InlineData("The NetworkCredential -based login: 'deploy', '" + PsPassword + "'")] // prose
    public void PowerShellArgumentList_NotAPasswordLiteral_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    /// <summary>An argument completed before the reading stops (a ';', an unbalanced bracket, an unclosed literal) still
    /// counts, as it did when the arguments were read on one line only.</summary>
    [Theory]
    [InlineData("var c = new NetworkCredential(\"mailer\", \"" + Password + "\",\n    domain;")]
    [InlineData("var c = new NetworkCredential(\"mailer\", \"" + Password + "\", \"unclosed")]
    [InlineData("var c = new NetworkCredential(\"mailer\", \"" + Password + "\",")]
    public void PasswordCompleted_BeforeTheReadingStops_Reports(string text)
    {
        Assert.Single(SecretScanner.Scan(text));
        Assert.Single(SecretScanner.ScanReference(text));
    }

    /// <summary>The one-line scan reports a call in a comment (the text scan does not parse comments): so does this one,
    /// when every line of the call carries the comment marker its first line starts with.</summary>
    [Theory]
    [InlineData("// var cred = new NetworkCredential(\n//     \"deploy\",\n//     \"" + Password + "\");", 3)]
    [InlineData("/// <code>\n/// var cred = new NetworkCredential(\"deploy\",\n///     \"" + Password + "\");\n/// </code>", 3)]
    [InlineData("# $cred = New-Object System.Net.NetworkCredential(\n#     'deploy',\n#     '" + PsPassword + "')", 3)]
    [InlineData("' Dim c = New NetworkCredential(\"mailer\",\n'     \"" + Password + "\")", 2)]
    public void CommentedOutCall_Reports_LikeTheOneLineScan(string text, int line)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(line, m.Line);
        Assert.Equal(m.Offset, Assert.Single(SecretScanner.ScanReference(text)).Offset);
        // the same call on one line is reported too
        var oneLine = text.Split('\n')[0].Contains("<code>", StringComparison.Ordinal) ? null : string.Join(" ", text.Split('\n').Select((l, k) => k == 0 ? l : l.TrimStart(text[0]).TrimStart(' ')));
        if (oneLine != null)
        {
            Assert.Single(SecretScanner.Scan(oneLine));
        }
    }

    [Theory]
    // the password argument is a variable, a configuration or environment read, a vault call, a SecureString
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    smtpPassword);")]
    [InlineData("var smtp = new NetworkCredential(\n    configuration[\"Smtp:User\"],\n    configuration[\"Smtp:Password\"]);")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    Environment.GetEnvironmentVariable(\"SMTP_PASSWORD\"));")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    Vault.Read(\n        \"" + Password + "\"));")] // an argument of another call
    [InlineData("var smtp = new NetworkCredential(\n    user,\n    securePassword);")] // the SecureString constructor
    [InlineData("$cred = New-Object System.Net.NetworkCredential(\n    $env:DEPLOY_USER,\n    $securePassword)")]
    // placeholders and references, as on one line
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    \"<your-smtp-password>\");")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    \"changeme\");")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    \"${SMTP_PASSWORD}\");")]
    [InlineData("$cred = New-Object System.Net.NetworkCredential( `\n    'deploy', `\n    \"${env:DEPLOY_PASSWORD}\")")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    \"\");")]
    // the second argument is an expression over lines
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    \"" + Password + "\" +\n        suffix);")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    $\"{prefix}" + Password + "\");")]
    [InlineData("var smtp = new NetworkCredential(\n    \"mailer\",\n    useVault\n        ? Vault.Read(\"smtp\")\n        : \"" + Password + "\");")]
    // the literal in the user name's position
    [InlineData("var smtp = new NetworkCredential(\n    \"" + Password + "\",\n    password);")]
    // other calls: a type that is not NetworkCredential, no type name at all, the call closed on its line
    [InlineData("var t = Tuple.Create(\n    \"mailer\",\n    \"" + Password + "\");")]
    [InlineData("client.Login(\n    \"mailer\",\n    \"" + Password + "\");")]
    [InlineData("var c = new MyNetworkCredential(\n    \"mailer\",\n    \"" + Password + "\");")]
    [InlineData("var c = new NetworkCredential(user, pass);\nLog(\"mailer\",\n    \"" + Password + "\");")]
    [InlineData("NetworkCredential smtp = Create(\n    \"mailer\",\n    \"" + Password + "\");")] // not a constructor
    // the type name inside a string: its "(" is text, the literal that follows does not close on the line
    [InlineData("Log(\"new NetworkCredential(\",\n    \"mailer\",\n    \"" + Password + "\");")]
    [InlineData("throw new InvalidOperationException(\"could not build the NetworkCredential(\" +\n    \"mailer, " + Password + ")\");")]
    // the statement ends, or a block closes, before the call does
    [InlineData("var c = new NetworkCredential(;\nLog(\"mailer\", \"" + Password + "\");")]
    [InlineData("var c = new NetworkCredential(\n}\nLog(\"mailer\", \"" + Password + "\");")]
    // a commented-out first line whose comment ends: the next lines are other code
    [InlineData("// var cred = new NetworkCredential(\nvar x = Compute(\n    \"deploy\",\n    \"" + Password + "\");")]
    // prose about the type in a comment
    [InlineData("// Builds the NetworkCredential (user name and\n// password) from the vault: \"deploy\", \"" + Password + "\".")]
    public void NotAPasswordLiteral_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void ArgumentsBeyondTheLineBound_NoReport()
    {
        var call = "var cred = new NetworkCredential(\n    \"deploy\",\n" + string.Concat(Enumerable.Repeat("    // padding\n", 12)) + "    \"" + Password + "\");";
        Assert.Single(SecretScanner.Scan(call)); // 15 lines: read
        var longer = call.Replace("    \"deploy\",\n", "    \"deploy\",\n    // more\n    // more\n", StringComparison.Ordinal);
        Assert.Empty(SecretScanner.Scan(longer)); // 17 lines: past the bound
        Assert.Empty(SecretScanner.ScanReference(longer));
    }

    [Fact]
    public void ArgumentsBeyondTheCharacterWindow_NoReport()
    {
        // the arguments are read at most 4096 characters from the type name, over lines as on one line
        var near = "var cred = new NetworkCredential(\n    \"deploy\" /* " + new string('x', 3900) + " */,\n    \"" + Password + "\");";
        Assert.Single(SecretScanner.Scan(near));
        var far = near.Replace(new string('x', 3900), new string('x', 4200), StringComparison.Ordinal);
        Assert.Empty(SecretScanner.Scan(far));
        Assert.Empty(SecretScanner.ScanReference(far));
        // a commented call whose first line is longer than the window: its marker is not looked for that far back
        var longComment = "// " + new string('y', 5000) + " new NetworkCredential(\n//     \"deploy\",\n//     \"" + Password + "\");";
        Assert.Empty(SecretScanner.Scan(longComment));
        Assert.Single(SecretScanner.Scan(longComment.Replace(new string('y', 5000), "y", StringComparison.Ordinal)));
    }

    [Fact]
    public void SuppressionOnThePasswordLine_NoReport()
    {
        var text = "var cred = new NetworkCredential(\n    \"deploy\",\n    \"" + Password + "\"); // raxx:allow-credential test fixture";
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Single(SecretScanner.Scan(text, new SecretScanOptions { HonourSuppressions = false }));
    }

    [Fact]
    public void WithoutContext_NoReport() =>
        Assert.Empty(SecretScanner.Scan("var cred = new NetworkCredential(\n    \"deploy\",\n    \"" + Password + "\");", new SecretScanOptions { IncludeContext = false }));

    /// <summary>
    /// A password that is also a provider token or an Azure AD secret on a later line: the trigger-driven scan adds its
    /// provider and shape findings for the whole text before any NetworkCredential password, so the reference scan must add
    /// a password found from an earlier line on its own line, not when it reads the call's first line.
    /// </summary>
    [Theory]
    [InlineData("sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z", "stripe")]
    [InlineData("bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR", "azure-ad")]
    public void ProviderTokenAsPassword_OnALaterLine_IsTheProviderFinding_OnBothPaths(string token, string provider)
    {
        var text = "var cred = new NetworkCredential(\n    \"deploy\",\n    \"" + token + "\");";
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(provider, m.Provider);
        Assert.Equal(SecretKind.Provider, m.Kind);
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Provider, m.Kind, m.KeyName, m.Offset), (r.Provider, r.Kind, r.KeyName, r.Offset));
        Assert.Equal(m.Provider, Assert.Single(SecretScanner.Scan(text, null, vectorPass: false)).Provider);
    }
}
