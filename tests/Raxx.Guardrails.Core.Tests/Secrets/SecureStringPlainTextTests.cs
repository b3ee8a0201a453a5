using System;
using System.Linq;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// PowerShell's <c>ConvertTo-SecureString '…' -AsPlainText [-Force]</c>: the literal is a password by construction (the
/// only reason to pass -AsPlainText), so it is reported under the password rules wherever the cmdlet reads it — its
/// -String argument, its first positional argument, or a literal piped into it — also inside a PSCredential
/// construction and over back-tick continuations. Variables, expressions, secrets stores, prompts, placeholders and
/// workflow expressions stay clean. Both scan paths. Values are fake.
/// </summary>
public class SecureStringPlainTextTests
{
    private const string Password = "P@ssw0rd!2024";
    private const string Key = "ConvertTo-SecureString -AsPlainText";

    [Theory]
    // the forms: positional, -String, piped (single and double quotes), -String after the switches
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force", 1)]
    [InlineData("$sec = ConvertTo-SecureString -String '" + Password + "' -AsPlainText -Force", 1)]
    [InlineData("$sec = '" + Password + "' | ConvertTo-SecureString -AsPlainText -Force", 1)]
    [InlineData("$sec = \"" + Password + "\" | ConvertTo-SecureString -AsPlainText -Force", 1)]
    [InlineData("$sec = ConvertTo-SecureString -AsPlainText -Force -String '" + Password + "'", 1)]
    [InlineData("$sec = ConvertTo-SecureString -AsPlainText -Force '" + Password + "'", 1)]
    // -String:'…' and -AsPlainText:$true, a -Str prefix, the spellings people write
    [InlineData("$sec = ConvertTo-SecureString -String:'" + Password + "' -AsPlainText:$true -Force", 1)]
    [InlineData("$sec = ConvertTo-SecureString -Str \"" + Password + "\" -Force -AsPlainText", 1)]
    [InlineData("$sec = convertto-securestring '" + Password + "' -asplaintext -force", 1)]
    [InlineData("$sec = ConvertTo-SecureString \"" + Password + "\" -asPlainText -force", 1)]
    // inside a credential construction ([pscredential]::new, New-Object PSCredential, -ArgumentList)
    [InlineData("$cred = [pscredential]::new('deploy', (ConvertTo-SecureString '" + Password + "' -AsPlainText -Force))", 1)]
    [InlineData("$cred = New-Object System.Management.Automation.PSCredential ('deploy', (ConvertTo-SecureString '" + Password + "' -AsPlainText -Force))", 1)]
    [InlineData("$cred = New-Object PSCredential -ArgumentList 'deploy', (ConvertTo-SecureString -String \"" + Password + "\" -AsPlainText -Force)", 1)]
    [InlineData("Invoke-Deploy -Credential ([pscredential]::new('deploy', ('" + Password + "' | ConvertTo-SecureString -AsPlainText -Force)))", 1)]
    // over back-tick continuations: the literal before, or after, the switch's line
    [InlineData("$sec = ConvertTo-SecureString `\n    -String '" + Password + "' `\n    -AsPlainText `\n    -Force", 2)]
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "' `\n    -AsPlainText -Force\nConnect-Db $sec", 1)]
    [InlineData("$sec = ConvertTo-SecureString -AsPlainText -Force `\r\n    -String '" + Password + "'\r\n", 2)]
    // a pwsh step of a workflow (RAXX402 scans workflow YAML as text)
    [InlineData("    steps:\n      - shell: pwsh\n        run: |\n          $pw = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force\n", 4)]
    // a password of letters only (two letter classes, 10+ characters) under the password rules
    [InlineData("$sec = ConvertTo-SecureString 'CorrectHorseBattery' -AsPlainText -Force", 1)]
    public void PlainTextLiteral_Reports(string text, int line)
    {
        var value = text.Contains(Password, StringComparison.Ordinal) ? Password : "CorrectHorseBattery";
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(SecretKind.Context, m.Kind);
        Assert.Equal("password", m.Provider);
        Assert.Equal(Key, m.KeyName);
        Assert.Equal((line, line), (m.Line, m.EndLine));
        var lineText = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[line - 1];
        Assert.Equal(lineText.IndexOf(value, StringComparison.Ordinal) + 1, m.Column);
        Assert.Equal(value.Length, m.Length);
        Assert.DoesNotContain(value, m.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        // the reference scan (netstandard2.0 hosts) finds the same
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.Line, m.Column, m.KeyName, m.Hash), (r.Offset, r.Line, r.Column, r.KeyName, r.Hash));
    }

    [Fact]
    public void TwoCallsOnALine_BothReported()
    {
        const string text = "$a = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force; $b = ConvertTo-SecureString 'Tq4!zWm8Lp2x' -AsPlainText -Force";
        var found = SecretScanner.Scan(text);
        Assert.Equal(new[] { text.IndexOf(Password, StringComparison.Ordinal), text.IndexOf("Tq4!", StringComparison.Ordinal) }, found.Select(m => m.Offset));
        Assert.Equal(found.Select(m => m.Offset), SecretScanner.ScanReference(text).Select(m => m.Offset));
    }

    /// <summary>A commented-out call is still a credential in the repository: the text scan reports it, as it reports a
    /// commented-out assignment or NetworkCredential call.</summary>
    [Fact]
    public void CommentedOutCall_Reports()
    {
        const string text = "# $sec = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force";
        Assert.Equal(text.IndexOf(Password, StringComparison.Ordinal), Assert.Single(SecretScanner.Scan(text)).Offset);
        Assert.Single(SecretScanner.ScanReference(text));
    }

    [Theory]
    // variables, the environment, secret stores, expressions: the password is not in the file
    [InlineData("$sec = ConvertTo-SecureString -AsPlainText -Force -String $x")]
    [InlineData("$sec = ConvertTo-SecureString $secret -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString (Get-Secret -Name DeployPassword -AsPlainText) -AsPlainText -Force")]
    [InlineData("$sec = (Get-Secret -Name DeployPassword -AsPlainText) | ConvertTo-SecureString -AsPlainText -Force")]
    [InlineData("$sec = $password | ConvertTo-SecureString -AsPlainText -Force")]
    [InlineData("$password = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString \"$env:DEPLOY_PASSWORD\" -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString \"$($config.Password)\" -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString \"P@ss$suffix2024\" -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString ('P@ss' + 'w0rd!2024') -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString 'P@ss','w0rd!2024' -AsPlainText -Force")]
    // prompts
    [InlineData("$sec = Read-Host -AsSecureString")]
    [InlineData("$sec = Read-Host 'Deploy password 2024' -AsSecureString")]
    // placeholders, workflow expressions, empty
    [InlineData("$sec = ConvertTo-SecureString '<password>' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString 'changeme' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString '${{ secrets.DEPLOY_PASSWORD }}' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString \"${{ secrets.DEPLOY_PASSWORD }}\" -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString '' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString -String '' -AsPlainText -Force")]
    // no -AsPlainText: an encrypted standard string (or a key), not plain text
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "'")]
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "' -Key $key")]
    // -AsPlainText of another command
    [InlineData("$pw = Get-Secret 'DeployPassword2024' -AsPlainText")]
    [InlineData("$pw = ConvertFrom-SecureString $sec -AsPlainText")]
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "' | Write-Output -AsPlainText")]
    [InlineData("'" + Password + "' | Out-File pw.txt; $sec = ConvertTo-SecureString $x -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "'\n-AsPlainText -Force")]
    // not the cmdlet
    [InlineData("$sec = Test-ConvertTo-SecureString '" + Password + "' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureStringEx '" + Password + "' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString '" + Password + "' -AsPlainTextual")]
    // prose in comments
    [InlineData("# Never pass a literal to ConvertTo-SecureString with -AsPlainText; read it from the vault.")]
    [InlineData("# ConvertTo-SecureString <password> -AsPlainText -Force")]
    // a credential built from a variable
    [InlineData("$cred = New-Object PSCredential('deploy', $sec)")]
    [InlineData("$cred = [pscredential]::new('deploy', $sec)")]
    [InlineData("$cred = New-Object System.Management.Automation.PSCredential -ArgumentList 'deploy', $sec")]
    public void NotAPlainTextLiteral_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void WithoutContext_NoReport()
    {
        const string text = "$sec = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force";
        Assert.Empty(SecretScanner.Scan(text, new SecretScanOptions { IncludeContext = false }));
    }

    [Fact]
    public void SuppressedOnTheLiteralLine_NoReport()
    {
        const string text = "# raxx:allow-credential throw-away lab VM, rotated nightly\n$sec = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force";
        Assert.Empty(SecretScanner.Scan(text));
    }

    /// <summary>A provider token passed as the plain text stays the provider's finding (on both paths), also when the
    /// literal is on a later line than the cmdlet (the reference scan adds the plain-text finding on the literal's line,
    /// after that line's provider findings, as the trigger-driven scan does).</summary>
    [Theory]
    [InlineData("$sec = ConvertTo-SecureString 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z' -AsPlainText -Force")]
    [InlineData("$sec = ConvertTo-SecureString -AsPlainText -Force `\n    -String 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z'")]
    public void ProviderTokenAsPlainText_StaysTheProviderFinding(string text)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Provider, "stripe", null), (m.Kind, m.Provider, m.KeyName));
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Kind, m.Provider, m.KeyName), (r.Kind, r.Provider, r.KeyName));
    }
}
