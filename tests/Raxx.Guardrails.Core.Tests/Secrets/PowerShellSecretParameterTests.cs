using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// A PowerShell named parameter whose name names a secret, given a string literal (<c>Connect-Thing -Password '…'</c>,
/// <c>New-LocalUser -Name x -Password "…"</c>, <c>-Token</c>, <c>-ApiKey</c>, <c>-ClientSecret</c>, <c>-NewPassword:'…'</c>): the
/// parameter is the key, the literal is judged by the context value rules. Before, only <c>name = value</c> / <c>name: value</c>
/// was read. Look-alikes: variables, sub-expressions, expandable strings, empty strings, placeholders, metadata and switch
/// parameters, <c>-Credential 'DOMAIN\user'</c> (a user name). (<c>--password '…'</c> is a command line's long option:
/// CommandLinePasswordTests.) Values are fake.
/// </summary>
public sealed class PowerShellSecretParameterTests : IDisposable
{
    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("Connect-Something -Password 'Xy7#kq93Lm'", "-Password", "Xy7#kq93Lm")]
    [InlineData("New-LocalUser -Name svc -Password \"Xy7#kq93Lm\" -FullName 'Service'", "-Password", "Xy7#kq93Lm")]
    [InlineData("Connect-Api -Uri $u -Token 'k7QpL2mZx9RtWv4YbN8cJ3'", "-Token", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("Invoke-Thing -ApiKey \"k7QpL2mZx9RtWv4YbN8cJ3\" | Out-Null", "-ApiKey", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("Connect-Graph -TenantId $t -ClientSecret 'k7QpL2mZx9RtWv4YbN8cJ3'; Get-Thing", "-ClientSecret", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("Set-ADAccountPassword -Identity svc -NewPassword:'Xy7#kq93Lm' -Reset", "-NewPassword", "Xy7#kq93Lm")]
    [InlineData("Publish-Module -Path . -NuGetApiKey 'k7QpL2mZx9RtWv4YbN8cJ3'", "-NuGetApiKey", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("    -password 'Xy7#kq93Lm' `", "-password", "Xy7#kq93Lm")]
    [InlineData("-Password 'Xy7#kq93Lm'", "-Password", "Xy7#kq93Lm")]
    [InlineData("$r = (Connect-Db -Password 'Xy7#kq93Lm')", "-Password", "Xy7#kq93Lm")]
    [InlineData("Connect-Db -Password1 'Xy7#kq93Lm'", "-Password1", "Xy7#kq93Lm")]
    [InlineData("Connect-Db -Password 'CorrectHorseBattery'", "-Password", "CorrectHorseBattery")]
    public void SecretParameterWithALiteral_Reports(string text, string key, string value)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Context, key, text.IndexOf(value, StringComparison.Ordinal) + 1, value.Length), (m.Kind, m.KeyName, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.KeyName, m.Hash), (r.Offset, r.KeyName, r.Hash));
    }

    [Fact]
    public void ProviderTokenGivenToASecretParameter_IsNamedByIt()
    {
        const string text = "Connect-Stripe -ApiKey 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z'";
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Provider, "-ApiKey"), (m.Kind, m.KeyName));
        Assert.Equal("-ApiKey", Assert.Single(SecretScanner.ScanReference(text)).KeyName);
    }

    [Theory]
    [InlineData("Connect-Something -Password $pw")]
    [InlineData("Connect-Something -Password $env:DB_PASSWORD")]
    [InlineData("Connect-Something -Password (Read-Host -AsSecureString)")]
    [InlineData("Connect-Something -Password $(Get-Secret Db -AsPlainText)")]
    [InlineData("Connect-Something -Password \"$pw-Xy7#kq93Lm\"")]
    [InlineData("Connect-Something -Password \"Xy7#kq`$93Lm\"")]
    [InlineData("New-LocalUser -Name svc -PasswordNeverExpires -Description 'Xy7#kq93Lm-service'")]
    [InlineData("Connect-Something -Password ''")]
    [InlineData("Connect-Something -Password 'changeme'")]
    [InlineData("Connect-Something -Password '<password>'")]
    [InlineData("Connect-Something -Password '${{ secrets.DB_PASSWORD }}'")]
    [InlineData("Connect-Something -Password 'Xy7#kq93Lm'+$suffix")]
    [InlineData("Connect-Something -Password 'Xy7#kq93Lm', 'Ab3$kq93Lm'")]
    [InlineData("Invoke-RestMethod -Uri $u -TokenType 'Bearer' -Token $t")]
    [InlineData("Get-Help Connect-Something -Parameter Password")]
    [InlineData("Get-Help Connect-Something -Parameter 'Password'")]
    [InlineData("Enter-PSSession -ComputerName srv01 -Credential 'CONTOSO\\svc-deploy01'")]
    [InlineData("Start-Job -ScriptBlock $b -Credential \"svc-deploy01@contoso.example\"")]
    [InlineData("Start-Process -FilePath pwsh -PassThru 'Deploy2024Script'")]
    [InlineData("Get-Thing -PasswordLength 'Xy7#kq93Lm24'")]
    [InlineData("Get-Thing -SecretName 'k7QpL2mZx9RtWv4YbN8cJ3'")]
    [InlineData("Get-Thing -TokenId1 'k7QpL2mZx9RtWv4YbN8cJ3'")]
    [InlineData("Get-Thing -Key 'k7QpL2mZx9RtWv4YbN8cJ3'")]
    [InlineData("Connect-Something -Password 'short1'")]
    [InlineData("Connect-Something -Token 'abc123'")]
    [InlineData("x=1-Password 'Xy7#kq93Lm'")]
    [InlineData("Connect-Something -Password 'Xy7#kq93Lm")]
    public void NotALiteralSecretParameter_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void Raxx402_ReportsSecretParameters_InScripts_AtTheLiteral_Redacted()
    {
        _repo.Write("scripts/setup.ps1", "param([string]$Name)\n# -Password $pw is read at run time\nNew-LocalUser -Name $Name -Password $pw\nConnect-Lab -Server lab01 `\n    -Password 'Xy7#kq93Lm' `\n    -Verbose\nConnect-Api -ApiKey \"k7QpL2mZx9RtWv4YbN8cJ3\"\nNew-LocalUser -Name x -PasswordNeverExpires\n")
            .Write("scripts/clean.ps1", "Connect-Lab -Password (Read-Host -AsSecureString)\nConnect-Lab -Password 'changeme'\nInvoke-RestMethod -TokenType 'Bearer' -Token $token\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.StartLine).ToArray();
        Assert.Equal(
            new[] { ("scripts/setup.ps1", 5, 16), ("scripts/setup.ps1", 7, 22) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        Assert.Contains("assigned to '-Password'", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to '-ApiKey'", findings[1].Message, StringComparison.Ordinal);
        foreach (var f in findings)
        {
            Assert.DoesNotContain("Xy7#kq93Lm", f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("k7QpL2mZx9RtWv4YbN8cJ3", f.Message, StringComparison.Ordinal);
        }
    }
}
