using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.CodeFixes.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.Config
{
    public class Raxx101LateConfigurationSourceCodeFixTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Hosting;

            """;

        private static CodeFixTest Test(string source, string fixedSource, string? batchFixed = null)
        {
            var test = new CodeFixTest
            {
                Sources = { ("Test0.cs", source) },
                FixedSources = { ("Test0.cs", fixedSource) },
                Analyzers = { new Raxx101LateConfigurationSourceAnalyzer() },
                CodeFix = new Raxx101LateConfigurationSourceCodeFix(),
            };
            if (batchFixed != null)
            {
                test.BatchFixedSources.Add(("Test0.cs", batchFixed));
            }
            return test;
        }

        [Fact]
        public Task Statement_ReAddsEnvironmentAndCommandLine_Reports()
        {
            var test = Test(Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        builder.Build().Run();
                    }
                }
                """, Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.AddCommandLine(args);
                        builder.Build().Run();
                    }
                }
                """);
            test.CodeActionTitle = Raxx101LateConfigurationSourceCodeFix.TitleWithCommandLine;
            return test.RunAsync();
        }

        [Fact]
        public Task TopLevelStatements_Reports()
        {
            var test = Test(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                var app = builder.Build();
                """, Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                builder.Configuration.AddEnvironmentVariables();
                builder.Configuration.AddCommandLine(args);
                var app = builder.Build();
                """);
            test.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task NoArgs_ReAddsOnlyEnvironment_Reports()
        {
            var test = Test(Usings + """
                static class App
                {
                    public static WebApplicationBuilder AddInstance(this WebApplicationBuilder builder)
                    {
                        builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        return builder;
                    }
                }
                """, Usings + """
                static class App
                {
                    public static WebApplicationBuilder AddInstance(this WebApplicationBuilder builder)
                    {
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                        return builder;
                    }
                }
                """);
            test.CodeActionTitle = Raxx101LateConfigurationSourceCodeFix.Title;
            return test.RunAsync();
        }

        [Fact]
        public Task FluentChain_AppendsReAdd_Reports() =>
            Test(Usings + """
                static class App
                {
                    static IConfiguration Build(string[] args) =>
                        Host.CreateDefaultBuilder(args)
                            .ConfigureAppConfiguration((ctx, config) => config.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true))
                            .Build().Services.GetService(typeof(IConfiguration)) as IConfiguration ?? throw new System.InvalidOperationException();

                    static IConfigurationRoot Chain() =>
                        new ConfigurationBuilder().AddEnvironmentVariables().{|RAXX101:AddJsonFile|}("a.json").Build();
                }
                """, Usings + """
                static class App
                {
                    static IConfiguration Build(string[] args) =>
                        Host.CreateDefaultBuilder(args)
                            .ConfigureAppConfiguration((ctx, config) => config.AddJsonFile("instance/config.json", optional: true).AddEnvironmentVariables().AddCommandLine(args))
                            .Build().Services.GetService(typeof(IConfiguration)) as IConfiguration ?? throw new System.InvalidOperationException();

                    static IConfigurationRoot Chain() =>
                        new ConfigurationBuilder().AddEnvironmentVariables().AddJsonFile("a.json").AddEnvironmentVariables().Build();
                }
                """).RunAsync();

        [Fact]
        public Task SeveralSources_FixAllReAddsOnceAfterTheLast_Reports() =>
            Test(Usings + """
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.{|RAXX101:AddJsonFile|}("a.json", optional: true);
                        builder.Configuration.{|RAXX101:AddJsonFile|}("b.json", optional: true);
                    }

                    static void Other()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.{|RAXX101:AddInMemoryCollection|}(new Dictionary<string, string?>());
                    }
                }
                """, Usings + """
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddJsonFile("a.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.AddJsonFile("b.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                    }

                    static void Other()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>());
                        builder.Configuration.AddEnvironmentVariables();
                    }
                }
                """, Usings + """
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddJsonFile("a.json", optional: true);
                        builder.Configuration.AddJsonFile("b.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                    }

                    static void Other()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>());
                        builder.Configuration.AddEnvironmentVariables();
                    }
                }
                """).RunAsync();

        [Fact]
        public Task EmbeddedStatementAndRenamedArgs_AppendsWithTheFactoryArgs_Reports() =>
            Test(Usings + """
                static class App
                {
                    static void Main(string[] argv, bool local)
                    {
                        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = argv });
                        if (local)
                            builder.Configuration.{|RAXX101:AddJsonFile|}("appsettings.Local.json", optional: true);
                    }
                }
                """, Usings + """
                static class App
                {
                    static void Main(string[] argv, bool local)
                    {
                        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = argv });
                        if (local)
                            builder.Configuration.AddJsonFile("appsettings.Local.json", optional: true).AddEnvironmentVariables().AddCommandLine(argv);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task MissingUsing_IsAdded_Reports() =>
            Test("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Configuration.Json;

                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.Sources.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "instance/config.json" });
                    }
                }
                """, """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Configuration.Json;
                using Microsoft.Extensions.Configuration;

                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.Sources.Add(new JsonConfigurationSource { Path = "instance/config.json" });
                        builder.Configuration.AddEnvironmentVariables();
                    }
                }
                """).RunAsync();

        // ---- the ?. spellings (the fix found no target for them: it looked only for `x.Name(…)`) ----

        [Fact]
        public Task NullConditionalStatement_ReAddsWithTheSameSpelling_Reports()
        {
            var test = Test(Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        builder.Build().Run();
                    }
                }
                """, Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.AddJsonFile("instance/config.json", optional: true);
                        builder.Configuration?.AddEnvironmentVariables();
                        builder.Configuration?.AddCommandLine(args);
                        builder.Build().Run();
                    }
                }
                """);
            test.CodeActionTitle = Raxx101LateConfigurationSourceCodeFix.TitleWithCommandLine;
            return test.RunAsync();
        }

        [Fact]
        public Task NullConditionalReceivers_ReAddOnTheConfiguration_Reports() =>
            // ?. before the configuration, on Sources, on both: the re-add names the configuration as the late source reached it.
            Test(Usings + """
                using Microsoft.Extensions.Configuration.Json;
                static class App
                {
                    static void OnBuilder()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder?.Configuration.{|RAXX101:AddJsonFile|}("a.json", optional: true);
                    }
                    static void OnSources()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.Sources?.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "b.json" });
                    }
                    static void OnConfigurationAndSources()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration?.Sources?.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "c.json" });
                    }
                    static void Top(WebApplicationBuilder? builder)
                    {
                        builder?.Configuration?.Sources.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "d.json" });
                    }
                }
                """, Usings + """
                using Microsoft.Extensions.Configuration.Json;
                static class App
                {
                    static void OnBuilder()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder?.Configuration.AddJsonFile("a.json", optional: true);
                        builder?.Configuration.AddEnvironmentVariables();
                    }
                    static void OnSources()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.Sources?.Add(new JsonConfigurationSource { Path = "b.json" });
                        builder.Configuration.AddEnvironmentVariables();
                    }
                    static void OnConfigurationAndSources()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration?.Sources?.Add(new JsonConfigurationSource { Path = "c.json" });
                        builder.Configuration?.AddEnvironmentVariables();
                    }
                    static void Top(WebApplicationBuilder? builder)
                    {
                        builder?.Configuration?.Sources.Add(new JsonConfigurationSource { Path = "d.json" });
                        builder?.Configuration?.AddEnvironmentVariables();
                    }
                }
                """).RunAsync();

        [Fact]
        public Task NullConditionalChain_AppendsInsideTheAccess_Reports() =>
            // A chain through ?. and an embedded statement: the re-add is appended to the late call (runs only when the
            // receiver is not null, like the call); Fix All appends once, after the last late call of the chain.
            Test(Usings + """
                static class App
                {
                    static void Chain(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.{|RAXX101:AddJsonFile|}("a.json")?.{|RAXX101:AddIniFile|}("b.ini");
                    }
                    static void Embedded(string[] args, bool local)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (local)
                            builder.Configuration?.{|RAXX101:AddJsonFile|}("appsettings.Local.json", optional: true);
                    }
                    static IHostBuilder Callback() =>
                        Host.CreateDefaultBuilder().ConfigureAppConfiguration((ctx, config) => config?.{|RAXX101:AddJsonFile|}("c.json"));
                }
                """, Usings + """
                static class App
                {
                    static void Chain(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.AddJsonFile("a.json").AddEnvironmentVariables().AddCommandLine(args)?.AddIniFile("b.ini").AddEnvironmentVariables().AddCommandLine(args);
                    }
                    static void Embedded(string[] args, bool local)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (local)
                            builder.Configuration?.AddJsonFile("appsettings.Local.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
                    }
                    static IHostBuilder Callback() =>
                        Host.CreateDefaultBuilder().ConfigureAppConfiguration((ctx, config) => config?.AddJsonFile("c.json").AddEnvironmentVariables());
                }
                """, Usings + """
                static class App
                {
                    static void Chain(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.AddJsonFile("a.json")?.AddIniFile("b.ini").AddEnvironmentVariables().AddCommandLine(args);
                    }
                    static void Embedded(string[] args, bool local)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (local)
                            builder.Configuration?.AddJsonFile("appsettings.Local.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
                    }
                    static IHostBuilder Callback() =>
                        Host.CreateDefaultBuilder().ConfigureAppConfiguration((ctx, config) => config?.AddJsonFile("c.json").AddEnvironmentVariables());
                }
                """).RunAsync();
    }
}
