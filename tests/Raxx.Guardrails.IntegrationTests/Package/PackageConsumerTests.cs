using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;
using Xunit;

namespace Raxx.Guardrails.IntegrationTests.Package;

/// <summary>
/// The package as a consumer gets it: pack Raxx.Guardrails into a temporary feed, restore a two-project
/// solution from that feed (isolated NUGET_PACKAGES, nothing inherited from this repository), build it once,
/// and find the RAXX findings at their file and line in the build output — with the rules at error, the
/// build fails; then the boot preflight runs from the package and discovers the app's endpoints. Three dotnet
/// invocations: pack, build, preflight.
/// </summary>
[Collection(DotnetCollection.Name)]
public sealed class PackageConsumerTests : IDisposable
{
    private const string PackageVersion = "0.1.0-consumer-test";
    private readonly TempDirectory _temp = new("consumer");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PackedPackage_Reports_InConsumerBuild()
    {
        var feed = _temp.Combine("feed");
        var packages = _temp.Combine("packages");
        var consumer = _temp.Combine("consumer");
        Directory.CreateDirectory(feed);

        // 1. pack, against the analyzers and tasks the solution build produced
        var pack = DotnetCli.Run(RepoPaths.Root, new[]
        {
            "pack", RepoPaths.Combine("msbuild", "Raxx.Guardrails", "Raxx.Guardrails.csproj"),
            "-c", RepoPaths.Configuration, "-o", feed, "-p:BuildProjectReferences=false", $"-p:PackageVersion={PackageVersion}",
            "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        });
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var nupkg = Path.Combine(feed, $"Raxx.Guardrails.{PackageVersion}.nupkg");
        Assert.True(File.Exists(nupkg), pack.ToString());
        AssertLayout(nupkg);

        // 2. a consumer: Api (a late configuration source, RAXX101) and Worker (an instance file copied to
        //    bin/, RAXX105 output check), in a git repository with a tracked local override file (RAXX105
        //    repository check, which must be reported once although two projects build)
        WriteConsumer(consumer, feed);
        Git(consumer, "init", "-q");
        Git(consumer, "add", "-A");

        var build = DotnetCli.Run(consumer, new[] { "build", "Consumer.slnx", "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = packages,
                ["MSBuildSDKsPath"] = null,
                ["MSBUILD_EXE_PATH"] = null,
            },
            TimeSpan.FromMinutes(10));

        Assert.True(build.ExitCode != 0, "the rules are errors, so the build must fail\n" + build);
        Assert.True(Directory.Exists(Path.Combine(packages, "raxx.guardrails", PackageVersion)), "restored from the local feed into the isolated NUGET_PACKAGES\n" + build);

        var diagnostics = BuildOutput.Parse(build.Output);
        string Rel(BuildDiagnostic d) => Path.GetRelativePath(consumer, d.File).Replace('\\', '/');

        // RAXX105, output part: the None item's line in Worker.csproj
        var shipped = Assert.Single(diagnostics, d => d.Code == "RAXX105" && Rel(d) == "Worker/Worker.csproj");
        Assert.Equal("error", shipped.Severity);
        Assert.Equal(7, shipped.Line);
        Assert.Equal(20, shipped.Column);
        Assert.Contains("instance/config.json is a local override configuration file (matches 'instance/**') and is copied to the build output by None item 'instance/config.json' (CopyToOutputDirectory=PreserveNewest)", shipped.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(consumer, "Worker", "bin", "Debug", "net10.0", "instance", "config.json")));

        // RAXX105, repository part: once per solution build, not once per project
        var tracked = Assert.Single(diagnostics, d => d.Code == "RAXX105" && Rel(d) == "config/site.local.json");
        Assert.Contains("is tracked by git", tracked.Message, StringComparison.Ordinal);

        // RAXX101, the analyzer from analyzers/dotnet/cs (with Core and YamlDotNet beside it): the late AddJsonFile
        var late = Assert.Single(diagnostics, d => d.Code == "RAXX101" && Rel(d) == "Api/Program.cs");
        Assert.Equal("error", late.Severity);
        Assert.Equal(2, late.Line);
        Assert.Equal(23, late.Column);

        // RAXX201-203 (test-only boot paths): the branch in the app, the tests that only take it
        var branch = Assert.Single(diagnostics, d => d.Code == "RAXX201" && Rel(d) == "App/Program.cs");
        Assert.Equal(("warning", 9), (branch.Severity, branch.Line));
        var hostOverride = Assert.Single(diagnostics, d => d.Code == "RAXX202" && Rel(d) == "App.Tests/BootTests.cs");
        Assert.Equal(15, hostOverride.Line);
        Assert.Single(diagnostics, d => d.Code == "RAXX203" && Rel(d).StartsWith("App.Tests/", StringComparison.Ordinal));
        // RaxxAnalysisMode=strict selects build/config/raxx-ci.globalconfig: the key write is an error
        var written = Assert.Single(diagnostics, d => d.Code == "RAXX102" && Rel(d) == "Api/Program.cs");
        Assert.Equal("error", written.Severity);
        Assert.Equal(3, written.Line);

        // 3. the boot preflight from the package: the task in tasks/netstandard2.0 finds the endpoint probe beside Core
        //    and reads App's endpoints (one more dotnet invocation; App builds, only the repository check would fail it)
        var preflight = DotnetCli.Run(consumer, new[] { "build", "App/App.csproj", "-t:RaxxPreflight", "--no-restore", "-p:RaxxRepositoryChecks=false", "-nologo", "-v:m", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = packages,
                ["MSBuildSDKsPath"] = null,
                ["MSBUILD_EXE_PATH"] = null,
            },
            TimeSpan.FromMinutes(10));
        Assert.True(preflight.ExitCode == 0, preflight.ToString());
        Assert.Contains("boot production: healthy", preflight.Output, StringComparison.Ordinal);
        Assert.Contains("routes: endpoint discovery: the app reported 1 endpoint(s), 0 flag-gated", preflight.Output, StringComparison.Ordinal);
    }

    /// <summary>Analyzers with their dependencies, tasks with theirs (not MSBuild's), build/ with the family folders, buildTransitive/.</summary>
    private static void AssertLayout(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/Raxx.Guardrails.Analyzers.dll",
            "analyzers/dotnet/cs/Raxx.Guardrails.CodeFixes.dll",
            "analyzers/dotnet/cs/Raxx.Guardrails.Core.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "tasks/netstandard2.0/Raxx.Guardrails.Tasks.dll",
            "tasks/netstandard2.0/Raxx.Guardrails.Core.dll",
            "tasks/netstandard2.0/YamlDotNet.dll",
            // the preflight's endpoint probe, found by Core beside itself (docs/notes/preflight.md)
            "tasks/netstandard2.0/Raxx.Guardrails.Preflight.Probe.dll",
            "build/Raxx.Guardrails.props",
            "build/Raxx.Guardrails.targets",
            "build/props/Raxx.Guardrails.Package.props",
            "build/targets/Raxx.Guardrails.Repository.targets",
            "build/targets/Raxx.Guardrails.LocalOverrides.targets",
            "build/config/raxx-recommended.globalconfig",
            "build/config/raxx-ci.globalconfig",
            "buildTransitive/Raxx.Guardrails.props",
            "buildTransitive/Raxx.Guardrails.targets",
        })
        {
            Assert.True(entries.Contains(expected), $"{expected} missing from the package:\n{string.Join('\n', entries.Order())}");
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.Contains("Microsoft.Build", StringComparison.Ordinal));

        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies>", text, StringComparison.Ordinal);
    }

    private static void WriteConsumer(string root, string feed)
    {
        void Write(string relative, string text)
        {
            var full = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        }

        Write("nuget.config", NuGetConfig(feed));
        // stubs: nothing from this repository (or anything above the temp folder) is imported
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
        Write("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        Write(".gitignore", "bin/\nobj/\n");
        Write("Consumer.slnx", """
            <Solution>
              <Project Path="Api/Api.csproj" />
              <Project Path="Worker/Worker.csproj" />
              <Project Path="App/App.csproj" />
              <Project Path="App.Tests/App.Tests.csproj" />
            </Solution>
            """);

        Write("Api/Api.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- the shipped strict global config: RAXX102 (a warning by default) becomes an error -->
                <RaxxAnalysisMode>strict</RaxxAnalysisMode>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Raxx.Guardrails" Version="{{PackageVersion}}" />
              </ItemGroup>
            </Project>
            """);
        Write("Api/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
            builder.Configuration["WEBAUTHN_RP_NAME"] = "Raptor";
            var app = builder.Build();
            app.MapGet("/health", () => "ok");
            app.Run();
            """);

        Write("Worker/Worker.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <None Include="instance/config.json" CopyToOutputDirectory="PreserveNewest" />
                <PackageReference Include="Raxx.Guardrails" Version="{{PackageVersion}}" />
              </ItemGroup>
            </Project>
            """);
        Write("Worker/Program.cs", "System.Console.WriteLine(\"worker\");\n");
        Write("Worker/instance/config.json", "{ \"WEBAUTHN_RP_ID\": \"\" }\n");

        // App: an app factory with a test-config branch (RAXX201); App.Tests: tests that only boot through
        // that branch (RAXX203) and a host builder whose overrides land after the production sources (RAXX202).
        Write("App/App.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- the late instance file is the incident's other half (RAXX101, shown by Api); here only the test path -->
                <NoWarn>$(NoWarn);RAXX101</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Raxx.Guardrails" Version="{{PackageVersion}}" />
              </ItemGroup>
            </Project>
            """);
        Write("App/Program.cs", """
            var app = Program.CreateApp(args);
            app.Run();

            public partial class Program
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
                    var app = builder.Build();
                    app.MapGet("/health", () => "ok");
                    return app;
                }
            }
            """);
        Write("App.Tests/App.Tests.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsTestProject>true</IsTestProject>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="Raxx.Guardrails" Version="{{PackageVersion}}" />
                <ProjectReference Include="../App/App.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("App.Tests/BootTests.cs", """
            using Xunit;

            public class BootTests
            {
                [Fact]
                public async Task Boots()
                {
                    await using var app = Program.CreateApp(Array.Empty<string>(), new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "raxx.app" });
                }

                [Fact]
                public void HostBoots()
                {
                    using var host = Host.CreateDefaultBuilder()
                        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>()))
                        .Build();
                }
            }
            """);

        // a local override file committed by mistake, outside every project
        Write("config/site.local.json", "{ \"WEBAUTHN_ORIGIN\": \"http://localhost\" }\n");
    }

    /// <summary>The temporary feed first, then the sources of the user's NuGet config (the registry mirror).</summary>
    private static string NuGetConfig(string feed)
    {
        var sources = new List<(string Key, string Value)> { ("raxx-local", feed) };
        var userConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(userConfig))
        {
            var doc = XDocument.Load(userConfig);
            foreach (var add in doc.Root?.Element("packageSources")?.Elements("add") ?? Enumerable.Empty<XElement>())
            {
                var key = (string?)add.Attribute("key");
                var value = (string?)add.Attribute("value");
                if (key != null && value != null)
                {
                    sources.Add((key, value));
                }
            }
        }
        else
        {
            sources.Add(("nuget.org", "https://api.nuget.org/v3/index.json"));
        }

        var config = new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                sources.Select(s => new XElement("add", new XAttribute("key", s.Key), new XAttribute("value", s.Value)))));
        return config.ToString();
    }

    private static void Git(string directory, params string[] args)
    {
        var result = DotnetCli.RunProcess("git", directory, args);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result}");
    }
}
