using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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
                // One callback per member body, opened only when its syntax holds a call or a write that can
                // change a configuration pipeline (see ConfigFlowWalker.MayChangeConfiguration); reads alone
                // never make a finding of RAXX101-104. No callback per operation.
                start.RegisterOperationBlockAction(block =>
                {
                    if (!ConfigFlowWalker.MayChangeConfiguration(block.OperationBlocks, types, block.CancellationToken))
                    {
                        return;
                    }
                    var flows = ConfigFlowWalker.Analyze(block.OperationBlocks, types, block.CancellationToken);
                    if (flows.Count > 0)
                    {
                        Report(flows, block.ReportDiagnostic, block.CancellationToken);
                    }
                });
            });
        }

        /// <summary>False to skip a compilation (RAXX104 skips test assemblies).</summary>
        private protected virtual bool ShouldAnalyze(Compilation compilation) => true;

        private protected abstract void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken);

    }
}
