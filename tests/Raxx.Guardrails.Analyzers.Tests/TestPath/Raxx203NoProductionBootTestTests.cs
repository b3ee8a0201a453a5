using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.TestPath
{
    public class Raxx203NoProductionBootTestTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc.Testing;
            using Microsoft.Extensions.Configuration;
            using Raptor.Api;
            using Xunit;

            """;

        private const string Advice = ". Add a test that boots it as production does: call the factory without test configuration, or customise WebApplicationFactory with UseSetting only.";

        private static AnalyzerTest Test(string source, bool testAssembly = true)
        {
            var test = Verify<Raxx203NoProductionBootTestAnalyzer>.Test(Usings + source);
            test.References = testAssembly ? ReferenceAssemblies.AspNetTests : ReferenceAssemblies.AspNet;
            test.AdditionalReferences.Add(AppUnderTest.MetadataReference);
            test.AssemblyName = "Raptor.Api.Tests";
            return test;
        }

        [Fact]
        public Task EveryFactoryCallPassesTestConfig_Reports()
        {
            var test = Test("""
                public class WebAuthnTests
                {
                    [Fact]
                    public void Boots()
                    {
                        var app = AppFactory.{|#0:CreateApp|}(new string[0], new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "localhost" });
                    }

                    [Fact]
                    public void BootsWithFlag()
                    {
                        var app = AppFactory.CreateApp(new string[0], testConfig: new Dictionary<string, string?> { ["FLAG_WEBAUTHN_REGISTRATION"] = "1" });
                        Assert.Equal("Raptor", AppFactory.Describe());
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(DiagnosticResult.Diagnostic("RAXX203").WithLocation(0).WithMessage(
                "No test in 'Raptor.Api.Tests' boots the application through its production path: every call to AppFactory.CreateApp passes test configuration (testConfig at Test0.cs:12, testConfig at Test0.cs:18)" + Advice));
            return test.RunAsync();
        }

        [Fact]
        public Task EveryWebApplicationFactoryCustomisationReplacesConfiguration_Reports()
        {
            var test = Test("""
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.ConfigureAppConfiguration((_, c) => c.Sources.Clear());
                    }
                }

                public class HealthTests
                {
                    public HealthTests(WebApplicationFactory<Program> factory)
                    {
                        var client = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddJsonFile("test.json"))).CreateClient();
                    }
                }
                """);
            // Reported at the first replacement found (the ConfigureAppConfiguration in ApiFactory); every one is listed.
            test.ExpectedDiagnostics.Add(DiagnosticResult.Diagnostic("RAXX203").WithSpan("/src/Test0.cs", 11, 17, 11, 42).WithMessage(
                "No test in 'Raptor.Api.Tests' boots the application through its production path: every ApiFactory customisation replaces the configuration (ConfigureAppConfiguration at Test0.cs:11); every WebApplicationFactory<Program> customisation replaces the configuration (ConfigureAppConfiguration at Test0.cs:19)" + Advice));
            return test.RunAsync();
        }

        [Fact]
        public Task OneTestBootsProductionPath_NoReport() =>
            Test("""
                public class WebAuthnTests
                {
                    [Fact]
                    public void BootsWithTestConfig() => AppFactory.CreateApp(new string[0], new Dictionary<string, string?>());

                    [Fact]
                    public void BootsLikeProduction() => AppFactory.CreateApp(new[] { "--WEBAUTHN_RP_ID=raxx.app" });

                    [Fact]
                    public void BootsWithNullTestConfig() => AppFactory.CreateApp(new string[0], null);
                }
                """).RunAsync();

        [Fact]
        public Task UseSettingCustomisation_NoReport() =>
            Test("""
                public class HealthTests : IClassFixture<WebApplicationFactory<Program>>
                {
                    public HealthTests(WebApplicationFactory<Program> factory)
                    {
                        var client = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddJsonFile("test.json"))).CreateClient();
                        var production = factory.WithWebHostBuilder(b => b.UseSetting("WEBAUTHN_RP_ID", "raxx.app")).CreateClient();
                    }
                }
                """).RunAsync();

        [Fact]
        public Task PlainFactoryOnly_NoReport() =>
            Test("""
                public class HealthTests : IClassFixture<WebApplicationFactory<Program>>
                {
                    public HealthTests(WebApplicationFactory<Program> factory) => factory.CreateClient();
                }
                """).RunAsync();

        [Fact]
        public Task ProductionAssembly_NoReport()
        {
            var test = Test(string.Empty, testAssembly: false);
            test.Sources.Clear();
            test.Sources.Add(("Test0.cs", """
                using System.Collections.Generic;
                using Raptor.Api;

                public static class Boot
                {
                    public static void Main() => AppFactory.CreateApp(new string[0], new Dictionary<string, string?>());
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task CodeThatDoesNotCompile_NoReport()
        {
            var test = Test("""
                public class WebAuthnTests
                {
                    [Fact]
                    public void Boots()
                    {
                        var app = AppFactory.CreateApp(new string[0], testConfig: , missing);
                        var other = Missing.CreateApp(testConfig: new Dictionary<string, string?>());
                        factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration(
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
