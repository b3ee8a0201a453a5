using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using static Raxx.Guardrails.Core.Tests.Secrets.ContextScanAssert;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Values on a later line than their name: a shell line continuation between a command-line password option and its value
/// (<c>mysqladmin --password \</c>⏎<c>  '…' status</c>, <c>docker login -u me -p \</c>⏎<c>  …</c>), and a PowerShell
/// here-string whose body is one value with blanks or blank lines around it, also given to a secret parameter
/// (<c>-Password @'</c>⏎<c>…</c>⏎<c>'@</c>). Before, the continuation was not followed and only a body of exactly one
/// unindented line assigned with '=' was read. Look-alikes: another option after the continuation, shell expansions, CI
/// references, a comment, an escaped blank (<c>\ </c>), a prompting <c>mysql -p \</c>, a body that is a document (a script,
/// JSON, several lines). And: a provider token, Azure AD secret, Mailchimp key or URL password as such a value (also YAML's
/// next-line value and the back-tick continuation) is named by the key alike on both scan paths (before, the reference scan
/// judged it before meeting its line: another kind, or no key). Values are fake.
/// </summary>
public sealed class LineContinuationAndHereStringBodyTests : IDisposable
{
    private const string Pw = "Xy7#kq93Lm";
    private const string Token = "k7QpL2mZx9RtWv4YbN8cJ3";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    private static void AssertSingleOnAllPaths(string text, SecretKind kind, string key, string value, int line)
    {
        var m = AssertSingleOnEveryPath(text);
        var lineText = text.Split('\n')[line - 1];
        Assert.Equal((kind, key, line, lineText.IndexOf(value, StringComparison.Ordinal) + 1, value.Length),
            (m.Kind, m.KeyName, m.Line, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        // and with CRLF line ends
        var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var c = Assert.Single(SecretScanner.Scan(crlf));
        var cr = Assert.Single(SecretScanner.ScanReference(crlf));
        Assert.Equal((m.Hash, m.KeyName, m.Line), (c.Hash, c.KeyName, c.Line));
        Assert.Equal((m.Hash, m.KeyName, m.Line), (cr.Hash, cr.KeyName, cr.Line));
    }

    [Theory]
    [InlineData("mysqladmin --password \\\n  'S3cr3t-Passw0rd!' status", "--password", "S3cr3t-Passw0rd!")]
    [InlineData("docker login -u me --password \\\n  hunter2Xy9!Lm", "--password", "hunter2Xy9!Lm")]
    [InlineData("docker login -u me -p \\\n  hunter2Xy9!Lm registry.example.com", "login -p", "hunter2Xy9!Lm")]
    [InlineData("sshpass -p \\\n\t\"" + Pw + "\" ssh deploy@host", "sshpass -p", Pw)]
    [InlineData("RUN apt-get update && \\\n    tool --api-key \\\n      " + Token + " \\\n      --verbose", "--api-key", Token)]
    [InlineData("tool --client-secret  \\\n'" + Token + "'; echo done", "--client-secret", Token)]
    [InlineData("helm registry login r.example -u ci -p \\\n    " + Pw + " && helm push x", "login -p", Pw)]
    public void ShellContinuation_ValueOnTheNextLine_Reports(string text, string key, string value)
    {
        var line = text.Split('\n').Select((l, i) => (l, i)).Last(x => x.l.Contains(value, StringComparison.Ordinal)).i + 1;
        AssertSingleOnAllPaths(text, SecretKind.Context, key, value, line);
    }

    [Theory]
    [InlineData("tool --password \\\n  --verbose")] // another option, not a value
    [InlineData("tool --password \\\n  --user admin " + Pw)]
    [InlineData("docker login -u me --password \\\n  \"$REGISTRY_PASSWORD\" ghcr.io")]
    [InlineData("docker login -u me -p \\\n  ${{ secrets.REGISTRY_PASSWORD }} ghcr.io")]
    [InlineData("docker login -u me -p \\\n  $REGISTRY_PASSWORD ghcr.io")]
    [InlineData("sshpass -p \\\n  \"$(cat /run/secrets/ssh)\" ssh host")]
    [InlineData("tool --password \\\n  `cat pw`")]
    [InlineData("tool --password \\\n  #" + Pw)] // a comment: no value
    [InlineData("tool --password \\ \n  " + Pw)] // "\ " escapes the blank: the value is " "
    [InlineData("tool --password\\\n  " + Pw)] // "--password" joined to the next word: not read
    [InlineData("tool --password \\\n  changeme")]
    [InlineData("tool --password \\\n  <password>")]
    [InlineData("tool --password \\\n\n" + Pw)] // an empty line ends the command
    [InlineData("tool --password \\\n  \\\n  " + Pw)]
    [InlineData("tool --password \\")]
    [InlineData("mysql -u root -p \\\n  " + Pw)] // mysql -p prompts; the next word is the database
    [InlineData("docker login -u me --password-stdin \\\n  " + Pw)]
    [InlineData("tool --token-file \\\n  " + Token)]
    [InlineData("tool --password-length \\\n  24")]
    [InlineData("tool --path \\\n  " + Pw)] // not a secret name
    [InlineData("docker run -p \\\n  " + Pw)] // not a password tool
    [InlineData("tool --password `\n  " + Pw)] // a back-tick is PowerShell's continuation: the long options read '\' only
    public void NotALiteralAfterTheContinuation_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
        Assert.Empty(SecretScanner.Scan(new string(' ', 40) + text, null, vectorPass: false));
    }

    [Theory]
    [InlineData("$Password = @'\n    " + Pw + "\n'@", "Password")]
    [InlineData("$Password = @'\n" + Pw + " \t\n'@", "Password")]
    [InlineData("$Password = @'\n\n" + Pw + "\n\n'@", "Password")]
    [InlineData("$Password = @\"\n\t" + Pw + "\n\"@ | ConvertTo-SecureString -AsPlainText -Force", "Password")]
    [InlineData("$ApiKey = @'\n\n\n" + Token + "\n'@", "ApiKey")]
    [InlineData("Connect-Lab -Server lab01 -Password @'\n" + Pw + "\n'@", "-Password")]
    [InlineData("Connect-Lab -ApiKey:@\"\n  " + Token + "\n\"@ -Verbose", "-ApiKey")]
    [InlineData("$settings = @{\n    Password = @'\n" + Pw + "\n'@\n}", "Password")]
    [InlineData("New-Thing -Password @() -Token '" + Token + "'", "-Token")] // an array, not a here-string: the line is read on
    [InlineData("New-Thing -Password @'x -Token '" + Token + "'", "-Token")]
    public void HereStringBodyOfOneValue_Reports(string text, string key)
    {
        var value = text.Contains(Pw, StringComparison.Ordinal) ? Pw : Token;
        var line = text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(value, StringComparison.Ordinal)).i + 1;
        AssertSingleOnAllPaths(text, SecretKind.Context, key, value, line);
    }

    [Theory]
    [InlineData("$Password = @'\nGet-Secret -Name Db\n" + Pw + "\n'@")] // a script
    [InlineData("$Password = @'\n" + Pw + "\n" + Pw + "\n'@")]
    [InlineData("$Password = @'\n{\n  \"password\": \"<password>\"\n}\n'@")] // a JSON document
    [InlineData("$Password = @'\n{\"a\": \"" + Pw + "\"}\n'@")]
    [InlineData("$Password = @'\n\n\n\n\n" + Pw + "\n'@")] // past the lines a value's body may have
    [InlineData("$Password = @'\n" + Pw + "\n\n\n\n\n'@")]
    [InlineData("$Password = @\"\n  $env:DB_PASSWORD\n\"@")]
    [InlineData("$Password = @\"\n\n" + Pw + "$suffix\n\"@")]
    [InlineData("$Password = @'\n\n\n'@")]
    [InlineData("$Password = @'\n  changeme  \n'@")]
    [InlineData("$Password = @'\n    " + Pw + "\n    '@")] // not closed: the terminator must start its line
    [InlineData("$Script = @'\n" + Pw + "\n'@")]
    [InlineData("Connect-Lab -Credential @'\nCONTOSO\\svc-app01\n'@")]
    [InlineData("Connect-Lab -Password @'\nWrite-Host hi\n" + Pw + "\n'@")]
    [InlineData("Connect-Lab -Password @' x\n" + Pw + "\n'@")]
    [InlineData("Connect-Lab -Password @'\n" + Pw)]
    public void HereStringThatIsNotOneValue_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
        Assert.Empty(SecretScanner.Scan(new string(' ', 40) + text, null, vectorPass: false));
    }

    /// <summary>
    /// Findings a value's own line holds (a provider token, an Azure AD secret, a Mailchimp key, a URL's password) are named by
    /// the key on the line before, alike on both scan paths, for every reader of a later-line value.
    /// </summary>
    [Theory]
    [InlineData("client_secret:\n  {0}")]
    [InlineData("$ClientSecret = @'\n{0}\n'@")]
    [InlineData("Connect-Lab -ClientSecret `\n  '{0}'")]
    [InlineData("Connect-Lab -ClientSecret @'\n  {0}\n'@")]
    [InlineData("tool --client-secret \\\n  '{0}' --verbose")]
    public void FindingOfTheValuesLine_IsNamedByTheKey_OnBothPaths(string shape)
    {
        var values = new[]
        {
            ("bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR", "azure-ad"),
            ("cefa780880ba5f5696192a34f6292c35-us18", "mailchimp"),
            ("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", "github"),
            ("postgres://app:S3cretPassw0rd@db.internal/app", "db-connection-string"),
        };
        foreach (var (value, provider) in values)
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, value);
            var m = Assert.Single(SecretScanner.Scan(text));
            var r = Assert.Single(SecretScanner.ScanReference(text));
            Assert.Equal((provider, 2), (m.Provider, m.Line));
            Assert.NotNull(m.KeyName);
            Assert.Equal((m.Offset, m.Length, m.Kind, m.KeyName, m.Provider, m.Hash), (r.Offset, r.Length, r.Kind, r.KeyName, r.Provider, r.Hash));
        }
    }

    /// <summary>
    /// The value's line also holds a NetworkCredential call or a <c>ConvertTo-SecureString … -AsPlainText</c> reading the same
    /// literal: the finding keeps the name the trigger-driven scan gives it (the one found first there) on both paths.
    /// </summary>
    [Theory]
    [InlineData("Connect-Lab -Password `\n    '" + Pw + "' | ConvertTo-SecureString -AsPlainText -Force", "ConvertTo-SecureString -AsPlainText")]
    [InlineData("tool --password \\\n  '" + Pw + "' | ConvertTo-SecureString -AsPlainText -Force", "ConvertTo-SecureString -AsPlainText")]
    [InlineData("docker login -p \\\n  '" + Pw + "' | ConvertTo-SecureString -AsPlainText", "ConvertTo-SecureString -AsPlainText")]
    [InlineData("sshpass -p \\\n  '" + Pw + "'; $c = New-Object Net.NetworkCredential('u', '" + Pw + "')", "sshpass -p")]
    public void CallOnTheValuesLine_SameNameOnBothPaths(string text, string key)
    {
        var m = SecretScanner.Scan(text).First();
        Assert.Equal((2, key), (m.Line, m.KeyName));
        Assert.Equal(
            SecretScanner.Scan(text).Select(x => (x.Offset, x.Length, x.KeyName, x.Hash)),
            SecretScanner.ScanReference(text).Select(x => (x.Offset, x.Length, x.KeyName, x.Hash)));
    }

    [Fact]
    public void Raxx402_ReportsValuesAfterAContinuationOrInAHereString()
    {
        _repo.Write("scripts/db.sh", "#!/bin/sh\nmysqladmin -u root --password \\\n  '" + Pw + "' status\nmysql -u root -p \\\n  app\n")
            .Write("Dockerfile", "FROM alpine\nRUN docker login -u ci -p \\\n      \"$P\" r.example && \\\n    sshpass -p \\\n      " + Pw + " scp host:/x /x\n")
            .Write("deploy.ps1", "$Password = @'\r\n    " + Pw + "\r\n'@\r\n$Script = @'\r\nWrite-Host " + Pw + "\r\n'@\r\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { ("Dockerfile", 5, 7), ("deploy.ps1", 2, 5), ("scripts/db.sh", 3, 4) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        Assert.Contains("assigned to 'sshpass -p'", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to 'Password'", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to '--password'", findings[2].Message, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.DoesNotContain(Pw, f.Message, StringComparison.Ordinal));
    }
}
