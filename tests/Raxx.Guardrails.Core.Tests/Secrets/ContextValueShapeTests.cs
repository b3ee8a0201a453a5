using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;
using static Raxx.Guardrails.Core.Tests.Secrets.ContextScanAssert;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Values under a secret-named key whose shape says they are not the secret (issue 9 false positives): a file path
/// (<c>-PrivateKey 'C:\keys\app2024.pem'</c>, <c>private_key: /etc/ssl/private/app01.pem</c>, <c>ssh_key: ~/.ssh/id_ed25519</c>),
/// an account under a credential-named key (<c>$Credential = 'CONTOSO\svc-app01'</c>), and documentation values
/// (<c>-ApiKey 'example-api-key-1234567'</c>). The nearest look-alikes — passwords and tokens with slashes or backslashes,
/// a <c>DOMAIN\…</c> password under a password key — are still reported. Every case is checked on both scan paths
/// (trigger-driven and reference). Values are fake.
/// </summary>
public sealed class ContextValueShapeTests : IDisposable
{
    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    // ------------------------------------------------------------------ file paths

    [Theory]
    [InlineData("Connect-Sftp -Host h -PrivateKey 'C:\\keys\\app2024.pem'")]
    [InlineData("$PrivateKey = 'C:\\keys\\app2024.pem'")]
    [InlineData("$PrivateKey = 'D:/certs/deploy/app2024.pfx'")]
    [InlineData("private_key: /etc/ssl/private/app01.pem")]
    [InlineData("  tls_private_key: \"/etc/pki/tls/private/server-2024.key\"")]
    [InlineData("ssh_key: ~/.ssh/id_ed25519")]
    [InlineData("SSH_PRIVATE_KEY: '~/.ssh/id_rsa_deploy2'")]
    [InlineData("ssh_key: ~\\.ssh\\id_ecdsa-github01")]
    [InlineData("api_secret: /run/secrets/api_key2.txt")]
    [InlineData("$PrivateKey = '\\\\fs01\\share\\keys\\app2024.pem'")]
    [InlineData("\"PrivateKey\": \"C:\\\\keys\\\\app2024.pem\"")]
    [InlineData("\"PrivateKey\": \"\\\\\\\\fs01\\\\share\\\\app2024.pem\"")]
    [InlineData("<ClientSecret>C:\\secrets\\client01.json</ClientSecret>")]
    [InlineData("DB_PASSWORD=/run/secrets/db_password2.txt")]
    // a secrets mount directory: its files have no extension
    [InlineData("DB_PASSWORD=/run/secrets/db_password2")]
    [InlineData("  API_TOKEN: /var/run/secrets/kubernetes.io/serviceaccount/token")]
    [InlineData("'password' => '/etc/secrets/db-password',")]
    public void FilePathUnderASecretName_NoReport(string text) => AssertNone(text);

    [Theory]
    // a symbol no path name has
    [InlineData("password: /Xk9#mP2$vL8qR4wZ", "password", "/Xk9#mP2$vL8qR4wZ")]
    [InlineData("$Password = 'C:\\x9!kQ7mZ2p\\a.txt'", "Password", "C:\\x9!kQ7mZ2p\\a.txt")]
    // not rooted
    [InlineData("password = \"ab/cd\\ef9Kq7mZ2\"", "password", "ab/cd\\ef9Kq7mZ2")]
    [InlineData("password = \"Winter2024/x.pem\"", "password", "Winter2024/x.pem")]
    // rooted, but one separator, or no file name at the end
    [InlineData("password: /Xk9mP2vL8q.txt", "password", "/Xk9mP2vL8q.txt")]
    [InlineData("password: /home/Xk9mP2vL8q", "password", "/home/Xk9mP2vL8q")]
    [InlineData("api_token = \"/k7QpL2mZ/x9RtWv4YbN8cJ3\"", "api_token", "/k7QpL2mZ/x9RtWv4YbN8cJ3")]
    [InlineData("DB_PASSWORD=/srv/secrets/db_password2", "DB_PASSWORD", "/srv/secrets/db_password2")] // not a secrets mount
    [InlineData("DB_PASSWORD=/run/secretsX/db_password2", "DB_PASSWORD", "/run/secretsX/db_password2")]
    [InlineData("DB_PASSWORD=/run/secrets/k7QpL2mZx9RtWv4YbN8cJ3", "DB_PASSWORD", "/run/secrets/k7QpL2mZx9RtWv4YbN8cJ3")] // a token as the file's name
    [InlineData("DB_PASSWORD=/run/secrets/Xk9#mP2$vL8qR4wZ", "DB_PASSWORD", "/run/secrets/Xk9#mP2$vL8qR4wZ")] // a symbol
    // an empty segment
    [InlineData("password: /srv//Xk9mP2vL8q.pem", "password", "/srv//Xk9mP2vL8q.pem")]
    // a token as a segment
    [InlineData("api_secret = \"/tmp/k7QpL2mZx9RtWv4YbN8cJ3.key\"", "api_secret", "/tmp/k7QpL2mZx9RtWv4YbN8cJ3.key")]
    [InlineData("Connect-Api -ApiKey '/k7QpL2mZx9RtWv4YbN8cJ3/a.b'", "-ApiKey", "/k7QpL2mZx9RtWv4YbN8cJ3/a.b")]
    // an extension that is not one (a digit first)
    [InlineData("password: /srv/app/Xk9mP2.8qR4v", "password", "/srv/app/Xk9mP2.8qR4v")]
    public void SecretWithSlashes_StillReports(string text, string key, string value) => AssertOne(text, key, value);

    [Theory]
    [InlineData("C:\\keys\\x.pem", true)]
    [InlineData("C:/keys/x.pem", true)]
    [InlineData("\\\\server\\share\\x.pem", true)]
    [InlineData("\\\\\\\\server\\\\share\\\\x.pem", true)]
    [InlineData("~/.ssh/id_rsa", true)]
    [InlineData("~/.ssh/id_ed25519_sk", true)]
    [InlineData("/etc/x.pem", true)]
    [InlineData("/etc/ssl/private/", false)]
    [InlineData("/etc/ssl/private", false)]
    [InlineData("/x.pem", false)]
    [InlineData("C:x\\y.pem", false)]
    [InlineData("~user/keys/x.pem", false)]
    [InlineData("//server/share/x.pem", false)]
    [InlineData("/etc/ssl/x.pem.", false)]
    [InlineData("/etc/ssl/.pem", false)]
    [InlineData("/etc/ssl/x.toolongext", false)]
    [InlineData("/etc/ssl/id_rsax", false)]
    [InlineData("/etc/a b/x.pem", false)]
    [InlineData("/run/secrets/db_password2", true)]
    [InlineData("/var/run/secrets/kubernetes.io/serviceaccount/token", true)]
    [InlineData("/etc/secrets/api-key", true)]
    [InlineData("/run/secrets/", false)]
    [InlineData("/run/secrets", false)]
    [InlineData("/run/db_password2", false)]
    [InlineData("/run/secrets//db_password2", false)]
    public void LooksLikeFilePath_Shape(string value, bool expected) =>
        Assert.Equal(expected, SecretScanner.LooksLikeFilePath(value, 0, value.Length));

    // ------------------------------------------------------------------ accounts under credential names

    [Theory]
    [InlineData("$Credential = 'CONTOSO\\svc-app01'")]
    [InlineData("$Credential = 'DOMAIN\\user2024x'")]
    [InlineData("Credential: CONTOSO\\svc-app01")]
    [InlineData("SERVICE_CREDENTIAL=corp.contoso.com\\svc01")]
    [InlineData("credentials = \"CONTOSO\\\\svcapp2024\"")]
    [InlineData("$DbCredentials2 = 'CONTOSO\\gmsa-db01$'")]
    [InlineData("$Credential = 'svc-deploy01@contoso.example'")]
    [InlineData("Connect-Thing -Credential 'CONTOSO\\svc-app01'")]
    public void AccountUnderACredentialName_NoReport(string text) => AssertNone(text);

    [Theory]
    // a password key holds a password whatever its shape
    [InlineData("$Password = 'DOMAIN\\x9!kQ7mZ2p'", "Password", "DOMAIN\\x9!kQ7mZ2p")]
    [InlineData("$Password = 'CONTOSO\\svc0192ab'", "Password", "CONTOSO\\svc0192ab")]
    [InlineData("$CredentialPassword = 'CONTOSO\\svc0192ab'", "CredentialPassword", "CONTOSO\\svc0192ab")]
    // a credential name whose last word is a secret word
    [InlineData("credential_secret = 'CONTOSO\\k7QpL2mZx9RtWv4Yb'", "credential_secret", "CONTOSO\\k7QpL2mZx9RtWv4Yb")]
    // not an account: a symbol, a password after the user, no domain
    [InlineData("$Credential = 'CONTOSO\\x9!kQ7mZ2pR4'", "Credential", "CONTOSO\\x9!kQ7mZ2pR4")]
    [InlineData("$Credential = 'CONTOSO\\svc01:Xk9mP2vL8q'", "Credential", "CONTOSO\\svc01:Xk9mP2vL8q")]
    [InlineData("$Credential = '\\k7QpL2mZx9RtWv4Yb'", "Credential", "\\k7QpL2mZx9RtWv4Yb")]
    [InlineData("$Credential = 'k7QpL2mZx9RtWv4YbN8cJ3'", "Credential", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("$Credential = 'k7QpL2mZx9@RtWv4YbN8cJ3'", "Credential", "k7QpL2mZx9@RtWv4YbN8cJ3")]
    public void SecretUnderACredentialOrPasswordName_StillReports(string text, string key, string value) => AssertOne(text, key, value);

    // ------------------------------------------------------------------ documentation values

    [Theory]
    [InlineData("Invoke-Thing -ApiKey 'example-api-key-1234567'")]
    [InlineData("Invoke-Thing -ApiKey \"EXAMPLE1234567890abcdefg\"")]
    [InlineData("Invoke-Thing -ApiKey 'sample-key-12345678901234'")]
    [InlineData("Invoke-Thing -ApiKey 'your-api-key-123456789'")]
    [InlineData("Invoke-Thing -ApiKey 'changeme-123456789012'")]
    [InlineData("Invoke-Thing -ApiKey 'xxxxxxxxxxxxxxxxxxxx1'")]
    [InlineData("Invoke-Thing -Token '<token-1234567890abcd>'")]
    [InlineData("api_key = \"example-api-key-1234567\"")]
    [InlineData("API_KEY=MySampleKey1234567890")]
    [InlineData("$params = @{ ApiKey = 'example-api-key-1234567' }")]
    public void DocumentationValueUnderASecretName_NoReport(string text) => AssertNone(text);

    [Theory]
    [InlineData("Invoke-Thing -ApiKey 'k7QpL2mZx9RtWv4YbN8cJ3'", "-ApiKey", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("Invoke-Thing -ApiKey 'exmpl-k7QpL2mZx9RtWv4Yb'", "-ApiKey", "exmpl-k7QpL2mZx9RtWv4Yb")]
    [InlineData("api_key = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "api_key", "k7QpL2mZx9RtWv4YbN8cJ3")]
    // a password may hold the word: the password rules judge it as before
    [InlineData("Connect-Db -Password 'Example2024!x'", "-Password", "Example2024!x")]
    public void SecretValueUnderASecretName_StillReports(string text, string key, string value) => AssertOne(text, key, value);

    [Fact]
    public void ProviderSampleWithTheWord_IsJudgedByItsFormat()
    {
        // a Docker Hub token's format does not depend on its body's words (the conformance corpus labels this shape a secret)
        var token = "dckr_pat_" + "Example1234567890AbCdEfGhjK";
        var text = "Invoke-Thing -ApiKey '" + token + "'";
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Provider, "-ApiKey"), (m.Kind, m.KeyName));
        Assert.Single(SecretScanner.ScanReference(text));
    }

    // ------------------------------------------------------------------ RAXX402 over a repository

    [Fact]
    public void Raxx402_PathsAccountsAndExamples_NotReported_SecretsBesideThemAre()
    {
        _repo.Write("scripts/deploy.ps1",
                "$PrivateKey = 'C:\\keys\\app2024.pem'\n" +
                "Connect-Sftp -Host sftp01 -PrivateKey 'C:\\keys\\app2024.pem'\n" +
                "$Credential = 'CONTOSO\\svc-app01'\n" +
                "Invoke-Thing -ApiKey 'example-api-key-1234567'\n" +
                "Connect-Db -Password 'Xk9#mP2$vL8qR4wZ'\n")
            .Write("config/app.yaml", "tls:\n  private_key: /etc/ssl/private/app01.pem\nssh_key: ~/.ssh/id_ed25519\napi_token: /k7QpL2mZ/x9RtWv4YbN8cJ3\n")
            .Write(".env", "SSH_KEY_PATH=~/.ssh/id_rsa\nSSH_KEY=\"~/.ssh/id_rsa_2048\"\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine).ToArray();
        Assert.Equal(
            new[] { ("config/app.yaml", 4), ("scripts/deploy.ps1", 5) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine)));
    }
}
