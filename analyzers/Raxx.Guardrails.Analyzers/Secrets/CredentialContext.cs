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
            var node = Climb(expression);

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

        /// <summary>Climbs through wrappers that keep the value: (x), x + y, c ? x : y, a ?? x, casts, switch arms.</summary>
        private static SyntaxNode Climb(ExpressionSyntax expression)
        {
            SyntaxNode node = expression;
            while (node.Parent is ParenthesizedExpressionSyntax || node.Parent is CastExpressionSyntax
                   || (node.Parent is BinaryExpressionSyntax b && (b.IsKind(SyntaxKind.AddExpression) || b.IsKind(SyntaxKind.CoalesceExpression)))
                   || node.Parent is ConditionalExpressionSyntax || node.Parent is SwitchExpressionArmSyntax || node.Parent is SwitchExpressionSyntax
                   || node.Parent is PostfixUnaryExpressionSyntax)
            {
                node = node.Parent!;
            }
            return node;
        }

        /// <summary>
        /// True when <see cref="KeyFor"/> names <paramref name="expression"/> by the parameter of a method call or
        /// object creation (its symbol: a semantic lookup that binds the call, lambdas included) and that call is in
        /// a member body, an accessor, a field or property initialiser or top-level code, where the compiler builds
        /// the operation tree the analyzer driver walks. RAXX401 classifies such literals from an operation action:
        /// by then the body is bound and the lookup is a cache hit. Anything else (attributes, parameter defaults,
        /// named arguments, pairs, tuples…) answers false and is classified from the syntax node.
        /// </summary>
        public static bool IsCallArgumentInBody(ExpressionSyntax expression)
        {
            var node = Climb(expression);
            if (!(node.Parent is ArgumentSyntax argument) || argument.NameColon != null
                || !(argument.Parent is ArgumentListSyntax list)
                || !(list.Parent is InvocationExpressionSyntax || list.Parent is BaseObjectCreationExpressionSyntax))
            {
                return false;
            }
            if (list.Arguments.Count == 2 && list.Arguments[1] == argument && StringValue(list.Arguments[0].Expression) != null)
            {
                return false; // Add("Key", "value"): named by the string before it
            }
            for (var ancestor = list.Parent.Parent; ancestor != null; ancestor = ancestor.Parent)
            {
                switch (ancestor)
                {
                    case BlockSyntax block when block.Parent is BaseMethodDeclarationSyntax || block.Parent is AccessorDeclarationSyntax:
                        return true;
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is BaseMethodDeclarationSyntax || arrow.Parent is AccessorDeclarationSyntax
                                                                || arrow.Parent is PropertyDeclarationSyntax || arrow.Parent is IndexerDeclarationSyntax:
                        return true;
                    case GlobalStatementSyntax _:
                        return true;
                    case EqualsValueClauseSyntax fieldInitializer when fieldInitializer.Parent is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } }:
                        return !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case EqualsValueClauseSyntax propertyInitializer when propertyInitializer.Parent is PropertyDeclarationSyntax:
                        return true;
                    case AttributeSyntax _:
                    case ParameterSyntax _:
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }
            return false;
        }

        /// <summary>
        /// <see cref="KeyFor"/> of a literal for which <see cref="IsCallArgumentInBody"/> holds, read from its operation
        /// when that is unambiguous: the parameter of the argument operation that encloses it through the operations of
        /// the same value-keeping wrappers (conversions, +, ??, ?:, switch arms) or the implicit array of a params
        /// argument (the last parameter, as in <see cref="ParameterName"/>). Anything else (a call that did not bind, a
        /// params collection, an argument without a parameter) answers false: the caller asks <see cref="KeyFor"/>.
        /// </summary>
        public static bool TryKeyOfArgument(IOperation literal, out string? key)
        {
            key = null;
            for (var operation = literal.Parent; operation != null; operation = operation.Parent)
            {
                switch (operation)
                {
                    case IArgumentOperation argument when argument.Parameter != null:
                        key = argument.Parameter.Name;
                        return true;
                    case IConversionOperation _:
                    case IBinaryOperation _:
                    case ICoalesceOperation _:
                    case IConditionalOperation _:
                    case ISwitchExpressionArmOperation _:
                    case ISwitchExpressionOperation _:
                    case IArrayInitializerOperation _:
                    case IArrayCreationOperation { IsImplicit: true }:
                        continue;
                    default:
                        return false;
                }
            }
            return false;
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
