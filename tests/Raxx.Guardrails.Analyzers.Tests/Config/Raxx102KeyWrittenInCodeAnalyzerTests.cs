using System.Threading.Tasks;
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
    }
}
