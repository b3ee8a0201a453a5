using System.Threading;
using Microsoft.CodeAnalysis;

namespace Raxx.Guardrails.Analyzers
{
    /// <summary>
    /// [GeneratedCode] members for tree-wide (semantic-model) actions: the driver skips generated files for
    /// them but, unlike node actions, not members marked System.CodeDom.Compiler.GeneratedCode in a
    /// hand-written file. Same test as the driver: the enclosing member or any containing type carries it.
    /// </summary>
    internal static class GeneratedCode
    {
        public static bool IsInGeneratedMember(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
            IsGenerated(model.GetEnclosingSymbol(node.SpanStart, cancellationToken));

        /// <summary>
        /// An attribute applied to a [GeneratedCode] declaration (or to one inside a [GeneratedCode] type). The enclosing
        /// symbol of an attribute on a method is its containing type (attributes bind in the type's scope), so the
        /// declaration the attribute is applied to decides; a field, a lambda or the assembly falls back to the enclosing
        /// symbol.
        /// </summary>
        public static bool IsOnGeneratedDeclaration(Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
        {
            var target = attribute.Parent?.Parent;
            var declared = target == null || target is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax ? null : model.GetDeclaredSymbol(target, cancellationToken);
            return declared != null ? IsGenerated(declared) : IsInGeneratedMember(attribute, model, cancellationToken);
        }

        private static bool IsGenerated(ISymbol? start)
        {
            for (var symbol = start; symbol != null && !(symbol is INamespaceSymbol); symbol = symbol.ContainingSymbol)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    var type = attribute.AttributeClass;
                    if (type != null && type.Name == "GeneratedCodeAttribute"
                        && type.ContainingNamespace is { Name: "Compiler" } compiler
                        && compiler.ContainingNamespace is { Name: "CodeDom" } codeDom
                        && codeDom.ContainingNamespace is { Name: "System" } system
                        && system.ContainingNamespace?.IsGlobalNamespace == true)
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
