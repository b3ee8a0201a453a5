using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    public class Raxx102KeyWrittenInCodeAnalyzerTests
    {
        private static Task VerifyAsync(string body, params string[] messages) =>
            Verify<Raxx102KeyWrittenInCodeAnalyzer>.VerifyAsync(ConfigTestSources.Usings + body, messages);

        [Fact]
        public Task IndexerWriteAfterCreateBuilder_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration[{|RAXX102:"WEBAUTHN_RP_ID"|}] = "";
                    }
                }
                """,
                "Key 'WEBAUTHN_RP_ID' is written in code after the configuration sources and overrides the deployment's value from environment variables and the command line. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.");

        [Fact]
        public Task SectionWritesAndUseSetting_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.GetSection("WebAuthn")[{|RAXX102:"RpId"|}] = "localhost";
                        builder.Configuration.GetSection({|RAXX102:"Origin"|}).Value = "http://localhost";
                        var section = builder.Configuration.GetSection("Flags");
                        section.{|RAXX102:Value|} = "on";
                        IConfiguration config = builder.Configuration;
                        config[{|RAXX102:"FLAG_WEBAUTHN_REGISTRATION"|}] = "1";
                        builder.WebHost.UseSetting({|RAXX102:"WEBAUTHN_ORIGIN"|}, "https://raxx.app");
                    }
                }
                """,
                "Key 'WebAuthn:RpId' is written in code after the configuration sources and overrides the deployment's value from environment variables. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'Origin' is written in code after the configuration sources and overrides the deployment's value from environment variables. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'Flags' is written in code after the configuration sources and overrides the deployment's value from environment variables. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'FLAG_WEBAUTHN_REGISTRATION' is written in code after the configuration sources and overrides the deployment's value from environment variables. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'WEBAUTHN_ORIGIN' is written in code after the configuration sources and overrides the deployment's value from environment variables. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.");

        [Fact]
        public Task HostApplicationBuilderParameter_Reports() =>
            VerifyAsync("""
                static class App
                {
                    public static void Configure(this IHostApplicationBuilder builder, string key)
                    {
                        builder.Configuration[{|RAXX102:key|}] = "x";
                    }
                }
                """,
                "Key 'key' is written in code after the configuration sources and overrides the deployment's value from environment variables. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.");

        // ---- nearest clean look-alikes ----

        [Fact]
        public Task ReadsAndEnvironmentReAdded_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var rpId = builder.Configuration["WEBAUTHN_RP_ID"];
                        var section = builder.Configuration.GetSection("WebAuthn").Value;
                        builder.Configuration["WEBAUTHN_RP_NAME"] = "Raxx";
                        builder.Configuration["WEBAUTHN_RP_ID"] ??= "raxx.app";
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.AddCommandLine(args);
                    }
                }
                """);

        [Fact]
        public Task NoDeploymentSourcesOrOtherTargets_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(IConfiguration injected, Dictionary<string, string> dict)
                    {
                        var manager = new ConfigurationManager();
                        manager["K"] = "v";
                        injected["K"] = "v";
                        dict["K"] = "v";
                        var root = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                        root["K"] = "v";
                        var defaults = Host.CreateDefaultBuilder().ConfigureWebHostDefaults(web => web.UseSetting("K", "v"));
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoReport_NoCrash()
        {
            var test = Verify<Raxx102KeyWrittenInCodeAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration[] = "x";
                        builder.Configuration["a", "b"] = "x";
                        builder.WebHost.UseSetting();
                        builder.Configuration.GetSection().Value = 1;
                    }
                }
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        // ---- ?. and locals on WebHost; null-conditional assignments (C# 14) ----

        [Fact]
        public Task UseSettingThroughNullConditionalAndLocal_Reports() =>
            // builder.WebHost?.UseSetting resolved already (pinned here); a local holding builder.WebHost was not followed.
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.WebHost?.UseSetting({|RAXX102:"A"|}, "1");
                        builder?.WebHost.UseSetting({|RAXX102:"B"|}, "2");
                        var web = builder.WebHost;
                        web?.UseSetting({|RAXX102:"C"|}, "3");
                        web.UseSetting({|RAXX102:"D"|}, "4");
                    }
                }
                """,
                "Key 'A' is written in code after the configuration sources and overrides the deployment's value from environment variables and the command line. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'B' is written in code after the configuration sources and overrides the deployment's value from environment variables and the command line. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'C' is written in code after the configuration sources and overrides the deployment's value from environment variables and the command line. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.",
                "Key 'D' is written in code after the configuration sources and overrides the deployment's value from environment variables and the command line. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write.");

        [Fact]
        public Task UseSettingLookAlikes_NoReport() =>
            // A host builder's web host of unknown origin (via ?. and a local), and a re-add of the deployment sources after it.
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        Host.CreateDefaultBuilder().ConfigureWebHostDefaults(web => { var w = web; w?.UseSetting("K", "v"); });
                        var builder = WebApplication.CreateBuilder(args);
                        var webHost = builder.WebHost;
                        webHost?.UseSetting("K", "v");
                        builder.Configuration?.AddEnvironmentVariables();
                        builder.Configuration?.AddCommandLine(args);
                    }
                }
                """);

        [Fact]
        public Task NullConditionalAssignment_Reports()
        {
            // C# 14 `x?["K"] = v` / `s?.Value = v`: the assignment's left side is the binding after the `?`, which the
            // syntax pre-check did not accept. Preview here: the tests' compiler (4.14) has C# 14 as preview.
            var test = Verify<Raxx102KeyWrittenInCodeAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?[{|RAXX102:"A"|}] = "1";
                        builder.Configuration.GetSection({|RAXX102:"B"|})?.Value = "2";
                        var section = builder.Configuration.GetSection("C");
                        section?.{|RAXX102:Value|} = "3";
                        builder?.Configuration.GetSection("D")?[{|RAXX102:"E"|}] = "4";
                    }
                }
                """);
            test.LanguageVersion = LanguageVersion.Preview;
            test.ExpectedMessages.AddRange(new[] { "A", "B", "C", "D:E" }.Select(key =>
                "Key '" + key + "' is written in code after the configuration sources and overrides the deployment's value from environment variables and the command line. Give it a default below them instead (Sources.Insert(0, new MemoryConfigurationSource { InitialData = … })) or remove the write."));
            return test.RunAsync();
        }

        [Fact]
        public Task NullConditionalAssignmentLookAlikes_NoReport()
        {
            // Targets that are no deployment pipeline, and a write followed by the re-added deployment sources.
            var test = Verify<Raxx102KeyWrittenInCodeAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args, IConfiguration injected, Dictionary<string, string> dict)
                    {
                        injected?["K"] = "v";
                        dict?["K"] = "v";
                        var manager = new ConfigurationManager();
                        manager?["K"] = "v";
                        manager.GetSection("S")?.Value = "v";
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?["K"] = "v";
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.AddCommandLine(args);
                    }
                }
                """);
            test.LanguageVersion = LanguageVersion.Preview;
            return test.RunAsync();
        }
    }
}
