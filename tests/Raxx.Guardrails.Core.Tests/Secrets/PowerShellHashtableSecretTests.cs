using System;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// PowerShell hashtables and splatting with a secret-named key (<c>-Property @{Password='…'}</c>, <c>$params = @{ ApiKey =
/// "…"; Uri = … }</c>, <c>@{ 'client_secret' = '…' }</c>): the context rule (key = value) already reads them on one line with
/// ';' separators and over several lines; these tests pin that, with the nearest look-alikes. Values are fake.
/// </summary>
public class PowerShellHashtableSecretTests
{
    [Theory]
    [InlineData("$o = New-Object PSObject -Property @{Password='Vm8kRq2LpZx7'; User='u'}", "Password", "Vm8kRq2LpZx7", 1)]
    [InlineData("$h = @{User='u';Password='Vm8kRq2LpZx7'}", "Password", "Vm8kRq2LpZx7", 1)]
    [InlineData("$h = @{ User = 'u'; Password = \"Vm8kRq2LpZx7\" }", "Password", "Vm8kRq2LpZx7", 1)]
    [InlineData("$h = @{\"Password\"=\"Vm8kRq2LpZx7\"}", "Password", "Vm8kRq2LpZx7", 1)]
    [InlineData("$h = [ordered]@{ 'Password' = 'CorrectHorseBattery' }", "Password", "CorrectHorseBattery", 1)]
    [InlineData("$params = @{ ApiKey = \"k7QpL2mZx9RtWv4YbN8c\"; Uri = 'https://api.example.com' }", "ApiKey", "k7QpL2mZx9RtWv4YbN8c", 1)]
    [InlineData("$h = @{ 'client_secret' = 'k7QpL2mZx9RtWv4YbN8cJ3' }", "client_secret", "k7QpL2mZx9RtWv4YbN8cJ3", 1)]
    [InlineData("Invoke-RestMethod -Uri $u -Body @{ username = 'svc'; password = 'Vm8kRq2LpZx7' }", "password", "Vm8kRq2LpZx7", 1)]
    [InlineData("$params = @{\n    Uri = 'https://api.example.com'\n    ApiKey = \"k7QpL2mZx9RtWv4YbN8c\"\n}\nInvoke-Api @params", "ApiKey", "k7QpL2mZx9RtWv4YbN8c", 3)]
    [InlineData("$params = @{\r\n    User = 'svc'\r\n    Password = 'Vm8kRq2LpZx7'\r\n}\r\n", "Password", "Vm8kRq2LpZx7", 3)]
    public void SecretKeyInAHashtable_Reports(string text, string key, string value, int line)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Context, key, line, value.Length), (m.Kind, m.KeyName, m.Line, m.Length));
        var lineText = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[line - 1];
        Assert.Equal(lineText.IndexOf(value, StringComparison.Ordinal) + 1, m.Column);
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        Assert.Equal(m.Offset, Assert.Single(SecretScanner.ScanReference(text)).Offset);
    }

    [Theory]
    [InlineData("$h = @{Password=$secret}")]
    [InlineData("$h = @{Password=$env:DB_PASSWORD; User='u'}")]
    [InlineData("$h = @{ Password = (Get-Secret -Name Db -AsPlainText) }")]
    [InlineData("$h = @{ Password = Read-Host -AsSecureString }")]
    [InlineData("$h = @{Password='<password>'}")]
    [InlineData("$h = @{Password='changeme'}")]
    [InlineData("$h = @{Password='${{ secrets.DB_PASSWORD }}'}")]
    [InlineData("$h = @{Password=''}")]
    [InlineData("$h = @{Password=\"$pw\"}")]
    [InlineData("$h = @{ ApiKeyName = 'deploy-key-2024-primary'; PasswordLength = 24 }")]
    [InlineData("$params = @{\n    Uri = 'https://api.example.com'\n    ApiKey = $env:API_KEY\n}")]
    public void NotALiteralSecret_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }
}
