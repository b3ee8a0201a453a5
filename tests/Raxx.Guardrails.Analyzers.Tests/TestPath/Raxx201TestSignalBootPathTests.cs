using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.TestPath
{
    public class Raxx201TestSignalBootPathTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class WebAuthnOptions { public string? RpId { get; set; } }

            """;

        private const string Advice = " Boot tests through the production path and layer test settings below the production sources (UseSetting).";

        [Fact]
        public Task TestConfigParameter_SkipsInstanceFileAndValidation_Reports() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if ({|RAXX201:testConfig != null|})
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig);
                        }
                        else
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                            builder.Services.AddOptions<WebAuthnOptions>().ValidateOnStart();
                        }
                        return builder.Build();
                    }
                }
                """,
                "'testConfig != null' gives tests their own boot path: the production path adds 'instance/config.json' and calls ValidateOnStart; the test path skips them." + Advice);

        [Fact]
        public Task TestSettingsEarlyReturn_Reports() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testSettings = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if ({|RAXX201:testSettings is not null|})
                        {
                            builder.Configuration.AddInMemoryCollection(testSettings);
                            return builder.Build();
                        }
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        return builder.Build();
                    }
                }
                """,
                "'testSettings is not null' gives tests their own boot path: the production path adds 'instance/config.json'; the test path skips it." + Advice);

        [Fact]
        public Task OverridesReplacingSources_Reports() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? overrides)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if ({|RAXX201:overrides != null|})
                        {
                            builder.Configuration.Sources.Clear();
                            builder.Configuration.AddInMemoryCollection(overrides);
                        }
                        return builder.Build();
                    }
                }
                """,
                "'overrides != null' gives tests their own boot path: the test path calls Sources.Clear() and replaces the production configuration sources." + Advice);

        [Fact]
        public Task NotIsEnvironmentTesting_Reports() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if ({|RAXX201:!builder.Environment.IsEnvironment("Testing")|})
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                            builder.Configuration["WEBAUTHN_RP_ID"] = "raxx.app";
                        }
                        return builder.Build();
                    }
                }
                """,
                "'!builder.Environment.IsEnvironment(\"Testing\")' gives tests their own boot path: the production path adds 'instance/config.json' and sets 'WEBAUTHN_RP_ID'; the test path skips them." + Advice);

        [Fact]
        public Task EnvironmentNameEqualsTesting_Reports() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if ({|RAXX201:builder.Environment.EnvironmentName == "Testing"|})
                        {
                            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>());
                        }
                        else
                        {
                            builder.Services.AddOptions<WebAuthnOptions>().Validate(o => o.RpId != null).ValidateOnStart();
                        }
                        return builder.Build();
                    }
                }
                """,
                "'builder.Environment.EnvironmentName == \"Testing\"' gives tests their own boot path: the production path calls ValidateOnStart and calls Validate; the test path skips them." + Advice);

        [Fact]
        public Task IfDebugElseValidator_Reports()
        {
            var test = Verify<Raxx201TestSignalBootPathAnalyzer>.Test(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                #if {|RAXX201:DEBUG|}
                        builder.Configuration.AddJsonFile("appsettings.Local.json", optional: true);
                #else
                        builder.Services.AddOptions<WebAuthnOptions>().ValidateOnStart();
                #endif
                        return builder.Build();
                    }
                }
                """);
            test.ExpectedMessages.Add("'#if DEBUG' gives tests their own boot path: the production build calls ValidateOnStart; the test/debug build skips it." + Advice);
            return test.RunAsync();
        }

        [Fact]
        public Task IfTestActiveRegionAddsSource_Reports()
        {
            var test = Verify<Raxx201TestSignalBootPathAnalyzer>.Test(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                #if {|RAXX201:TEST|}
                        builder.Configuration.AddJsonFile("appsettings.Test.json");
                #endif
                        return builder.Build();
                    }
                }
                """);
            test.PreprocessorSymbols.Add("TEST");
            test.ExpectedMessages.Add("'#if TEST' gives tests their own boot path: only the test/debug build adds 'appsettings.Test.json'; the production build never runs it." + Advice);
            return test.RunAsync();
        }

        [Fact]
        public Task TestSettingsTypedParameter_Reports() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public sealed class TestSettings : Dictionary<string, string?> { }

                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, TestSettings? settings = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if ({|RAXX201:settings is null|})
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        }
                        return builder.Build();
                    }
                }
                """,
                "'settings is null' gives tests their own boot path: the production path adds 'instance/config.json'; the test path skips it." + Advice);

        [Fact]
        public Task IfStatementsWhereverWritten_Report() =>
            // the analyzer finds if statements where the text spells the keyword: an else-if, an if in a lambda, in a
            // local function, right after a string and a comment naming "if", beside an #if directive, with no space
            // before the parenthesis; identifiers containing "if" (notify, ifReady) are no if statements
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null, bool notify = false)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var ifReady = notify;
                        if (ifReady) { }
                        else if ({|RAXX201:testConfig != null|}) { builder.Configuration.AddInMemoryCollection(testConfig); }
                        else { builder.Configuration.AddJsonFile("instance/a.json", optional: true); }
                        System.Action configure = () =>
                        {
                            var s = "if (testConfig != null)"; /* if (testConfig != null) */
                            if({|RAXX201:testConfig == null|}) { builder.Configuration.AddJsonFile("instance/b.json", optional: true); }
                        };
                        void Local()
                        {
                #if RELEASE
                            var unused = 0;
                #endif
                            if ({|RAXX201:testConfig is null|})
                            {
                                builder.Configuration.AddJsonFile("instance/c.json", optional: true);
                            }
                        }
                        configure();
                        Local();
                        return builder.Build();
                    }
                }
                """,
                "'testConfig != null' gives tests their own boot path: the production path adds 'instance/a.json'; the test path skips it." + Advice,
                "'testConfig == null' gives tests their own boot path: the production path adds 'instance/b.json'; the test path skips it." + Advice,
                "'testConfig is null' gives tests their own boot path: the production path adds 'instance/c.json'; the test path skips it." + Advice);

        [Fact]
        public Task IfInGeneratedCodeMember_NoReport() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (testConfig != null)
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig);
                        }
                        else
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        }
                        return builder.Build();
                    }
                }
                """);

        [Fact]
        public Task TestConfigOnlyChangesLogging_NoReport() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        if (testConfig != null)
                        {
                            builder.Logging.ClearProviders();
                        }
                        if (builder.Environment.IsEnvironment("Testing"))
                        {
                            builder.Logging.SetMinimumLevel(LogLevel.Debug);
                        }
                        return builder.Build();
                    }
                }
                """);

        [Fact]
        public Task TestConfigLayeredOnTopOfProductionPath_NoReport() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        if (testConfig != null)
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig);
                        }
                        builder.Services.AddOptions<WebAuthnOptions>().ValidateOnStart();
                        return builder.Build();
                    }
                }
                """);

        [Fact]
        public Task NonTestSignals_NoReport() =>
            Verify<Raxx201TestSignalBootPathAnalyzer>.VerifyAsync(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? settings = null, string? latestVersion = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (latestVersion == null)
                        {
                            builder.Configuration.AddJsonFile("versions.json", optional: true);
                        }
                        if (settings != null)
                        {
                            builder.Configuration.AddInMemoryCollection(settings);
                        }
                        else
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        }
                        if (builder.Environment.IsEnvironment("Staging"))
                        {
                            builder.Configuration.AddJsonFile("staging.json", optional: true);
                        }
                        if (builder.Environment.IsDevelopment())
                        {
                            builder.Configuration.AddUserSecrets<WebAuthnOptions>();
                        }
                        var app = builder.Build();
                #if DEBUG
                        app.UseDeveloperExceptionPage();
                #endif
                        return app;
                    }
                }
                """);

        [Fact]
        public Task TestAssembly_NoReport()
        {
            var test = Verify<Raxx201TestSignalBootPathAnalyzer>.Test(Usings + """
                public static class TestAppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (testConfig != null)
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig);
                        }
                        else
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        }
                        return builder.Build();
                    }
                }
                """);
            test.References = ReferenceAssemblies.AspNetTests;
            return test.RunAsync();
        }

        [Fact]
        public Task UnboundTestSignal_NoReport()
        {
            var test = Verify<Raxx201TestSignalBootPathAnalyzer>.Test(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (testConfig != null && Missing.IsOn())
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig);
                        }
                        else
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        }
                        return builder.Build();
                    }
                }
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        [Fact]
        public Task CodeThatDoesNotCompile_NoReport()
        {
            var test = Verify<Raxx201TestSignalBootPathAnalyzer>.Test(Usings + """
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (testConfig != null && Missing.Thing(
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig
                        }
                        else
                            builder.Configuration.AddJsonFile(;
                #if DEBUG
                        builder.Configuration.AddJsonFile("x.json"
                #else
                        return builder.Build(
                    }
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }
    }
}
