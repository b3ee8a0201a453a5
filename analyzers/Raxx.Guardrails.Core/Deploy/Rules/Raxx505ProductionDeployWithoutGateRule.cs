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
                    if (job.IsReusableCall)
                    {
                        CheckReusableCall(model, workflow, job, scenarios, sink);
                        continue;
                    }
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
                        var name = UngatedProduction(model, env, scenario);
                        if (name == null)
                        {
                            continue;
                        }
                        var message =
                            $"job '{job.Id.Value}' in {workflow.FileName} deploys to '{name}' automatically on {scenario.Description}, with no manual gate. " + Fix(name);
                        sink.Report(DeployFinding.Create(RuleId, message, env.ToLocation(workflow.Path), workflow.Path + "|" + job.Id.Value + "|" + name));
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// A job calling a reusable workflow of this repository (<c>uses: ./.github/workflows/x.yml</c>):
        /// the called jobs run with the caller's event and ref, so their environments are checked
        /// against the caller's triggers. Reported at the caller's <c>uses:</c>.
        /// </summary>
        private void CheckReusableCall(DeployModel model, Workflow caller, WorkflowJob job, RefContext[] scenarios, IFindingSink sink)
        {
            var target = job.Uses!.Value.Trim();
            if (!target.StartsWith("./", StringComparison.Ordinal))
            {
                return; // another repository's workflow: not visible here
            }
            var path = target.Substring(2);
            var at = path.IndexOf('@');
            if (at >= 0)
            {
                path = path.Substring(0, at);
            }
            var callee = model.Workflows.FirstOrDefault(w => string.Equals(w.Path, path, StringComparison.Ordinal));
            if (callee == null || ReferenceEquals(callee, caller))
            {
                return;
            }
            foreach (var calleeJob in callee.Jobs)
            {
                var env = calleeJob.Environment?.Name;
                if (env == null)
                {
                    continue;
                }
                foreach (var scenario in scenarios)
                {
                    if (RefExpression.EvaluateCondition(job.If?.Value, scenario) == Tri.False ||
                        RefExpression.EvaluateCondition(calleeJob.If?.Value, scenario) == Tri.False)
                    {
                        continue;
                    }
                    var name = UngatedProduction(model, env, scenario);
                    if (name == null)
                    {
                        continue;
                    }
                    var message =
                        $"job '{job.Id.Value}' in {caller.FileName} calls {callee.FileName}, whose job '{calleeJob.Id.Value}' deploys to '{name}' automatically on {scenario.Description}, with no manual gate. " + Fix(name);
                    sink.Report(DeployFinding.Create(RuleId, message, job.Uses.ToLocation(caller.Path), caller.Path + "|" + job.Id.Value + "|" + callee.Path + "|" + calleeJob.Id.Value + "|" + name));
                    break;
                }
            }
        }

        private static string? UngatedProduction(DeployModel model, WorkflowScalar env, RefContext scenario)
        {
            var value = RefExpression.EvaluateValue(env.Value, scenario);
            if (value.Kind != ExprValueKind.String || !model.Settings.IsProductionLike(value.Text!) || model.Settings.IsProtected(value.Text!))
            {
                return null;
            }
            return value.Text;
        }

        private static string Fix(string environment) =>
            "Run production deploys from workflow_dispatch (if: github.event_name == 'workflow_dispatch') or protect the environment with required reviewers " +
            $"and declare it in {RepositoryConfig.FileName} (deploy: protected_environments: [{environment}]).";
    }
}
