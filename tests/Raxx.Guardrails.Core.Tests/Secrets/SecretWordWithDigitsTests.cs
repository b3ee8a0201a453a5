using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// A secret word followed by a number in a key (<c>$Password1</c>, <c>PASSWORD2</c>, <c>db_password2</c>, <c>"Password1"</c>,
/// <c>apiKey2</c>): the number does not start a word of its own ("password1" is one word), so before, "password1" was no
/// secret word and the key named nothing. A trailing number on a word no longer hides what the word says — for the secret
/// words and for the metadata words that unname them (<c>PasswordLength2</c>, <c>TokenId1</c>), while words that only end in
/// digits (<c>Md5</c>, <c>Sha256</c>, <c>Base64</c>, <c>Utf8</c>, <c>Http2</c>) name nothing new. Values are fake.
/// </summary>
public sealed class SecretWordWithDigitsTests : IDisposable
{
    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Raxx402_ReportsNumberedSecretNames_InScriptsAndConfig()
    {
        _repo.Write("scripts/setup.ps1", "$Password = $env:LAB_PASSWORD\n$Password1 = 'Xy7#kq93Lm'\n$PasswordLength2 = 'Xy7#kq93Lm24'\n")
            .Write("deploy/.env", "PASSWORD=\nPASSWORD2=Xy7#kq93Lm\nTOKEN_TTL2=k7QpL2mZx9RtWv4YbN8cJ3\n")
            .Write("config/app.yaml", "db:\n  db_password2: Xy7#kq93Lm\n  apiVersion2: 2024-06-01-k7QpL2\n")
            .Write("config/app.json", "{\n  \"Password1\": \"Xy7#kq93Lm\",\n  \"TokenId1\": \"k7QpL2mZx9RtWv4YbN8cJ3\"\n}\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { ("config/app.json", 2, 17), ("config/app.yaml", 2, 17), ("deploy/.env", 2, 11), ("scripts/setup.ps1", 2, 15) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        foreach (var f in findings)
        {
            Assert.DoesNotContain("Xy7#kq93Lm", f.Message, StringComparison.Ordinal);
        }
        Assert.Contains("assigned to 'Password1'", findings[3].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Password1", KeyNameClass.Password)]
    [InlineData("Password123", KeyNameClass.Password)]
    [InlineData("PASSWORD2", KeyNameClass.Password)]
    [InlineData("db_password2", KeyNameClass.Password)]
    [InlineData("dbPassword2", KeyNameClass.Password)]
    [InlineData("adminPassword01", KeyNameClass.Password)]
    [InlineData("pwd2", KeyNameClass.Password)]
    [InlineData("Token2", KeyNameClass.Secret)]
    [InlineData("GITHUB_TOKEN_2", KeyNameClass.Secret)]
    [InlineData("githubToken2", KeyNameClass.Secret)]
    [InlineData("ClientSecret1", KeyNameClass.Secret)]
    [InlineData("apiKey2", KeyNameClass.Secret)]
    [InlineData("API_KEY2", KeyNameClass.Secret)]
    [InlineData("Credentials3", KeyNameClass.Secret)]
    // metadata words keep unnaming the key with a number after them, and a lone "key" stays unqualified
    [InlineData("PasswordLength2", KeyNameClass.NotSecret)]
    [InlineData("TokenId1", KeyNameClass.NotSecret)]
    [InlineData("Secret2Name", KeyNameClass.NotSecret)]
    [InlineData("key1", KeyNameClass.NotSecret)]
    [InlineData("apiVersion2", KeyNameClass.NotSecret)]
    [InlineData("pass1Count", KeyNameClass.NotSecret)]
    [InlineData("passwordMinLength8", KeyNameClass.NotSecret)]
    [InlineData("TOKEN_TTL2", KeyNameClass.NotSecret)]
    // words that end in digits are not secret words
    [InlineData("Md5", KeyNameClass.NotSecret)]
    [InlineData("Sha256", KeyNameClass.NotSecret)]
    [InlineData("Base64", KeyNameClass.NotSecret)]
    [InlineData("Utf8", KeyNameClass.NotSecret)]
    [InlineData("Http2", KeyNameClass.NotSecret)]
    [InlineData("contentMd5", KeyNameClass.NotSecret)]
    [InlineData("fileSha256", KeyNameClass.NotSecret)]
    [InlineData("base64Data", KeyNameClass.NotSecret)]
    [InlineData("utf8Bytes", KeyNameClass.NotSecret)]
    [InlineData("http2Enabled", KeyNameClass.NotSecret)]
    [InlineData("ipv4", KeyNameClass.NotSecret)]
    [InlineData("x509", KeyNameClass.NotSecret)]
    public void KeyNames_WithTrailingDigits_Classify(string name, KeyNameClass expected) => Assert.Equal(expected, SecretKeyNames.Classify(name));

    [Theory]
    [InlineData("$Password1 = 'Xy7#kq93Lm'", "Password1", "Xy7#kq93Lm")]
    [InlineData("$Password123 = \"Xy7#kq93Lm\"", "Password123", "Xy7#kq93Lm")]
    [InlineData("PASSWORD2=Xy7#kq93Lm", "PASSWORD2", "Xy7#kq93Lm")]
    [InlineData("  db_password2: Xy7#kq93Lm", "db_password2", "Xy7#kq93Lm")]
    [InlineData("  \"Password1\": \"Xy7#kq93Lm\",", "Password1", "Xy7#kq93Lm")]
    [InlineData("GITHUB_TOKEN_2=k7QpL2mZx9RtWv4YbN8cJ3", "GITHUB_TOKEN_2", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("apiKey2: \"k7QpL2mZx9RtWv4YbN8cJ3\"", "apiKey2", "k7QpL2mZx9RtWv4YbN8cJ3")]
    public void SecretWordWithANumber_Reports(string text, string key, string value)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Context, key, text.IndexOf(value, StringComparison.Ordinal) + 1, value.Length), (m.Kind, m.KeyName, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.KeyName, m.Hash), (r.Offset, r.KeyName, r.Hash));
    }

    [Theory]
    [InlineData("$PasswordLength2 = 'Xy7#kq93Lm24'")]
    [InlineData("TokenId1=k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("Secret2Name: k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("key1 = \"k7QpL2mZx9RtWv4YbN8cJ3\"")]
    [InlineData("apiVersion2: \"2024-06-01-preview-k7QpL2\"")]
    [InlineData("$pass1Count = 'Xy7#kq93Lm24'")]
    [InlineData("contentMd5 = \"9e107d9d372bb6826bd81d3542a419d6\"")]
    [InlineData("fileSha256: \"d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592\"")]
    [InlineData("base64Data = \"k7QpL2mZx9RtWv4YbN8cJ3\"")]
    [InlineData("$Password1 = $env:DB_PASSWORD")]
    [InlineData("$Password1 = 'changeme'")]
    [InlineData("PASSWORD2=")]
    [InlineData("PASSWORD2=${DB_PASSWORD}")]
    public void NumberedLookAlikes_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void ClassifyValue_NamesASecret_WithANumberedKey()
    {
        Assert.NotNull(SecretScanner.ClassifyValue("Xy7#kq93Lm", "Password1"));
        Assert.NotNull(SecretScanner.ClassifyValue("k7QpL2mZx9RtWv4YbN8cJ3", "apiToken2"));
        Assert.Null(SecretScanner.ClassifyValue("Xy7#kq93Lm24", "PasswordLength2"));
        Assert.Null(SecretScanner.ClassifyValue("k7QpL2mZx9RtWv4YbN8cJ3", "key1"));
    }
}
