using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.TestPath
{
    public class Raxx202TestReplacesConfigurationTests
    {
        internal const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc.Testing;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Hosting;
            using Xunit;

            public partial class Program { }

            """;

        private const string Advice = ": a broken late production source stays hidden, so the test passes while production crashes. Set test values with builder.UseSetting(key, value) (or ConfigureHostConfiguration), which sits below the production sources.";

        private static Task VerifyTestAssemblyAsync(string source, params string[] messages)
        {
            var test = Verify<Raxx202TestReplacesConfigurationAnalyzer>.Test(Usings + source);
            test.References = ReferenceAssemblies.AspNetTests;
            test.ExpectedMessages.AddRange(messages);
            return test.RunAsync();
        }

        [Fact]
        public Task ConfigureWebHostClearsAndAppends_Reports() =>
            VerifyTestAssemblyAsync("""
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.{|RAXX202:ConfigureAppConfiguration|}((ctx, config) =>
                        {
                            config.Sources.{|RAXX202:Clear|}();
                            config.AddInMemoryCollection(new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "localhost" });
                        });
                    }
                }
                """,
                "ConfigureAppConfiguration in a test calls Sources.Clear() and AddInMemoryCollection after the production sources" + Advice,
                "Sources.Clear() in a test removes the production configuration sources" + Advice);

        [Fact]
        public Task SourcesClearedThroughNullConditional_Reports() =>
            // the ?. spellings were matched by syntax as x.Sources.Clear() only, and missed
            VerifyTestAssemblyAsync("""
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.{|RAXX202:ConfigureAppConfiguration|}((ctx, config) =>
                        {
                            config.Sources?.{|RAXX202:Clear|}();
                            config?.Sources.{|RAXX202:Clear|}();
                            config?.Sources?.{|RAXX202:Clear|}();
                            config.Sources?.Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource());
                        });
                    }
                }
                """,
                "ConfigureAppConfiguration in a test calls Sources.Clear() and Sources.Add after the production sources" + Advice,
                "Sources.Clear() in a test removes the production configuration sources" + Advice,
                "Sources.Clear() in a test removes the production configuration sources" + Advice,
                "Sources.Clear() in a test removes the production configuration sources" + Advice);

        [Fact]
        public Task NullConditionalClearOfOtherLists_NoReport() =>
            VerifyTestAssemblyAsync("""
                public class Lists
                {
                    private List<string>? _names;
                    private Holder? _holder;
                    public void Reset(IConfigurationBuilder config)
                    {
                        _names?.Clear();
                        _holder?.Sources.Clear();
                        _holder?.Sources?.Clear();
                        config.Properties?.Clear();
                    }
                }
                public class Holder { public List<string> Sources { get; } = new(); }
                """);

        [Fact]
        public Task WithWebHostBuilderAppendsOverrides_Reports() =>
            VerifyTestAssemblyAsync("""
                public class HealthTests : IClassFixture<WebApplicationFactory<Program>>
                {
                    private readonly WebApplicationFactory<Program> _factory;

                    public HealthTests(WebApplicationFactory<Program> factory)
                    {
                        _factory = factory.WithWebHostBuilder(b =>
                            b.{|RAXX202:ConfigureAppConfiguration|}((_, c) => c.AddJsonFile("appsettings.Test.json")));
                    }
                }
                """,
                "ConfigureAppConfiguration in a test calls AddJsonFile after the production sources" + Advice);

        [Fact]
        public Task HostBuilderInTest_Reports() =>
            VerifyTestAssemblyAsync("""
                public class HostTests
                {
                    [Fact]
                    public void Boots()
                    {
                        using var host = Host.CreateDefaultBuilder()
                            .{|RAXX202:ConfigureAppConfiguration|}(c => c.AddInMemoryCollection(new Dictionary<string, string?>()))
                            .Build();
                    }
                }
                """,
                "ConfigureAppConfiguration in a test calls AddInMemoryCollection after the production sources" + Advice);

        [Fact]
        public Task UseSettingAndHostConfiguration_NoReport() =>
            VerifyTestAssemblyAsync("""
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.UseSetting("WEBAUTHN_RP_ID", "raxx.app");
                        builder.ConfigureAppConfiguration((ctx, config) => System.Console.WriteLine(ctx.HostingEnvironment.EnvironmentName));
                    }

                    protected override IHost CreateHost(IHostBuilder builder)
                    {
                        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "raxx.app" }));
                        return base.CreateHost(builder);
                    }
                }

                public class Other
                {
                    public void Clear(List<int> sources) => sources.Clear();
                }
                """);

        [Fact]
        public Task ProductionAssembly_NoReport() =>
            Verify<Raxx202TestReplacesConfigurationAnalyzer>.VerifyAsync("""
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Hosting;

                public static class Boot
                {
                    public static IHost Create(string[] args) => Host.CreateDefaultBuilder(args)
                        .ConfigureAppConfiguration(c => { c.Sources.Clear(); c.AddJsonFile("app.json"); })
                        .Build();
                }
                """);

        [Fact]
        public Task CodeThatDoesNotCompile_NoReport()
        {
            var test = Verify<Raxx202TestReplacesConfigurationAnalyzer>.Test(Usings + """
                public class ApiFactory : WebApplicationFactory<Program>
                {
                    protected override void ConfigureWebHost(IWebHostBuilder builder)
                    {
                        builder.ConfigureAppConfiguration((ctx, config, extra) => config.AddJsonFile(
                        missing.Sources.Clear();
                    }
                """);
            test.References = ReferenceAssemblies.AspNetTests;
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
