using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Flags;

public class Raxx305NonCanonicalFlagsPathTests
{
    private static AnalyzerTest Test(string source)
    {
        var test = Verify<Raxx305NonCanonicalFlagsPathAnalyzer>.Test(source);
        test.AdditionalFiles.Add(("feature_flags.yaml", FlagsTestFiles.FlagsYaml));
        test.BuildProperties["MSBuildProjectDirectory"] = "/src";
        return test;
    }

    [Fact]
    public Task ConsoleReadsCopy_Reports()
    {
        var test = Test("""
            using System;
            using System.IO;
            static class Console2
            {
                public static string Load() => File.ReadAllText({|RAXX305:"console/config/feature_flags.yaml"|});
                public static string Load2() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", {|RAXX305:"feature_flags.yaml"|}));
                public static StreamReader Load3() => new StreamReader({|RAXX305:"../backend/flags.yml"|});
                public static string[] Load4(string root)
                {
                    var path = Path.Combine(root, {|RAXX305:"console/config/feature_flags.yaml"|});
                    return File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
                }
            }
            """);
        test.ExpectedMessages.Add("Flags are loaded from 'console/config/feature_flags.yaml', which is not the canonical flags file 'feature_flags.yaml'; load 'feature_flags.yaml' (copied to the build and publish output) instead of a copy that can drift");
        test.ExpectedMessages.Add("Flags are loaded from 'config/feature_flags.yaml', which is not the canonical flags file 'feature_flags.yaml'; load 'feature_flags.yaml' (copied to the build and publish output) instead of a copy that can drift");
        test.ExpectedMessages.Add("Flags are loaded from '../backend/flags.yml', which is not the canonical flags file 'feature_flags.yaml'; load 'feature_flags.yaml' (copied to the build and publish output) instead of a copy that can drift");
        test.ExpectedMessages.Add("Flags are loaded from 'console/config/feature_flags.yaml', which is not the canonical flags file 'feature_flags.yaml'; load 'feature_flags.yaml' (copied to the build and publish output) instead of a copy that can drift");
        return test.RunAsync();
    }

    [Fact]
    public Task ConfigurationFileSource_Reports() =>
        Test("""
            using Microsoft.Extensions.Configuration;
            static class Cfg
            {
                public static void Add(IConfigurationBuilder b) => b.AddJsonFile({|RAXX305:"config/feature-flags.json"|}, optional: true);
            }
            """).RunAsync();

    [Fact]
    public Task CanonicalOrUnrelatedPaths_NoReport() =>
        Test("""
            using System;
            using System.IO;
            using Microsoft.Extensions.Configuration;
            static class Ok
            {
                public static void Load(IConfigurationBuilder b)
                {
                    _ = File.ReadAllText("feature_flags.yaml");
                    _ = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml"));
                    _ = File.ReadAllText("/src/feature_flags.yaml");
                    _ = File.ReadAllText("./feature_flags.yaml");
                    _ = File.ReadAllText("appsettings.json");
                    b.AddJsonFile("appsettings.Production.json");
                    Console.WriteLine("console/config/feature_flags.yaml");
                }
            }
            """).RunAsync();

    [Fact]
    public Task NoCanonicalFile_NoReport() =>
        Verify<Raxx305NonCanonicalFlagsPathAnalyzer>.VerifyAsync("""
            using System.IO;
            static class C { static string L() => File.ReadAllText("console/config/feature_flags.yaml"); }
            """);
}
