using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Raxx.Guardrails.Benchmarks;

/// <summary>
/// Generates an ASP.NET Core-shaped project (configuration code, endpoints, feature gates, string
/// literals) and builds it with -p:ReportAnalyzer=true, without and with the Raxx analyzers.
/// Reports Raxx analyzer time as a share of compile (Csc) time, per-analyzer times, and the SDK's
/// built-in analyzers in the same build for comparison. With <c>--flag-apis</c> the project also declares its own flag
/// APIs with a <c>[FlagName]</c> marker (a gate method with a default, a params collection, an object creation, an
/// endpoint-metadata attribute with and without its argument) and every file uses them: the marker gates of RAXX301 and
/// RAXX304 open, so their per-call, per-creation and per-attribute work is measured too (without it they stay shut).
/// <c>--flag-apis --unmarked</c> is its control: the same code with the marker named <c>FlagLabel</c>, which no rule
/// knows, so the gates stay shut while the compiler binds the same bodies (ReportAnalyzer charges binding a body to the
/// first analyzer that asks about it: the difference between the two runs is the rules' own work).
/// </summary>
internal static class AnalyzerOverhead
{
    private const int Flags = 20;

    public static int Run(int files, bool flagApis = false, bool unmarked = false)
    {
        var analyzerDir = Path.Combine(Shell.RepoRoot, "analyzers", "Raxx.Guardrails.Analyzers", "bin", "Release", "netstandard2.0");
        if (!File.Exists(Path.Combine(analyzerDir, "Raxx.Guardrails.Analyzers.dll")))
        {
            Console.Error.WriteLine($"build the analyzers in Release first ({analyzerDir} is empty)");
            return 2;
        }

        var dir = Shell.TempDirectory("analyzers");
        Generate(dir, files, analyzerDir, flagApis, unmarked);
        Console.WriteLine($"generated {files:N0} C# files in {dir}{(flagApis ? $" (with the project's own flag APIs used in every file, marked [{(unmarked ? "FlagLabel], a name no rule knows" : "FlagName]")})" : "")}");
        var restore = Shell.Dotnet(dir, "restore", "-nologo", "-v:q");
        if (restore.ExitCode != 0)
        {
            Console.Error.WriteLine(restore.Output);
            return 1;
        }

        var without = Build(dir, raxx: false);
        var with = Build(dir, raxx: true);
        if (without == null || with == null)
        {
            return 1;
        }

        var raxx = with.Assemblies.Where(a => a.Name.StartsWith("Raxx.", StringComparison.Ordinal)).ToList();
        var raxxSeconds = raxx.Sum(a => a.Seconds);
        var builtIn = with.Analyzers.Where(a => !a.Assembly.StartsWith("Raxx.", StringComparison.Ordinal) && a.Assembly.Contains("NetAnalyzers", StringComparison.Ordinal)).Select(a => a.Seconds).OrderBy(s => s).ToList();
        var median = builtIn.Count == 0 ? 0 : builtIn[builtIn.Count / 2];
        // ReportAnalyzer prints "<0.001" for analyzers that hardly ran (most built-ins have no enabled rule that
        // fires here); the median over the built-ins that took measurable time is the stricter comparison.
        var ran = builtIn.Where(t => t >= 0.001).ToList();
        var medianRan = ran.Count == 0 ? 0 : ran[ran.Count / 2];
        var share = with.CscSeconds > 0 ? raxxSeconds / with.CscSeconds * 100 : 0;

        Console.WriteLine($"compile (Csc task) without Raxx: {without.CscSeconds:0.00}s, with Raxx: {with.CscSeconds:0.00}s (difference {with.CscSeconds - without.CscSeconds:+0.00;-0.00}s; noisy on a shared machine)");
        Console.WriteLine($"analyzer time (ReportAnalyzer, all analyzers): {with.TotalAnalyzerSeconds:0.000}s");
        Console.WriteLine($"Raxx analyzers together: {raxxSeconds:0.000}s = {share:0.00}% of compile time (target <= 3%)");
        Console.WriteLine("per Raxx analyzer (compared with the median built-in over all / over those that ran):");
        var raxxAnalyzers = with.Analyzers.Where(a => a.Assembly.StartsWith("Raxx.", StringComparison.Ordinal)).OrderByDescending(a => a.Seconds).ToList();
        foreach (var analyzer in raxxAnalyzers)
        {
            var verdict = (analyzer.Seconds <= median ? "<= median all" : "> median all") + ", " + (analyzer.Seconds <= medianRan ? "<= median ran" : "> median ran");
            Console.WriteLine($"  {analyzer.Seconds,7:0.000}s  {analyzer.Name}  ({verdict})");
        }
        Console.WriteLine($"built-in NetAnalyzers in the same build: {builtIn.Count} analyzers, median {median:0.000}s, max {(builtIn.Count == 0 ? 0 : builtIn[^1]):0.000}s, total {builtIn.Sum():0.000}s");
        Console.WriteLine($"  of which {ran.Count} took >= 0.001s: median {medianRan:0.000}s");
        Console.WriteLine($"Raxx analyzers <= median of all built-ins: {raxxAnalyzers.Count(a => a.Seconds <= median)} of {raxxAnalyzers.Count}; <= median of those that ran: {raxxAnalyzers.Count(a => a.Seconds <= medianRan)} of {raxxAnalyzers.Count}");
        foreach (var assembly in with.Assemblies.OrderByDescending(a => a.Seconds))
        {
            Console.WriteLine($"  assembly {assembly.Seconds,7:0.000}s  {assembly.Name}");
        }
        return 0;
    }

    private sealed record AnalyzerTime(string Assembly, string Name, double Seconds);
    private sealed record AssemblyTime(string Name, double Seconds);
    private sealed record BuildFigures(double CscSeconds, double TotalAnalyzerSeconds, List<AssemblyTime> Assemblies, List<AnalyzerTime> Analyzers);

    private static BuildFigures? Build(string dir, bool raxx)
    {
        var result = Shell.Dotnet(dir, "build", "-c", "Release", "--no-restore", "--no-incremental", "-nologo", "-v:d",
            "-clp:PerformanceSummary", "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=false", $"-p:RaxxBench={(raxx ? "true" : "false")}");
        if (result.ExitCode != 0)
        {
            Console.Error.WriteLine(string.Join('\n', result.Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(20)));
            return null;
        }

        var csc = Regex.Matches(result.Output, @"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1000).DefaultIfEmpty(0).Max();
        var total = Regex.Match(result.Output, @"Total analyzer execution time: ([\d.]+) seconds");
        var assemblies = new List<AssemblyTime>();
        var analyzers = new List<AnalyzerTime>();
        var lines = result.Output.Split('\n');
        var inTable = false;
        var currentAssembly = string.Empty;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Contains("Time (s)", StringComparison.Ordinal) && line.TrimEnd().EndsWith("Analyzer", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }
            if (!inTable || line.Trim().Length == 0)
            {
                continue; // assemblies are separated by blank lines
            }
            var match = Regex.Match(line, @"^(\s+)(<?[\d.]+)\s+(<?\d+)\s+(\S.*)$");
            if (!match.Success)
            {
                inTable = false;
                continue;
            }
            var seconds = match.Groups[2].Value.StartsWith("<", StringComparison.Ordinal) ? 0.0005 : double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var name = match.Groups[4].Value.Trim();
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                currentAssembly = name.Split(',')[0];
                assemblies.Add(new AssemblyTime(currentAssembly, seconds));
            }
            else
            {
                analyzers.Add(new AnalyzerTime(currentAssembly, name, seconds));
            }
        }
        return new BuildFigures(csc, total.Success ? double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) : 0, assemblies, analyzers);
    }

    private static void Generate(string dir, int files, string analyzerDir, bool flagApis, bool unmarked)
    {
        var yamlDotNet = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), "yamldotnet", "16.3.0", "lib", "netstandard2.0", "YamlDotNet.dll");
        var core = Path.Combine(Shell.RepoRoot, "analyzers", "Raxx.Guardrails.Core", "bin", "Release", "netstandard2.0", "Raxx.Guardrails.Core.dll");
        var props = Path.Combine(Shell.RepoRoot, "msbuild", "Raxx.Guardrails", "build", "Raxx.Guardrails.props");
        File.WriteAllText(Path.Combine(dir, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <Import Project="{props}" Condition="'$(RaxxBench)' == 'true'" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RaxxRepositoryChecks>false</RaxxRepositoryChecks>
                <RaxxFeatureFlagsFile>$(MSBuildProjectDirectory)/feature_flags.yaml</RaxxFeatureFlagsFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.7.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(RaxxBench)' == 'true'">
                <Analyzer Include="{analyzerDir}/Raxx.Guardrails.Analyzers.dll" />
                <Analyzer Include="{core}" />
                <Analyzer Include="{yamlDotNet}" />
                <AdditionalFiles Include="feature_flags.yaml" Condition="'@(AdditionalFiles->AnyHaveMetadataValue('Identity', 'feature_flags.yaml'))' != 'true'" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");

        var flags = new StringBuilder("flags:\n");
        for (var f = 0; f < Flags; f++)
        {
            flags.Append($"  flag_{f}:\n    default: false\n    description: generated flag {f}\n    risk: low\n    owner: bench\n");
        }
        File.WriteAllText(Path.Combine(dir, "feature_flags.yaml"), flags.ToString());

        var program = new StringBuilder("""
            using Microsoft.FeatureManagement;

            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = "instance/config.json", Optional = true });
            builder.Services.AddFeatureManagement();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapGet("/health", () => Results.Ok());
            app.MapControllers();

            """);
        var src = Path.Combine(dir, "Generated");
        Directory.CreateDirectory(src);
        for (var i = 0; i < files; i++)
        {
            program.Append($"Bench.Area{i % 50}.Feature{i}.MapFeature{i}(app);\n");
            File.WriteAllText(Path.Combine(src, $"Feature{i}.cs"), Feature(i) + (flagApis ? FlagApiUse(i) : ""));
        }
        if (flagApis)
        {
            File.WriteAllText(Path.Combine(src, "FlagApis.cs"), unmarked ? FlagApis.Replace("FlagName", "FlagLabel", StringComparison.Ordinal) : FlagApis);
        }
        program.Append("app.Run();\n");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program.ToString());
    }

    /// <summary>The app's own flag APIs, marked as the Companion's are (docs/rules/RAXX301.md).</summary>
    private const string FlagApis = """
        namespace Bench.Flags;

        [AttributeUsage(AttributeTargets.Parameter)]
        public sealed class FlagNameAttribute : Attribute
        {
        }

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
        public sealed class RequiresFlagAttribute([FlagName] string flag = "flag_0") : Attribute
        {
            public string Flag { get; } = flag;
            public string? Note { get; set; }
        }

        public sealed class Gate([FlagName] string flag)
        {
            public string Flag { get; } = flag;
        }

        public static class Gates
        {
            public static bool IsOn([FlagName] string flag = "flag_1") => flag.Length > 0;
            public static bool AnyOn([FlagName] params ReadOnlySpan<string> flags) => flags.Length > 0;
        }
        """;

    /// <summary>What each file adds with <c>--flag-apis</c>: a call, a call leaning on the default, a params call, an
    /// object creation and attributes with and without their argument, all naming declared flags (no diagnostics).</summary>
    private static string FlagApiUse(int i) => $$"""

        public static class FlagUse{{i}}
        {
            [Bench.Flags.RequiresFlag("flag_{{(i + 3) % Flags}}")]
            public static bool Check() => Bench.Flags.Gates.IsOn("flag_{{(i + 1) % Flags}}") || Bench.Flags.Gates.IsOn()
                || Bench.Flags.Gates.AnyOn("flag_{{(i + 2) % Flags}}", "flag_{{(i + 5) % Flags}}");

            [Bench.Flags.RequiresFlag(Note = "default flag")]
            public static Bench.Flags.Gate Make() => new Bench.Flags.Gate("flag_{{(i + 4) % Flags}}");
        }
        """;

    private static string Feature(int i) => $$"""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.FeatureManagement;
        using Microsoft.FeatureManagement.Mvc;

        namespace Bench.Area{{i % 50}};

        public static class Feature{{i}}
        {
            public const string Flag = "flag_{{i % Flags}}";
            private static readonly string[] Labels = { "alpha-{{i}}", "beta", "Host=db;Database=orders{{i}};Username=app", "0f{{i:x4}}", "https://example.invalid/{{i}}" };

            public static IEndpointRouteBuilder MapFeature{{i}}(this IEndpointRouteBuilder app)
            {
                app.MapGet("/api/feature{{i}}/items", async (IFeatureManager features) =>
                    await features.IsEnabledAsync(Flag) ? Results.Ok(Labels) : Results.NotFound());
                app.MapPost("/api/feature{{i}}/items", (Item{{i}} item) => Results.Created($"/api/feature{{i}}/items/{item.Id}", item));
                return app;
            }

            public static Settings{{i}} ReadSettings(IConfiguration configuration)
            {
                var section = configuration.GetSection("Feature{{i}}");
                var settings = new Settings{{i}}
                {
                    Url = section["Url"] ?? "https://localhost",
                    TimeoutSeconds = configuration.GetValue<int>("Feature{{i}}:TimeoutSeconds"),
                    Name = string.Concat("feature-", {{i}}.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                };
                if (settings.TimeoutSeconds <= 0)
                {
                    settings.TimeoutSeconds = {{i % 30 + 1}};
                }
                return settings;
            }
        }

        public sealed record Item{{i}}(int Id, string Name, decimal Price);

        public sealed class Settings{{i}}
        {
            public string Url { get; set; } = "";
            public int TimeoutSeconds { get; set; }
            public string Name { get; set; } = "";
            public string ApiKeyHeader { get; set; } = "X-Api-Key";
        }

        [ApiController]
        [Route("api/controller{{i}}")]
        [FeatureGate("flag_{{(i + 7) % Flags}}")]
        public sealed class Feature{{i}}Controller : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok(new { id = {{i}}, name = "controller {{i}}" });
        }
        """;
}
