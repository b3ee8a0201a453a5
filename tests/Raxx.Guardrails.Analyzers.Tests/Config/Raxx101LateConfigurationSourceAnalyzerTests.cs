using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    public class Raxx101LateConfigurationSourceAnalyzerTests
    {
        private static Task VerifyAsync(string body, params string[] messages) =>
            Verify<Raxx101LateConfigurationSourceAnalyzer>.VerifyAsync(ConfigTestSources.Usings + body, messages);

        [Fact]
        public Task JsonFileAfterCreateBuilder_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        builder.Build().Run();
                    }
                }
                """,
                "AddJsonFile(\"instance/config.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.");

        [Fact]
        public Task NullConditionalCall_Reports() =>
            // `?.` gives the call a stand-in receiver; it is the same pipeline as `builder.Configuration.AddJsonFile(…)`
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        _ = builder.Configuration?.GetSection("A")?.Value;
                        builder.Build().Run();
                    }
                }
                """,
                "AddJsonFile(\"instance/config.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.");

        [Fact]
        public Task TopLevelStatements_Reports()
        {
            var test = Verify<Raxx101LateConfigurationSourceAnalyzer>.Test(ConfigTestSources.Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true, reloadOnChange: false);
                var app = builder.Build();
                app.Run();
                """);
            test.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task CreateBuilderWithoutArgs_MessageOmitsCommandLine_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Configure()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.{|RAXX101:AddInMemoryCollection|}(new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "" });
                    }
                }
                """,
                "AddInMemoryCollection(…) is added after environment variables and overrides them: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() after it.");

        [Fact]
        public Task EveryBuiltInSource_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Configure(string[] args, IConfiguration other)
                    {
                        var builder = WebApplication.CreateSlimBuilder(args);
                        builder.Configuration.{|RAXX101:AddXmlFile|}("a.xml", optional: true);
                        builder.Configuration.{|RAXX101:AddIniFile|}("a.ini", optional: true);
                        builder.Configuration.{|RAXX101:AddKeyPerFile|}("/run/secrets", optional: true);
                        builder.Configuration.{|RAXX101:AddUserSecrets|}<Marker>();
                        builder.Configuration.{|RAXX101:AddConfiguration|}(other);
                        builder.Configuration.{|RAXX101:Add|}<MemoryConfigurationSource>(s => { });
                        ((IConfigurationBuilder)builder.Configuration).{|RAXX101:Add|}(new JsonConfigurationSource { Path = "x.json" });
                        builder.Configuration.Sources.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "y.json" });
                        builder.Configuration.{|RAXX101:AddJsonStream|}(new System.IO.MemoryStream());
                    }
                }
                class Marker { }
                """);

        [Fact]
        public Task ThirdPartyAddMethod_Reports() =>
            VerifyAsync("""
                static class VaultExtensions
                {
                    public static IConfigurationBuilder AddRaxxVault(this IConfigurationBuilder builder, string uri) => builder;
                }
                static class App
                {
                    static void Configure(string[] args)
                    {
                        var builder = Host.CreateApplicationBuilder(args);
                        builder.Configuration.{|RAXX101:AddRaxxVault|}("https://vault");
                    }
                }
                """,
                "AddRaxxVault(\"https://vault\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.");

        [Fact]
        public Task ConfigureAppConfigurationOnDefaultBuilder_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static IHostBuilder CreateHostBuilder(string[] argv) =>
                        Host.CreateDefaultBuilder(argv)
                            .ConfigureServices(s => { })
                            .ConfigureAppConfiguration((context, config) =>
                            {
                                config.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                            });

                    static IHostBuilder Web(string[] args) =>
                        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web =>
                            web.ConfigureAppConfiguration(config => config.{|RAXX101:AddIniFile|}("x.ini")));

                    static void Minimal(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Host.ConfigureAppConfiguration((ctx, c) => c.{|RAXX101:AddJsonFile|}("h.json"));
                        builder.WebHost.ConfigureAppConfiguration((ctx, c) => c.{|RAXX101:AddJsonFile|}("w.json"));
                    }
                }
                """,
                "AddJsonFile(\"instance/config.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(argv) after it.",
                "AddIniFile(\"x.ini\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.",
                "AddJsonFile(\"h.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.",
                "AddJsonFile(\"w.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.");

        [Fact]
        public Task ExplicitChainAfterEnvironmentVariables_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static IConfiguration Build()
                    {
                        return new ConfigurationBuilder()
                            .AddJsonFile("appsettings.json")
                            .AddEnvironmentVariables()
                            .{|RAXX101:AddJsonFile|}("instance/config.json", optional: true)
                            .Build();
                    }

                    static IConfiguration Statements()
                    {
                        var cb = new ConfigurationBuilder();
                        cb.AddEnvironmentVariables();
                        cb.{|RAXX101:AddInMemoryCollection|}(new Dictionary<string, string?>());
                        return cb.Build();
                    }
                }
                """);

        [Fact]
        public Task AliasedConfigurationAndExtensionParameter_Reports() =>
            VerifyAsync("""
                static class App
                {
                    public static WebApplicationBuilder AddInstance(this WebApplicationBuilder builder)
                    {
                        var configuration = builder.Configuration;
                        configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        return builder;
                    }

                    public static void Conditional(string[] args, bool local)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (local)
                        {
                            builder.Configuration.{|RAXX101:AddJsonFile|}("appsettings.Local.json", optional: true);
                        }
                    }
                }
                """,
                "AddJsonFile(\"instance/config.json\") is added after environment variables and overrides them: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() after it.",
                "AddJsonFile(\"appsettings.Local.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.");

        [Fact]
        public Task EnvironmentReAddedButNotCommandLine_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                    }
                }
                """);

        [Fact]
        public Task PrefixedEnvironmentVariablesDoNotReAdd_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables("RAXX_");
                    }
                }
                """);

        [Fact]
        public Task LateSourceAfterReAdd_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddJsonFile("a.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.{|RAXX101:AddJsonFile|}("b.json", optional: true);
                    }
                }
                """);

        [Fact]
        public Task OptionsArgsAndAppendingInsert_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] argv)
                    {
                        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = argv });
                        builder.Configuration.Sources.{|RAXX101:Insert|}(builder.Configuration.Sources.Count, new JsonConfigurationSource { Path = "instance/config.json" });
                        var host = new HostApplicationBuilder(argv);
                        host.Configuration.{|RAXX101:AddIniFile|}("x.ini");
                    }
                }
                """,
                "Sources.Insert(Count, JsonConfigurationSource \"instance/config.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(argv) after it.",
                "AddIniFile(\"x.ini\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(argv) after it.");

        // ---- nearest clean look-alikes ----

        [Fact]
        public Task EnvironmentAndCommandLineReAdded_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>());
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.AddCommandLine(args);
                    }

                    static void NoArgs()
                    {
                        var builder = WebApplication.CreateBuilder();
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true).AddEnvironmentVariables();
                    }
                }
                """);

        [Fact]
        public Task InsertAtIndexZero_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource { Path = "instance/config.json", Optional = true });
                    }
                }
                """);

        [Fact]
        public Task SourcesBeforeEnvironmentVariables_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static IConfiguration Build(string[] args) =>
                        new ConfigurationBuilder()
                            .AddJsonFile("appsettings.json")
                            .AddJsonFile("instance/config.json", optional: true)
                            .AddEnvironmentVariables()
                            .AddCommandLine(args)
                            .Build();

                    static void Empty()
                    {
                        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
                        builder.Configuration.AddJsonFile("appsettings.json");
                        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                        host.Configuration.AddJsonFile("appsettings.json");
                        var noDefaults = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                        noDefaults.Configuration.AddJsonFile("appsettings.json");
                    }

                    static void HostConfiguration(string[] args) =>
                        new HostBuilder().ConfigureAppConfiguration(c => c.AddJsonFile("appsettings.json"));
                }
                """);

        [Fact]
        public Task UnknownBuilderParameter_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    public static IConfigurationBuilder AddInstance(this IConfigurationBuilder builder) =>
                        builder.AddJsonFile("instance/config.json", optional: true);

                    public static IWebHostBuilder Test(IWebHostBuilder web) =>
                        web.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>()));
                }
                """);

        [Fact]
        public Task NonConfigurationAddMethods_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddSingleton<object>(new object());
                        builder.Configuration.SetBasePath("/app");
                        var list = new List<string>();
                        list.Add("x");
                        builder.Logging.AddConsole();
                    }
                }
                """);

        [Fact]
        public Task LambdasThatRunLater_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        Action later = () => new ConfigurationBuilder().AddEnvironmentVariables().AddJsonFile("x.json");
                        builder.Services.AddSingleton(sp => new ConfigurationBuilder().AddJsonFile("y.json").Build());
                    }
                }
                """);

        [Fact]
        public Task BrokenCode_NoReport_NoCrash()
        {
            var test = Verify<Raxx101LateConfigurationSourceAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args;
                        builder.Configuration.AddJsonFile(;
                        builder.Configuration.AddNothing("x");
                        builder.Configuration.Sources.Insert(0);
                        undefined.Configuration.AddJsonFile("y.json");
                        builder.Host.ConfigureAppConfiguration((ctx, c) => c.AddJsonFile(
                    }
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        [Fact]
        public Task SemanticErrors_NoCrash_NoReport()
        {
            var test = Verify<Raxx101LateConfigurationSourceAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args, 1, 2);
                        builder.Configuration.AddNothing("x");
                        builder.Configuration.Sources.Insert(0);
                        builder.Configuration.Sources.Add();
                        undefined.Configuration.AddJsonFile("y.json");
                        Missing.CreateBuilder(args).Configuration.AddJsonFile("z.json");
                        builder.Host.ConfigureAppConfiguration(Missing);
                        ((IConfigurationBuilder)null!).AddJsonFile(1);
                    }
                }
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        [Fact]
        public Task NoConfigurationReference_NoReport()
        {
            var test = Verify<Raxx101LateConfigurationSourceAnalyzer>.Test("""
                class C { void M() { var l = new System.Collections.Generic.List<int>(); l.Add(1); } }
                """);
            test.References = ReferenceAssemblies.Net;
            return test.RunAsync();
        }

        // ---- ?. on Sources (Sources?.Add(…) was missed: its instance is the ?.'s stand-in, not the Sources property) ----

        [Fact]
        public Task NullConditionalSourcesAdd_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources?.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "instance/config.json" });
                        builder.Configuration?.Sources?.{|RAXX101:Add|}(new JsonConfigurationSource { Path = "instance/other.json" });
                    }
                }
                """,
                "Sources.Add(JsonConfigurationSource \"instance/config.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.",
                "Sources.Add(JsonConfigurationSource \"instance/other.json\") is added after environment variables and overrides them and the command line: a value in it silently replaces the deployment's value. Insert it below them (Sources.Insert(0, …)) or re-add AddEnvironmentVariables() and AddCommandLine(args) after it.");

        [Fact]
        public Task NullConditionalSourcesLookAlikes_NoReport() =>
            // Inserted at index 0; added and then environment variables and the command line re-added through ?.; and a
            // list named Sources that is not a configuration builder's.
            VerifyAsync("""
                sealed class Holder { public List<IConfigurationSource> Sources { get; } = new List<IConfigurationSource>(); }
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources?.Insert(0, new JsonConfigurationSource { Path = "defaults.json" });
                        builder.Configuration.Sources?.Add(new JsonConfigurationSource { Path = "instance/config.json" });
                        builder.Configuration.Sources?.Add(new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource());
                        builder.Configuration?.AddCommandLine(args);
                        var holder = new Holder();
                        holder.Sources?.Add(new JsonConfigurationSource { Path = "instance/config.json" });
                    }
                }
                """);
    }
}
