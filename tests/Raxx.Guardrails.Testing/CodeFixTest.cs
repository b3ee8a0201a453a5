using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace Raxx.Guardrails.Testing
{
    /// <summary>
    /// Verifies an analyzer's diagnostics on <see cref="AnalyzerTest.Sources"/>, then applies a code
    /// fix until no fixable diagnostic remains and compares the result with
    /// <see cref="FixedSources"/> (markup there describes diagnostics expected after the fix). When
    /// the provider offers Fix All, also applies it in one step and compares with
    /// <see cref="BatchFixedSources"/> (defaults to the fixed sources).
    /// </summary>
    public class CodeFixTest : AnalyzerTest
    {
        public CodeFixProvider? CodeFix { get; set; }
        public List<(string Path, string Markup)> FixedSources { get; } = new();
        public List<(string Path, string Markup)> BatchFixedSources { get; } = new();

        /// <summary>Pick the action with this equivalence key (otherwise <see cref="CodeActionIndex"/>).</summary>
        public string? CodeActionEquivalenceKey { get; set; }
        public int CodeActionIndex { get; set; }

        /// <summary>Expected title of the chosen action (checked when set).</summary>
        public string? CodeActionTitle { get; set; }

        /// <summary>Most fix iterations before giving up (each iteration fixes one diagnostic).</summary>
        public int MaxIterations { get; set; } = 20;

        /// <summary>Set false for fixes that cannot be applied in one batch.</summary>
        public bool VerifyFixAll { get; set; } = true;

        public new async Task RunAsync(CancellationToken cancellationToken = default)
        {
            if (CodeFix == null)
            {
                throw new InvalidOperationException("Set CodeFix.");
            }

            var project = await VerifyDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            // One diagnostic at a time, as a user would click through them.
            var fixedProject = await FixIterativelyAsync(project, cancellationToken).ConfigureAwait(false);
            await CompareAsync(fixedProject, FixedSources, "code fix", cancellationToken).ConfigureAwait(false);

            var fixAll = CodeFix.GetFixAllProvider();
            if (VerifyFixAll && fixAll != null)
            {
                var batchExpected = BatchFixedSources.Count > 0 ? BatchFixedSources : FixedSources;
                var batchProject = await FixAllAsync(project, fixAll, cancellationToken).ConfigureAwait(false);
                await CompareAsync(batchProject, batchExpected, "Fix All", cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<Project> FixIterativelyAsync(Project project, CancellationToken cancellationToken)
        {
            var fixable = new HashSet<string>(CodeFix!.FixableDiagnosticIds, StringComparer.Ordinal);
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var diagnostics = (await GetDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false))
                    .Where(d => fixable.Contains(d.Id) && d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                    .ToList();

                Diagnostic? target = null;
                CodeAction? action = null;
                foreach (var diagnostic in diagnostics)
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                    var actions = await GetActionsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                    action = Choose(actions);
                    if (action != null)
                    {
                        target = diagnostic;
                        break;
                    }
                }

                if (target == null || action == null)
                {
                    return project;
                }

                if (CodeActionTitle != null && action.Title != CodeActionTitle)
                {
                    throw new XunitException($"Code action title: expected '{CodeActionTitle}', actual '{action.Title}'.");
                }

                project = await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
            }

            throw new XunitException($"The code fix did not converge after {MaxIterations} iterations.");
        }

        private async Task<ImmutableArray<CodeAction>> GetActionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = ImmutableArray.CreateBuilder<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
            await CodeFix!.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return actions.ToImmutable();
        }

        private CodeAction? Choose(ImmutableArray<CodeAction> actions)
        {
            if (CodeActionEquivalenceKey != null)
            {
                return actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
            }
            return CodeActionIndex < actions.Length ? actions[CodeActionIndex] : null;
        }

        private static async Task<Project> ApplyAsync(Project project, CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new XunitException($"Code action '{action.Title}' produced no ApplyChangesOperation.");
            return apply.ChangedSolution.GetProject(project.Id)!;
        }

        private async Task<Project> FixAllAsync(Project project, FixAllProvider fixAll, CancellationToken cancellationToken)
        {
            var fixable = new HashSet<string>(CodeFix!.FixableDiagnosticIds, StringComparer.Ordinal);
            var diagnostics = (await GetDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false))
                .Where(d => fixable.Contains(d.Id) && d.Location.IsInSource)
                .ToImmutableArray();
            if (diagnostics.Length == 0)
            {
                return project;
            }

            var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
            var document = project.GetDocument(first.Location.SourceTree)!;
            var actions = await GetActionsAsync(document, first, cancellationToken).ConfigureAwait(false);
            var chosen = Choose(actions);
            if (chosen == null)
            {
                return project;
            }

            var provider = new FixedDiagnosticProvider(diagnostics);
            var scope = fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Project) ? FixAllScope.Project : FixAllScope.Document;
            var context = new FixAllContext(document, CodeFix, scope, chosen.EquivalenceKey, fixable, provider, cancellationToken);
            var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
            if (action == null)
            {
                return project;
            }
            return await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
        }

        private async Task CompareAsync(Project project, List<(string Path, string Markup)> expectedSources, string what, CancellationToken cancellationToken)
        {
            if (expectedSources.Count == 0)
            {
                throw new InvalidOperationException("Set FixedSources.");
            }

            foreach (var (path, markup) in expectedSources)
            {
                var full = NormalizePath(path);
                var document = project.Documents.FirstOrDefault(d => d.FilePath == full)
                    ?? throw new XunitException($"{what}: no document {full} after the fix.");
                var formatted = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                var actualText = (await formatted.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                var expectedText = Markup.Parse(markup).Text;
                if (!string.Equals(Normalize(expectedText), Normalize(actualText), StringComparison.Ordinal))
                {
                    throw new XunitException($"{what}: fixed text of {full} differs.\n--- expected\n{expectedText}\n--- actual\n{actualText}\n--- first difference at line {FirstDifferentLine(expectedText, actualText)}");
                }
            }

            // Diagnostics after the fix must be exactly the markers in the fixed sources.
            var after = new AnalyzerTest { AllowCompilerErrors = AllowCompilerErrors };
            after.Analyzers.AddRange(Analyzers);
            after.MarkerSeverities.Clear();
            foreach (var kv in MarkerSeverities)
            {
                after.MarkerSeverities[kv.Key] = kv.Value;
            }
            var parsed = expectedSources.ToDictionary(s => NormalizePath(s.Path), s => Markup.Parse(s.Markup));
            var actual = await GetDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
            var expectedMarkers = parsed.SelectMany(p => p.Value.Spans.Where(s => s.Id != null).Select(s => (p.Key, s))).Count();
            var actualInFixed = actual.Count(d => d.Location.IsInSource && parsed.ContainsKey(d.Location.SourceTree!.FilePath));
            if (expectedMarkers != actualInFixed)
            {
                throw new XunitException($"{what}: expected {expectedMarkers} diagnostics after the fix, found {actualInFixed}:\n" +
                    string.Join("\n", actual.Select(Describe)));
            }
        }

        private static string Normalize(string s) => s.Replace("\r\n", "\n");

        private static int FirstDifferentLine(string a, string b)
        {
            var la = Normalize(a).Split('\n');
            var lb = Normalize(b).Split('\n');
            for (var i = 0; i < Math.Min(la.Length, lb.Length); i++)
            {
                if (la[i] != lb[i])
                {
                    return i + 1;
                }
            }
            return Math.Min(la.Length, lb.Length) + 1;
        }

        private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => !d.Location.IsInSource));
        }
    }

    /// <summary>Shorthand for one analyzer + one code fix.</summary>
    public static class VerifyFix<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static CodeFixTest Test(string source, string fixedSource) => new CodeFixTest
        {
            Sources = { ("Test0.cs", source) },
            FixedSources = { ("Test0.cs", fixedSource) },
            Analyzers = { new TAnalyzer() },
            CodeFix = new TCodeFix(),
        };

        public static Task VerifyAsync(string source, string fixedSource) => Test(source, fixedSource).RunAsync();
    }
}
