using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.CodeFixes.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.Flags
{
    public class Raxx305LoadCanonicalFlagsFileCodeFixTests
    {
        private const string FlagsYaml = """
            flags:
              console_nav_v2:
                default: false
            """;

        private static CodeFixTest Test(string source, string fixedSource)
        {
            var test = VerifyFix<Raxx305NonCanonicalFlagsPathAnalyzer, Raxx305LoadCanonicalFlagsFileCodeFix>.Test(source, fixedSource);
            test.AdditionalFiles.Add(("feature_flags.yaml", FlagsYaml));
            test.BuildProperties["MSBuildProjectDirectory"] = "/src";
            return test;
        }

        [Fact]
        public Task FileRead_OfACopy_ReadsTheCanonicalFileFromTheOutputFolder()
        {
            // the console incident: a git-ignored copy under console/config was read instead of the shipped file
            var test = Test("""
                using System;
                using System.IO;
                static class ConsoleFlags
                {
                    public static string Load() => File.ReadAllText({|RAXX305:"console/config/feature_flags.yaml"|});
                    public static StreamReader Open() => new StreamReader({|RAXX305:@"..\backend\flags.yml"|});
                }
                """, """
                using System;
                using System.IO;
                static class ConsoleFlags
                {
                    public static string Load() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml"));
                    public static StreamReader Open() => new StreamReader(Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml"));
                }
                """);
            test.CodeActionTitle = "Load the canonical flags file 'feature_flags.yaml'";
            return test.RunAsync();
        }

        [Fact]
        public Task FileRead_WithoutUsings_GetsQualifiedNames() =>
            Test("""
                static class ConsoleFlags
                {
                    public static string Load() => System.IO.File.ReadAllText({|RAXX305:"console/config/feature_flags.yaml"|});
                }
                """, """
                static class ConsoleFlags
                {
                    public static string Load() => System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "feature_flags.yaml"));
                }
                """).RunAsync();

        [Fact]
        public Task ConfigurationSource_GetsTheBareName() =>
            Test("""
                using Microsoft.Extensions.Configuration;
                static class Cfg
                {
                    public static void Add(IConfigurationBuilder b) => b.AddJsonFile({|RAXX305:"config/feature-flags.json"|}, optional: true);
                }
                """, """
                using Microsoft.Extensions.Configuration;
                static class Cfg
                {
                    public static void Add(IConfigurationBuilder b) => b.AddJsonFile("feature_flags.yaml", optional: true);
                }
                """).RunAsync();

        [Fact]
        public Task PathCombine_DropsTheLiteralFolders_KeepsTheRuntimeBase() =>
            Test("""
                using System;
                using System.IO;
                static class ConsoleFlags
                {
                    public static string Load() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", {|RAXX305:"feature_flags.yaml"|}));
                    public static string[] Lines(string root)
                    {
                        var path = Path.Combine(root, "console", {|RAXX305:"config/flags.yml"|});
                        return File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
                    }
                    public static string Local()
                    {
                        var path = {|RAXX305:"console/config/feature_flags.yaml"|};
                        return File.ReadAllText(path);
                    }
                    public static string Literals() => File.ReadAllText(Path.Combine("console", "config", {|RAXX305:"feature_flags.yaml"|}));
                }
                """, """
                using System;
                using System.IO;
                static class ConsoleFlags
                {
                    public static string Load() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml"));
                    public static string[] Lines(string root)
                    {
                        var path = Path.Combine(root, "feature_flags.yaml");
                        return File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
                    }
                    public static string Local()
                    {
                        var path = Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml");
                        return File.ReadAllText(path);
                    }
                    public static string Literals() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "feature_flags.yaml"));
                }
                """).RunAsync();

        [Fact]
        public Task SharedConstant_OrOwnLoader_NoFixOffered() =>
            Test("""
                using System.IO;
                static class Paths { public const string Flags = "console/config/feature_flags.yaml"; }
                static class FlagLoader { public static string LoadFlags(string path) => path; }
                static class ConsoleFlags
                {
                    public static string Load() => File.ReadAllText({|RAXX305:Paths.Flags|});
                    public static string Own() => FlagLoader.LoadFlags({|RAXX305:"console/config/feature_flags.yaml"|});
                }
                """, """
                using System.IO;
                static class Paths { public const string Flags = "console/config/feature_flags.yaml"; }
                static class FlagLoader { public static string LoadFlags(string path) => path; }
                static class ConsoleFlags
                {
                    public static string Load() => File.ReadAllText({|RAXX305:Paths.Flags|});
                    public static string Own() => FlagLoader.LoadFlags({|RAXX305:"console/config/feature_flags.yaml"|});
                }
                """).RunAsync();
    }
}
