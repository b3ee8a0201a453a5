using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Raxx.Guardrails.Analyzers.Secrets
{
    /// <summary>
    /// The name a C# string expression is assigned to: the field/const/local/property/parameter
    /// it initialises, the member or indexer key it is assigned to (<c>Configuration["Alpaca:ApiSecret"] = …</c>),
    /// the dictionary key next to it (<c>{ "Key", "…" }</c>, <c>["Key"] = "…"</c>, <c>("Key", "…")</c>,
    /// <c>Add("Key", "…")</c>), the parameter it is passed to (<c>new NetworkCredential(u, "…")</c> → password),
    /// or the attribute argument's name.
    /// </summary>
    internal static class CredentialContext
    {
        public static string? KeyFor(ExpressionSyntax expression, SemanticModel model, CancellationToken ct)
        {
            SyntaxNode node = expression;
            // climb through wrappers that keep the value: (x), x + y, c ? x : y, a ?? x, casts, switch arms
            while (node.Parent is ParenthesizedExpressionSyntax || node.Parent is CastExpressionSyntax
                   || (node.Parent is BinaryExpressionSyntax b && (b.IsKind(SyntaxKind.AddExpression) || b.IsKind(SyntaxKind.CoalesceExpression)))
                   || node.Parent is ConditionalExpressionSyntax || node.Parent is SwitchExpressionArmSyntax || node.Parent is SwitchExpressionSyntax
                   || node.Parent is PostfixUnaryExpressionSyntax)
            {
                node = node.Parent!;
            }

            switch (node.Parent)
            {
                case EqualsValueClauseSyntax equals:
                    switch (equals.Parent)
                    {
                        case VariableDeclaratorSyntax declarator:
                            return declarator.Identifier.ValueText;
                        case PropertyDeclarationSyntax property:
                            return property.Identifier.ValueText;
                        case ParameterSyntax parameter:
                            return parameter.Identifier.ValueText;
                        case EnumMemberDeclarationSyntax member:
                            return member.Identifier.ValueText;
                    }
                    return null;

                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent switch
                    {
                        PropertyDeclarationSyntax p => p.Identifier.ValueText,
                        MethodDeclarationSyntax m => m.Identifier.ValueText,
                        AccessorDeclarationSyntax a when a.Parent?.Parent is PropertyDeclarationSyntax p2 => p2.Identifier.ValueText,
                        _ => null,
                    };

                case ReturnStatementSyntax ret:
                    foreach (var ancestor in ret.Ancestors())
                    {
                        if (ancestor is PropertyDeclarationSyntax p)
                        {
                            return p.Identifier.ValueText;
                        }
                        if (ancestor is MethodDeclarationSyntax m)
                        {
                            return m.Identifier.ValueText;
                        }
                        if (ancestor is MemberDeclarationSyntax || ancestor is LambdaExpressionSyntax || ancestor is LocalFunctionStatementSyntax)
                        {
                            return null;
                        }
                    }
                    return null;

                case AssignmentExpressionSyntax assignment when assignment.Right == node:
                    return NameOfTarget(assignment.Left);

                case ArgumentSyntax argument:
                    return ArgumentName(argument, model, ct);

                case AttributeArgumentSyntax attributeArgument:
                    if (attributeArgument.NameEquals != null)
                    {
                        return attributeArgument.NameEquals.Name.Identifier.ValueText;
                    }
                    if (attributeArgument.NameColon != null)
                    {
                        return attributeArgument.NameColon.Name.Identifier.ValueText;
                    }
                    return ParameterName(attributeArgument.Parent?.Parent, attributeArgument, model, ct);

                case InitializerExpressionSyntax init when init.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                    // { "Key", "value" } in a dictionary initialiser
                    return init.Expressions.Count == 2 && init.Expressions[1] == node ? StringValue(init.Expressions[0]) : null;
            }
            return null;
        }

        private static string? NameOfTarget(ExpressionSyntax left) => left switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 => StringValue(element.ArgumentList.Arguments[0].Expression),
            ImplicitElementAccessSyntax implicitAccess when implicitAccess.ArgumentList.Arguments.Count == 1 => StringValue(implicitAccess.ArgumentList.Arguments[0].Expression),
            _ => null,
        };

        private static string? ArgumentName(ArgumentSyntax argument, SemanticModel model, CancellationToken ct)
        {
            if (argument.NameColon != null)
            {
                return argument.NameColon.Name.Identifier.ValueText;
            }
            var list = argument.Parent as BaseArgumentListSyntax;
            // ("Key", "value") tuples and Add("Key", "value")-style pairs: the string before names the value
            if (argument.Parent is TupleExpressionSyntax tuple && tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument)
            {
                return StringValue(tuple.Arguments[0].Expression);
            }
            if (list != null && list.Arguments.Count == 2 && list.Arguments[1] == argument)
            {
                var key = StringValue(list.Arguments[0].Expression);
                if (key != null)
                {
                    return key;
                }
            }
            return ParameterName(list?.Parent, argument, model, ct);
        }

        private static string? ParameterName(SyntaxNode? invocation, SyntaxNode argument, SemanticModel model, CancellationToken ct)
        {
            if (invocation == null)
            {
                return null;
            }
            if (argument is ArgumentSyntax explicitArgument && (invocation is InvocationExpressionSyntax || invocation is BaseObjectCreationExpressionSyntax)
                && model.GetOperation(explicitArgument, ct) is IArgumentOperation { Parameter: { } bound })
            {
                // the call bound and this argument has its own argument operation: its parameter is the one the index
                // picks below (named arguments were read from the syntax). Usually the driver has built the body's
                // operation tree for other analyzers by now, and this is a lookup where GetSymbolInfo is not;
                // otherwise (params elements, calls that did not bind, dynamic) the symbol of the call decides.
                return bound.Name;
            }
            var symbol = model.GetSymbolInfo(invocation, ct).Symbol as IMethodSymbol;
            if (symbol == null)
            {
                return null;
            }
            int index;
            switch (argument)
            {
                case ArgumentSyntax a when a.Parent is BaseArgumentListSyntax list:
                    index = list.Arguments.IndexOf(a);
                    break;
                case AttributeArgumentSyntax aa when aa.Parent is AttributeArgumentListSyntax alist:
                    index = alist.Arguments.IndexOf(aa);
                    break;
                default:
                    return null;
            }
            if (index < 0 || symbol.Parameters.Length == 0)
            {
                return null;
            }
            var parameter = index < symbol.Parameters.Length ? symbol.Parameters[index] : symbol.Parameters[symbol.Parameters.Length - 1];
            return parameter.Name;
        }

        private static string? StringValue(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
    }
}
