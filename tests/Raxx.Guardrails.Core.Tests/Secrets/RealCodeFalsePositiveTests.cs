using System;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// False-positive shapes seen by running RAXX402 over real code (Python's standard library and dist-packages, npm
/// packages; 2026-12-01, branch <c>realfp</c>): a Python block colon read as <c>key: value</c>, a subscript or a generic
/// type read as a bare value, a regular expression under a <c>*_PAT</c> name, a query string's next parameter read into
/// the value, a snake_case identifier read as a digit-free password. Each shape has its nearest true positives, which
/// must still be reported (YAML/.env <c>key: value</c>, quoted literals). Values are fake.
/// </summary>
public class RealCodeFalsePositiveTests
{
    private static void BothClean(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
        // the same line inside a longer text (the vectorised pre-pass runs on texts of 64+ characters)
        var padded = "# padding line to reach the vector pass ..........................................\n" + text + "\n";
        Assert.Empty(SecretScanner.Scan(padded));
    }

    private static SecretMatch BothOne(string text, string key, string value)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((key, text.IndexOf(value, StringComparison.Ordinal) + 1, value.Length), (m.KeyName, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.KeyName, m.Length), (r.Offset, r.KeyName, r.Length));
        var padded = "# padding line to reach the vector pass ..........................................\n" + text + "\n";
        var p = Assert.Single(SecretScanner.Scan(padded));
        Assert.Equal((2, m.Column, m.Length), (p.Line, p.Column, p.Length));
        return m;
    }

    // ---------------------------------------------------------------- a Python block colon is not key: value

    [Theory]
    [InlineData("        if user or passwd: login_attempts2 += 1")]
    [InlineData("    if passwd: retry_count3 = 0")]
    [InlineData("    elif not passwd: fallback_count7 = 1")]
    [InlineData("    while user and passwd: attempts42x -= 1")]
    [InlineData("check = lambda passwd: verify_hash9(passwd)")]
    public void PythonBlockColon_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("passwd: \"Xy7pQ2mN9vR4aB\"", "passwd", "Xy7pQ2mN9vR4aB")]
    [InlineData("  passwd: Xy7pQ2mN9vR4aB", "passwd", "Xy7pQ2mN9vR4aB")]
    [InlineData("- passwd: Xy7pQ2mN9vR4aB", "passwd", "Xy7pQ2mN9vR4aB")]
    [InlineData("auth: { user: deploy, passwd: Xy7pQ2mN9vR4aB }", "passwd", "Xy7pQ2mN9vR4aB")]
    [InlineData("or_passwd: Xy7pQ2mN9vR4aB", "or_passwd", "Xy7pQ2mN9vR4aB")]
    [InlineData("    if user: passwd = \"Xy7pQ2mN9vR4aB\"", "passwd", "Xy7pQ2mN9vR4aB")]
    [InlineData("creds = {\"passwd\": \"Xy7pQ2mN9vR4aB\"}", "passwd", "Xy7pQ2mN9vR4aB")]
    public void KeyValueNearTheBlockColon_Reports(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- subscripts and generic types are code

    [Theory]
    [InlineData("        if user or passwd: self.auth_cache[key] = (user, passwd)")] // urllib/request.py
    [InlineData("    auth = dict(Email=credentials[0], Passwd=credentials[1], service=service)")] // httplib2
    [InlineData("PassphraseCallableT = Union[bytes, Callable[..., bytes]]")] // OpenSSL/crypto.py
    [InlineData("type Pass = IsEmptyObject<{}>; //=> true")] // type-fest
    [InlineData("password = self.auth_cache[key]")]
    [InlineData("api_token = tokens_by_host[host2]")]
    [InlineData("type ApiToken = BrandedString<'token'>;")]
    public void SubscriptOrGenericType_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("PASSWORD=Xy7pQ2mN9vR4aB", "PASSWORD", "Xy7pQ2mN9vR4aB")]
    [InlineData("PASSWORD=Xy7p[Q2mN9vR4aB", "PASSWORD", "Xy7p[Q2mN9vR4aB")] // a '[' in a bare .env value that closes nothing
    [InlineData("password = \"credentials[1]x9Q\"", "password", "credentials[1]x9Q")] // quoted: a literal
    [InlineData("type: Pass = \"IsEmptyObject<{}>9\"", "Pass", "IsEmptyObject<{}>9")]
    public void LiteralWithBracketsOrAngles_Reports(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- regular expressions under a *_PAT name

    [Theory]
    [InlineData("HEX_PAT = \"[0-9A-Fa-f]{1,4}\"")] // urllib3/util/url.py
    [InlineData("TOKEN_PAT = r'[A-Za-z0-9_]+\\.[a-z0-9]*'")]
    [InlineData("const apiKeyPattern = \"^[a-f0-9]{32}$\";")]
    public void RegularExpression_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("GITHUB_PAT = \"Xy7pQ2mN9vR4aBc8Lk3J\"", "GITHUB_PAT", "Xy7pQ2mN9vR4aBc8Lk3J")]
    [InlineData("password = \"Q[a-z]9x!Lm2v\"", "password", "Q[a-z]9x!Lm2v")] // a range, no quantifier
    [InlineData("password = \"Xy7[pQ2]{mN9!\"", "password", "Xy7[pQ2]{mN9!")] // brackets, no range
    public void BracketsInASecret_Reports(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- a query string's next parameter ends the value

    [Theory]
    [InlineData("    >>> uri = 'https://example.com/callback#access_token=sdlfkj452&state=ss345asyht&token_type=Bearer'")]
    public void QueryStringParameters_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("body = \"client_secret=Xy7pQ2mN9vR4aBc8&grant_type=client_credentials\"", "client_secret", "Xy7pQ2mN9vR4aBc8")]
    [InlineData("curl -d 'grant_type=x&client_secret=Xy7pQ2mN9vR4aBc8' https://h/token", "client_secret", "Xy7pQ2mN9vR4aBc8")]
    // lazr.restfulclient's tests: a made-up "secret=password" (percent-encoded) under a secret name; reported, but no
    // longer with the next parameter in it (before: 40 characters to the closing quote)
    [InlineData("        \"oauth_token_secret=secret%3Dpassword&oauth_token=lock%26key\",", "oauth_token_secret", "secret%3Dpassword")]
    [InlineData("PASSWORD=Xy7p&Q2mN9vR4aB", "PASSWORD", "Xy7p&Q2mN9vR4aB")] // '&' not followed by a parameter
    [InlineData("PASSWORD=Xy7pQ2mN9vR&&4aB=1", "PASSWORD", "Xy7pQ2mN9vR&&4aB=1")]
    public void QueryStringSecret_ReportsOnlyTheParameter(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- a bare snake_case identifier is a variable

    [Theory]
    [InlineData("                index_url, _, index_url_user_password = index_info")] // pip/_internal/network/auth.py
    [InlineData("    db_password = conn_options")]
    [InlineData("    api_password = get_from_vault")] // 14 characters: an identifier all the same
    [InlineData("db_password: horse_battery_staple")] // the price: a bare snake_case passphrase in YAML/.env
    public void BareLowercaseIdentifier_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("index_url_user_password = \"index_info\"", "index_url_user_password", "index_info")] // quoted: a literal
    [InlineData("DB_PASSWORD=Index_Info", "DB_PASSWORD", "Index_Info")] // upper and lower
    [InlineData("DB_PASSWORD=index!info", "DB_PASSWORD", "index!info")] // a symbol that is not '_'
    [InlineData("db_password: horse-battery-staple", "db_password", "horse-battery-staple")] // 14+ characters, '-'
    [InlineData("db_password: \"horse_battery_staple\"", "db_password", "horse_battery_staple")] // quoted: a literal
    public void DigitFreePasswordNearTheIdentifier_Reports(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- a setting about passwords is not a password

    [Theory]
    [InlineData("#password_encryption = scram-sha-256\t# scram-sha-256 or md5")] // /etc/postgresql/15/main/postgresql.conf
    [InlineData("password_encryption = scram-sha-256")]
    [InlineData("PASSWORD_HASHING: argon2id-v19")]
    [InlineData("token_encryption=aes-256-gcm")]
    public void PasswordSettingName_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("password = scram-sha-256x", "password", "scram-sha-256x")]
    [InlineData("encryption_password = Xy7pQ2mN9vR4aB", "encryption_password", "Xy7pQ2mN9vR4aB")]
    [InlineData("password_encryption_key = Xy7pQ2mN9vR4aBc8Lk3J", "password_encryption_key", "Xy7pQ2mN9vR4aBc8Lk3J")]
    public void PasswordNearTheSettingName_Reports(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- C/C++ operands and type aliases are code
    // (RAXX402 reads .c/.h/.cpp/.hpp since branch fpfix; the shapes are from /usr/include: nss, glibc, llvm-14)

    [Theory]
    [InlineData("    SEC_ERROR_BAD_PASSWORD = SEC_ERROR_BASE + 15,")]
    [InlineData("  x86_cpu_PAT\t\t\t= x86_cpu_index_1_edx + 16,")]
    [InlineData("  SESSION_PASSWORD_ERR = SEC_ERROR_LIMIT | 0x10,")]
    [InlineData("  using FunctionPassCtor = ScheduleDAGSDNodes *(*)(SelectionDAGISel*,")]
    [InlineData("  using FunctionPassCtor = ScheduleDAGCtor;")]
    [InlineData("using DebugInfoPerPassMap = llvm::MapVector<llvm::StringRef, DebugInfoPerPass>;")]
    [InlineData("using LinkGraphPassFunction = std::function<Error(LinkGraph &)>;")]
    public void CExpressionOperandOrTypeAlias_NoReport(string text) => BothClean(text);

    [Theory]
    [InlineData("PASSWORD=Xk9mP2vL8qR4 # the db password", "PASSWORD", "Xk9mP2vL8qR4")]
    [InlineData("password = CorrectHorseBattery // prod", "password", "CorrectHorseBattery")]
    [InlineData("password = CorrectHorseBattery /* prod */", "password", "CorrectHorseBattery")]
    [InlineData("DB_PASSWORD=Xk9mP2vL8qR4 && ./run.sh", "DB_PASSWORD", "Xk9mP2vL8qR4")]
    [InlineData("DB_PASSWORD=Xk9mP2vL8qR4 || exit 1", "DB_PASSWORD", "Xk9mP2vL8qR4")]
    [InlineData("api_key = k7QpL2mZx9RtWv4YbN8cJ3+1", "api_key", "k7QpL2mZx9RtWv4YbN8cJ3+1")]
    [InlineData("password = Xk9#mP2vL8q + 1", "password", "Xk9#mP2vL8q")]
    [InlineData("const char *using_token = \"k7QpL2mZx9RtWv4YbN8cJ3\";", "using_token", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("x = 1; using_token = k7QpL2mZx9RtWv4YbN8cJ3", "using_token", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("  apiToken = k7QpL2mZx9RtWv4YbN8cJ3", "apiToken", "k7QpL2mZx9RtWv4YbN8cJ3")]
    public void ValueNearTheOperandOrAlias_Reports(string text, string key, string value) => BothOne(text, key, value);

    // ---------------------------------------------------------------- left reported on purpose

    [Fact]
    public void DocstringExampleWithALiteral_StillReports()
    {
        // urllib/request.py's docstring: a literal under a password name. A real password looks the same, and RAXX402
        // reads text (no language model says "this is a docstring"); '$' in a single-quoted Python literal is a character.
        var m = BothOne("                      passwd='geheim$parole')", "passwd", "geheim$parole");
        Assert.Equal(SecretKind.Context, m.Kind);
    }

    [Fact]
    public void ScanOfTheRealFiles_LinesTogether_NoReport()
    {
        var text = string.Join("\n", new[]
        {
            "    def http_error_auth_reqed(self, authreq, host, req, headers):",
            "        user, passwd = self.prompt_user_passwd(host, realm)",
            "        if user or passwd: self.auth_cache[key] = (user, passwd)",
            "PassphraseCallableT = Union[bytes, Callable[..., bytes]]",
            "HEX_PAT = \"[0-9A-Fa-f]{1,4}\"",
            "                index_url, _, index_url_user_password = index_info",
        }) + "\n";
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
        Assert.Empty(SecretScanner.Scan(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }
}
