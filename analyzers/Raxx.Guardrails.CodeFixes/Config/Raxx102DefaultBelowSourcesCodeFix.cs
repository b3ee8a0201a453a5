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
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.Config
{
    /// <summary>
    /// RAXX102 fix: a key written over the configuration becomes a default below every source, as the message advises:
    /// <c>builder.Configuration["K"] = v;</c> and <c>builder.WebHost.UseSetting("K", v);</c> become
    /// <c>builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = new Dictionary&lt;string, string?&gt; { ["K"] = v } });</c>
    /// — the value still applies where nothing else sets the key, and the deployment's environment variables win again.
    /// Offered for a statement whose receiver is a plain name chain with a <c>Sources</c> list (ConfigurationManager,
    /// IConfigurationBuilder) and whose key is written once in its block (a second write of the same key would now lose to
    /// the first). Not for <c>section.Value = …</c> (its key is a path the code builds) or a write inside an expression.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx102DefaultBelowSourcesCodeFix)), Shared]
    public sealed class Raxx102DefaultBelowSourcesCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX102.DefaultBelowSources";
        private const string MemorySourceType = "Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx102);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null || model.Compilation.GetTypeByMetadataName(MemorySourceType) == null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                var statement = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ExpressionStatementSyntax>();
                var write = statement == null ? null : Write.Find(statement, model, context.CancellationToken);
                if (write == null)
                {
                    continue;
                }
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Make '{write.KeyText}' a default below the configuration sources",
                        ct => Task.FromResult(document.WithSyntaxRoot(Apply(root, model, write, ct))),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private sealed class Write
        {
            private Write(ExpressionStatementSyntax statement, ExpressionSyntax sources, ExpressionSyntax key, ExpressionSyntax value, string keyText)
            {
                Statement = statement;
                Sources = sources;
                Key = key;
                Value = value;
                KeyText = keyText;
            }

            public ExpressionStatementSyntax Statement { get; }

            /// <summary>The configuration whose Sources list gets the default (<c>builder.Configuration</c>).</summary>
            public ExpressionSyntax Sources { get; }
            public ExpressionSyntax Key { get; }
            public ExpressionSyntax Value { get; }
            public string KeyText { get; }

            public static Write? Find(ExpressionStatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
            {
                if (!CodeFixSyntax.IsListStatement(statement))
                {
                    return null;
                }
                ExpressionSyntax? configuration = null;
                ExpressionSyntax? key = null;
                ExpressionSyntax? value = null;
                switch (statement.Expression)
                {
                    // configuration["K"] = v;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                        && assignment.Left is ElementAccessExpressionSyntax element
                        && element.ArgumentList.Arguments.Count == 1:
                        configuration = element.Expression;
                        key = element.ArgumentList.Arguments[0].Expression;
                        value = assignment.Right;
                        break;

                    // builder.WebHost.UseSetting("K", v);  →  builder.Configuration
                    case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax use
                        && use.Name.Identifier.ValueText == "UseSetting"
                        && use.Expression is MemberAccessExpressionSyntax webHost
                        && webHost.Name.Identifier.ValueText == "WebHost"
                        && invocation.ArgumentList.Arguments.Count == 2
                        && invocation.ArgumentList.Arguments.All(a => a.NameColon == null):
                        configuration = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, webHost.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("Configuration"));
                        if (!CodeFixSyntax.IsNameChain(webHost.Expression) || !HasSourcesList(model, statement.SpanStart, configuration))
                        {
                            return null;
                        }
                        key = invocation.ArgumentList.Arguments[0].Expression;
                        value = invocation.ArgumentList.Arguments[1].Expression;
                        break;
                }
                if (configuration == null || key == null || value == null)
                {
                    return null;
                }
                if (statement.Expression is AssignmentExpressionSyntax
                    && (!CodeFixSyntax.IsNameChain(configuration) || !HasSourcesList(model, statement.SpanStart, configuration)))
                {
                    return null;
                }
                var constant = model.GetConstantValue(key, cancellationToken);
                if (!constant.HasValue || !(constant.Value is string keyText) || WrittenAgain(statement, keyText, model, cancellationToken))
                {
                    return null;
                }
                return new Write(statement, configuration, key, value, keyText);
            }

            /// <summary><c>configuration.Sources</c> binds, at the statement, to a list of configuration sources.</summary>
            private static bool HasSourcesList(SemanticModel model, int position, ExpressionSyntax configuration)
            {
                var sources = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, configuration.WithoutTrivia(), SyntaxFactory.IdentifierName("Sources"));
                var type = model.GetSpeculativeTypeInfo(position, sources, SpeculativeBindingOption.BindAsExpression).Type as INamedTypeSymbol;
                return type != null && type.AllInterfaces.Concat(new[] { type }).Any(i =>
                    i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IList<T>"
                    && i.TypeArguments.Length == 1
                    && i.TypeArguments[0].ToDisplayString() == "Microsoft.Extensions.Configuration.IConfigurationSource");
            }

            /// <summary>Another statement of the same block writes the same key (the fix would reverse which write wins).</summary>
            private static bool WrittenAgain(ExpressionStatementSyntax statement, string keyText, SemanticModel model, CancellationToken cancellationToken)
            {
                var siblings = statement.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit
                    ? unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement)
                    : statement.Parent!.ChildNodes().OfType<StatementSyntax>();
                foreach (var other in siblings)
                {
                    if (other == statement || !(other is ExpressionStatementSyntax expression))
                    {
                        continue;
                    }
                    ExpressionSyntax? otherKey = expression.Expression switch
                    {
                        AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax e } when e.ArgumentList.Arguments.Count == 1 => e.ArgumentList.Arguments[0].Expression,
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "UseSetting" } } } } i when i.ArgumentList.Arguments.Count == 2 => i.ArgumentList.Arguments[0].Expression,
                        _ => null,
                    };
                    if (otherKey != null && model.GetConstantValue(otherKey, cancellationToken) is { HasValue: true, Value: string k }
                        && string.Equals(k, keyText, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
                return false;
            }
        }

        private static SyntaxNode Apply(CompilationUnitSyntax root, SemanticModel model, Write write, CancellationToken cancellationToken)
        {
            var position = write.Statement.SpanStart;
            var nullable = (model.GetNullableContext(position) & NullableContext.AnnotationsEnabled) != 0;
            var text = $"{write.Sources.WithoutTrivia()}.Sources.Insert(0, new MemoryConfigurationSource {{ InitialData = new Dictionary<string, string{(nullable ? "?" : string.Empty)}> {{ [{write.Key.WithoutTrivia()}] = {write.Value.WithoutTrivia()} }} }});";
            var replacement = SyntaxFactory.ParseStatement(text).WithTriviaFrom(write.Statement);
            var newRoot = root.ReplaceNode(write.Statement, replacement);

            // the short names, with the usings that bring them in where none does yet
            var newLine = CodeFixSyntax.EndOfLine(root);
            foreach (var (name, type, ns) in new[]
            {
                ("Dictionary", "System.Collections.Generic.Dictionary<TKey, TValue>", "System.Collections.Generic"),
                ("MemoryConfigurationSource", MemorySourceType, "Microsoft.Extensions.Configuration.Memory"),
            })
            {
                if (!CodeFixSyntax.TypeInScope(model, position, name, type))
                {
                    newRoot = newRoot.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns).WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(newLine));
                }
            }
            return newRoot;
        }
    }
}
