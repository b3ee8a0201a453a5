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
        public static bool IsInGeneratedMember(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken); symbol != null && !(symbol is INamespaceSymbol); symbol = symbol.ContainingSymbol)
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
