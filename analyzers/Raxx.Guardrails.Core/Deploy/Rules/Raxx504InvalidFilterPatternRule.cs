using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>
    /// RAXX504: a <c>branches</c>/<c>tags</c>/<c>paths</c> (or <c>-ignore</c>) pattern that is not a
    /// valid GitHub filter pattern: it matches nothing, or not what its author meant (a regular
    /// expression written as a glob, an unclosed <c>[</c>, a <c>?</c> with nothing before it, a ref
    /// name that git cannot create). One finding per pattern, at the pattern.
    /// </summary>
    public sealed class Raxx504InvalidFilterPatternRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx504;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var model = DeployModel.For(context);
            foreach (var workflow in model.Workflows)
            {
                foreach (var trigger in workflow.Triggers)
                {
                    foreach (var filter in trigger.Filters)
                    {
                        foreach (var pattern in filter.Patterns)
                        {
                            var errors = FilterPatternValidator.Validate(pattern.Value, filter.Kind);
                            if (errors.Count == 0)
                            {
                                continue;
                            }
                            var message =
                                $"invalid {trigger.Name} {filter.Key.Value} pattern '{Printable(pattern.Value)}' in {workflow.FileName}: " +
                                string.Join("; ", errors.Select(e => e.ToString())) + ".";
                            sink.Report(DeployFinding.Create(RuleId, message, pattern.ToLocation(workflow.Path),
                                workflow.Path + "|" + trigger.Name + "|" + filter.Key.Value + "|" + pattern.Value));
                        }
                    }
                }
            }
        }

        private static string Printable(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
    }
}
