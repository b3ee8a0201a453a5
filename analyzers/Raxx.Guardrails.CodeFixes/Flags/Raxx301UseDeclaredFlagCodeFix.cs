using System.Collections.Immutable;
using System.Composition;
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
    /// RAXX301 fix: a flag name written as a string literal that is a small edit away from a declared flag
    /// (the message's "did you mean") becomes that declared name: <c>.WithFeatureGate("ConsoleCustomerAdmn")</c> →
    /// <c>.WithFeatureGate("ConsoleCustomerAdmin")</c>, <c>"FLAG_CONSOLE_NAVV"</c> → <c>"FLAG_CONSOLE_NAV"</c> (an env-style
    /// name is offered the declared env name). Not offered without a suggestion (declare the flag instead: the flags
    /// file is the source of truth) or when the name comes from a constant or an enum member (renaming a shared
    /// symbol is a refactoring, not a typo fix).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx301UseDeclaredFlagCodeFix)), Shared]
    public sealed class Raxx301UseDeclaredFlagCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX301.UseDeclaredFlag";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx301);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Raxx301UndeclaredFlagAnalyzer.SuggestionProperty, out var suggestion) || string.IsNullOrEmpty(suggestion))
                {
                    continue;
                }
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || literal.Span != diagnostic.Location.SourceSpan)
                {
                    continue;
                }
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion!))
                    .WithTriviaFrom(literal);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the declared flag '{suggestion}'",
                        ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
