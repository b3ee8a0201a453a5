using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// Base of the configuration-pipeline rules (RAXX101-104): resolves the configuration types once per
    /// compilation (nothing runs when Microsoft.Extensions.Configuration is absent), gates each method
    /// body on a cheap operation check, then walks it once with <see cref="ConfigFlowWalker"/>.
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
                start.RegisterOperationBlockStartAction(block =>
                {
                    var gate = new Gate();
                    block.RegisterOperationAction(
                        op =>
                        {
                            if (!gate.Open && ConfigFlowWalker.IsCandidate(op.Operation, types))
                            {
                                gate.Open = true;
                            }
                        },
                        OperationKind.Invocation,
                        OperationKind.PropertyReference);
                    block.RegisterOperationBlockEndAction(end =>
                    {
                        if (!gate.Open)
                        {
                            return;
                        }
                        var flows = ConfigFlowWalker.Analyze(end.OperationBlocks, types, end.CancellationToken);
                        if (flows.Count > 0)
                        {
                            Report(flows, end.ReportDiagnostic, end.CancellationToken);
                        }
                    });
                });
            });
        }

        /// <summary>False to skip a compilation (RAXX104 skips test assemblies).</summary>
        private protected virtual bool ShouldAnalyze(Compilation compilation) => true;

        private protected abstract void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken);

        private sealed class Gate
        {
            public volatile bool Open;
        }
    }
}
