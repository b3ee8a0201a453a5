using System.Linq;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Assignments RAXX402 did not read: <c>key =&gt; 'value'</c> pairs (PHP arrays, Perl and Ruby hashes), PHP's
/// <c>define('NAME', 'value')</c> (wp-config.php), C/C++
/// <c>#define</c> and array declarators, Rust's <c>&amp;str</c> constants, and an .env value starting with '~'. Each bad
/// case has its nearest clean look-alikes (arrow functions, match arms, environment reads, the match operator), and both
/// scan paths (trigger-driven and reference) must agree. Values are fake.
/// </summary>
public class FatCommaAndDeclarationTests
{
    private const string Password = "Xk9pLm2vQ7rT4wZb";
    private const string Opaque = "q8ZxL2mVt7RwN4pYk9HbJ3sC";

    private static string Describe(SecretMatch m) => $"{m.Provider}|{m.KeyName}|{m.Offset}+{m.Length}|{m.Line}:{m.Column}";

    private static SecretMatch[] ScanBoth(string text)
    {
        var fast = SecretScanner.Scan(text).ToArray();
        var reference = SecretScanner.ScanReference(text).ToArray();
        Assert.Equal(reference.Select(Describe), fast.Select(Describe));
        return fast;
    }

    private static void AssertOne(string text, string key, string value)
    {
        var m = Assert.Single(ScanBoth(text));
        Assert.Equal(key, m.KeyName);
        Assert.Equal(value, text.Substring(m.Offset, m.Length));
        Assert.Equal(SecretKind.Context, m.Kind);
    }

    // ---------------------------------------------------------------- key => 'value'

    [Theory]
    [InlineData("    'password' => '" + Password + "',", "password", Password)] // PHP array
    [InlineData("$db = array('host' => 'db01', 'password' => \"" + Password + "\");", "password", Password)]
    [InlineData("$cfg = ['db' => ['password' => '" + Password + "']];", "password", Password)]
    [InlineData("my %cfg = ( password => '" + Password + "' );", "password", Password)] // Perl hash
    [InlineData("my %cfg = (user => 'app', api_key => \"" + Opaque + "\");", "api_key", Opaque)]
    [InlineData("    -password => '" + Password + "',", "password", Password)] // Perl named argument
    [InlineData("{ 'api_key' => \"" + Opaque + "\" }", "api_key", Opaque)] // Ruby hash
    [InlineData(":token => '" + Opaque + "'", "token", Opaque)]
    [InlineData("  { :user => 'app', :secret_token => '" + Opaque + "' }", "secret_token", Opaque)]
    [InlineData("'password'=>'" + Password + "',", "password", Password)]
    public void FatComma_Reports(string text, string key, string value) => AssertOne(text, key, value);

    [Theory]
    [InlineData("    'password' => env('DB_PASSWORD'),")] // Laravel
    [InlineData("    'password' => '',")]
    [InlineData("    'token' => getenv('API_TOKEN'),")]
    [InlineData("    'password' => $_ENV['DB_PASSWORD'],")]
    [InlineData("    'password' => $password,")] // a variable
    [InlineData("    'password' => DB_PASSWORD_VALUE_1,")] // a constant
    [InlineData("my %cfg = ( password => $ENV{DB_PASSWORD} );")]
    [InlineData("{ :token => ENV['API_TOKEN'] }")]
    [InlineData("    'password' => 'changeme',")] // a placeholder
    [InlineData("    'api_key' => 'your-api-key-here',")]
    [InlineData("    'password_min_length' => '12345678901',")] // metadata key
    [InlineData("    'label' => '" + Opaque + "',")] // not a secret name
    [InlineData("const f = token => '" + Opaque + "';")] // an arrow function's parameter
    [InlineData("const f = async token => '" + Opaque + "';")]
    [InlineData("const f = () => '" + Opaque + "';")]
    [InlineData("items.map((token) => \"" + Opaque + "\")")]
    [InlineData("items.map(token => token.trim())")]
    [InlineData("public string Password => \"" + Password + "\";")] // C# expression body (RAXX401's)
    [InlineData("    Some(token) => \"" + Opaque + "\",")] // a match arm
    [InlineData("    Foo::TOKEN => '" + Opaque + "',")] // a scope, not a symbol
    [InlineData("case \"token\" => \"" + Opaque + "\"")] // Scala
    [InlineData("foreach ($tokens as $key => $value) {")]
    [InlineData("$a = $token <=> '" + Opaque + "';")] // the spaceship operator
    [InlineData("if ($token ==> '" + Opaque + "')")]
    public void FatComma_CleanLookAlikes_NoReport(string text) => Assert.Empty(ScanBoth(text));

    // ---------------------------------------------------------------- PHP define('NAME', 'value')

    [Theory]
    [InlineData("define('DB_PASSWORD', '" + Password + "');", "DB_PASSWORD", Password)] // wp-config.php
    [InlineData("define( 'AUTH_KEY', \"" + Opaque + "\" );", "AUTH_KEY", Opaque)]
    [InlineData("    define(\"API_TOKEN\",'" + Opaque + "');", "API_TOKEN", Opaque)]
    [InlineData("DEFINE('SECRET_KEY', '" + Opaque + "');", "SECRET_KEY", Opaque)]
    public void PhpDefine_Reports(string text, string key, string value) => AssertOne(text, key, value);

    [Theory]
    [InlineData("define('DB_PASSWORD', getenv('DB_PASSWORD'));")]
    [InlineData("define('DB_PASSWORD', $_ENV['DB_PASSWORD']);")]
    [InlineData("define('DB_PASSWORD', '');")]
    [InlineData("define('AUTH_KEY', 'put your unique phrase here');")] // WordPress's sample file
    [InlineData("define('DB_USER', '" + Opaque + "');")] // not a secret name
    [InlineData("define('WP_DEBUG', false);")]
    [InlineData("defined('DB_PASSWORD') || define('DB_PASSWORD', 'x');")] // a check first: not at the start (and short)
    [InlineData("undefine('API_TOKEN', '" + Opaque + "');")]
    [InlineData("define_token('" + Opaque + "');")]
    [InlineData("defineProperty(obj, 'token', '" + Opaque + "');")]
    public void PhpDefine_CleanLookAlikes_NoReport(string text) => Assert.Empty(ScanBoth(text));

    // ---------------------------------------------------------------- C, C++, Rust, Perl declarations

    [Theory]
    [InlineData("#define API_TOKEN \"" + Opaque + "\"", "API_TOKEN", Opaque)]
    [InlineData("  #  define API_TOKEN \"" + Opaque + "\" // staging", "API_TOKEN", Opaque)]
    [InlineData("#define\tDB_PASSWORD\t\"" + Password + "\"", "DB_PASSWORD", Password)]
    [InlineData("#define SN_setAttr_Token_B0Prime \"setAttr-Token-" + Opaque + "\"", "SN_setAttr_Token_B0Prime", "setAttr-Token-" + Opaque)] // not the name's spelling
    [InlineData("char password[] = \"" + Password + "\";", "password", Password)]
    [InlineData("static const char api_token[25] = \"" + Opaque + "\";", "api_token", Opaque)]
    [InlineData("const char *secret = \"" + Opaque + "\";", "secret", Opaque)] // read before
    [InlineData("const API_KEY: &str = \"" + Opaque + "\";", "API_KEY", Opaque)]
    [InlineData("pub static API_KEY: &'static str = \"" + Opaque + "\";", "API_KEY", Opaque)]
    [InlineData("    let password: &str = \"" + Password + "\";", "password", Password)]
    [InlineData("$password = '" + Password + "';", "password", Password)] // read before
    public void Declaration_Reports(string text, string key, string value) => AssertOne(text, key, value);

    [Theory]
    [InlineData("#define API_TOKEN(x) \"" + Opaque + "\"")] // a function-like macro
    [InlineData("#define API_TOKEN OTHER_TOKEN_VALUE_X")] // a bare replacement
    [InlineData("#define API_TOKEN_LEN 32")]
    [InlineData("#define API_TOKEN_ENV \"API_TOKEN\"")] // the variable's name
    [InlineData("#define SN_setAttr_Token_B0Prime                \"setAttr-Token-B0Prime\"")] // OpenSSL: the name's own spelling
    [InlineData("#define NID_SECRET_KEY_XY12 \"secret_key.xy12\"")]
    [InlineData("#define API_TOKEN")]
    [InlineData("#include \"token_" + Opaque + ".h\"")]
    [InlineData("#undef API_TOKEN")]
    [InlineData("# api_token \"" + Opaque + "\"")] // a comment, not a define
    [InlineData("password[0] = 'x';")] // an element
    [InlineData("char password[64] = {0};")]
    [InlineData("char password[n] = \"" + Password + "\";")] // not a declarator's size
    [InlineData("const API_KEY: &str = env!(\"API_KEY\");")]
    [InlineData("let token: &str = &args[1];")]
    [InlineData("let password: &str = \"\";")]
    public void Declaration_CleanLookAlikes_NoReport(string text) => Assert.Empty(ScanBoth(text));

    // ---------------------------------------------------------------- .env: a value starting with '~'

    [Theory]
    [InlineData("TOKEN=~" + Opaque, "TOKEN", "~" + Opaque)]
    [InlineData("APP_NAME=web\nAPI_SECRET=~" + Opaque + "\n", "API_SECRET", "~" + Opaque)]
    public void EnvValueStartingWithTilde_Reports(string text, string key, string value) => AssertOne(text, key, value);

    [Theory]
    [InlineData("TOKEN =~ /" + Opaque + "/")] // Perl/Ruby match operator
    [InlineData("$token=~/" + Opaque + "/")]
    [InlineData("if ($secret_token =~ m/" + Opaque + "/) {")]
    [InlineData("  TOKEN=~" + Opaque)] // indented: not an .env line
    [InlineData("TOKEN=~" + Opaque + " # note")] // a blank in the line
    [InlineData("SSH_KEY=~/.ssh/id_ed25519")] // a path
    [InlineData("TOKEN=~changeme")]
    public void EnvValueStartingWithTilde_CleanLookAlikes_NoReport(string text) => Assert.Empty(ScanBoth(text));
}
