using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// Base of the configuration-pipeline rules (RAXX101-104): resolves the configuration types once per
    /// compilation (nothing runs when Microsoft.Extensions.Configuration is absent), gates each method
    /// body on a cheap syntax check, then walks it once with <see cref="ConfigFlowWalker"/>.
    /// </summary>
    public abstract class ConfigFlowAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The names a change call starts with or is (ConfigFlowWalker.IsChangeCandidate): Add*, Insert, Clear, UseSetting.</summary>
        private static readonly string[] ChangeNames = { "Add", "Insert", "Clear", "UseSetting" };

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = ConfigTypes.Create(start.Compilation);
                if (types == null || !ShouldAnalyze(start.Compilation))
                {
                    return;
                }
                // No operation or operation-block callback (those make the driver build the operation tree of every
                // member body, charged to whoever asks first), and no node callback per invocation and assignment: one
                // callback per tree finds the few calls and writes that can change a configuration pipeline
                // (ConfigFlowWalker.IsChangeCandidate: Add*, Insert, Clear, UseSetting, an indexer or Value write) where
                // the text spells their name or their '=' (FindToken: the token must be that call's name or that
                // assignment's operator; a name written with a unicode escape does not spell itself, so a file with an
                // escape is walked node by node as before); the list is syntax only and shared by the four rules. Each is confirmed on
                // its operation; then the member body
                // that holds it is walked once. Reads alone never make a finding of RAXX101-104. Generated files get no
                // semantic-model action, as they got no node action; a candidate in a [GeneratedCode] member (skipped
                // by the driver for node actions) is skipped before its body is walked.
                start.RegisterSemanticModelAction(c => AnalyzeTree(c.SemanticModel, types, c.ReportDiagnostic, c.CancellationToken));
            });
        }

        /// <summary>
        /// The candidates of a tree (syntax only, the same for RAXX101-104): found by the first of the four rules to
        /// analyze the tree, reused by the others.
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxTree, List<SyntaxNode>> CandidatesByTree = new ConditionalWeakTable<SyntaxTree, List<SyntaxNode>>();

        private void AnalyzeTree(SemanticModel model, ConfigTypes types, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            HashSet<SyntaxNode>? analyzed = null;
            foreach (var node in CandidatesByTree.GetValue(model.SyntaxTree, tree => FindCandidates(tree, cancellationToken)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bodyRoot = ConfigFlowWalker.BodyRoot(node);
                if (bodyRoot == null || analyzed?.Contains(bodyRoot) == true
                    || !ConfigFlowWalker.ConfirmChange(node, model, types, cancellationToken)
                    || GeneratedCode.IsInGeneratedMember(node, model, cancellationToken))
                {
                    continue;
                }
                (analyzed ??= new HashSet<SyntaxNode>()).Add(bodyRoot);
                var blocks = ConfigFlowWalker.OperationBlocks(bodyRoot, model, cancellationToken);
                if (blocks.IsDefaultOrEmpty)
                {
                    continue;
                }
                var flows = ConfigFlowWalker.Analyze(blocks, types, cancellationToken);
                if (flows.Count > 0)
                {
                    Report(flows, report, cancellationToken);
                }
            }
        }

        /// <summary>The invocations and simple assignments IsChangeCandidate accepts, in text order.</summary>
        private static List<SyntaxNode> FindCandidates(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            var candidates = new List<SyntaxNode>();
            var text = TextBuffer.Load(tree, root, null, cancellationToken);
            if (text.HasUnicodeEscape())
            {
                foreach (var node in root.DescendantNodes())
                {
                    if (node.IsKind(SyntaxKind.InvocationExpression) || node.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        candidates.Add(node);
                    }
                }
            }
            else
            {
                foreach (var name in ChangeNames)
                {
                    for (var i = text.IndexOf(name, 0); i >= 0; i = text.IndexOf(name, i + name.Length))
                    {
                        if (InvocationNamed(root.FindToken(text.Start + i), text.Start + i) is SyntaxNode invocation)
                        {
                            candidates.Add(invocation);
                        }
                    }
                }
                for (var i = text.IndexOf('=', 0); i >= 0; i = text.IndexOf('=', i + 1))
                {
                    var token = root.FindToken(text.Start + i);
                    if (token.IsKind(SyntaxKind.EqualsToken) && token.SpanStart == text.Start + i
                        && token.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                        && assignment.OperatorToken == token)
                    {
                        candidates.Add(assignment);
                    }
                }
                if (candidates.Count > 1)
                {
                    candidates.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
                }
            }
            candidates.RemoveAll(node => !ConfigFlowWalker.IsChangeCandidate(node));
            return candidates;
        }

        /// <summary>
        /// The invocation whose called name (InvokedNames.Of) is <paramref name="token"/>, when the token is an
        /// identifier whose text starts at <paramref name="position"/> (or at the '@' before it); else null.
        /// </summary>
        private static SyntaxNode? InvocationNamed(SyntaxToken token, int position)
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken)
                || token.SpanStart != position && !(token.SpanStart == position - 1 && token.Text.Length > 0 && token.Text[0] == '@')
                || !(token.Parent is SimpleNameSyntax name))
            {
                return null;
            }
            SyntaxNode node = name;
            if (node.Parent is MemberAccessExpressionSyntax member && member.Name == node
                || node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node)
            {
                node = node.Parent;
            }
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }
            return node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node ? invocation : null;
        }

        /// <summary>False to skip a compilation (RAXX104 skips test assemblies).</summary>
        private protected virtual bool ShouldAnalyze(Compilation compilation) => true;

        private protected abstract void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken);

    }
}
