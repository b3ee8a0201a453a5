using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
                // member body, charged to whoever asks first): a syntax action on the few calls and writes that can
                // change a configuration pipeline (ConfigFlowWalker.IsChangeCandidate: Add*, Insert, Clear,
                // UseSetting, an indexer or Value write), confirmed on that node's operation; then the member body
                // that holds it is walked once. Reads alone never make a finding of RAXX101-104.
                var analyzed = new ConcurrentDictionary<SyntaxNode, byte>();
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        if (!ConfigFlowWalker.IsChangeCandidate(node.Node))
                        {
                            return;
                        }
                        var root = ConfigFlowWalker.BodyRoot(node.Node);
                        if (root == null || analyzed.ContainsKey(root)
                            || !ConfigFlowWalker.ConfirmChange(node.Node, node.SemanticModel, types, node.CancellationToken)
                            || !analyzed.TryAdd(root, 0))
                        {
                            return;
                        }
                        var blocks = ConfigFlowWalker.OperationBlocks(root, node.SemanticModel, node.CancellationToken);
                        if (blocks.IsDefaultOrEmpty)
                        {
                            return;
                        }
                        var flows = ConfigFlowWalker.Analyze(blocks, types, node.CancellationToken);
                        if (flows.Count > 0)
                        {
                            Report(flows, node.ReportDiagnostic, node.CancellationToken);
                        }
                    },
                    SyntaxKind.InvocationExpression,
                    SyntaxKind.SimpleAssignmentExpression);
            });
        }

        /// <summary>False to skip a compilation (RAXX104 skips test assemblies).</summary>
        private protected virtual bool ShouldAnalyze(Compilation compilation) => true;

        private protected abstract void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken);

    }
}
