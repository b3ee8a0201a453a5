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
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.Config
{
    /// <summary>
    /// RAXX101 fix: re-add environment variables (and the command line, when it was registered and its
    /// args are in scope) right after the late source: a new statement
    /// <c>builder.Configuration.AddEnvironmentVariables();</c> after a statement, or
    /// <c>.AddEnvironmentVariables()</c> appended inside a fluent chain. Fix All re-adds once after the
    /// last late source of each pipeline in a block or chain.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx101LateConfigurationSourceCodeFix)), Shared]
    public sealed class Raxx101LateConfigurationSourceCodeFix : CodeFixProvider
    {
        public const string Title = "Re-add environment variables after this source";
        public const string TitleWithCommandLine = "Re-add environment variables and the command line after this source";
        private const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx101);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
        {
            if (document == null)
            {
                return null;
            }
            return await FixAsync(document, diagnostics.Select(Site.Of), fixAllContext.CancellationToken).ConfigureAwait(false);
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || semanticModel == null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                var target = Target.Find(root, semanticModel, Site.Of(diagnostic), context.CancellationToken);
                if (target == null)
                {
                    continue;
                }
                var title = target.ArgsText != null ? TitleWithCommandLine : Title;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, new[] { Site.Of(diagnostic) }, ct), nameof(Raxx101LateConfigurationSourceCodeFix)),
                    diagnostic);
            }
        }

        /// <summary>
        /// Where the re-add goes: a source-adding call (RAXX101's squiggle, or the last source after a clear that RAXX104
        /// names) and the diagnostic properties that say whether the command line was registered and which pipeline it is.
        /// </summary>
        internal readonly struct Site
        {
            public Site(Location location, ImmutableDictionary<string, string?> properties)
            {
                Location = location;
                Properties = properties;
            }

            public Location Location { get; }
            public ImmutableDictionary<string, string?> Properties { get; }

            public static Site Of(Diagnostic diagnostic) => new Site(diagnostic.Location, diagnostic.Properties);
        }

        /// <summary>The fix's title for a re-add at the site, or null when the re-add cannot be placed there.</summary>
        internal static string? TitleFor(SyntaxNode root, SemanticModel semanticModel, Site site, CancellationToken cancellationToken)
        {
            var target = Target.Find(root, semanticModel, site, cancellationToken);
            return target == null ? null : target.ArgsText != null ? TitleWithCommandLine : Title;
        }

        /// <summary>Re-adds environment variables (and the command line) after the source-adding call of each site.</summary>
        internal static async Task<Document> FixAsync(Document document, IEnumerable<Site> sites, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || semanticModel == null)
            {
                return document;
            }

            var targets = sites
                .Select(site => Target.Find(root, semanticModel, site, cancellationToken))
                .Where(t => t != null)
                .Select(t => t!)
                .ToList();
            // One re-add after the last late source of a pipeline covers the earlier ones in the same block or chain.
            targets = targets.Where(t => !targets.Any(other => other != t && other.Covers(t))).ToList();
            if (targets.Count == 0)
            {
                return document;
            }

            var needsUsing = targets.Any(t => !t.ExtensionInScope);
            var statementTargets = targets.Where(t => t.Statement != null).ToList();
            var chainTargets = targets.Where(t => t.Statement == null).ToList();

            var newRoot = root.ReplaceNodes(
                statementTargets.Select(t => t.Container).Concat(chainTargets.Select(t => (SyntaxNode)t.Invocation)).Distinct(),
                (original, rewritten) =>
                {
                    var chain = chainTargets.FirstOrDefault(t => t.Invocation == original);
                    if (chain != null && rewritten is ExpressionSyntax expression)
                    {
                        return chain.Append(expression);
                    }
                    var inserts = statementTargets.Where(t => t.Container == original).ToList();
                    return InsertAfter(original, rewritten, inserts);
                });

            if (needsUsing && newRoot is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == ConfigurationNamespace))
            {
                newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ConfigurationNamespace).WithLeadingTrivia(SyntaxFactory.Space))
                    .WithTrailingTrivia(CodeFixSyntax.EndOfLine(root)));
            }
            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>Inserts the re-add statements after each target statement of a block or compilation unit.</summary>
        private static SyntaxNode InsertAfter(SyntaxNode original, SyntaxNode rewritten, List<Target> inserts)
        {
            switch (original)
            {
                case BlockSyntax block when rewritten is BlockSyntax newBlock:
                {
                    var statements = new List<StatementSyntax>();
                    for (var i = 0; i < block.Statements.Count; i++)
                    {
                        statements.Add(newBlock.Statements[i]);
                        var target = inserts.FirstOrDefault(t => t.Statement == block.Statements[i]);
                        if (target != null)
                        {
                            statements.AddRange(target.NewStatements(block.Statements[i]));
                        }
                    }
                    return newBlock.WithStatements(SyntaxFactory.List(statements));
                }
                case CompilationUnitSyntax unit when rewritten is CompilationUnitSyntax newUnit:
                {
                    var members = new List<MemberDeclarationSyntax>();
                    for (var i = 0; i < unit.Members.Count; i++)
                    {
                        members.Add(newUnit.Members[i]);
                        if (unit.Members[i] is GlobalStatementSyntax global)
                        {
                            var target = inserts.FirstOrDefault(t => t.Statement == global.Statement);
                            if (target != null)
                            {
                                members.AddRange(target.NewStatements(global.Statement).Select(s => SyntaxFactory.GlobalStatement(s)));
                            }
                        }
                    }
                    return newUnit.WithMembers(SyntaxFactory.List(members));
                }
            }
            return rewritten;
        }

        private sealed class Target
        {
            private Target(InvocationExpressionSyntax invocation, string? configuration, StatementSyntax? statement, string? argsText, bool extensionInScope, string pipeline)
            {
                Invocation = invocation;
                Configuration = configuration;
                Statement = statement;
                ArgsText = argsText;
                ExtensionInScope = extensionInScope;
                Pipeline = pipeline;
            }

            public InvocationExpressionSyntax Invocation { get; }

            /// <summary>
            /// The text to call AddEnvironmentVariables on in a new statement: the configuration builder expression, followed by
            /// <c>?</c> when the late source reached it through <c>?.</c> (the re-add keeps that spelling); set when <see cref="Statement"/> is.
            /// </summary>
            public string? Configuration { get; }

            /// <summary>The statement the late source is (null: append inside the expression).</summary>
            public StatementSyntax? Statement { get; }

            /// <summary>The args to re-add with AddCommandLine (null: do not).</summary>
            public string? ArgsText { get; }

            public bool ExtensionInScope { get; }

            public string Pipeline { get; }

            /// <summary>The block (or compilation unit, for top-level statements) the re-add is inserted into.</summary>
            public SyntaxNode Container => Statement!.Parent is GlobalStatementSyntax global ? global.Parent! : Statement.Parent!;

            /// <summary>True when this target's re-add also comes after <paramref name="other"/> in the same pipeline.</summary>
            public bool Covers(Target other)
            {
                if (Pipeline != other.Pipeline || Invocation.SpanStart < other.Invocation.SpanStart)
                {
                    return false;
                }
                if (Statement != null && other.Statement != null)
                {
                    return Statement.Parent == other.Statement.Parent && Statement.SpanStart > other.Statement.SpanStart;
                }
                // other is inside this chain (its receiver); with ?. the earlier call is no descendant of the later one
                // (a?.B()?.C(): .B() and .C() are both parts of the inner conditional access), so compare the chains' tops.
                return Statement == null && other.Statement == null && Invocation != other.Invocation
                    && (Invocation.Span.Contains(other.Invocation.Span) || ChainTop(Invocation) == ChainTop(other.Invocation));
            }

            /// <summary>The outermost expression of the call chain <paramref name="expression"/> is a link of (through <c>.</c>, <c>?.</c>, calls).</summary>
            private static SyntaxNode ChainTop(ExpressionSyntax expression)
            {
                SyntaxNode node = expression;
                while (node.Parent is ConditionalAccessExpressionSyntax
                       || node.Parent is MemberAccessExpressionSyntax member && member.Expression == node
                       || node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node)
                {
                    node = node.Parent;
                }
                return node;
            }

            public IEnumerable<StatementSyntax> NewStatements(StatementSyntax after)
            {
                var indentation = after.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
                var eol = after.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var newline = eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.EndOfLine("\n");
                var receiver = Configuration;
                var lines = new List<string> { receiver + ".AddEnvironmentVariables();" };
                if (ArgsText != null)
                {
                    lines.Add(receiver + ".AddCommandLine(" + ArgsText + ");");
                }
                foreach (var line in lines)
                {
                    var statement = SyntaxFactory.ParseStatement(line).WithTrailingTrivia(newline);
                    yield return indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? statement.WithLeadingTrivia(indentation) : statement;
                }
            }

            public ExpressionSyntax Append(ExpressionSyntax rewritten)
            {
                if (IsBindingRooted(rewritten))
                {
                    // `.AddJsonFile(…)` after a ?.: its text is no expression on its own, so build the calls as nodes
                    // (`x?.AddJsonFile(…).AddEnvironmentVariables()` calls them only when x is not null, like the source).
                    var call = Call(rewritten.WithoutTrivia(), "AddEnvironmentVariables");
                    if (ArgsText != null)
                    {
                        call = Call(call, "AddCommandLine", SyntaxFactory.ParseExpression(ArgsText));
                    }
                    return call.WithTriviaFrom(rewritten);
                }
                var text = rewritten.WithoutTrivia().ToFullString() + ".AddEnvironmentVariables()";
                if (ArgsText != null)
                {
                    text += ".AddCommandLine(" + ArgsText + ")";
                }
                return SyntaxFactory.ParseExpression(text).WithTriviaFrom(rewritten);
            }

            private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name, ExpressionSyntax? argument = null) =>
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name)),
                    argument == null ? SyntaxFactory.ArgumentList() : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));

            /// <summary>True when the leftmost part of <paramref name="expression"/> is the <c>.M</c> / <c>[…]</c> after a <c>?</c> (no expression on its own).</summary>
            private static bool IsBindingRooted(ExpressionSyntax expression)
            {
                while (true)
                {
                    switch (expression)
                    {
                        case MemberBindingExpressionSyntax _:
                        case ElementBindingExpressionSyntax _:
                            return true;
                        case MemberAccessExpressionSyntax member:
                            expression = member.Expression;
                            break;
                        case InvocationExpressionSyntax invocation:
                            expression = invocation.Expression;
                            break;
                        case ElementAccessExpressionSyntax element:
                            expression = element.Expression;
                            break;
                        case ConditionalAccessExpressionSyntax conditional:
                            expression = conditional.Expression;
                            break;
                        case PostfixUnaryExpressionSyntax postfix:
                            expression = postfix.Operand;
                            break;
                        default:
                            return false;
                    }
                }
            }

            /// <summary>
            /// The receiver of a call through <c>.</c> or <c>?.</c> (<c>x.M()</c>, <c>x?.M()</c> → <c>x</c>) and whether it was
            /// reached through <c>?.</c>; for <c>?.</c>, the operand of the closest conditional access whose WhenNotNull holds the binding.
            /// </summary>
            private static (ExpressionSyntax? Receiver, bool Conditional) ReceiverOf(ExpressionSyntax callee)
            {
                switch (callee)
                {
                    case MemberAccessExpressionSyntax member:
                        return (member.Expression, false);
                    case MemberBindingExpressionSyntax binding:
                        SyntaxNode child = binding;
                        for (var parent = binding.Parent; parent != null; child = parent, parent = parent.Parent)
                        {
                            if (parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == child)
                            {
                                return (access.Expression, true);
                            }
                        }
                        return (null, false);
                    default:
                        return (null, false);
                }
            }

            /// <summary>
            /// The text of <paramref name="expression"/> usable in a new statement: itself, or for a member after a <c>?.</c>
            /// (<c>.Configuration</c> in <c>builder?.Configuration.AddJsonFile(…)</c>) the accesses it hangs on (<c>builder?.Configuration</c>);
            /// null when that would repeat a call or an indexer (<c>.AddJsonFile(…)</c> in <c>x?.AddJsonFile(…)?.AddIniFile(…)</c>).
            /// </summary>
            private static string? StandaloneText(ExpressionSyntax expression)
            {
                if (!IsBindingRooted(expression))
                {
                    return expression.WithoutTrivia().ToString();
                }
                ExpressionSyntax leftmost = expression;
                while (true)
                {
                    switch (leftmost)
                    {
                        case MemberAccessExpressionSyntax member:
                            leftmost = member.Expression;
                            continue;
                        case MemberBindingExpressionSyntax _:
                            break;
                        default:
                            return null; // a call, an indexer, a nested ?. or a `!`
                    }
                    break;
                }
                var (owner, _) = ReceiverOf(leftmost);
                var ownerText = owner == null ? null : StandaloneText(owner);
                return ownerText == null ? null : ownerText + "?" + expression.WithoutTrivia().ToString();
            }

            private static SimpleNameSyntax? NameOf(ExpressionSyntax callee) => callee switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };

            public static Target? Find(SyntaxNode root, SemanticModel semanticModel, Site site, CancellationToken cancellationToken)
            {
                var token = root.FindToken(site.Location.SourceSpan.Start);
                var invocation = token.Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
                if (invocation == null || NameOf(invocation.Expression)?.Identifier != token)
                {
                    return null;
                }

                // x.AddJsonFile(…), x?.AddJsonFile(…); x.Sources.Add(…), x?.Sources.Add(…), x.Sources?.Add(…), x?.Sources?.Add(…).
                var (receiver, conditional) = ReceiverOf(invocation.Expression);
                if (receiver == null)
                {
                    return null;
                }
                var isSourcesAdd = NameOf(receiver)?.Identifier.ValueText == "Sources";
                var configuration = receiver;
                if (isSourcesAdd)
                {
                    (configuration, conditional) = ReceiverOf(receiver);
                    if (configuration == null)
                    {
                        return null;
                    }
                }

                // The statement the call is: the call itself, or the ?. access(es) whose last part it is.
                ExpressionSyntax whole = invocation;
                while (whole.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == whole)
                {
                    whole = access;
                }
                StatementSyntax? statement = null;
                var receiverText = StandaloneText(configuration);
                if (whole.Parent is ExpressionStatementSyntax expressionStatement
                    && CodeFixSyntax.IsListStatement(expressionStatement)
                    && receiverText != null)
                {
                    statement = expressionStatement;
                    receiverText += conditional ? "?" : string.Empty;
                }
                else if (isSourcesAdd)
                {
                    return null; // Sources.Add returns void: only a statement can be followed by the re-add.
                }

                var builderType = semanticModel.GetTypeInfo(configuration, cancellationToken).Type;
                if (builderType == null || builderType.TypeKind == TypeKind.Error)
                {
                    return null;
                }

                string? argsText = null;
                site.Properties.TryGetValue(Raxx101LateConfigurationSourceAnalyzer.CommandLineProperty, out var cmd);
                site.Properties.TryGetValue(Raxx101LateConfigurationSourceAnalyzer.CommandLineArgsProperty, out var args);
                if (cmd == "true" && !string.IsNullOrEmpty(args)
                    && semanticModel.LookupSymbols(invocation.SpanStart, name: args).Any(s =>
                        (s is ILocalSymbol l && l.Type is IArrayTypeSymbol { ElementType: { SpecialType: SpecialType.System_String } })
                        || (s is IParameterSymbol p && p.Type is IArrayTypeSymbol { ElementType: { SpecialType: SpecialType.System_String } })))
                {
                    argsText = args;
                }

                var inScope = semanticModel.LookupSymbols(invocation.SpanStart, builderType, "AddEnvironmentVariables", includeReducedExtensionMethods: true).Any()
                    && (argsText == null || semanticModel.LookupSymbols(invocation.SpanStart, builderType, "AddCommandLine", includeReducedExtensionMethods: true).Any());

                site.Properties.TryGetValue(Raxx101LateConfigurationSourceAnalyzer.PipelineProperty, out var pipeline);
                return new Target(invocation, statement != null ? receiverText : null, statement, argsText, inScope, pipeline ?? string.Empty);
            }
        }
    }
}
