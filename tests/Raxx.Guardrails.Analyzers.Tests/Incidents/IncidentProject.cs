using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>
    /// One project of a <c>samples/incidents/*</c> folder compiled in memory the way its build sees it (its .cs
    /// files, the SDK's implicit usings, its flags file and appsettings*.json as AdditionalFiles) and analyzed by
    /// every analyzer of Raxx.Guardrails.Analyzers: the cheap check that an incident's EXPECTED analyzer findings
    /// are reported, without the <c>dotnet build</c> that <c>./build.sh samples</c> runs.
    /// Findings come back as EXPECTED lines: <c>RAXXnnn path/relative/to/the/root:line</c>.
    /// </summary>
    internal static partial class IncidentProject
    {
        [GeneratedRegex("<NoWarn>([^<]*)</NoWarn>", RegexOptions.CultureInvariant)]
        private static partial Regex NoWarn();

        [GeneratedRegex(@"<PropertyGroup\s+Condition=[^>]*>.*?</PropertyGroup>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
        private static partial Regex ConditionalPropertyGroup();

        [GeneratedRegex(@"<ProjectReference\s+Include=""([^""]+)""", RegexOptions.CultureInvariant)]
        private static partial Regex ProjectReference();

        private const string WebUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Net.Http.Json;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            global using global::Microsoft.AspNetCore.Builder;
            global using global::Microsoft.AspNetCore.Hosting;
            global using global::Microsoft.AspNetCore.Http;
            global using global::Microsoft.AspNetCore.Routing;
            global using global::Microsoft.Extensions.Configuration;
            global using global::Microsoft.Extensions.DependencyInjection;
            global using global::Microsoft.Extensions.Hosting;
            global using global::Microsoft.Extensions.Logging;
            """;

        private const string LibraryUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;

        private static readonly Type[] AnalyzerTypes = typeof(Raxx.Guardrails.Analyzers.Config.Raxx101LateConfigurationSourceAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .ToArray();

        public static string Folder(string incident) => RepoPaths.Combine("samples", "incidents", incident);

        /// <summary>The EXPECTED lines of an incident (comments and blank lines skipped).</summary>
        public static string[] Expected(string incident) =>
            File.ReadAllLines(Path.Combine(Folder(incident), "EXPECTED"))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .ToArray();

        /// <summary>The EXPECTED lines of an incident located under <paramref name="project"/>, for rules the analyzers report.</summary>
        public static string[] ExpectedIn(string incident, string project) =>
            Expected(incident)
                .Where(l => l.Split(' ')[1].StartsWith(project + "/", StringComparison.Ordinal) && AnalyzerRuleIds.Contains(l.Split(' ')[0]))
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The rule IDs the analyzers report (the others — RAXX105, RAXX306, … — come from MSBuild tasks and repository rules).</summary>
        public static readonly HashSet<string> AnalyzerRuleIds = new(
            AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id),
            StringComparer.Ordinal);

        /// <summary>
        /// Analyzes <paramref name="project"/> (a folder relative to <paramref name="root"/>, holding one .csproj)
        /// with every analyzer. Projects it references (<c>ProjectReference</c>) are compiled in memory first and
        /// referenced as assemblies, as the build would; a test project also gets the test frameworks.
        /// </summary>
        public static async Task<string[]> FindingsAsync(string root, string project)
        {
            var projectDir = Path.Combine(root, project);
            var csproj = File.ReadAllText(Directory.GetFiles(projectDir, "*.csproj").Single());
            var web = csproj.Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal);
            var testProject = csproj.Contains("Include=\"xunit\"", StringComparison.Ordinal);

            var test = AnalyzerTest.ForAnalyzers(AnalyzerTypes);
            test.AssemblyName = Path.GetFileName(project);
            test.OutputKind = web ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            test.References = testProject ? ReferenceAssemblies.AspNetTests : ReferenceAssemblies.AspNet;
            test.Sources.Add(("/generated/GlobalUsings.g.cs", web ? WebUsings : LibraryUsings));
            // <NoWarn>RAXXnnn</NoWarn> in the project (a rule another incident shows) silences it here too;
            // a conditional PropertyGroup (e.g. RaxxIncidentRun, to run a broken app) does not apply to a plain build.
            var unconditional = ConditionalPropertyGroup().Replace(csproj, string.Empty);
            foreach (var id in NoWarn().Matches(unconditional).SelectMany(m => m.Groups[1].Value.Split(';', ',')).Select(id => id.Trim()).Where(id => id.StartsWith("RAXX", StringComparison.Ordinal)))
            {
                test.GlobalConfigLines.Add($"dotnet_diagnostic.{id}.severity = none");
            }
            foreach (Match reference in ProjectReference().Matches(csproj))
            {
                var referenced = Path.GetFullPath(Path.Combine(projectDir, reference.Groups[1].Value.Replace('\\', '/')));
                test.AdditionalReferences.Add(Compile(Path.GetDirectoryName(referenced)!));
            }
            foreach (var file in ProjectFiles(projectDir, "*.cs"))
            {
                test.Sources.Add((SourcePath(root, file), File.ReadAllText(file)));
            }
            foreach (var file in ProjectFiles(projectDir, "*.yaml").Where(f => Path.GetFileName(f) == "feature_flags.yaml" && Path.GetDirectoryName(f) == projectDir))
            {
                test.AdditionalFiles.Add((SourcePath(root, file), File.ReadAllText(file)));
                test.BuildProperties["RaxxFeatureFlagsFile"] = SourcePath(root, file);
            }
            foreach (var file in ProjectFiles(projectDir, "appsettings*.json").Where(f => Path.GetDirectoryName(f) == projectDir))
            {
                test.AdditionalFiles.Add((SourcePath(root, file), File.ReadAllText(file)));
            }

            var diagnostics = await test.GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .Select(d => d.Location.GetLineSpan())
                .Zip(diagnostics, (span, d) => d.Id + " " + RelativePath(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>A referenced web project compiled in memory (no analyzers), as the assembly its dependents compile against.</summary>
        private static MetadataReference Compile(string projectDir)
        {
            var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(projectDir, "*.csproj").Single());
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = ProjectFiles(projectDir, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
                .Append(CSharpSyntaxTree.ParseText(WebUsings, parse, "GlobalUsings.g.cs"));
            var compilation = CSharpCompilation.Create(name, trees, ReferenceAssemblies.AspNet,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException($"{name} does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        private static IEnumerable<string> ProjectFiles(string projectDir, string pattern) =>
            Directory.EnumerateFiles(projectDir, pattern, SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(projectDir, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal);

        private static string SourcePath(string root, string file) => AnalyzerTest.SourceRoot + Path.GetRelativePath(root, file).Replace('\\', '/');

        private static string RelativePath(string path) =>
            path.StartsWith(AnalyzerTest.SourceRoot, StringComparison.Ordinal) ? path.Substring(AnalyzerTest.SourceRoot.Length) : path;
    }
}
