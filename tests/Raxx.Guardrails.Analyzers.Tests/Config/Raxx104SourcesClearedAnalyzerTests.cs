using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    public class Raxx104SourcesClearedAnalyzerTests
    {
        private static Task VerifyAsync(string body, params string[] messages) =>
            Verify<Raxx104SourcesClearedAnalyzer>.VerifyAsync(ConfigTestSources.Usings + body, messages);

        [Fact]
        public Task ClearAfterCreateBuilder_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.{|RAXX104:Clear|}();
                        builder.Configuration.AddJsonFile("appsettings.json");
                    }
                }
                """,
                "Sources.Clear() removes the environment variables and the command line from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables() (and AddCommandLine(args)) after the sources you add.");

        [Fact]
        public Task NullConditionalClear_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.Sources.{|RAXX104:Clear|}();
                        builder.Configuration?.AddJsonFile("appsettings.json");
                    }
                }
                """,
                "Sources.Clear() removes the environment variables and the command line from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables() (and AddCommandLine(args)) after the sources you add.");

        [Fact]
        public Task NullConditionalClear_ThenReAdded_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.Sources.Clear();
                        builder.Configuration?.AddJsonFile("appsettings.json");
                        builder.Configuration?.AddEnvironmentVariables();
                        builder.Configuration?.AddCommandLine(args);
                    }
                }
                """);

        [Fact]
        public Task ClearInCallbackAndOnParameter_Reports() =>
            VerifyAsync("""
                static class App
                {
                    static IHostBuilder Create() =>
                        Host.CreateDefaultBuilder().ConfigureAppConfiguration((ctx, config) =>
                        {
                            config.Sources.{|RAXX104:Clear|}();
                            config.AddJsonFile("appsettings.json");
                        });

                    public static void Reset(this IConfigurationBuilder builder) => builder.Sources.{|RAXX104:Clear|}();
                }
                """,
                "Sources.Clear() removes the environment variables from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables() after the sources you add.",
                "Sources.Clear() removes the environment variables from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables() after the sources you add.");

        [Fact]
        public Task ClearThenEnvironmentReAdded_NoReport() =>
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.Clear();
                        builder.Configuration.AddJsonFile("appsettings.json").AddEnvironmentVariables().AddCommandLine(args);
                        var fresh = new ConfigurationBuilder();
                        fresh.Sources.Clear();
                        var list = new List<string>();
                        list.Clear();
                    }
                }
                """);

        [Fact]
        public Task TestAssembly_NoReport()
        {
            var test = Verify<Raxx104SourcesClearedAnalyzer>.Test(ConfigTestSources.Usings + """
                static class Fixture
                {
                    static void Configure(IWebHostBuilder web) =>
                        web.ConfigureAppConfiguration(c => c.Sources.Clear());
                }
                """);
            test.References = ReferenceAssemblies.AspNetTests;
            return test.RunAsync();
        }

        [Fact]
        public Task BrokenCode_NoReport_NoCrash()
        {
            var test = Verify<Raxx104SourcesClearedAnalyzer>.Test(ConfigTestSources.Usings + """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.Clear(1);
                        missing.Sources.Clear();
                        builder.Configuration.Sources.Clear(
                """);
            test.AllowCompilerErrors = true;
            return test.RunAsync();
        }

        [Fact]
        public Task NullConditionalSources_Reports() =>
            // Sources?.Clear(): the call's instance is the ?.'s stand-in, not the Sources property (was missed).
            VerifyAsync("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources?.{|RAXX104:Clear|}();
                    }
                    static void Both(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration?.Sources?.{|RAXX104:Clear|}();
                    }
                }
                """,
                "Sources.Clear() removes the environment variables and the command line from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables() (and AddCommandLine(args)) after the sources you add.",
                "Sources.Clear() removes the environment variables and the command line from the configuration and nothing re-adds them: config vars set on the platform are ignored. Call AddEnvironmentVariables() (and AddCommandLine(args)) after the sources you add.");

        [Fact]
        public Task NullConditionalSources_ReAddedOrNotConfiguration_NoReport() =>
            VerifyAsync("""
                sealed class Holder { public List<IConfigurationSource> Sources { get; } = new List<IConfigurationSource>(); }
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources?.Clear();
                        builder.Configuration?.AddJsonFile("appsettings.json");
                        builder.Configuration.Sources?.Add(new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource());
                        builder.Configuration?.AddCommandLine(args);
                        new Holder().Sources?.Clear();
                    }
                }
                """);
    }
}
