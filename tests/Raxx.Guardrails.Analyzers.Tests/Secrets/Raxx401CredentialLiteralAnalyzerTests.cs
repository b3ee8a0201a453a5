using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Secrets;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Secrets
{
    public class Raxx401CredentialLiteralAnalyzerTests
    {
        // Fake, format-valid fixtures (the GitHub one carries a correct CRC32 checksum).
        internal const string GitHubToken = "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";
        internal const string HerokuUuid = "5b1d7f3e-2c4a-4e8b-9a6d-0f3c2e1b7a94";
        internal const string AlpacaSecret = "Fk9sQ2xPz7LmW4vRt8YbN3cHj6DgA1eUo5KiTq0Z";
        internal const string Password = "Xy7pQ2mN9vR4";

        private const string Suffix = "; read it from configuration or the environment at run time and rotate the exposed value";

        private static Task Verify(string source, params string[] messages) =>
            Verify<Raxx401CredentialLiteralAnalyzer>.VerifyAsync(source, messages);

        [Fact]
        public Task ConstGitHubToken_Reports() => Verify($$"""
            class Settings
            {
                public const string GitHubToken = {|RAXX401:"{{GitHubToken}}"|};
            }
            """, "Credential literal: github credential 'ghp_…' (40 chars) assigned to 'GitHubToken'" + Suffix);

        [Fact]
        public Task HerokuUuidInField_Reports() => Verify($$"""
            class Settings
            {
                private static readonly string HerokuApiKey = {|RAXX401:"{{HerokuUuid}}"|};
            }
            """, "Credential literal: secret value '5b1d…' (36 chars) assigned to 'HerokuApiKey'" + Suffix);

        [Fact]
        public Task PropertyInitializerAndLocal_Report() => Verify($$"""
            class Settings
            {
                public string ALPACA_PAPER_API_SECRET { get; set; } = {|RAXX401:"{{AlpacaSecret}}"|};
                void M()
                {
                    var signingKey = {|RAXX401:"0afae57f3ccfd9d7f5767067bc48b30f719e271ba470488056e37ab35d4b6506"|};
                    System.Console.WriteLine(signingKey);
                }
            }
            """);

        [Fact]
        public Task ConfigurationIndexerAssignment_Reports() => Verify($$"""
            using Microsoft.Extensions.Configuration;
            class Boot
            {
                void M(IConfiguration configuration)
                {
                    configuration["Alpaca:ApiSecret"] = {|RAXX401:"{{AlpacaSecret}}"|};
                }
            }
            """, "Credential literal: secret value 'Fk9s…' (40 chars) assigned to 'Alpaca:ApiSecret'" + Suffix);

        [Fact]
        public Task NetworkCredentialArgument_Reports() => Verify($$"""
            class Client
            {
                object M(string user) => new System.Net.NetworkCredential(user, {|RAXX401:"{{Password}}"|});
            }
            """, "Credential literal: secret value 'Xy…' (12 chars) assigned to 'password'" + Suffix);

        /// <summary>
        /// The PowerShell SDK's <c>AddParameter("Password", "…")</c>: the name argument names the value (the key/value pair
        /// rule of <c>Add("Key", "…")</c>), and a script's text is read as a script (<c>-Password '…'</c>). Not reported: a
        /// variable, a non-secret parameter, a switch, a placeholder, a script reading the environment.
        /// </summary>
        [Fact]
        public Task PowerShellSdkAddParameter_NamedByTheParameterName() => Verify($$"""
            class PowerShell
            {
                public PowerShell AddCommand(string name) => this;
                public PowerShell AddParameter(string name, object value) => this;
                public PowerShell AddParameter(string name) => this;
                public PowerShell AddScript(string script) => this;
            }
            class Deploy
            {
                void M(PowerShell ps, string password)
                {
                    ps.AddCommand("Connect-Lab").AddParameter("Password", {|RAXX401:"{{Password}}"|});
                    ps.AddCommand("Connect-Api").AddParameter("Token", {|RAXX401:"{{AlpacaSecret}}"|});
                    ps.AddCommand("Connect-Graph").AddParameter("ClientSecret", {|RAXX401:"{{AlpacaSecret}}"|});
                    ps.AddScript({|RAXX401:"Connect-Lab -Server lab01 -Password '{{Password}}'"|});
                    ps.AddCommand("Connect-Lab").AddParameter("Password", password);
                    ps.AddCommand("Get-Item").AddParameter("Path", "C:\\deploy\\{{Password}}");
                    ps.AddCommand("Connect-Lab").AddParameter("Server", "{{Password}}");
                    ps.AddCommand("Connect-Lab").AddParameter("PasswordNeverExpires");
                    ps.AddCommand("Connect-Lab").AddParameter("Password", "<password>");
                    ps.AddScript("Connect-Lab -Server lab01 -Password $env:LAB_PASSWORD");
                }
            }
            """,
            "Credential literal: secret value 'Xy…' (12 chars) assigned to 'Password'" + Suffix,
            "Credential literal: secret value 'Fk9s…' (40 chars) assigned to 'Token'" + Suffix,
            "Credential literal: secret value 'Fk9s…' (40 chars) assigned to 'ClientSecret'" + Suffix,
            "Credential literal: secret value 'Xy…' (12 chars) assigned to '-Password'" + Suffix);

        /// <summary>The exact example tokens of RFC 6749 and RFC 7519 / jwt.io are no credential; one character changed is.</summary>
        [Fact]
        public Task PublishedExampleTokens_NotReported_LookAlikeReported() => Verify($$"""
            class OAuthSample
            {
                const string AccessToken = "2YotnFZFEjr1zCsicMWpAA";
                const string RefreshToken = "tGzv3JOkF0XG5Qx2TlKWIA";
                const string IdToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
                const string OtherAccessToken = {|RAXX401:"2YotnFZFEjr1zMsicMWpAA"|};
            }
            """);

        [Fact]
        public Task DictionaryAndCollectionInitializers_Report() => Verify($$"""
            using System.Collections.Generic;
            class Boot
            {
                Dictionary<string, string?> A = new() { { "Alpaca:ApiSecret", {|RAXX401:"{{AlpacaSecret}}"|} } };
                Dictionary<string, string?> B = new() { ["Heroku:ApiKey"] = {|RAXX401:"{{HerokuUuid}}"|} };
                (string, string)[] C = { ("SECRET_KEY", {|RAXX401:"Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB"|}) };
                string[] D = { {|RAXX401:"{{GitHubToken}}"|} };
            }
            """);

        [Fact]
        public Task CallArgumentsEverywhere_ReportOnce() => Verify($$"""
            using System;
            class Vault
            {
                public Vault(string password) { }
                public static string Login(string password) => password;
                public static string Echo(string text) => text;
                static readonly string F = Login({|RAXX401:"{{Password}}"|});
                string P { get; } = Login({|RAXX401:"{{Password}}"|});
                string Q => Login({|RAXX401:"{{Password}}"|});
                string this[int i] { get => Login({|RAXX401:"{{Password}}"|}); }
                public Vault() : this(Login({|RAXX401:"{{Password}}"|})) { }
                void M(Func<string, string> f, string user)
                {
                    Func<string> lambda = () => Login({|RAXX401:"{{Password}}"|});
                    string Local() => Login(({|RAXX401:"{{Password}}"|}));
                    _ = new Vault({|RAXX401:"{{Password}}"|});
                    Vault v = new(user ?? {|RAXX401:"{{Password}}"|});
                    _ = f("{{Password}}") + Echo("{{Password}}") + Login(password: {|RAXX401:"{{Password}}"|});
                }
                void D(string s = "{{Password}}", string password = {|RAXX401:"{{Password}}"|}) { }
            }
            """);

        [Fact]
        public Task CallArgumentThroughWrappers_NamedByTheParameter() => Verify($$"""
            static class Ext
            {
                public static string Use(this object o, string password) => password;
            }
            class C
            {
                static string Many(string user, params string[] pwd) => user;
                static string Obj(object password) => "";
                static string Plain(object value) => "";
                void M(object o, bool b, string? s)
                {
                    _ = o.Use({|RAXX401:"{{Password}}"|}) + Ext.Use(o, {|RAXX401:"{{Password}}"|});
                    _ = Many(s!, {|RAXX401:"{{Password}}"|}, {|RAXX401:"{{Password}}"|});
                    _ = Obj({|RAXX401:"{{Password}}"|}) + Obj(b ? {|RAXX401:"{{Password}}"|} : "short") + Obj((s ?? {|RAXX401:"{{Password}}"|})!);
                    _ = Obj(b switch { true => {|RAXX401:"{{Password}}"|}, _ => "" }) + Obj({|RAXX401:"{{Password}}"|} + s);
                    _ = Plain("{{Password}}") + Plain(b ? "{{Password}}" : s) + o.Use(password: {|RAXX401:"{{Password}}"|});
                }
            }
            """);

        [Fact]
        public Task LiteralsAmongQuotesElsewhere_ReportEach() => Verify($$""""
            // a "quoted" comment: "{{GitHubToken}}"
            /// <summary>"{{GitHubToken}}"</summary>
            class C
            {
                const char Quote = '"';
            #if NEVER_DEFINED
                const string Disabled = "{{GitHubToken}}";
            #endif
                string A = @"say ""hi"" " + {|RAXX401:"{{GitHubToken}}"|};
                string B => $@"a ""quoted"" {Quote}{|RAXX401: {{GitHubToken}}|}";
                string C2 => $"{Quote}" + $"{(Quote == 'x' ? {|RAXX401:"{{GitHubToken}}"|} : "")}";
                string D = {|RAXX401:"""
                    {{GitHubToken}}
                    """|};
                string E = /* "" */ {|RAXX401:@"{{GitHubToken}}"|};
            }
            """");

        [Fact]
        public Task AttributeArgument_Reports() => Verify($$"""
            using System;
            class ApiAttribute : Attribute
            {
                public string? ApiKey { get; set; }
            }
            [Api(ApiKey = {|RAXX401:"{{AlpacaSecret}}"|})]
            class Controller { }
            """);

        [Fact]
        public Task InterpolatedStringConstantPart_Reports() => Verify($$"""
            class Client
            {
                string M(string repo) => $"{|RAXX401:https://x-access-token:{{GitHubToken}}@github.com/|}{repo}";
            }
            """);

        [Fact]
        public Task ConnectionStringPassword_Reports() => Verify($$"""
            class Db
            {
                const string ConnectionString = {|RAXX401:"Server=db.internal;Database=app;User Id=app;Password={{Password}};"|};
            }
            """, "Credential literal: secret value 'Xy…' (12 chars) assigned to 'Password'" + Suffix);

        /// <summary>
        /// A PowerShell script held in a C# literal (run through the PowerShell SDK) that turns a plain-text literal into a
        /// SecureString: the engine reads the script's text, so the password is reported; a script reading it from the
        /// environment, and the plain-text switch on a prompt's result, are not.
        /// </summary>
        [Fact]
        public Task PowerShellScriptWithPlainTextSecureString_Reports() => Verify("""
            class Deploy
            {
                void AddScript(string script) { }
                void M()
                {
                    AddScript({|RAXX401:"$cred = [pscredential]::new('deploy', (ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force))"|});
                    AddScript("$cred = [pscredential]::new('deploy', (ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force))");
                    AddScript("$sec = Read-Host 'Deploy password' -AsSecureString");
                }
            }
            """, "Credential literal: secret value 'P@…' (13 chars) assigned to 'ConvertTo-SecureString -AsPlainText'" + Suffix);

        [Fact]
        public Task PrivateKeyVerbatimString_Reports() => Verify("""
            class Keys
            {
                const string Pem = {|RAXX401:@"-----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIBx9mX3k2Vq8Rj5Tn1Lp7Wc4Hs6Dg0Fa9Ke2Yb8Zu3QoAoGCCqGSM49
            AwEHoUQDQgAE8mKq2Wv5Rn3Xt7Lb1Jc9Pd4Hs6Fg0Ya2Ue8Zi3Ko5Mq7Nw1Bx4C
            -----END EC PRIVATE KEY-----"|};
            }
            """);

        [Fact]
        public Task CoalesceFallbackLiteral_Reports() => Verify($$"""
            class Boot
            {
                string HerokuApiKey => System.Environment.GetEnvironmentVariable("HEROKU_API_KEY") ?? {|RAXX401:"{{HerokuUuid}}"|};
            }
            """);

        [Fact]
        public Task ReadsFromConfigurationAndPlaceholders_NoReport() => Verify("""
            using System;
            using Microsoft.Extensions.Configuration;
            class Settings
            {
                public const string ApiSecretKey = "Alpaca:ApiSecret";
                public const string HerokuApiKeyPlaceholder = "<your-token>";
                public const string SigningKeyTemplate = "${BOOTSTRAP_TOKEN_SIGNING_KEY}";
                public const string Password = "changeme";
                public const string AwsAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
                public const string GitHubToken = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                public static readonly Guid CorrelationNamespace = new("0736f5ef-7e88-499a-80cc-90c85d2a5180");
                public const string TenantId = "e8e4df51-2054-49b0-ab1c-516ac95c691d";
                public const string ContentHash = "6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde";
                string? Read(IConfiguration c) => c["Alpaca:ApiSecret"] ?? Environment.GetEnvironmentVariable("ALPACA_PAPER_API_SECRET");
            }
            """);

        [Fact]
        public Task NearMissGitHubChecksum_NoReport() => Verify("""
            class Settings
            {
                // same shape as a GitHub token but the CRC32 tail is wrong: not a token
                public const string Sample = "ghp_raxxGuardrailsFixture1a2b3c4d52s43my";
            }
            """);

        [Fact]
        public Task SuppressionCommentWithReason_NoReport() => Verify($$"""
            class Settings
            {
                // raxx:allow-credential public test key documented by the vendor
                public const string HerokuApiKey = "{{HerokuUuid}}";
                public const string SigningKey = "0afae57f3ccfd9d7f5767067bc48b30f719e271ba470488056e37ab35d4b6506"; // raxx:allow-credential fixture for the verifier
            }
            """);

        [Fact]
        public Task TrailingSuppression_CoversOwnLineOnly_Reports() => Verify($$"""
            class Settings
            {
                public const string SigningKey = "0afae57f3ccfd9d7f5767067bc48b30f719e271ba470488056e37ab35d4b6506"; // raxx:allow-credential fixture
                public const string HerokuApiKey = {|RAXX401:"{{HerokuUuid}}"|};
            }
            """);

        [Fact]
        public Task SuppressionCommentWithoutReason_Reports() => Verify($$"""
            class Settings
            {
                // raxx:allow-credential
                public const string HerokuApiKey = {|RAXX401:"{{HerokuUuid}}"|};
            }
            """);

        [Fact]
        public async Task TestProject_ContextOnly_NoReport_ProviderFormat_Reports()
        {
            var test = Verify<Raxx401CredentialLiteralAnalyzer>.Test($$"""
                class Fixtures
                {
                    const string HerokuApiKey = "{{HerokuUuid}}";
                    const string GitHubToken = {|RAXX401:"{{GitHubToken}}"|};
                }
                """);
            test.References = ReferenceAssemblies.AspNetTests;
            await test.RunAsync();
        }

        [Fact]
        public async Task TestProject_OptionAll_Reports()
        {
            var test = Verify<Raxx401CredentialLiteralAnalyzer>.Test($$"""
                class Fixtures
                {
                    const string HerokuApiKey = {|RAXX401:"{{HerokuUuid}}"|};
                }
                """);
            test.References = ReferenceAssemblies.AspNetTests;
            test.GlobalConfigLines.Add("raxx_guardrails.secrets.test_projects = all");
            await test.RunAsync();
        }

        [Fact]
        public async Task TestProject_OptionNone_NoReport()
        {
            var test = Verify<Raxx401CredentialLiteralAnalyzer>.Test($$"""
                class Fixtures
                {
                    const string GitHubToken = "{{GitHubToken}}";
                }
                """);
            test.References = ReferenceAssemblies.AspNetTests;
            test.EditorConfig = "root = true\n[*.cs]\nraxx_guardrails.secrets.test_projects = none\n";
            await test.RunAsync();
        }

        [Fact]
        public Task SecretNameWithANumber_Reports_MetadataNamesWithANumberDoNot() => Verify($$"""
            class Settings
            {
                public const string Password1 = {|RAXX401:"{{Password}}"|};
                private static readonly string ApiToken2 = {|RAXX401:"{{AlpacaSecret}}"|};
                public const string PasswordLength2 = "{{Password}}";
                public const string TokenId1 = "{{AlpacaSecret}}";
                public const string Sha256 = "{{AlpacaSecret}}";
            }
            """);

        [Fact]
        public Task PowerShellCommandLineWithAPasswordParameter_Reports() => Verify($$"""
            class Setup
            {
                const string Script = {|RAXX401:"Connect-Lab -Server lab01 -Password '{{Password}}'"|};
                const string ReadAtRunTime = "Connect-Lab -Server lab01 -Password $env:LAB_PASSWORD";
            }
            """, "Credential literal: secret value 'Xy…' (12 chars) assigned to '-Password'" + Suffix);

        [Fact]
        public Task FilePathsAccountsAndExampleValues_NoReport_SecretsBesideThemDo() => Verify($$"""
            class Settings
            {
                public const string PrivateKey = @"C:\keys\app2024.pem";
                public const string SshKey = "~/.ssh/id_ed25519";
                public const string TlsPrivateKey = "/etc/ssl/private/app01.pem";
                public const string Credential = @"CONTOSO\svc-app01";
                public const string ServiceCredentials = "svc-deploy01@contoso.example";
                public const string ApiKey = "example-api-key-1234567";
                public const string ApiSecret = {|RAXX401:"/k7QpL2mZ/x9RtWv4YbN8cJ3"|};
                public const string Password = {|RAXX401:@"DOMAIN\x9!kQ7mZ2p"|};
                public const string CredentialToken = {|RAXX401:@"CONTOSO\k7QpL2mZx9RtWv4Yb"|};
                public const string AppKey = {|RAXX401:"{{AlpacaSecret}}"|};
            }
            """);

        [Fact]
        public async Task BrokenCode_NoException()
        {
            var test = Verify<Raxx401CredentialLiteralAnalyzer>.Test($$"""
                class C { const string HerokuApiKey = {|RAXX401:"{{HerokuUuid}}"|} void }
                """);
            test.AllowCompilerErrors = true;
            await test.RunAsync();
        }
    }
}
