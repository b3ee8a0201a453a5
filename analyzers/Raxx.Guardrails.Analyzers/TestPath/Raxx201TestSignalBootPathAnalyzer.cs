using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.TestPath
{
    /// <summary>
    /// RAXX201: production code branches on a test signal (a test-configuration parameter of the app
    /// factory, <c>IsEnvironment("Testing")</c>, <c>EnvironmentName == "Testing"</c>, <c>#if DEBUG</c>/<c>#if TEST</c>)
    /// around configuration sources, key writes or boot validation, so tests never run the production boot
    /// path (INCIDENTS.md §2). Reported at the branch condition. Test assemblies are skipped (RAXX202/203 judge them).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx201TestSignalBootPathAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx201,
            RuleCatalog.Find(RuleIds.Raxx201)!.Title,
            "'{0}' gives tests their own boot path: {1}. Boot tests through the production path and layer test settings below the production sources (UseSetting).",
            RuleCategories.TestPath,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "When the app factory takes a different configuration path under a test signal, tests pass while the production boot (sources, key writes, validation) is never executed in CI.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx201));

        private const int MaxSignalLength = 60;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (TestPathFacts.IsTestAssembly(start.Compilation))
                {
                    return;
                }
                // One callback per tree instead of one per tree (directives) plus one per if statement: the if statements
                // are found where the text spells the keyword (FindToken; an "if" in an identifier, a string, a comment
                // or a directive is no IfKeyword token of an if statement; a keyword cannot be written with a unicode
                // escape). Generated files get no semantic-model action, as they got no node or tree action; an if in a
                // [GeneratedCode] member (skipped by the driver for node actions) is skipped before reporting.
                start.RegisterSemanticModelAction(c =>
                {
                    var model = c.SemanticModel;
                    var tree = model.SyntaxTree;
                    var root = tree.GetRoot(c.CancellationToken);
                    AnalyzeDirectives(tree, root, c.ReportDiagnostic, c.CancellationToken);
                    var text = TextBuffer.Load(tree, root, null, c.CancellationToken);
                    for (var i = text.IndexOf("if", 0); i >= 0; i = text.IndexOf("if", i + 2))
                    {
                        var token = root.FindToken(i);
                        if (token.IsKind(SyntaxKind.IfKeyword) && token.SpanStart == i && token.Parent is IfStatementSyntax ifStatement)
                        {
                            AnalyzeIf(ifStatement, model, c.ReportDiagnostic, c.CancellationToken);
                        }
                    }
                });
            });
        }

        private static void AnalyzeIf(IfStatementSyntax ifStatement, SemanticModel model, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            if (!MayCarrySignal(ifStatement))
            {
                return; // cheap syntactic filter before any binding
            }
            var testWhenTrue = TestPolarity(ifStatement.Condition, model, cancellationToken);
            if (testWhenTrue == null)
            {
                return;
            }

            var whenTrue = new List<SyntaxNode> { ifStatement.Statement };
            var whenFalse = new List<SyntaxNode>();
            if (ifStatement.Else != null)
            {
                whenFalse.Add(ifStatement.Else.Statement);
            }
            else if (EndsWithExit(ifStatement.Statement))
            {
                // if (testConfig != null) { …; return app; }  — the rest of the method is the other path.
                whenFalse.AddRange(FollowingStatements(ifStatement));
            }

            var test = testWhenTrue.Value ? whenTrue : whenFalse;
            var production = testWhenTrue.Value ? whenFalse : whenTrue;
            var description = Describe(TestPathFacts.ConfigurationCalls(production), TestPathFacts.ConfigurationCalls(test), "production path", "test path");
            if (description != null && !HasErrors(ifStatement, model, cancellationToken) && !GeneratedCode.IsInGeneratedMember(ifStatement, model, cancellationToken))
            {
                report(Diagnostic.Create(Rule, ifStatement.Condition.GetLocation(), Shorten(ifStatement.Condition.ToString()), description));
            }
        }

        /// <summary>
        /// True when the condition names something test-like (testConfig, overrides, IsEnvironment, EnvironmentName)
        /// or the enclosing method has a parameter of a Test… type.
        /// </summary>
        private static bool MayCarrySignal(IfStatementSyntax ifStatement)
        {
            foreach (var token in ifStatement.Condition.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    var text = token.ValueText;
                    if (TestPathFacts.IsTestWord(text) || text.IndexOf("verride", StringComparison.Ordinal) >= 0
                        || text == "IsEnvironment" || text.IndexOf("Environment", StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }
            }
            var parameters = ifStatement.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()?.ParameterList
                ?? ifStatement.FirstAncestorOrSelf<LocalFunctionStatementSyntax>()?.ParameterList;
            return parameters != null && parameters.Parameters.Any(p => p.Type != null && p.Type.ToString().IndexOf("Test", StringComparison.Ordinal) >= 0);
        }

        /// <summary>Code that does not compile is not judged.</summary>
        private static bool HasErrors(IfStatementSyntax ifStatement, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
            ifStatement.ContainsDiagnostics
            || model.GetDiagnostics(ifStatement.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>The message's second half, or null when the test path skips nothing of the production path.</summary>
        private static string? Describe(List<string> productionCalls, List<string> testCalls, string productionName, string testName)
        {
            var skipped = productionCalls.Where(c => !testCalls.Contains(c)).ToList();
            if (skipped.Count > 0)
            {
                return "the " + productionName + " " + TestPathFacts.JoinActions(skipped) + "; the " + testName + " skips " + (skipped.Count == 1 ? "it" : "them");
            }
            // A test path that only adds settings on top of the production path still runs it; one that clears the sources does not.
            if (testCalls.Contains("calls Sources.Clear()") && !productionCalls.Contains("calls Sources.Clear()"))
            {
                return "the " + testName + " calls Sources.Clear() and replaces the production configuration sources";
            }
            return null;
        }

        /// <summary>
        /// True when the condition holds on the test path, false when it holds on the production path,
        /// null when it carries no test signal.
        /// </summary>
        private static bool? TestPolarity(ExpressionSyntax condition, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            switch (condition)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return TestPolarity(parenthesized.Expression, model, cancellationToken);
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return Negate(TestPolarity(not.Operand, model, cancellationToken));
                case BinaryExpressionSyntax logical when logical.IsKind(SyntaxKind.LogicalAndExpression) || logical.IsKind(SyntaxKind.LogicalOrExpression):
                    return TestPolarity(logical.Left, model, cancellationToken) ?? TestPolarity(logical.Right, model, cancellationToken);
                case BinaryExpressionSyntax equality when equality.IsKind(SyntaxKind.EqualsExpression) || equality.IsKind(SyntaxKind.NotEqualsExpression):
                    {
                        var equals = equality.IsKind(SyntaxKind.EqualsExpression);
                        if (IsNullLiteral(equality.Right) || IsNullLiteral(equality.Left))
                        {
                            var other = IsNullLiteral(equality.Right) ? equality.Left : equality.Right;
                            if (ReferencesTestParameter(other, model, cancellationToken))
                            {
                                return !equals; // testConfig != null: the test path
                            }
                            return null;
                        }
                        if (IsEnvironmentNameComparison(equality.Left, equality.Right) || IsEnvironmentNameComparison(equality.Right, equality.Left))
                        {
                            return equals;
                        }
                        break;
                    }
                case IsPatternExpressionSyntax isPattern:
                    {
                        if (ReferencesTestParameter(isPattern.Expression, model, cancellationToken))
                        {
                            return !IsNullPattern(isPattern.Pattern);
                        }
                        if (IsEnvironmentNameExpression(isPattern.Expression) && isPattern.Pattern is ConstantPatternSyntax constant
                            && constant.Expression is LiteralExpressionSyntax literal && TestPathFacts.IsTestEnvironmentName(literal.Token.ValueText))
                        {
                            return true;
                        }
                        return null;
                    }
                case InvocationExpressionSyntax invocation:
                    {
                        var name = TestPathFacts.InvokedName(invocation)?.Identifier.ValueText;
                        if (name == "IsEnvironment" && invocation.ArgumentList.Arguments.Count > 0
                            && invocation.ArgumentList.Arguments.Last().Expression is LiteralExpressionSyntax env
                            && env.IsKind(SyntaxKind.StringLiteralExpression) && TestPathFacts.IsTestEnvironmentName(env.Token.ValueText))
                        {
                            return true;
                        }
                        break;
                    }
            }

            // Any other use of a test-configuration parameter (isTest, testConfig?.Count > 0): true on the test path.
            return ReferencesTestParameter(condition, model, cancellationToken) ? true : (bool?)null;
        }

        private static bool? Negate(bool? value) => value.HasValue ? !value.Value : (bool?)null;

        private static bool IsNullLiteral(ExpressionSyntax e) => e.IsKind(SyntaxKind.NullLiteralExpression) || e.IsKind(SyntaxKind.DefaultLiteralExpression);

        private static bool IsNullPattern(PatternSyntax pattern) => pattern switch
        {
            ConstantPatternSyntax c => IsNullLiteral(c.Expression),
            UnaryPatternSyntax u when u.IsKind(SyntaxKind.NotPattern) => !IsNullPattern(u.Pattern),
            _ => false,
        };

        private static bool IsEnvironmentNameComparison(ExpressionSyntax name, ExpressionSyntax value) =>
            IsEnvironmentNameExpression(name) && value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && TestPathFacts.IsTestEnvironmentName(literal.Token.ValueText);

        private static bool IsEnvironmentNameExpression(ExpressionSyntax e)
        {
            var name = e switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                IdentifierNameSyntax i => i.Identifier.ValueText,
                ConditionalAccessExpressionSyntax c when c.WhenNotNull is MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
                _ => null,
            };
            return name != null && (name == "EnvironmentName" || name == "Environment" || name.EndsWith("EnvironmentName", StringComparison.Ordinal));
        }

        private static bool ReferencesTestParameter(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is IParameterSymbol parameter && TestPathFacts.IsTestConfigParameter(parameter))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool EndsWithExit(StatementSyntax statement)
        {
            var last = statement is BlockSyntax block ? block.Statements.LastOrDefault() : statement;
            return last is ReturnStatementSyntax || last is ThrowStatementSyntax;
        }

        private static IEnumerable<SyntaxNode> FollowingStatements(IfStatementSyntax ifStatement)
        {
            if (ifStatement.Parent is BlockSyntax block)
            {
                return block.Statements.SkipWhile(s => s != ifStatement).Skip(1);
            }
            if (ifStatement.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
            {
                return unit.Members.SkipWhile(m => m != global).Skip(1).OfType<GlobalStatementSyntax>();
            }
            return Enumerable.Empty<SyntaxNode>();
        }

        private static string Shorten(string text)
        {
            var single = string.Join(" ", text.Split(new[] { '\r', '\n', '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries));
            return single.Length <= MaxSignalLength ? single : single.Substring(0, MaxSignalLength - 1) + "…";
        }

        // ---- #if DEBUG / #if TEST around sources and validators -------------------------------------------

        private sealed class Frame
        {
            public Frame(DirectiveTriviaSyntax directive, ExpressionSyntax condition, bool? testWhenTrue)
            {
                Directive = directive;
                Condition = condition;
                IfPolarity = testWhenTrue;
            }

            public DirectiveTriviaSyntax Directive { get; }
            public ExpressionSyntax Condition { get; }
            public bool? IfPolarity { get; }
            public bool? Current { get; set; }
            public int RegionStart { get; set; }
            public List<(TextSpan Span, bool? IsTest)> Regions { get; } = new();
        }

        private static void AnalyzeDirectives(SyntaxTree tree, SyntaxNode root, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            if (!root.ContainsDirectives || root.ContainsDiagnostics)
            {
                return; // no directives, or syntax errors: not judged
            }
            var text = tree.GetText(cancellationToken);
            var stack = new Stack<Frame>();
            for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        {
                            var polarity = SymbolPolarity(ifDirective.Condition);
                            stack.Push(new Frame(ifDirective, ifDirective.Condition, polarity) { Current = polarity, RegionStart = directive.FullSpan.End });
                            break;
                        }
                    case ElifDirectiveTriviaSyntax elif when stack.Count > 0:
                        {
                            var frame = stack.Peek();
                            Close(frame, directive);
                            frame.Current = SymbolPolarity(elif.Condition) ?? Negate(frame.IfPolarity);
                            break;
                        }
                    case ElseDirectiveTriviaSyntax when stack.Count > 0:
                        {
                            var frame = stack.Peek();
                            Close(frame, directive);
                            frame.Current = Negate(frame.IfPolarity);
                            break;
                        }
                    case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                        {
                            var frame = stack.Pop();
                            Close(frame, directive);
                            Evaluate(report, text, frame);
                            break;
                        }
                }
            }
        }

        private static void Close(Frame frame, DirectiveTriviaSyntax next)
        {
            var start = frame.RegionStart;
            var end = next.FullSpan.Start;
            if (end > start)
            {
                frame.Regions.Add((TextSpan.FromBounds(start, end), frame.Current));
            }
            frame.RegionStart = next.FullSpan.End;
        }

        private static void Evaluate(Action<Diagnostic> report, SourceText text, Frame frame)
        {
            if (frame.IfPolarity == null)
            {
                return;
            }
            var production = new List<string>();
            var test = new List<string>();
            foreach (var (span, isTest) in frame.Regions)
            {
                if (isTest == null)
                {
                    continue;
                }
                var calls = TestPathFacts.ConfigurationCallsInText(text.ToString(span));
                var into = isTest.Value ? test : production;
                foreach (var call in calls.Where(c => !into.Contains(c)))
                {
                    into.Add(call);
                }
            }

            var signal = "#if " + Shorten(frame.Condition.ToString());
            var description = Describe(production, test, "production build", "test/debug build");
            if (description == null)
            {
                var extra = test.Where(c => !production.Contains(c)).ToList();
                if (extra.Count > 0)
                {
                    description = "only the test/debug build " + TestPathFacts.JoinActions(extra) + "; the production build never runs " + (extra.Count == 1 ? "it" : "them");
                }
            }
            if (description != null)
            {
                report(Diagnostic.Create(Rule, frame.Condition.GetLocation(), signal, description));
            }
        }

        /// <summary>True when the #if condition names DEBUG or a TEST symbol (false when negated), null otherwise.</summary>
        private static bool? SymbolPolarity(ExpressionSyntax condition)
        {
            var negated = false;
            var e = condition;
            while (true)
            {
                if (e is ParenthesizedExpressionSyntax p)
                {
                    e = p.Expression;
                }
                else if (e is PrefixUnaryExpressionSyntax u && u.IsKind(SyntaxKind.LogicalNotExpression))
                {
                    negated = !negated;
                    e = u.Operand;
                }
                else
                {
                    break;
                }
            }
            var hasSignal = e.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i =>
                i.Identifier.ValueText == "DEBUG" || i.Identifier.ValueText.IndexOf("TEST", StringComparison.OrdinalIgnoreCase) >= 0);
            return hasSignal ? !negated : (bool?)null;
        }
    }
}
