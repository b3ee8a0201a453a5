using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    /// <summary>The four configuration rules on one program: the incident's shape, and unusual constructs that must not crash them.</summary>
    public class ConfigRulesTogetherTests
    {
        private static AnalyzerTest Test(string source) => new AnalyzerTest
        {
            Sources = { ("Test0.cs", ConfigTestSources.Usings + source) },
            Analyzers =
            {
                new Raxx101LateConfigurationSourceAnalyzer(),
                new Raxx102KeyWrittenInCodeAnalyzer(),
                new Raxx103ReadBeforeLaterSourceAnalyzer(),
                new Raxx104SourcesClearedAnalyzer(),
            },
        };

        [Fact]
        public Task IncidentShape_EveryRule_Reports() =>
            Test("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var early = builder.Configuration[{|RAXX103:"WEBAUTHN_RP_ID"|}];
                        builder.Configuration.{|RAXX101:AddJsonFile|}("instance/config.json", optional: true);
                        builder.Configuration[{|RAXX102:"WEBAUTHN_RP_NAME"|}] = "Raxx";
                        var other = WebApplication.CreateBuilder();
                        other.Configuration.Sources.{|RAXX104:Clear|}();
                        builder.Build().Run();
                    }
                }
                """).RunAsync();

        [Fact]
        public Task UnusualConstructs_NoCrash_NoReport() =>
            Test("""
                static class App
                {
                    static async System.Threading.Tasks.Task Main(string[] args)
                    {
                        WebApplicationBuilder? maybe = args.Length > 0 ? WebApplication.CreateBuilder(args) : null;
                        maybe?.Configuration.Sources.Insert(0, new JsonConfigurationSource { Path = "a.json" });
                        var builder = WebApplication.CreateBuilder(args);
                        ref readonly var r = ref args[0];
                        var kind = builder.Environment.EnvironmentName switch { "Production" => 1, _ => 0 };
                        void Local() => builder.Configuration.AddJsonFile("local-function.json");
                        Func<IConfigurationBuilder, IConfigurationBuilder> f = c => c.AddJsonFile("later.json");
                        foreach (var s in builder.Configuration.Sources) { _ = s; }
                        if (builder.Configuration is IConfigurationBuilder cb) { _ = cb.Sources.Count; }
                        await using var app = builder.Build();
                        var value = app.Configuration["WEBAUTHN_RP_ID"];
                        app.Configuration["K"] = "v";
                        await app.StartAsync();
                    }
                }
                record Settings(string RpId);
                """).RunAsync();
    }
}
