using System.Linq;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

public class SecretScannerTests
{
    private const string GitHubToken = "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";
    private const string Uuid = "5b1d7f3e-2c4a-4e8b-9a6d-0f3c2e1b7a94";
    private const string Hex64 = "9c4e1f7a2b8d3e6f0a5c9b2d7e4f1a8c3b6d0e9f2a5c8b1d4e7f0a3c6b9d2e5f";
    private const string Base62 = "Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Z";

    [Theory]
    [InlineData("HEROKU_API_KEY=" + Uuid, "HEROKU_API_KEY", 16)]
    [InlineData("export HEROKU_API_KEY=\"" + Uuid + "\"", "HEROKU_API_KEY", 24)]
    [InlineData("  heroku_api_key: " + Uuid, "heroku_api_key", 19)]
    [InlineData("    \"ApiKey\": \"" + Uuid + "\",", "ApiKey", 16)]
    [InlineData("<add key=\"Heroku:ApiKey\" value=\"" + Uuid + "\" />", "Heroku:ApiKey", 33)]
    [InlineData("<ApiToken>" + Uuid + "</ApiToken>", "ApiToken", 11)]
    [InlineData("Server=db;Database=app;User Id=app;Password=Xy7pQ2mN9vR4;", "Password", 45)]
    [InlineData("    \"Default\": \"Server=db;Database=app;User Id=app;Password=Xy7pQ2mN9vR4;\"", "Password", 61)]
    [InlineData("<add name=\"Db\" connectionString=\"Data Source=db;User ID=app;Pwd=Xy7pQ2mN9vR4\" />", "Pwd", 65)]
    [InlineData("BOOTSTRAP_TOKEN_SIGNING_KEY=" + Hex64, "BOOTSTRAP_TOKEN_SIGNING_KEY", 29)]
    [InlineData("configuration[\"Alpaca:ApiSecret\"] = \"" + Base62 + "\";", "Alpaca:ApiSecret", 38)]
    public void ContextFormats_Reports(string line, string key, int column)
    {
        var m = Assert.Single(SecretScanner.Scan(line));
        Assert.Equal(key, m.KeyName);
        Assert.Equal(1, m.Line);
        Assert.Equal(column, m.Column);
        Assert.Equal(SecretKind.Context, m.Kind);
    }

    [Theory]
    [InlineData("HEROKU_APP_ID=" + Uuid)]
    [InlineData("\"TenantId\": \"" + Uuid + "\"")]
    [InlineData("<UserSecretsId>" + Uuid + "</UserSecretsId>")]
    [InlineData("DOTENV_PUBLIC_KEY=\"" + Hex64 + "\"")]
    [InlineData("contentHash: " + Hex64)]
    [InlineData("SECRET_KEY=${SECRET_KEY}")]
    [InlineData("SECRET_KEY=$SECRET_KEY")]
    [InlineData("SECRET_KEY=%SECRET_KEY%")]
    [InlineData("SECRET_KEY: \"${{ secrets.SECRET_KEY }}\"")]
    [InlineData("SECRET_KEY={{ secret_key }}")]
    [InlineData("GITHUB_TOKEN=<your-token>")]
    [InlineData("SECRET_KEY=changeme")]
    [InlineData("API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("API_TOKEN=****************")]
    [InlineData("HEROKU_API_KEY=")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")]
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("password = var.db_password")]
    [InlineData("mongodb://mongodb:mongodb@localhost:27017/db")]
    [InlineData("https://username:password@example.com")]
    [InlineData("GITHUB_TOKEN=ghp_raxxGuardrailsFixture1a2b3c4d52s43my")]
    public void PlaceholdersReferencesIdsAndNearMisses_NoReport(string line) =>
        Assert.Empty(SecretScanner.Scan(line));

    [Fact]
    public void GitHubToken_ChecksumValid_Reports_WithKey()
    {
        var m = Assert.Single(SecretScanner.Scan("token: " + GitHubToken));
        Assert.Equal("github", m.Provider);
        Assert.Equal(SecretKind.Provider, m.Kind);
        Assert.Equal("token", m.KeyName);
        Assert.Equal(8, m.Column);
        Assert.Equal(48, m.EndColumn);
    }

    [Fact]
    public void ProviderTokenWithoutKey_Reports()
    {
        var m = Assert.Single(SecretScanner.Scan("curl -H 'Authorization: token " + GitHubToken + "' https://api.github.com"));
        Assert.Equal("github", m.Provider);
    }

    [Fact]
    public void AwsKeyId_Base32_Reports_NonBase32_NoReport()
    {
        Assert.Equal("aws", Assert.Single(SecretScanner.Scan("id=AKIARAXXFIXTURE2345Q")).Provider);
        Assert.Empty(SecretScanner.Scan("id=AKIARAXXFIXTURE0189Q"));
    }

    [Fact]
    public void Jwt_MustDecodeToJson()
    {
        const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyYXh4In0.c2lnbmF0dXJlLW5vdC1yZWFs";
        Assert.Equal("jwt", Assert.Single(SecretScanner.Scan("auth: " + Jwt)).Provider);
        Assert.Empty(SecretScanner.Scan("auth: eyJub3Rqc29u.eyJhYmM.c2ln"));
    }

    [Fact]
    public void PrivateKey_NeedsMatchingEndAndBody()
    {
        var body = string.Join("\n", Enumerable.Range(0, 4).Select(i => "MIIEowIBAAKCAQEA" + i + "q8Zr3Lk9Wv2Xt5Nb7Hc1Jd4Fg6Pm0Ys8Ue3Ro5Ti7Qa2Wb9Zx4"));
        var pem = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
        var m = Assert.Single(SecretScanner.Scan("# key\n" + pem));
        Assert.Equal(SecretKind.PrivateKey, m.Kind);
        Assert.Equal(2, m.Line);
        Assert.Empty(SecretScanner.Scan("-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END EC PRIVATE KEY-----\n"));
        Assert.Empty(SecretScanner.Scan("-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----\n"));
        Assert.Empty(SecretScanner.Scan("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n"));
    }

    [Fact]
    public void SuppressionComment_NeedsReason()
    {
        Assert.Empty(SecretScanner.Scan("# raxx:allow-credential sandbox key from vendor docs\nHEROKU_API_KEY=" + Uuid));
        Assert.Empty(SecretScanner.Scan("HEROKU_API_KEY=" + Uuid + " # raxx:allow-credential sandbox"));
        Assert.Single(SecretScanner.Scan("# raxx:allow-credential\nHEROKU_API_KEY=" + Uuid));
        // a trailing suppression covers its own line only
        var two = SecretScanner.Scan("A_TOKEN=" + Uuid + " # raxx:allow-credential sandbox\nB_TOKEN=" + Uuid);
        Assert.Equal(2, Assert.Single(two).Line);
    }

    [Fact]
    public void SentryDsnAndUrlPasswords_Report()
    {
        var dsn = Assert.Single(SecretScanner.Scan("SENTRY_DSN=https://0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io/4504"));
        Assert.Equal("sentry", dsn.Provider);
        var db = Assert.Single(SecretScanner.Scan("DATABASE_URL=postgres://app:Xy7pQ2mN9vR4@db.internal:5432/app"));
        Assert.Equal("db-connection-string", db.Provider);
        Assert.Equal(SecretKind.ConnectionPassword, db.Kind);
    }

    [Theory]
    [InlineData("HEROKU_API_KEY", KeyNameClass.Secret)]
    [InlineData("herokuApiKey", KeyNameClass.Secret)]
    [InlineData("BOOTSTRAP_TOKEN_SIGNING_KEY", KeyNameClass.Secret)]
    [InlineData("Alpaca:ApiSecret", KeyNameClass.Secret)]
    [InlineData("CONSOLE_AUDIT_INGEST_TOKEN", KeyNameClass.Secret)]
    [InlineData("SECRET_KEY", KeyNameClass.Secret)]
    [InlineData("DB_PASSWORD", KeyNameClass.Password)]
    [InlineData("HEROKU_APP_ID", KeyNameClass.NotSecret)]
    [InlineData("CredentialsId", KeyNameClass.NotSecret)]
    [InlineData("access_token_url", KeyNameClass.NotSecret)]
    [InlineData("DOTENV_PUBLIC_KEY", KeyNameClass.NotSecret)]
    [InlineData("sequenceKey", KeyNameClass.NotSecret)]
    [InlineData("LLM_SECRET_NAME", KeyNameClass.NotSecret)]
    [InlineData("password_encryption", KeyNameClass.NotSecret)]
    [InlineData("PASSWORD_HASHING", KeyNameClass.NotSecret)]
    [InlineData("password_encryption_key", KeyNameClass.Password)]
    public void KeyNames_Classify(string name, KeyNameClass expected) => Assert.Equal(expected, SecretKeyNames.Classify(name));

    [Theory]
    [InlineData(Uuid, true)]
    [InlineData("  " + Hex64 + " ", true)]
    [InlineData("Xy7pQ2mN9vR4", true)]
    [InlineData("Hello, world 2024", false)]
    [InlineData("changeme", false)]
    [InlineData("a1b2c3", false)]
    public void MightBeContextValue_PrefiltersLiterals(string value, bool expected) =>
        Assert.Equal(expected, SecretScanner.MightBeContextValue(value));

    [Fact]
    public void Baseline_ParsesFingerprintsOnly()
    {
        var b = SecretBaseline.Parse("# comment\na1aa6871b414b1a177934c24e3df9d52  config/x.yaml:2  generic\nnot-a-hash\n");
        Assert.Equal(1, b.Count);
        Assert.True(b.Contains("a1aa6871b414b1a177934c24e3df9d52"));
    }

    [Fact]
    public void LongLinesAndNoise_AreLinear()
    {
        // 2.5 MB of markers: a linear scan takes milliseconds; one that rescans the text per marker
        // (80,000 markers x 2.5 MB) takes hours. The bound is a robustness bound, generous enough for a
        // loaded 2-core CI machine, not a performance target (those are in benchmarks/).
        var noise = string.Concat(Enumerable.Repeat("a=b:c ${{ x }} -----BEGIN ://@ ", 80000));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        SecretScanner.Scan(noise);
        Assert.True(sw.Elapsed.TotalSeconds < 60, "scanner is not linear on noisy input");
    }
}
