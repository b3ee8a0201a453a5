using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.CodeFixes.TestPath;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.TestPath
{
    public class Raxx202UseSettingCodeFixTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc.Testing;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Hosting;

            public partial class Program { }

            """;

        private static CodeFixTest Test(string source, string fixedSource)
        {
            var test = VerifyFix<Raxx202TestReplacesConfigurationAnalyzer, Raxx202UseSettingCodeFix>.Test(Usings + source, Usings + fixedSource);
            test.References = ReferenceAssemblies.AspNetTests;
            return test;
        }

        [Fact]
        public Task DictionaryLiteral_BecomesUseSettingCalls_Reports() =>
            Test("""
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.UseEnvironment("Production");
                        builder.{|RAXX202:ConfigureAppConfiguration|}((ctx, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
                        {
                            { "WEBAUTHN_RP_ID", "raxx.app" },
                            { "WEBAUTHN_ORIGIN", "https://raxx.app" },
                        }));
                    }
                }
                """, """
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.UseEnvironment("Production");
                        builder.UseSetting("WEBAUTHN_RP_ID", "raxx.app");
                        builder.UseSetting("WEBAUTHN_ORIGIN", "https://raxx.app");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task IndexerInitializerInExpressionLambda_BecomesChain_Reports() =>
            Test("""
                public class HealthTests
                {
                    public HealthTests(WebApplicationFactory<Program> factory)
                    {
                        var f = factory.WithWebHostBuilder(b => b.{|RAXX202:ConfigureAppConfiguration|}((_, c) =>
                        {
                            c.AddInMemoryCollection(new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "raxx.app", ["FLAG_WEBAUTHN_REGISTRATION"] = "1" });
                        }));
                        var g = factory.WithWebHostBuilder(b =>
                        {
                            b.{|RAXX202:ConfigureAppConfiguration|}((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?> { ["WEBAUTHN_RP_NAME"] = "Raxx" }));
                        });
                    }
                }
                """, """
                public class HealthTests
                {
                    public HealthTests(WebApplicationFactory<Program> factory)
                    {
                        var f = factory.WithWebHostBuilder(b => b.UseSetting("WEBAUTHN_RP_ID", "raxx.app").UseSetting("FLAG_WEBAUTHN_REGISTRATION", "1"));
                        var g = factory.WithWebHostBuilder(b =>
                        {
                            b.UseSetting("WEBAUTHN_RP_NAME", "Raxx");
                        });
                    }
                }
                """).RunAsync();

        [Fact]
        public Task HostBuilder_MovesToConfigureHostConfiguration_Reports() =>
            Test("""
                public class HostTests
                {
                    public IHost Boot(Dictionary<string, string?> settings) =>
                        Host.CreateDefaultBuilder()
                            .{|RAXX202:ConfigureAppConfiguration|}((_, c) => c.AddInMemoryCollection(settings))
                            .Build();
                }
                """, """
                public class HostTests
                {
                    public IHost Boot(Dictionary<string, string?> settings) =>
                        Host.CreateDefaultBuilder()
                            .ConfigureHostConfiguration(c => c.AddInMemoryCollection(settings))
                            .Build();
                }
                """).RunAsync();

        [Fact]
        public Task NotALiteralDictionary_NoFix()
        {
            var source = """
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    private readonly Dictionary<string, string?> _settings = new();

                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.{|RAXX202:ConfigureAppConfiguration|}((ctx, c) => c.AddInMemoryCollection(_settings));
                        builder.{|RAXX202:ConfigureAppConfiguration|}((ctx, c) => c.AddInMemoryCollection(new Dictionary<string, string?> { ["ENV"] = ctx.HostingEnvironment.EnvironmentName }));
                    }
                }
                """;
            return Test(source, source).RunAsync();
        }
    }
}
