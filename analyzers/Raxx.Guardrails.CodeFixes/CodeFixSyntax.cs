using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Raxx.Guardrails.CodeFixes
{
    /// <summary>Small syntax questions the code fixes share.</summary>
    internal static class CodeFixSyntax
    {
        /// <summary>
        /// <c>app</c>, <c>this.app</c>, <c>builder.Configuration</c>: names only, so a fix may write the expression again
        /// without evaluating anything twice or in another order.
        /// </summary>
        public static bool IsNameChain(ExpressionSyntax expression) =>
            expression.DescendantNodesAndSelf().All(n => n is IdentifierNameSyntax || n is MemberAccessExpressionSyntax || n is ThisExpressionSyntax);

        /// <summary>A statement of a block or a top-level statement (a fix can put statements before or after it), not the
        /// embedded statement of an if/while/using.</summary>
        public static bool IsListStatement(StatementSyntax statement) =>
            statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax;

        /// <summary>The short type name binds, at the position, to exactly the type with this full (original-definition) name.</summary>
        public static bool TypeInScope(SemanticModel model, int position, string shortName, string fullName)
        {
            var symbols = model.LookupNamespacesAndTypes(position, name: shortName);
            return symbols.Length == 1 && symbols[0] is INamedTypeSymbol type && type.OriginalDefinition.ToDisplayString() == fullName;
        }

        /// <summary>The file's line ending (its first one; "\n" when it has none).</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return SyntaxFactory.EndOfLine(eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol.ToString() : "\n");
        }
    }
}
