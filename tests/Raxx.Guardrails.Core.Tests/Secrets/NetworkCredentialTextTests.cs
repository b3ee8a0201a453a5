using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The password argument of a NetworkCredential constructed on one line, scanned as text (a held-out miss: RAXX401
/// knows the parameter's name, the text scan saw no key). Reported where the argument is one string literal that the
/// context rules judge a credential under the key "password"; its nearest look-alikes stay clean. Values are fake.
/// </summary>
public class NetworkCredentialTextTests
{
    private const string Password = "q8ZxL2mVt7RwN4pYk9HbJ3sC";

    [Theory]
    [InlineData("    public static readonly NetworkCredential Smtp = new(\"mailer\", \"" + Password + "\");")] // target-typed (the held-out line)
    [InlineData("NetworkCredential? smtp = new (\"mailer\", \"" + Password + "\");")]
    [InlineData("var smtp = new NetworkCredential(\"mailer\", \"" + Password + "\");")]
    [InlineData("client.Credentials = new System.Net.NetworkCredential(\"mailer\", \"" + Password + "\", \"CORP\");")] // with a domain
    [InlineData("client.Credentials = new Net.NetworkCredential(\"mailer\", @\"" + Password + "\");")] // verbatim
    [InlineData("Send(host, new NetworkCredential(GetUser(\"smtp\", 1), \"" + Password + "\"));")] // a call as the user
    [InlineData("var c = new NetworkCredential(userName: \"mailer\", password: \"" + Password + "\");")] // named
    [InlineData("var c = new NetworkCredential(password: \"" + Password + "\", userName: \"mailer\");")] // named, out of order
    [InlineData("$cred = New-Object System.Net.NetworkCredential(\"deploy\", \"" + Password + "\")")] // PowerShell
    [InlineData("$cred = [System.Net.NetworkCredential]::new('deploy', '" + Password + "')")] // PowerShell, single quotes
    [InlineData("Dim c = New NetworkCredential(\"mailer\", \"" + Password + "\")")] // VB
    public void PasswordLiteral_Reports(string text)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(SecretKind.Context, m.Kind);
        Assert.Equal("password", m.KeyName);
        Assert.Equal(text.IndexOf(Password, System.StringComparison.Ordinal) + 1, m.Column);
        Assert.Equal(Password.Length, m.Length);
        // the reference scan (netstandard2.0 hosts) finds the same
        Assert.Equal(m.Offset, Assert.Single(SecretScanner.ScanReference(text)).Offset);
    }

    [Theory]
    [InlineData("var smtp = new NetworkCredential(\"mailer\", smtpPassword);")] // a variable
    [InlineData("var smtp = new NetworkCredential(user, password);")]
    [InlineData("var smtp = new NetworkCredential(\"mailer\", \"\");")] // empty
    [InlineData("var smtp = new NetworkCredential(\"mailer\", \"<your-smtp-password>\");")] // placeholders
    [InlineData("var smtp = new NetworkCredential(\"mailer\", \"changeme\");")]
    [InlineData("$cred = New-Object System.Net.NetworkCredential(\"deploy\", \"${env:DEPLOY_PASSWORD}\")")] // a reference
    [InlineData("var smtp = new NetworkCredential(\"mailer\", $\"{prefix}" + Password + "\");")] // interpolated
    [InlineData("var smtp = new NetworkCredential(\"mailer\", \"q8ZxL2mVt7\" + suffix);")] // concatenated
    [InlineData("var smtp = new NetworkCredential(\"mailer\", Vault.Get(\"" + Password + "\"));")] // an argument of another call
    [InlineData("var smtp = new NetworkCredential(\"" + Password + "\", password);")] // the user name's position
    [InlineData("// NetworkCredential(user, password): the password comes from the vault")] // a comment about it
    [InlineData("var c = new NetworkCredential(user, pass); // \"" + Password + "\"")] // a literal after the call
    [InlineData("var t = new Tuple<string, string>(\"mailer\", \"" + Password + "\");")] // other constructors
    [InlineData("var c = new MyNetworkCredential(\"mailer\", \"" + Password + "\");")]
    [InlineData("var c = new Acme.NetworkCredential(\"mailer\", \"" + Password + "\");")]
    [InlineData("var c = new NetworkCredentials(\"mailer\", \"" + Password + "\");")]
    [InlineData("var c = CredentialCache.DefaultNetworkCredentials; Log(\"mailer\", \"" + Password + "\");")]
    [InlineData("NetworkCredential smtp = Create(\"mailer\", \"" + Password + "\");")] // not a constructor
    public void NotAPasswordLiteral_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void WithoutContext_NoReport() =>
        Assert.Empty(SecretScanner.Scan("var smtp = new NetworkCredential(\"mailer\", \"" + Password + "\");", new SecretScanOptions { IncludeContext = false }));
}
