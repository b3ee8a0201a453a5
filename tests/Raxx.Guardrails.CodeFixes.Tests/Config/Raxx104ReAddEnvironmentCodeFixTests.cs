using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.CodeFixes.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.Config
{
    public class Raxx104ReAddEnvironmentCodeFixTests
    {
        private const string Usings = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;

            """;

        private static CodeFixTest Test(string source, string fixedSource) =>
            VerifyFix<Raxx104SourcesClearedAnalyzer, Raxx104ReAddEnvironmentCodeFix>.Test(Usings + source, Usings + fixedSource);

        [Fact]
        public Task ClearThenSources_ReAddsEnvironmentAndCommandLineAfterTheLast()
        {
            var test = Test("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.{|RAXX104:Clear|}();
                        builder.Configuration.AddJsonFile("appsettings.json");
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        var app = builder.Build();
                    }
                }
                """, """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.Clear();
                        builder.Configuration.AddJsonFile("appsettings.json");
                        builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        builder.Configuration.AddEnvironmentVariables();
                        builder.Configuration.AddCommandLine(args);
                        var app = builder.Build();
                    }
                }
                """);
            test.CodeActionTitle = "Re-add environment variables and the command line after the last source added after the clear";
            return test.RunAsync();
        }

        [Fact]
        public Task ClearOnAParameter_ChainedSources_AppendedToTheChain() =>
            // incident 09's shape: an extension that rebuilds the sources "in an order we control"
            Test("""
                static class InstanceFolder
                {
                    public static IConfigurationBuilder UseInstanceFolder(this IConfigurationBuilder configuration)
                    {
                        configuration.Sources.{|RAXX104:Clear|}();
                        return configuration.AddJsonFile("appsettings.json").AddJsonFile("instance/config.json", optional: true);
                    }
                }
                """, """
                static class InstanceFolder
                {
                    public static IConfigurationBuilder UseInstanceFolder(this IConfigurationBuilder configuration)
                    {
                        configuration.Sources.Clear();
                        return configuration.AddJsonFile("appsettings.json").AddJsonFile("instance/config.json", optional: true).AddEnvironmentVariables();
                    }
                }
                """).RunAsync();

        [Fact]
        public Task NothingAddedAfterTheClear_NoFixOffered()
        {
            const string source = """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.AddJsonFile("appsettings.json");
                        builder.Configuration.Sources.{|RAXX104:Clear|}();
                    }
                }
                """;
            return Test(source, source).RunAsync();
        }
    }
}
