using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Raxx.Guardrails.Analyzers
{
    /// <summary>The simple name a call is made through, read from syntax alone (no semantic model): the cheap prefilter every family uses.</summary>
    internal static class InvokedNames
    {
        /// <summary><c>a.B()</c>, <c>a?.B()</c>, <c>B()</c>, <c>B&lt;T&gt;()</c>, <c>(a.B)()</c> → the name <c>B</c>; else null.</summary>
        public static SimpleNameSyntax? Of(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }
            return expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
        }

        /// <summary>The text of <see cref="Of"/>, or null.</summary>
        public static string? TextOf(ExpressionSyntax expression) => Of(expression)?.Identifier.ValueText;
    }
}
