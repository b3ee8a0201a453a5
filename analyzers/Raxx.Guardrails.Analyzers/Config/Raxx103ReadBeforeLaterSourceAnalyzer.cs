using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// RAXX103: a value read from the builder's configuration (indexer, GetValue, Get, Bind,
    /// GetConnectionString, section.Value) before a later source or key write in the same method sees a
    /// partial configuration: a boot validator judging it can pass or fail on values production will not
    /// have. Reading a key to decide whether (or how) to add a source is allowed: the read is in the
    /// condition of the <c>if</c> around a later Add*, in its arguments, or in a local used there.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx103ReadBeforeLaterSourceAnalyzer : ConfigFlowAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx103,
            RuleCatalog.Find(RuleIds.Raxx103)!.Title,
            "{0} is read from the configuration before {1} (line {2}) changes it: the value read may not be the final one. Read it after all sources are added (bind options and validate them after Build()).",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "builder.Configuration answers with the sources added so far; a later Add* or key write can change the value, so code that validates or caches it at this point judges a configuration production never runs with.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx103));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        private protected override void Report(IReadOnlyList<ConfigFlow> flows, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var flow in flows)
            {
                for (var i = 0; i < flow.Events.Count; i++)
                {
                    var read = flow.Events[i];
                    if (read.Kind != ConfigEventKind.Read)
                    {
                        continue;
                    }
                    // A read that decides whether (or how) a later source is added is the allowed pattern.
                    var decides = false;
                    for (var j = i + 1; j < flow.Events.Count && !decides; j++)
                    {
                        decides = ChangesConfiguration(flow.Events[j].Kind) && Decides(read.Operation, flow.Events[j]);
                    }
                    if (decides)
                    {
                        continue;
                    }
                    for (var j = i + 1; j < flow.Events.Count; j++)
                    {
                        var later = flow.Events[j];
                        if (!ChangesConfiguration(later.Kind))
                        {
                            continue;
                        }
                        var line = later.Location.GetLineSpan().StartLinePosition.Line + 1;
                        var what = later.Kind == ConfigEventKind.KeyWrite ? "the write of '" + later.Description + "'" : later.Description;
                        var key = read.Description == ConfigFlowWalker.WholeConfiguration ? read.Description : "'" + read.Description + "'";
                        report(Diagnostic.Create(Rule, read.Location, key, what, line.ToString(CultureInfo.InvariantCulture)));
                        break;
                    }
                }
            }
        }

        private static bool ChangesConfiguration(ConfigEventKind kind) =>
            kind != ConfigEventKind.Read && kind != ConfigEventKind.Clear;

        /// <summary>
        /// True when the read decides the later change: it is in the change's arguments (or assigned value),
        /// in the condition of an <c>if</c> around the change, or initialises a local used there.
        /// </summary>
        private static bool Decides(IOperation read, ConfigEvent later)
        {
            var uses = new List<IOperation>();
            if (later.Operation is IInvocationOperation invocation)
            {
                uses.AddRange(invocation.Arguments.Where(a => a.Parameter?.Ordinal != 0 || !invocation.TargetMethod.IsExtensionMethod).Select(a => (IOperation)a));
            }
            if (later.Operation is IAssignmentOperation assignment)
            {
                uses.Add(assignment.Value);
            }
            for (var node = later.Operation.Parent; node != null; node = node.Parent)
            {
                if (node is IConditionalOperation conditional)
                {
                    uses.Add(conditional.Condition);
                }
            }

            if (uses.Any(u => u.Syntax.Span.Contains(read.Syntax.Span) && u.Syntax.SyntaxTree == read.Syntax.SyntaxTree))
            {
                return true;
            }

            var local = InitializedLocal(read);
            return local != null && uses.Any(u => u.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local)));
        }

        private static ILocalSymbol? InitializedLocal(IOperation read)
        {
            for (var node = read.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case IVariableInitializerOperation _:
                        continue;
                    case IVariableDeclaratorOperation declarator:
                        return declarator.Symbol;
                    case IConversionOperation _:
                    case IInvocationOperation _:
                    case IArgumentOperation _:
                    case ICoalesceOperation _:
                    case IBinaryOperation _:
                    case IUnaryOperation _:
                        continue;
                    default:
                        return null;
                }
            }
            return null;
        }
    }
}
