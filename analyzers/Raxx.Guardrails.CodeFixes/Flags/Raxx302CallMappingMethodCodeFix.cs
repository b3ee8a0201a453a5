using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.Flags
{
    /// <summary>
    /// RAXX302 fix for an endpoint-mapping method nothing calls: add the call where the other endpoints are mapped.
    /// The place is, in this order: after the last statement <c>x.MapSibling(…);</c> that calls another extension method of
    /// the same class on a receiver that converts to the method's <c>this</c> type (the incident: <c>app.MapAdminsOnline();</c>
    /// after <c>app.MapConsoleEndpoints();</c>); else before <c>app.Run()</c>/<c>RunAsync()</c> of a WebApplication that
    /// converts to it (adding the using of the method's namespace when it is not in scope there). The receiver must be a
    /// plain name (<c>app</c>, <c>this.app</c>): a receiver that is itself a call (<c>app.MapGroup("/x")</c>) is not
    /// repeated. Not offered for generic methods, methods with parameters that have no default value, unmapped
    /// controllers, or when no such place exists. Fix All adds every call of its scope (several at one place in the order of the findings).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx302CallMappingMethodCodeFix)), Shared]
    public sealed class Raxx302CallMappingMethodCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX302.CallMappingMethod";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx302);

        public override FixAllProvider GetFixAllProvider() => new CallAllFixAllProvider();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var solution = context.Document.Project.Solution;
            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = await PlanAsync(solution, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (plan == null)
                {
                    continue;
                }
                var calls = new[] { plan.Value };
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Value.Anchor.Title, ct => ApplyAsync(solution, calls, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool CanBeCalledWithoutArguments(IMethodSymbol method)
        {
            if (!method.IsExtensionMethod || method.IsGenericMethod || method.Parameters.Length == 0)
            {
                return false;
            }
            for (var i = 1; i < method.Parameters.Length; i++)
            {
                if (!method.Parameters[i].HasExplicitDefaultValue && !method.Parameters[i].IsParams)
                {
                    return false;
                }
            }
            return true;
        }

        private sealed class Anchor
        {
            public Anchor(DocumentId document, StatementSyntax statement, string receiver, bool after, string title)
            {
                Document = document;
                Statement = statement;
                Receiver = receiver;
                After = after;
                Title = title;
            }

            public DocumentId Document { get; }
            public StatementSyntax Statement { get; }
            public string Receiver { get; }
            public bool After { get; }
            public string Title { get; }
        }

        private static async Task<Anchor?> FindAnchorAsync(Project project, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation == null)
            {
                return null;
            }
            var thisType = method.Parameters[0].Type;
            var siblingNames = new HashSet<string>(method.ContainingType.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.IsExtensionMethod && !SymbolEqualityComparer.Default.Equals(m, method.OriginalDefinition))
                .Select(m => m.Name));
            var webApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            Anchor? beforeRun = null;

            foreach (var document in project.Documents.OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal))
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root == null)
                {
                    continue;
                }
                SemanticModel? model = null;
                Anchor? afterSibling = null;
                foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var parent = invocation.Parent is AwaitExpressionSyntax awaited ? awaited.Parent : invocation.Parent; // await app.RunAsync();
                    if (!(invocation.Expression is MemberAccessExpressionSyntax access)
                        || !(parent is ExpressionStatementSyntax statement)
                        || !CodeFixSyntax.IsListStatement(statement)
                        || !CodeFixSyntax.IsNameChain(access.Expression))
                    {
                        continue;
                    }
                    var name = access.Name.Identifier.ValueText;
                    var isSibling = siblingNames.Contains(name);
                    var isRun = beforeRun == null && webApplication != null && (name == "Run" || name == "RunAsync");
                    if (!isSibling && !isRun)
                    {
                        continue;
                    }
                    model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model == null)
                    {
                        break;
                    }
                    var receiverType = model.GetTypeInfo(access.Expression, cancellationToken).Type;
                    if (receiverType == null || !compilation.ClassifyCommonConversion(receiverType, thisType).IsImplicit)
                    {
                        continue;
                    }
                    var receiver = access.Expression.ToString();
                    if (isSibling
                        && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called
                        && SymbolEqualityComparer.Default.Equals((called.ReducedFrom ?? called).OriginalDefinition.ContainingType, method.ContainingType.OriginalDefinition))
                    {
                        afterSibling = new Anchor(document.Id, statement, receiver, after: true, $"Call {receiver}.{method.Name}() after {receiver}.{name}()");
                    }
                    else if (isRun && SymbolEqualityComparer.Default.Equals(receiverType, webApplication))
                    {
                        beforeRun = new Anchor(document.Id, statement, receiver, after: false, $"Call {receiver}.{method.Name}() before {receiver}.{name}()");
                    }
                }
                if (afterSibling != null)
                {
                    return afterSibling;
                }
            }
            return beforeRun;
        }

        /// <summary>Adds each call at its anchor (several at one anchor in the given order) and the usings they need.</summary>
        private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(Anchor Anchor, IMethodSymbol Method)> calls, CancellationToken cancellationToken)
        {
            foreach (var byDocument in calls.GroupBy(c => c.Anchor.Document))
            {
                var document = solution.GetDocument(byDocument.Key);
                var root = document == null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
                var model = document == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (document == null || root == null || model == null)
                {
                    continue;
                }
                var newLine = CodeFixSyntax.EndOfLine(root);
                var usings = new List<string>();
                var edits = new List<(SyntaxNode Existing, bool After, List<SyntaxNode> Added)>();
                foreach (var (anchor, method) in byDocument)
                {
                    SyntaxNode existing = anchor.Statement.Parent is GlobalStatementSyntax global ? global : anchor.Statement;
                    var call = SyntaxFactory.ParseStatement($"{anchor.Receiver}.{method.Name}();");
                    var added = (existing is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(call) : (SyntaxNode)call)
                        .WithLeadingTrivia(Indentation(existing)).WithTrailingTrivia(newLine);
                    var edit = edits.FirstOrDefault(e => e.Existing == existing && e.After == anchor.After);
                    if (edit.Existing == null)
                    {
                        edits.Add((existing, anchor.After, new List<SyntaxNode> { added }));
                    }
                    else if (!edit.Added.Any(a => a.IsEquivalentTo(added)))
                    {
                        edit.Added.Add(added);
                    }
                    var ns = method.ContainingNamespace;
                    if (!ns.IsGlobalNamespace && !IsInScope(model, anchor.Statement.SpanStart, method) && !usings.Contains(ns.ToDisplayString()))
                    {
                        usings.Add(ns.ToDisplayString());
                    }
                }
                var newRoot = root.TrackNodes(edits.Select(e => e.Existing));
                foreach (var (existing, after, added) in edits)
                {
                    var current = newRoot.GetCurrentNode(existing)!;
                    newRoot = after ? newRoot.InsertNodesAfter(current, added) : newRoot.InsertNodesBefore(current, added);
                }
                foreach (var ns in usings)
                {
                    newRoot = newRoot.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns).WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(newLine));
                }
                solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
            }
            return solution;
        }

        /// <summary>The mapping method a diagnostic names and where to call it, or null when no fix applies.</summary>
        private static async Task<(Anchor Anchor, IMethodSymbol Method)?> PlanAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(Raxx302UnmappedRouteAnalyzer.KindProperty, out var kind) || kind != Raxx302UnmappedRouteAnalyzer.KindMappingMethod)
            {
                return null;
            }
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            var root = document == null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document == null || root == null || model == null
                || !(root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is MethodDeclarationSyntax declaration)
                || !(model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol method)
                || !CanBeCalledWithoutArguments(method))
            {
                return null;
            }
            var anchor = await FindAnchorAsync(document.Project, method, cancellationToken).ConfigureAwait(false);
            return anchor == null ? ((Anchor, IMethodSymbol)?)null : (anchor, method);
        }

        /// <summary>Fix All: every unmapped method of the scope gets its call, several at one anchor in diagnostic order.</summary>
        private sealed class CallAllFixAllProvider : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = new List<Diagnostic>();
                switch (fixAllContext.Scope)
                {
                    case FixAllScope.Document when fixAllContext.Document != null:
                        diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                        break;
                    case FixAllScope.Project:
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                        break;
                    case FixAllScope.Solution:
                        foreach (var project in fixAllContext.Solution.Projects)
                        {
                            diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                        }
                        break;
                }
                var solution = fixAllContext.Solution;
                var ordered = diagnostics
                    .Where(d => d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                    .ToList();
                return CodeAction.Create(
                    "Call every unmapped endpoint-mapping method where the other endpoints are mapped",
                    async ct =>
                    {
                        var calls = new List<(Anchor, IMethodSymbol)>();
                        foreach (var diagnostic in ordered)
                        {
                            var plan = await PlanAsync(solution, diagnostic, ct).ConfigureAwait(false);
                            if (plan != null)
                            {
                                calls.Add(plan.Value);
                            }
                        }
                        return await ApplyAsync(solution, calls, ct).ConfigureAwait(false);
                    },
                    EquivalenceKey);
            }
        }

        private static bool IsInScope(SemanticModel model, int position, IMethodSymbol method)
        {
            foreach (var symbol in model.LookupSymbols(position, method.Parameters[0].Type, method.Name, includeReducedExtensionMethods: true))
            {
                if (symbol is IMethodSymbol m && SymbolEqualityComparer.Default.Equals((m.ReducedFrom ?? m).OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }
            return false;
        }

        private static SyntaxTriviaList Indentation(SyntaxNode node)
        {
            var leading = node.GetLeadingTrivia();
            var result = new List<SyntaxTrivia>();
            for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
            {
                result.Insert(0, leading[i]);
            }
            return SyntaxFactory.TriviaList(result);
        }
    }
}
