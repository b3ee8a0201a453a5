using System.Linq;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The detection gaps closed after the first corpus run: values on the line after their key, passwords
/// without digits, Authorization: Bearer headers. Each bad case has its nearest clean look-alike. All
/// values are fake.
/// </summary>
public class SecretScannerGapTests
{
    private const string Hex40 = "d8e8fca2dc0f896fd7cb4cb0031ba249aa1b2c3d";
    private const string Opaque = "q8ZxL2mVt7RwN4pYk9HbJ3sC";

    private static SecretMatch One(string text) => Assert.Single(SecretScanner.Scan(text));

    // ---------------------------------------------------------------- key and value on different lines

    [Theory]
    [InlineData("db:\n  password:\n    Xk9pLm2vQ7rT4wZb\n", 3, 5, "password")]
    [InlineData("db:\n  password: |\n    Xk9pLm2vQ7rT4wZb\n", 3, 5, "password")]
    [InlineData("db:\r\n  password: >-\r\n    \"Xk9pLm2vQ7rT4wZb\"\r\n", 3, 6, "password")]
    [InlineData("{\n  \"ApiToken\":\n    \"" + Hex40 + "\",\n  \"Name\": \"api\"\n}\n", 3, 6, "generic-hex")]
    [InlineData("env:\n  SIGNING_SECRET:\n    " + Opaque + "\n", 3, 5, "generic-secret")]
    public void ValueOnTheNextLine_Reports(string text, int line, int column, string provider)
    {
        var m = One(text);
        Assert.Equal(line, m.Line);
        Assert.Equal(column, m.Column);
        Assert.Equal(provider, m.Provider);
        Assert.Equal(SecretKind.Context, m.Kind);
    }

    [Theory]
    [InlineData("password:\n  min_length: 12\n  require_digit: true\n")] // a nested mapping, not a value
    [InlineData("password:\n  - Xk9pLm2vQ7rT4wZb\n")] // a list
    [InlineData("password:\nXk9pLm2vQ7rT4wZb: 1\n")] // not indented deeper: the next key
    [InlineData("password: |\n  ${DB_PASSWORD}\n")] // a reference
    [InlineData("{\n  \"ApiToken\":\n    { \"env\": \"API_TOKEN\" }\n}\n")] // an object
    [InlineData("description:\n  Xk9pLm2vQ7rT4wZb\n")] // not a secret-named key
    public void ValueOnTheNextLine_CleanLookAlikes_NoReport(string text) =>
        Assert.Empty(SecretScanner.Scan(text));

    // ---------------------------------------------------------------- passwords without digits

    [Theory]
    [InlineData("DB_PASSWORD=CorrectHorseBattery", "password")]
    [InlineData("  smtp_password: \"tangerine-Sunset!\"", "password")]
    [InlineData("<Password>BlueWhaleOcean</Password>", "password")]
    [InlineData("DATABASE_URL=postgres://app:tangerinesunset@db.internal:5432/app", "db-connection-string")]
    [InlineData("Server=db;User Id=app;Password=SilverMapleLeaf;", "password")]
    public void LettersOnlyPassword_Reports(string line, string provider) =>
        Assert.Equal(provider, One(line).Provider);

    [Theory]
    [InlineData("DB_PASSWORD=changeme")]
    [InlineData("DB_PASSWORD=AdminPassword")] // names a secret, is not one
    [InlineData("DB_PASSWORD=required")]
    [InlineData("DB_PASSWORD=settings.database")] // dotted code reference
    [InlineData("DATABASE_URL=postgres://user:password@localhost:5432/app")] // documentation example
    [InlineData("DATABASE_URL=postgres://postgres:postgres@localhost/app")] // user equals password
    [InlineData("PASSWORD_MIN_LENGTH=twelve")]
    [InlineData("password_policy: StrongerThanBefore")] // metadata key
    [InlineData("DB_PASSWORD=shortpw")] // too short without digits
    public void LettersOnlyPassword_CleanLookAlikes_NoReport(string line) =>
        Assert.Empty(SecretScanner.Scan(line));

    // ---------------------------------------------------------------- Authorization: Bearer

    [Theory]
    [InlineData("curl -sS -H \"Authorization: Bearer " + Opaque + "\" https://api.example.com/v1/jobs", 36)]
    [InlineData("Authorization: Bearer " + Opaque, 23)] // .http / .rest file
    [InlineData("client.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer " + Opaque + "\");", 59)]
    [InlineData("request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"x\"); // bearer " + Opaque, 89)]
    public void BearerToken_Reports(string line, int column)
    {
        var m = One(line);
        Assert.Equal("bearer-token", m.Provider);
        Assert.Equal(column, m.Column);
        Assert.Equal(Opaque.Length, m.Length);
        Assert.DoesNotContain(Opaque, m.Describe(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("curl -H \"Authorization: Bearer $API_TOKEN\" https://api.example.com")]
    [InlineData("curl -H \"Authorization: Bearer ${{ secrets.API_TOKEN }}\" https://api.example.com")]
    [InlineData("Authorization: Bearer {{token}}")]
    [InlineData("Authorization: Bearer <token>")]
    [InlineData("headers[\"Authorization\"] = \"Bearer \" + token;")]
    [InlineData("The Bearer authentication scheme sends a token in the header.")]
    [InlineData("Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("Authorization: Bearer options.AccessTokenValue")]
    public void BearerToken_CleanLookAlikes_NoReport(string line) =>
        Assert.Empty(SecretScanner.Scan(line));

    [Fact]
    public void BearerJwt_IsReportedOnce_AsTheProvider()
    {
        static string B64(string json) => System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var jwt = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + B64("{\"sub\":\"svc-deploy\",\"iat\":1767225600}") + ".Qm9vdHN0cmFwU2lnbmF0dXJlRmFrZTAxMjM0NTY3ODk";
        var m = One("Authorization: Bearer " + jwt);
        Assert.Equal("jwt", m.Provider);
    }

    [Fact]
    public void ClassifyValue_CSharpLiteral_WithBearerToken_IsACredential()
    {
        var m = SecretScanner.ClassifyValue("Bearer " + Opaque, null);
        Assert.NotNull(m);
        Assert.Equal("bearer-token", m!.Provider);
        Assert.Null(SecretScanner.ClassifyValue("Bearer ", null));
    }

    [Fact]
    public void GapCases_TriggerScan_EqualsReferenceScan()
    {
        var text = string.Join("\n", new[]
        {
            "db:", "  password:", "    Xk9pLm2vQ7rT4wZb", "  token: |", "    ghp_notarealtokenbutlongenough0000000000",
            "DB_PASSWORD=CorrectHorseBattery", "curl -H \"Authorization: Bearer " + Opaque + "\" https://x",
        });
        var fast = SecretScanner.Scan(text).Select(m => (m.Provider, m.Offset, m.Length, m.KeyName)).ToArray();
        var reference = SecretScanner.ScanReference(text).Select(m => (m.Provider, m.Offset, m.Length, m.KeyName)).ToArray();
        Assert.Equal(reference, fast);
        Assert.Equal(3, fast.Length);
    }

    // ---------------------------------------------------------------- curl -u / --user user:password (a held-out miss)

    [Theory]
    [InlineData("curl -fsS -u deploy:" + Opaque + " https://ci.example.com/hooks/deploy", 21)]
    [InlineData("  run: curl --user 'deploy:" + Opaque + "' https://ci.example.com/hooks", 28)]
    [InlineData("curl --user=deploy:" + Opaque + " https://ci.example.com", 20)]
    [InlineData("$(curl -s -u \"ci:Sunflower-Harbor\" https://nexus.example.com/repo)", 18)] // letters-only password
    public void CurlUserPassword_Reports(string text, int column)
    {
        var m = One(text);
        Assert.Equal("basic-auth", m.Provider);
        Assert.Equal(SecretKind.Context, m.Kind);
        Assert.Equal(column, m.Column);
    }

    [Theory]
    [InlineData("curl -u \"$NEXUS_USER:$NEXUS_PASSWORD\" https://nexus.example.com")] // variables
    [InlineData("curl -u \"${{ secrets.CI_USER }}:${{ secrets.CI_PASS }}\" https://ci.example.com")] // workflow expressions
    [InlineData("curl -u deploy: https://ci.example.com")] // curl prompts for the password
    [InlineData("curl -u admin:admin https://localhost:8080")] // too short, a default
    [InlineData("curl -u user:password https://example.com")] // documentation words
    [InlineData("curl -u <user:password> https://test.com/endpoint")] // a template
    [InlineData("curl -H \"X-Trace: " + Opaque + "\" https://api.example.com -o out.json")] // no -u
    [InlineData("mycurl -u deploy:" + Opaque + " https://ci.example.com")] // not curl
    [InlineData("curl https://ci.example.com | grep -u deploy:" + Opaque)] // -u of another command after a pipe
    [InlineData("docker login -u deploy:" + Opaque + " registry.example.com")] // not curl
    public void CurlUserPassword_NoReport(string text) => Assert.Empty(SecretScanner.Scan(text));
}
