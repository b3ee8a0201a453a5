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
using Microsoft.CodeAnalysis.Formatting;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.TestPath
{
    /// <summary>
    /// RAXX202 fix: <c>b.ConfigureAppConfiguration((ctx, c) =&gt; c.AddInMemoryCollection(new Dictionary&lt;string, string?&gt; { { "K", "V" } }))</c>
    /// becomes <c>b.UseSetting("K", "V");</c> per entry: host settings sit below the production sources, so a
    /// broken late production source still breaks the test, as it breaks production. Offered only for an
    /// IWebHostBuilder receiver and a literal dictionary initializer. On an IHostBuilder the callback moves to
    /// <c>ConfigureHostConfiguration</c> (when it does not use the HostBuilderContext). Anything else has no automatic fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx202UseSettingCodeFix))]
    [Shared]
    public sealed class Raxx202UseSettingCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX202.UseSetting";
        public const string HostConfigurationEquivalenceKey = "RAXX202.ConfigureHostConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx202);

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
                if (!diagnostic.Properties.TryGetValue(Raxx202TestReplacesConfigurationAnalyzer.KindProperty, out var kind) || kind != "ConfigureAppConfiguration")
                {
                    continue;
                }
                var invocation = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>();
                if (invocation == null)
                {
                    continue;
                }
                if (TryGetSettings(invocation, model, context.CancellationToken) == null)
                {
                    var moved = TryMoveToHostConfiguration(invocation, model, context.CancellationToken);
                    if (moved != null)
                    {
                        var replacement = moved;
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                "Move the overrides to ConfigureHostConfiguration (below the production sources)",
                                ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement))),
                                HostConfigurationEquivalenceKey),
                            diagnostic);
                    }
                    continue;
                }
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Set the test values with UseSetting (below the production sources)",
                        ct => FixAsync(context.Document, invocation, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var found = model == null ? null : TryGetSettings(invocation, model, cancellationToken);
            if (root == null || found == null)
            {
                return document;
            }
            var (receiver, settings) = found.Value;

            if (invocation.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax)
            {
                var statements = new List<StatementSyntax>();
                for (var i = 0; i < settings.Count; i++)
                {
                    var call = SyntaxFactory.ExpressionStatement(UseSetting(receiver.WithoutTrivia(), settings[i].Key, settings[i].Value));
                    if (i == 0)
                    {
                        call = call.WithLeadingTrivia(statement.GetLeadingTrivia());
                    }
                    if (i == settings.Count - 1)
                    {
                        call = call.WithTrailingTrivia(statement.GetTrailingTrivia());
                    }
                    statements.Add(call.WithAdditionalAnnotations(Formatter.Annotation));
                }
                return document.WithSyntaxRoot(root.ReplaceNode(statement, statements));
            }

            ExpressionSyntax chain = receiver.WithoutTrivia();
            foreach (var (key, value) in settings)
            {
                chain = UseSetting(chain, key, value);
            }
            chain = chain.WithTriviaFrom(invocation).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, chain));
        }

        private static InvocationExpressionSyntax UseSetting(ExpressionSyntax receiver, ExpressionSyntax key, ExpressionSyntax value) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("UseSetting")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(key.WithoutTrivia()),
                    SyntaxFactory.Argument(value.WithoutTrivia()),
                })));

        /// <summary>
        /// <c>hostBuilder.ConfigureAppConfiguration((ctx, c) =&gt; …)</c> on an IHostBuilder whose callback does not use
        /// <c>ctx</c> becomes <c>hostBuilder.ConfigureHostConfiguration(c =&gt; …)</c>; null when not applicable.
        /// </summary>
        private static InvocationExpressionSyntax? TryMoveToHostConfiguration(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member || invocation.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }
            var receiverType = model.GetTypeInfo(member.Expression, cancellationToken).Type;
            if (receiverType == null || !(receiverType.Name == "IHostBuilder" || receiverType.AllInterfaces.Any(i => i.Name == "IHostBuilder")))
            {
                return null;
            }
            SimpleLambdaExpressionSyntax? lambda;
            switch (invocation.ArgumentList.Arguments[0].Expression)
            {
                case SimpleLambdaExpressionSyntax simple:
                    lambda = simple;
                    break;
                case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 2 } pair:
                    {
                        var context = pair.ParameterList.Parameters[0].Identifier.ValueText;
                        if (pair.Body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == context))
                        {
                            return null; // the callback needs the HostBuilderContext
                        }
                        var configuration = pair.ParameterList.Parameters[1];
                        lambda = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(configuration.Identifier.WithoutTrivia()), pair.Body)
                            .WithTriviaFrom(pair);
                        break;
                    }
                default:
                    return null;
            }
            return invocation
                .WithExpression(member.WithName(SyntaxFactory.IdentifierName("ConfigureHostConfiguration").WithTriviaFrom(member.Name)))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))).WithTriviaFrom(invocation.ArgumentList))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>The IWebHostBuilder receiver and the literal (key, value) pairs, or null when the shape is not fixable.</summary>
        private static (ExpressionSyntax Receiver, List<(ExpressionSyntax Key, ExpressionSyntax Value)> Settings)? TryGetSettings(
            InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member || invocation.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }
            var receiverType = model.GetTypeInfo(member.Expression, cancellationToken).Type;
            if (receiverType == null || !(receiverType.Name == "IWebHostBuilder" || receiverType.AllInterfaces.Any(i => i.Name == "IWebHostBuilder")))
            {
                return null;
            }

            var lambda = invocation.ArgumentList.Arguments[0].Expression as LambdaExpressionSyntax;
            var body = lambda?.Body switch
            {
                InvocationExpressionSyntax call => call,
                BlockSyntax { Statements.Count: 1 } block when block.Statements[0] is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } => call,
                _ => null,
            };
            if (body == null || TestPathFacts.InvokedName(body)?.Identifier.ValueText != "AddInMemoryCollection" || body.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }
            var initializer = body.ArgumentList.Arguments[0].Expression switch
            {
                ObjectCreationExpressionSyntax created => created.Initializer,
                ImplicitObjectCreationExpressionSyntax implicitCreated => implicitCreated.Initializer,
                _ => null,
            };
            if (initializer == null || initializer.Expressions.Count == 0)
            {
                return null;
            }

            var settings = new List<(ExpressionSyntax, ExpressionSyntax)>();
            foreach (var element in initializer.Expressions)
            {
                switch (element)
                {
                    case InitializerExpressionSyntax pair when pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2:
                        settings.Add((pair.Expressions[0], pair.Expressions[1]));
                        break;
                    case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } index } assignment:
                        settings.Add((index.ArgumentList.Arguments[0].Expression, assignment.Right));
                        break;
                    default:
                        return null;
                }
            }
            // Values computed from the lambda's parameters (ctx.HostingEnvironment…) cannot move out of it.
            var parameters = lambda switch
            {
                ParenthesizedLambdaExpressionSyntax p => p.ParameterList.Parameters.Select(x => x.Identifier.ValueText).ToList(),
                SimpleLambdaExpressionSyntax s => new List<string> { s.Parameter.Identifier.ValueText },
                _ => new List<string>(),
            };
            if (settings.Any(kv => kv.Item1.DescendantNodesAndSelf().Concat(kv.Item2.DescendantNodesAndSelf())
                .OfType<IdentifierNameSyntax>().Any(id => parameters.Contains(id.Identifier.ValueText))))
            {
                return null;
            }
            return (member.Expression, settings);
        }
    }
}
