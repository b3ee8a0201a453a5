using System;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>
    /// RAXX505: a job deploying to a production-like environment runs automatically on a push, tag
    /// push, release or create event, with no manual gate. A gate is either:
    /// <list type="bullet">
    /// <item>the job cannot run on those events — its <c>if:</c> is false for them, typically
    /// <c>github.event_name == 'workflow_dispatch'</c> (a person starts the deploy); or</item>
    /// <item>the environment is declared protected in <c>raxx-guardrails.yaml</c>
    /// (<c>deploy: protected_environments: [production]</c>): required reviewers are configured in the
    /// repository's GitHub settings, which a static check cannot see, so the team states it.</item>
    /// </list>
    /// Having a <c>workflow_dispatch</c> trigger next to <c>push</c> is not a gate: the push still deploys.
    /// </summary>
    public sealed class Raxx505ProductionDeployWithoutGateRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx505;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var model = DeployModel.For(context);
            foreach (var workflow in model.Workflows)
            {
                var scenarios = DeployScenarios.For(workflow, model.Release).Where(s => s.IsAutomaticRefEvent).ToArray();
                if (scenarios.Length == 0)
                {
                    continue;
                }
                foreach (var job in workflow.Jobs)
                {
                    var env = job.Environment?.Name;
                    if (env == null)
                    {
                        continue;
                    }
                    foreach (var scenario in scenarios)
                    {
                        if (RefExpression.EvaluateCondition(job.If?.Value, scenario) == Tri.False)
                        {
                            continue;
                        }
                        var value = RefExpression.EvaluateValue(env.Value, scenario);
                        if (value.Kind != ExprValueKind.String || !model.Settings.IsProductionLike(value.Text!))
                        {
                            continue;
                        }
                        if (model.Settings.IsProtected(value.Text!))
                        {
                            break;
                        }
                        var message =
                            $"job '{job.Id.Value}' in {workflow.FileName} deploys to '{value.Text}' automatically on {scenario.Description}, with no manual gate. " +
                            $"Run production deploys from workflow_dispatch (if: github.event_name == 'workflow_dispatch') or protect the environment with required reviewers " +
                            $"and declare it in {RepositoryConfig.FileName} (deploy: protected_environments: [{value.Text}]).";
                        sink.Report(DeployFinding.Create(RuleId, message, env.ToLocation(workflow.Path), workflow.Path + "|" + job.Id.Value + "|" + value.Text));
                        break;
                    }
                }
            }
        }
    }
}
