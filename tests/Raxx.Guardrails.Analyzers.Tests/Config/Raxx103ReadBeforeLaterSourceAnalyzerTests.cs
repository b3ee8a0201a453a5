using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    public class Raxx103ReadBeforeLaterSourceAnalyzerTests
    {
        private static Task VerifyAsync(string body, params string[] messages) =>
            Verify<Raxx103ReadBeforeLaterSourceAnalyzer>.VerifyAsync(ConfigTestSources.Usings + body, messages);

        [Fact]
        public Task ValidatorReadsBeforeInstanceFile_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var rpId = builder.Configuration[{|RAXX103:"WEBAUTHN_RP_ID"|}];
                        if (string.IsNullOrEmpty(rpId)) throw new InvalidOperationException("WEBAUTHN_RP_ID is not set");
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                    }
                }
                """,
                "'WEBAUTHN_RP_ID' is read from the configuration before AddJsonFile(\"instance/config.json\") (line 18) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).");

        [Fact]
        public Task EveryReadKind_Reports() =>
            VerifyAsync("""
                sealed class WebAuthnOptions { public string? RpId { get; set; } }
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        var a = builder.Configuration.{|RAXX103:GetValue|}<string>("WEBAUTHN_RP_NAME");
                        var b = builder.Configuration.GetSection("WebAuthn").{|RAXX103:Get|}<WebAuthnOptions>();
                        var o = new WebAuthnOptions();
                        builder.Configuration.{|RAXX103:Bind|}("WebAuthn", o);
                        var c = builder.Configuration.{|RAXX103:GetConnectionString|}("Db");
                        builder.Configuration.{|RAXX103:Bind|}(o);
                        var d = builder.Configuration.GetSection({|RAXX103:"WEBAUTHN_ORIGIN"|}).Value;
                        builder.Configuration["FLAG_WEBAUTHN_REGISTRATION"] = "1";
                    }
                }
                """,
                "'WEBAUTHN_RP_NAME' is read from the configuration before the write of 'FLAG_WEBAUTHN_REGISTRATION' (line 24) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).",
                "'WebAuthn' is read from the configuration before the write of 'FLAG_WEBAUTHN_REGISTRATION' (line 24) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).",
                "'WebAuthn' is read from the configuration before the write of 'FLAG_WEBAUTHN_REGISTRATION' (line 24) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).",
                "'ConnectionStrings:Db' is read from the configuration before the write of 'FLAG_WEBAUTHN_REGISTRATION' (line 24) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).",
                "every key (Bind/Get on the root) is read from the configuration before the write of 'FLAG_WEBAUTHN_REGISTRATION' (line 24) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).",
                "'WEBAUTHN_ORIGIN' is read from the configuration before the write of 'FLAG_WEBAUTHN_REGISTRATION' (line 24) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).");

        [Fact]
        public Task ReadNotDecidingTheLaterAdd_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        if (builder.Configuration.{|RAXX103:GetValue|}<bool>("VERBOSE"))
                        {
                            Console.WriteLine("verbose");
                        }
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                    }
                }
                """);

        // ---- nearest clean look-alikes ----

        [Fact]
        public Task ReadDecidesTheAdd_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        if (builder.Configuration.GetValue<bool>("UseVault") && builder.Configuration["VaultUri"] != null)
                        {
                            builder.Configuration.AddJsonFile("vault.json");
                        }
                        var vaultFile = builder.Configuration["VAULT_FILE"];
                        if (!string.IsNullOrEmpty(vaultFile))
                        {
                            builder.Configuration.AddJsonFile(vaultFile);
                        }
                        builder.Configuration.AddKeyPerFile(builder.Configuration["SECRETS_DIR"] ?? "/run/secrets", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                    }
                }
                """);

        [Fact]
        public Task ReadAfterAllSourcesOrLater_NoReport() =>
            VerifyAsync("""
                sealed class WebAuthnOptions { public string? RpId { get; set; } }
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                        var rpId = builder.Configuration["WEBAUTHN_RP_ID"];
                        builder.Services.Configure<WebAuthnOptions>(o => o.RpId = builder.Configuration["WEBAUTHN_RP_ID"]);
                        builder.Services.Configure<WebAuthnOptions>(builder.Configuration.GetSection("WebAuthn"));
                        var app = builder.Build();
                        var final = app.Configuration["WEBAUTHN_RP_ID"];
                    }

                    static void Later(WebApplicationBuilder builder)
                    {
                        builder.Services.AddSingleton(sp => builder.Configuration["X"] ?? "");
                        builder.Configuration.AddJsonFile("late.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoReport_NoCrash()
        {
            var test = Verify<Raxx103ReadBeforeLaterSourceAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        var a = builder.Configuration[];
                        var b = builder.Configuration.GetValue<>("x");
                        var c = builder.Configuration.Get<Missing>();
                        builder.Configuration.AddJsonFile(
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        [Fact]
        public Task ReadBeforeNullConditionalWrite_Reports()
        {
            // The later change is a C# 14 null-conditional assignment (not seen before: no change, no finding).
            var test = Verify<Raxx103ReadBeforeLaterSourceAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var origin = builder.Configuration?[{|RAXX103:"WEBAUTHN_ORIGIN"|}];
                        builder.Configuration?["WEBAUTHN_RP_ID"] = "raxx.app";
                        var after = builder.Configuration?["WEBAUTHN_RP_NAME"];
                    }
                }
                """);
            test.LanguageVersion = LanguageVersion.Preview;
            test.ExpectedMessages.Add("'WEBAUTHN_ORIGIN' is read from the configuration before the write of 'WEBAUTHN_RP_ID' (line 17) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).");
            return test.RunAsync();
        }
    }
}
