using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace Raxx.Guardrails.Testing
{
    /// <summary>
    /// Runs analyzers over test sources and compares every reported diagnostic with the expected
    /// ones: ID, exact span, severity and (when given) message. Fails on compiler errors (unless
    /// allowed) and on any analyzer exception (AD0001).
    /// </summary>
    public class AnalyzerTest
    {
        public const string SourceRoot = "/src/";

        /// <summary>C# sources as (path, markup). A path without a leading '/' is placed under /src/.</summary>
        public List<(string Path, string Markup)> Sources { get; } = new();

        /// <summary>AdditionalFiles as (path, markup); markers in them locate diagnostics in the file.</summary>
        public List<(string Path, string Markup)> AdditionalFiles { get; } = new();

        /// <summary>Text of /src/.editorconfig (use sections such as <c>[*.cs]</c>).</summary>
        public string? EditorConfig { get; set; }

        /// <summary>Lines of a global analyzer config (<c>is_global = true</c> is added).</summary>
        public List<string> GlobalConfigLines { get; } = new();

        /// <summary>MSBuild properties visible to analyzers (as <c>build_property.Name</c>).</summary>
        public Dictionary<string, string> BuildProperties { get; } = new(StringComparer.Ordinal);

        /// <summary>Expected diagnostics in addition to <c>{|ID:…|}</c> markers.</summary>
        public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

        /// <summary>Messages for the <c>{|ID:…|}</c> markers, in document order (empty: not checked).</summary>
        public List<string> ExpectedMessages { get; } = new();

        /// <summary>Severity expected for marker diagnostics of an ID when not the descriptor's default.</summary>
        public Dictionary<string, DiagnosticSeverity> MarkerSeverities { get; } = new(StringComparer.Ordinal);

        public ImmutableArray<MetadataReference> References { get; set; } = ReferenceAssemblies.AspNet;
        public List<MetadataReference> AdditionalReferences { get; } = new();
        public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;
        public string AssemblyName { get; set; } = "TestProject";
        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;
        public List<string> PreprocessorSymbols { get; } = new();

        /// <summary>Set for tests of code that does not compile: the analyzer must stay quiet (no AD0001).</summary>
        public bool AllowCompilerErrors { get; set; }

        public List<DiagnosticAnalyzer> Analyzers { get; } = new();

        public Task RunAsync(CancellationToken cancellationToken = default) => VerifyDiagnosticsAsync(cancellationToken);

        /// <summary>
        /// An empty test running analyzers given by type (each needs a parameterless constructor): for
        /// tests that run every analyzer of an assembly, discovered by reflection.
        /// </summary>
        public static AnalyzerTest ForAnalyzers(params Type[] analyzerTypes)
        {
            var test = new AnalyzerTest();
            foreach (var type in analyzerTypes)
            {
                test.Analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
            }
            return test;
        }

        /// <summary>
        /// Runs the analyzers and returns their diagnostics without comparing them with expectations.
        /// Sources are used as written (no markup: hostile code may contain <c>|}</c>). An analyzer
        /// exception (AD0001) still fails, and so do compiler errors unless <see cref="AllowCompilerErrors"/> is set.
        /// </summary>
        public async Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsAsync(CancellationToken cancellationToken = default)
        {
            var project = CreateProject(
                Sources.Select(s => (NormalizePath(s.Path), s.Markup)),
                AdditionalFiles.Select(s => (NormalizePath(s.Path), s.Markup)));
            return await GetDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
        }

        protected async Task<Project> VerifyDiagnosticsAsync(CancellationToken cancellationToken, Project? project = null, IReadOnlyList<(string Path, string Markup)>? sourcesOverride = null, bool includeExplicitExpectations = true)
        {
            var sources = sourcesOverride ?? Sources;
            var parsedSources = sources.Select(s => (Path: NormalizePath(s.Path), Parsed: Markup.Parse(s.Markup))).ToList();
            var parsedAdditional = AdditionalFiles.Select(s => (Path: NormalizePath(s.Path), Parsed: Markup.Parse(s.Markup))).ToList();

            project ??= CreateProject(parsedSources.Select(p => (p.Path, p.Parsed.Text)), parsedAdditional.Select(p => (p.Path, p.Parsed.Text)));
            var actual = await GetDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);

            var expected = BuildExpected(parsedSources, parsedAdditional, includeExplicitExpectations);
            Compare(expected, actual, project);
            return project;
        }

        internal static string NormalizePath(string path) => path.StartsWith("/", StringComparison.Ordinal) ? path : SourceRoot + path;

        protected Project CreateProject(IEnumerable<(string Path, string Text)> sources, IEnumerable<(string Path, string Text)> additional)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var parseOptions = new CSharpParseOptions(LanguageVersion, DocumentationMode.Parse, SourceCodeKind.Regular, PreprocessorSymbols);
            var compilationOptions = new CSharpCompilationOptions(OutputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, AssemblyName, AssemblyName, LanguageNames.CSharp,
                filePath: SourceRoot + AssemblyName + ".csproj",
                compilationOptions: compilationOptions, parseOptions: parseOptions,
                metadataReferences: References.AddRange(AdditionalReferences)));

            foreach (var (path, text) in sources)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text, Encoding.UTF8), filePath: path);
            }

            foreach (var (path, text) in additional)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text, Encoding.UTF8), filePath: path);
            }

            if (EditorConfig != null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(EditorConfig), filePath: SourceRoot + ".editorconfig");
            }

            var global = new StringBuilder("is_global = true\n");
            foreach (var line in GlobalConfigLines)
            {
                global.Append(line).Append('\n');
            }
            foreach (var kv in BuildProperties)
            {
                global.Append("build_property.").Append(kv.Key).Append(" = ").Append(kv.Value).Append('\n');
            }
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(global.ToString()), filePath: SourceRoot + ".globalconfig");

            if (!workspace.TryApplyChanges(solution))
            {
                throw new InvalidOperationException("Could not create the test workspace.");
            }
            return workspace.CurrentSolution.GetProject(projectId)!;
        }

        protected async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            if (Analyzers.Count == 0)
            {
                throw new InvalidOperationException("No analyzer to run: add one to Analyzers.");
            }

            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            if (!AllowCompilerErrors)
            {
                var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    throw new XunitException("The test source does not compile (set AllowCompilerErrors for code that must not compile):\n" +
                        string.Join("\n", errors.Select(e => "  " + e)));
                }
            }

            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                (ex, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer.GetType().Name} threw {ex}");
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);

            var analyzers = Analyzers.ToImmutableArray();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            var ad0001 = diagnostics.Where(d => d.Id == "AD0001").ToList();
            if (exceptions.Count > 0 || ad0001.Count > 0)
            {
                throw new XunitException("An analyzer threw (AD0001):\n" + string.Join("\n", exceptions.Concat(ad0001.Select(d => d.ToString()))));
            }

            var supported = new HashSet<string>(analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id), StringComparer.Ordinal);
            return diagnostics.Where(d => supported.Contains(d.Id)).ToImmutableArray();
        }

        private List<DiagnosticResult> BuildExpected(
            List<(string Path, (string Text, IReadOnlyList<MarkedSpan> Spans) Parsed)> sources,
            List<(string Path, (string Text, IReadOnlyList<MarkedSpan> Spans) Parsed)> additional,
            bool includeExplicit)
        {
            var markerResults = new List<DiagnosticResult>();
            var locations = new Dictionary<int, (string Path, LinePosition Start, LinePosition End)>();
            var descriptors = Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());

            foreach (var (path, parsed) in sources.Concat(additional))
            {
                var text = SourceText.From(parsed.Text);
                foreach (var span in parsed.Spans)
                {
                    var linePositions = text.Lines.GetLinePositionSpan(span.Span);
                    if (span.LocationIndex.HasValue)
                    {
                        locations[span.LocationIndex.Value] = (path, linePositions.Start, linePositions.End);
                        continue;
                    }

                    var id = span.Id ?? (descriptors.Count == 1 ? descriptors.Keys.Single() : throw new InvalidOperationException("[|…|] needs exactly one supported diagnostic; use {|ID:…|}."));
                    var severity = MarkerSeverities.TryGetValue(id, out var s) ? s
                        : descriptors.TryGetValue(id, out var d) ? d.DefaultSeverity
                        : throw new InvalidOperationException($"Marker names {id}, which no analyzer under test supports.");
                    markerResults.Add(DiagnosticResult.Diagnostic(id).WithSeverity(severity).Resolved(path, linePositions.Start, linePositions.End));
                }
            }

            if (ExpectedMessages.Count > 0)
            {
                if (ExpectedMessages.Count != markerResults.Count)
                {
                    throw new InvalidOperationException($"{ExpectedMessages.Count} expected messages for {markerResults.Count} diagnostic markers.");
                }
                for (var i = 0; i < markerResults.Count; i++)
                {
                    markerResults[i] = markerResults[i].WithMessage(ExpectedMessages[i]);
                }
            }

            var results = new List<DiagnosticResult>(markerResults);
            if (includeExplicit)
            {
                foreach (var e in ExpectedDiagnostics)
                {
                    var r = e;
                    if (r.LocationIndex.HasValue)
                    {
                        if (!locations.TryGetValue(r.LocationIndex.Value, out var loc))
                        {
                            throw new InvalidOperationException($"No {{|#{r.LocationIndex}:…|}} marker for {r.Id}.");
                        }
                        r = r.Resolved(loc.Path, loc.Start, loc.End);
                    }
                    if (r.Severity == null && descriptors.TryGetValue(r.Id, out var d))
                    {
                        r = r.WithSeverity(d.DefaultSeverity);
                    }
                    results.Add(r);
                }
            }
            return results;
        }

        private static void Compare(List<DiagnosticResult> expected, ImmutableArray<Diagnostic> actual, Project project)
        {
            static string Key(string? path, LinePosition? start) => $"{path}|{start?.Line:D6}|{start?.Character:D6}";

            var sortedExpected = expected.OrderBy(e => e.NoLocation ? "" : Key(e.Path, e.Start), StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            var sortedActual = actual.OrderBy(a => a.Location.IsInSource || a.Location.Kind == LocationKind.ExternalFile ? Key(a.Location.GetLineSpan().Path, a.Location.GetLineSpan().StartLinePosition) : "", StringComparer.Ordinal)
                .ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

            var problems = new List<string>();
            var count = Math.Max(sortedExpected.Count, sortedActual.Count);
            for (var i = 0; i < count; i++)
            {
                var e = i < sortedExpected.Count ? sortedExpected[i] : null;
                var a = i < sortedActual.Count ? sortedActual[i] : null;
                if (e == null || a == null)
                {
                    problems.Add(e == null ? $"unexpected: {Describe(a!)}" : $"missing:    {e}");
                    continue;
                }
                var mismatch = Mismatch(e, a);
                if (mismatch != null)
                {
                    problems.Add($"expected:   {e}\n    actual:     {Describe(a)}\n    ({mismatch})");
                }
            }

            if (problems.Count > 0)
            {
                var sb = new StringBuilder();
                sb.AppendLine($"Diagnostics differ (expected {expected.Count}, actual {actual.Length}):");
                foreach (var p in problems)
                {
                    sb.Append("  ").AppendLine(p);
                }
                sb.AppendLine("Actual diagnostics, as markup hints:");
                foreach (var a in sortedActual)
                {
                    sb.Append("  ").AppendLine(Describe(a) + Snippet(a, project));
                }
                throw new XunitException(sb.ToString());
            }
        }

        private static string? Mismatch(DiagnosticResult e, Diagnostic a)
        {
            if (e.Id != a.Id)
            {
                return "ID";
            }
            if (e.NoLocation)
            {
                if (a.Location != Location.None)
                {
                    return "location (expected none)";
                }
            }
            else
            {
                var span = a.Location.GetLineSpan();
                if (!string.Equals(e.Path, span.Path, StringComparison.Ordinal) || e.Start != span.StartLinePosition || e.End != span.EndLinePosition)
                {
                    return "span";
                }
            }
            if (e.Severity.HasValue && e.Severity.Value != a.Severity)
            {
                return "severity";
            }
            if (e.Message != null && !string.Equals(e.Message, a.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                return "message";
            }
            return null;
        }

        internal static string Describe(Diagnostic d)
        {
            var where = d.Location == Location.None ? "(no location)" : FormatSpan(d.Location.GetLineSpan());
            return $"{where}: {d.Severity} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        private static string FormatSpan(FileLinePositionSpan s) =>
            $"{s.Path}({s.StartLinePosition.Line + 1},{s.StartLinePosition.Character + 1})-({s.EndLinePosition.Line + 1},{s.EndLinePosition.Character + 1})";

        private static string Snippet(Diagnostic d, Project project)
        {
            if (!d.Location.IsInSource || d.Location.SourceTree == null)
            {
                return string.Empty;
            }
            var text = d.Location.SourceTree.GetText();
            var span = d.Location.SourceSpan;
            var shown = text.ToString(span);
            if (shown.Length > 60)
            {
                shown = shown.Substring(0, 57) + "...";
            }
            return $"   on '{shown}'";
        }
    }

    /// <summary>Shorthand for one analyzer.</summary>
    public static class Verify<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static AnalyzerTest Test(string source) => new AnalyzerTest { Sources = { ("Test0.cs", source) }, Analyzers = { new TAnalyzer() } };

        /// <summary>Verifies the markers in <paramref name="source"/>; messages (if any) are for the markers in order.</summary>
        public static Task VerifyAsync(string source, params string[] messages)
        {
            var test = Test(source);
            test.ExpectedMessages.AddRange(messages);
            return test.RunAsync();
        }

        public static Task VerifyDiagnosticsAsync(string source, params DiagnosticResult[] expected)
        {
            var test = Test(source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Diagnostic(id);
    }
}
