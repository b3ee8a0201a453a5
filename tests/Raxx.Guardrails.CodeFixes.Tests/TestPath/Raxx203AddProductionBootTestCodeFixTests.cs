using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.CodeFixes.TestPath;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.TestPath
{
    public class Raxx203AddProductionBootTestCodeFixTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc.Testing;
            using Microsoft.Extensions.Configuration;
            using Raptor.Api;
            using Xunit;

            """;

        private static CodeFixTest Test(string source, string? added)
        {
            var test = VerifyFix<Raxx203NoProductionBootTestAnalyzer, Raxx203AddProductionBootTestCodeFix>.Test(Usings + source, Usings + source.Replace("{|RAXX203:", string.Empty).Replace("|}", string.Empty));
            if (added != null)
            {
                test.FixedSources.Add(("ProductionBootTests.cs", added));
            }
            else
            {
                test.FixedSources[0] = ("Test0.cs", Usings + source);
            }
            test.References = ReferenceAssemblies.AspNetTests;
            test.AdditionalReferences.Add(AppUnderTest.MetadataReference);
            test.AssemblyName = "Raptor.Api.Tests";
            return test;
        }

        [Fact]
        public Task EveryFactoryCustomisationReplacesConfiguration_AddsAWebApplicationFactoryProductionBoot()
        {
            var test = Test("""
                namespace Raptor.Api.Tests
                {
                    public class ApiFactory : WebApplicationFactory<Program>
                    {
                        protected override void ConfigureWebHost(IWebHostBuilder builder)
                        {
                            builder.{|RAXX203:ConfigureAppConfiguration|}((_, c) => c.Sources.Clear());
                        }
                    }
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Mvc.Testing;
                using Xunit;

                namespace Raptor.Api.Tests
                {
                    /// <summary>
                    /// Boots the application the way production does (RAXX203): production environment, every production configuration
                    /// source, nothing replaced. Give it the deployment's settings as environment variables where the tests run (or with
                    /// UseSetting, below the production sources) — never by replacing the sources: that hides the failures this test is for.
                    /// </summary>
                    public sealed class ProductionBootTests
                    {
                        [Fact]
                        public async Task App_Boots_AsProductionDoes()
                        {
                            using var factory = new WebApplicationFactory<Raptor.Api.Program>()
                                .WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
                            using var client = factory.CreateClient(); // builds and starts the host: a broken production boot fails here
                            var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                            Assert.True((int)response.StatusCode < 500, $"GET / answered {(int)response.StatusCode} under the production boot path");
                        }
                    }
                }

                """);
            test.CodeActionTitle = "Add a test that boots the app as production does (ProductionBootTests.cs)";
            return test.RunAsync();
        }

        [Fact]
        public Task EveryFactoryCallPassesTestConfig_AddsACallWithoutIt()
        {
            // incident 02: every test called Program.CreateApp(args, testConfig); the production boot never ran in CI
            return Test("""
                public class WebAuthnTests
                {
                    [Fact]
                    public void Boots()
                    {
                        var app = AppFactory.{|RAXX203:CreateApp|}(new string[0], new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "localhost" });
                    }
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Xunit;

                /// <summary>
                /// Boots the application the way production does (RAXX203): production environment, every production configuration
                /// source, nothing replaced. Give it the deployment's settings as environment variables where the tests run (or with
                /// UseSetting, below the production sources) — never by replacing the sources: that hides the failures this test is for.
                /// </summary>
                public sealed class ProductionBootTests
                {
                    [Fact]
                    public async Task App_Boots_AsProductionDoes()
                    {
                        await using var app = Raptor.Api.AppFactory.CreateApp(Array.Empty<string>());
                        app.Urls.Add("http://127.0.0.1:0");
                        await app.StartAsync(); // a broken production boot fails here
                        await app.StopAsync();
                    }
                }

                """).RunAsync();
        }
    }
}
