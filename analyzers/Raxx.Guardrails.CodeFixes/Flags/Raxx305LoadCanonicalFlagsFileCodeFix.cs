using System.Collections.Immutable;
using System.Composition;
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
    /// RAXX305 fix: load the canonical flags file from where the build puts it instead of a copy.
    /// <list type="bullet">
    /// <item>A configuration file source (<c>AddYamlFile</c>/<c>AddJsonFile</c>/<c>AddIniFile</c>) gets the canonical file's bare
    /// name: relative to the configuration's base path (the content root), where the build copies it.</item>
    /// <item>A System.IO read (<c>File.*</c>, <c>StreamReader</c>, <c>FileStream</c>, <c>FileInfo</c>) gets
    /// <c>Path.Combine(AppContext.BaseDirectory, "&lt;name&gt;")</c>: the output folder, whatever the working directory.</item>
    /// <item>The last literal of <c>Path.Combine(base, "config", "feature_flags.yaml")</c>: the literal folders after the last
    /// run-time part go, the file name becomes the canonical name (<c>Path.Combine(base, "feature_flags.yaml")</c>).</item>
    /// </list>
    /// Offered only when the path is written as a string literal at the reported place (in the call or in the initializer
    /// of the local the call reads); not for a constant declared elsewhere (shared by other code) or an application's own
    /// Load*/Read* method (how it resolves a relative path is unknown).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx305LoadCanonicalFlagsFileCodeFix)), Shared]
    public sealed class Raxx305LoadCanonicalFlagsFileCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX305.LoadCanonicalFlagsFile";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx305);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
                if (!diagnostic.Properties.TryGetValue(Raxx305NonCanonicalFlagsPathAnalyzer.CanonicalFileNameProperty, out var name)
                    || string.IsNullOrEmpty(name)
                    || !diagnostic.Properties.TryGetValue(Raxx305NonCanonicalFlagsPathAnalyzer.ApiKindProperty, out var kind))
                {
                    continue;
                }
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || literal.Span != diagnostic.Location.SourceSpan
                    || IsInConstantDeclaration(literal))
                {
                    continue;
                }
                var edit = Plan(literal, name!, kind, model, context.CancellationToken);
                if (edit == null)
                {
                    continue;
                }
                var (target, replacement) = edit.Value;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Load the canonical flags file '{name}'",
                        ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(target, replacement))),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The node to replace and its replacement, or null when no safe rewrite exists.</summary>
        private static (SyntaxNode Target, SyntaxNode Replacement)? Plan(LiteralExpressionSyntax literal, string name, string? kind, SemanticModel model, CancellationToken cancellationToken)
        {
            var nameLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));

            // the last literal of Path.Combine(…): keep the run-time parts, drop the literal folders after them
            if (literal.Parent is ArgumentSyntax argument
                && argument.Parent is ArgumentListSyntax list
                && list.Parent is InvocationExpressionSyntax combine
                && IsPathCombine(combine, model, cancellationToken))
            {
                if (list.Arguments.Count == 0 || list.Arguments[list.Arguments.Count - 1] != argument)
                {
                    return null;
                }
                var lastRuntime = -1;
                for (var i = 0; i < list.Arguments.Count; i++)
                {
                    var a = list.Arguments[i];
                    if (a.NameColon != null || !a.RefKindKeyword.IsKind(SyntaxKind.None))
                    {
                        return null; // named or ref arguments: leave it to the user
                    }
                    if (!model.GetConstantValue(a.Expression, cancellationToken).HasValue)
                    {
                        lastRuntime = i;
                    }
                }
                if (lastRuntime < 0)
                {
                    // only literal parts: the whole call names the copy
                    var whole = WholePathReplacement(name, kind, model, combine.SpanStart);
                    return whole == null ? ((SyntaxNode, SyntaxNode)?)null : (combine, whole.WithTriviaFrom(combine));
                }
                var kept = list.Arguments.RemoveAt(list.Arguments.Count - 1);
                while (kept.Count > lastRuntime + 1)
                {
                    kept = kept.RemoveAt(kept.Count - 1);
                }
                kept = kept.Add(SyntaxFactory.Argument(nameLiteral));
                return (list, list.WithArguments(kept));
            }

            var replacement = WholePathReplacement(name, kind, model, literal.SpanStart);
            return replacement == null ? ((SyntaxNode, SyntaxNode)?)null : (literal, replacement.WithTriviaFrom(literal));
        }

        private static ExpressionSyntax? WholePathReplacement(string name, string? kind, SemanticModel model, int position)
        {
            var nameLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
            if (kind == Raxx305NonCanonicalFlagsPathAnalyzer.ApiKindConfigurationSource)
            {
                return nameLiteral;
            }
            if (kind == Raxx305NonCanonicalFlagsPathAnalyzer.ApiKindSystemIO)
            {
                var path = NameInScope(model, position, "Path", "System.IO.Path");
                var appContext = NameInScope(model, position, "AppContext", "System.AppContext");
                return SyntaxFactory.ParseExpression(path + ".Combine(" + appContext + ".BaseDirectory, " + nameLiteral.ToFullString() + ")");
            }
            return null;
        }

        /// <summary>
        /// The short name when it binds to the type at the position (a using directive brings it in and nothing hides it),
        /// else the full name, <c>global::</c>-qualified when a symbol named System could hide the namespace.
        /// </summary>
        private static string NameInScope(SemanticModel model, int position, string shortName, string fullName)
        {
            if (CodeFixSyntax.TypeInScope(model, position, shortName, fullName))
            {
                return shortName;
            }
            var system = model.LookupNamespacesAndTypes(position, name: "System");
            return system.Length == 1 && system[0] is INamespaceSymbol ns && ns.ContainingNamespace?.IsGlobalNamespace == true
                ? fullName
                : "global::" + fullName;
        }

        private static bool IsPathCombine(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && method.Name == "Combine"
            && method.ContainingType is { Name: "Path" } type
            && type.ContainingNamespace?.ToDisplayString() == "System.IO";

        private static bool IsInConstantDeclaration(SyntaxNode node)
        {
            for (var n = node.Parent; n != null; n = n.Parent)
            {
                switch (n)
                {
                    case LocalDeclarationStatementSyntax local:
                        return local.IsConst;
                    case FieldDeclarationSyntax field:
                        return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }
            return false;
        }
    }
}
