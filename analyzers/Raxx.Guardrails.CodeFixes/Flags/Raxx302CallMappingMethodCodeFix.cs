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
    /// controllers, or when no such place exists. No Fix All: each call is a decision about where routes go.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx302CallMappingMethodCodeFix)), Shared]
    public sealed class Raxx302CallMappingMethodCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX302.CallMappingMethod";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx302);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Raxx302UnmappedRouteAnalyzer.KindProperty, out var kind) || kind != Raxx302UnmappedRouteAnalyzer.KindMappingMethod)
                {
                    continue;
                }
                if (!(root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is MethodDeclarationSyntax declaration)
                    || !(model.GetDeclaredSymbol(declaration, context.CancellationToken) is IMethodSymbol method)
                    || !CanBeCalledWithoutArguments(method))
                {
                    continue;
                }
                var anchor = await FindAnchorAsync(context.Document.Project, method, context.CancellationToken).ConfigureAwait(false);
                if (anchor == null)
                {
                    continue;
                }
                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(anchor.Title, ct => ApplyAsync(solution, anchor, method, ct), EquivalenceKey),
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
                        || !IsListStatement(statement)
                        || !IsPlainReceiver(access.Expression))
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

        /// <summary>A statement of a block or a top-level statement (not the embedded statement of an if/while).</summary>
        private static bool IsListStatement(StatementSyntax statement) =>
            statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax;

        /// <summary><c>app</c>, <c>this.app</c>, <c>Startup.App</c>: names only, nothing evaluated twice.</summary>
        private static bool IsPlainReceiver(ExpressionSyntax receiver)
        {
            foreach (var node in receiver.DescendantNodesAndSelf())
            {
                if (!(node is IdentifierNameSyntax || node is MemberAccessExpressionSyntax || node is ThisExpressionSyntax))
                {
                    return false;
                }
            }
            return true;
        }

        private static async Task<Solution> ApplyAsync(Solution solution, Anchor anchor, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(anchor.Document);
            var root = document == null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
            var model = document == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document == null || root == null || model == null)
            {
                return solution;
            }
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newLine = SyntaxFactory.EndOfLine(text.ToString().Contains("\r\n") ? "\r\n" : "\n");

            SyntaxNode existing = anchor.Statement.Parent is GlobalStatementSyntax global ? global : anchor.Statement;
            var indentation = Indentation(existing);
            var call = SyntaxFactory.ParseStatement($"{anchor.Receiver}.{method.Name}();");
            SyntaxNode added = existing is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(call) : (SyntaxNode)call;
            added = added.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);

            var needsUsing = !IsInScope(model, anchor.Statement.SpanStart, method);
            var newRoot = anchor.After ? root.InsertNodesAfter(existing, new[] { added }) : root.InsertNodesBefore(existing, new[] { added });
            if (needsUsing && newRoot is CompilationUnitSyntax unit && !method.ContainingNamespace.IsGlobalNamespace)
            {
                var name = SyntaxFactory.ParseName(method.ContainingNamespace.ToDisplayString());
                newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(name.WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(newLine));
            }
            return solution.WithDocumentSyntaxRoot(document.Id, newRoot);
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
