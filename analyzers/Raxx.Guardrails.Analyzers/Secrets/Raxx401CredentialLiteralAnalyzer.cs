using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Analyzers.Secrets
{
    /// <summary>
    /// RAXX401: a credential literal in C# (INCIDENTS.md §4). Every string literal (fields, consts,
    /// properties, locals, arguments, indexer assignments, collection/dictionary initialisers,
    /// attribute arguments, constant parts of interpolated strings) is classified by the Core
    /// engine together with the name it is assigned to. The message shows only the redacted form.
    /// In test projects only provider-format secrets are reported by default
    /// (<c>raxx_guardrails.secrets.test_projects = provider_only|all|none</c>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx401CredentialLiteralAnalyzer : DiagnosticAnalyzer
    {
        public const string TestProjectsOption = "raxx_guardrails.secrets.test_projects";

        private static readonly RuleInfo Info = RuleCatalog.Find(RuleIds.Raxx401)!;

        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx401,
            Info.Title,
            "Credential literal: {0}; read it from configuration or the environment at run time and rotate the exposed value",
            Info.Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Credentials enter only as configuration/environment values at run time, never as literals in code (INCIDENTS.md §4). Values are redacted in this message: at most the first 4 characters and the length.",
            helpLinkUri: Info.HelpUri);

        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert", "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var isTestProject = false;
                foreach (var name in start.Compilation.ReferencedAssemblyNames)
                {
                    if (Array.IndexOf(TestFrameworkAssemblies, name.Name) >= 0)
                    {
                        isTestProject = true;
                        break;
                    }
                }
                var optionsProvider = start.Options.AnalyzerConfigOptionsProvider;
                var clean = new CleanValues();

                // One pass per syntax tree (a semantic-model action rather than a node action per literal): the
                // key name of an argument needs the invoked method (a semantic lookup), and this tends to run after
                // the node/operation actions of other analyzers that bind the same bodies (see docs/notes/perf.md).
                // Measured: node actions on the literal kinds (and an operation action for call arguments) cost more
                // wall time than this pass: ~10,000 callbacks per 400 files at a few microseconds each.
                // Generated files get no such action; literals in [GeneratedCode] members are skipped here, as the
                // driver does for node actions.
                start.RegisterSemanticModelAction(ctx =>
                {
                    var scan = new TreeScan(ctx.SemanticModel, ctx.ReportDiagnostic, isTestProject, optionsProvider, clean, ctx.CancellationToken);
                    var tree = ctx.SemanticModel.SyntaxTree;
                    var root = tree.GetRoot(ctx.CancellationToken);
                    // Every string literal and interpolated string has a '"' in its first token: the literals are found
                    // where the text has one (not by walking every node, which was most of this rule's time). A '"' in a
                    // comment, a directive or a char literal belongs to no such token; one inside a literal to the same.
                    var text = TextBuffer.Load(tree, root, null, ctx.CancellationToken);
                    var quotes = new System.Collections.Generic.List<int>();
                    for (var i = text.IndexOf('"', 0); i >= 0; i = text.IndexOf('"', i + 1))
                    {
                        quotes.Add(i);
                    }
                    var next = 0;
                    foreach (var i in quotes)
                    {
                        if (i < next)
                        {
                            continue;
                        }
                        var token = root.FindToken(i);
                        if (!token.Span.Contains(i))
                        {
                            continue; // trivia: a comment, a directive, disabled text
                        }
                        next = token.Span.End;
                        switch (token.Parent)
                        {
                            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                                AnalyzeLiteral(literal, scan);
                                break;
                            case InterpolatedStringExpressionSyntax interpolated when token == interpolated.StringStartToken:
                                foreach (var content in interpolated.Contents)
                                {
                                    if (content is InterpolatedStringTextSyntax part)
                                    {
                                        AnalyzeInterpolatedText(part, scan);
                                    }
                                }
                                break;
                        }
                    }
                });
            });
        }

        private enum TestMode
        {
            ProviderOnly,
            All,
            None,
        }

        private static TestMode GetTestMode(SyntaxTree tree, AnalyzerConfigOptionsProvider provider)
        {
            if (!provider.GetOptions(tree).TryGetValue(TestProjectsOption, out var value) && !provider.GlobalOptions.TryGetValue(TestProjectsOption, out value))
            {
                return TestMode.ProviderOnly;
            }
            switch (value.Trim().ToLowerInvariant())
            {
                case "all":
                    return TestMode.All;
                case "none":
                    return TestMode.None;
                default:
                    return TestMode.ProviderOnly;
            }
        }

        /// <summary>
        /// Values the engine classified as no credential without a key name, per compilation: the same
        /// literal repeated across files (headers, routes, messages) is classified once. Only the key-less
        /// classification is cached (it depends on the value and IncludeContext alone); bounded.
        /// </summary>
        private sealed class CleanValues
        {
            private const int MaxEntries = 50000;
            private const int MaxLength = 512;
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _withContext = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _withoutContext = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            private int _count; // ConcurrentDictionary.Count takes every lock: count the additions instead

            public bool Contains(string value, bool includeContext) => (includeContext ? _withContext : _withoutContext).ContainsKey(value);

            public void Add(string value, bool includeContext)
            {
                var set = includeContext ? _withContext : _withoutContext;
                if (value.Length <= MaxLength && System.Threading.Volatile.Read(ref _count) < MaxEntries && set.TryAdd(value, 0))
                {
                    System.Threading.Interlocked.Increment(ref _count);
                }
            }
        }

        /// <summary>What one tree's pass shares.</summary>
        private sealed class TreeScan
        {
            public TreeScan(SemanticModel model, Action<Diagnostic> report, bool isTestProject, AnalyzerConfigOptionsProvider provider, CleanValues clean, System.Threading.CancellationToken cancellationToken)
            {
                Model = model;
                ReportDiagnostic = report;
                IsTestProject = isTestProject;
                Provider = provider;
                Clean = clean;
                CancellationToken = cancellationToken;
            }

            public SemanticModel Model { get; }
            public Action<Diagnostic> ReportDiagnostic { get; }
            public bool IsTestProject { get; }
            public AnalyzerConfigOptionsProvider Provider { get; }
            public CleanValues Clean { get; }
            public System.Threading.CancellationToken CancellationToken { get; }
        }

        private static void AnalyzeLiteral(LiteralExpressionSyntax literal, TreeScan scan)
        {
            var value = literal.Token.ValueText;
            if (value.Length < 8)
            {
                return;
            }
            Report(scan, literal, literal, literal.Token.Span, value);
        }

        private static void AnalyzeInterpolatedText(InterpolatedStringTextSyntax text, TreeScan scan)
        {
            var value = text.TextToken.ValueText;
            if (value.Length < 8 || !(text.Parent is InterpolatedStringExpressionSyntax owner))
            {
                return;
            }
            Report(scan, text, owner, text.Span, value);
        }

        private static void Report(TreeScan scan, SyntaxNode node, ExpressionSyntax expression, TextSpan span, string value)
        {
            var isTestProject = scan.IsTestProject;
            var provider = scan.Provider;
            var clean = scan.Clean;
            var model = scan.Model;
            var cancellationToken = scan.CancellationToken;
            try
            {
                var includeContext = true;
                if (isTestProject)
                {
                    var mode = GetTestMode(node.SyntaxTree, provider);
                    if (mode == TestMode.None)
                    {
                        return;
                    }
                    includeContext = mode == TestMode.All;
                }

                // the name (a semantic lookup for arguments) is needed only when the value could be a secret by
                // context, or to name a provider-format match in the message
                var options = new SecretScanOptions { IncludeContext = includeContext, HonourSuppressions = false };
                var keyResolved = includeContext && SecretScanner.MightBeContextValue(value);
                if (!keyResolved && clean.Contains(value, includeContext))
                {
                    return; // this value without a key name was classified clean already
                }
                var key = keyResolved ? CredentialContext.KeyFor(expression, model, cancellationToken) : null;
                var match = SecretScanner.ClassifyValue(value, key, options);
                if (match == null && !keyResolved)
                {
                    clean.Add(value, includeContext);
                }
                if (match == null || (!includeContext && !match.IsProviderFormat))
                {
                    return;
                }
                if (!keyResolved && match.KeyName == null)
                {
                    key = CredentialContext.KeyFor(expression, model, cancellationToken);
                    match = key == null ? match : SecretScanner.ClassifyValue(value, key, options) ?? match;
                }
                if (IsSuppressed(node.SyntaxTree, span, cancellationToken) || GeneratedCode.IsInGeneratedMember(node, model, cancellationToken))
                {
                    return;
                }

                // an interpolated text part spans exactly the part; a literal spans the whole token
                scan.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(node.SyntaxTree, span), match.Describe()));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // never AD0001: a classification failure must not break the build
            }
        }

        private static bool IsSuppressed(SyntaxTree tree, TextSpan span, System.Threading.CancellationToken ct)
        {
            var text = tree.GetText(ct);
            var line = text.Lines.GetLineFromPosition(span.Start).LineNumber;
            for (var l = Math.Max(0, line - 1); l <= line; l++)
            {
                var s = text.Lines[l].ToString();
                var i = s.IndexOf(SecretScanner.SuppressionMarker, StringComparison.Ordinal);
                if (i < 0 || (l < line && s.Substring(0, i).Trim().TrimStart('/', '*').Trim().Length > 0))
                {
                    continue; // the line above counts only when it is a comment line of its own
                }
                var reason = s.Substring(i + SecretScanner.SuppressionMarker.Length).Trim().TrimStart(':').Trim();
                if (reason.EndsWith("*/", StringComparison.Ordinal))
                {
                    reason = reason.Substring(0, reason.Length - 2).Trim();
                }
                if (reason.Length > 0)
                {
                    return true;
                }
            }
            return false;
        }

    }
}
