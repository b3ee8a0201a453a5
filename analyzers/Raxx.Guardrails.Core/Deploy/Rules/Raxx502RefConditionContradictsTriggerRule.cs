using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>
    /// RAXX502: in a tag-triggered workflow, a job or step <c>if:</c> on the ref is false for every
    /// tag the workflow is meant to deploy (so it never runs), or an <c>environment:</c> expression
    /// always picks the non-production branch (INCIDENTS §5: <c>startsWith(github.ref, 'refs/tags/v')</c>
    /// while the release tags were <c>trademaster-api-v…</c>). The tags considered are the release
    /// tool's tags (those the trigger admits; all of them when it admits none), or — without a
    /// release tool — the trigger's own patterns. Every other trigger of the workflow counts as a run
    /// with an unknown ref, so a condition is reported only when it can never be true.
    /// </summary>
    public sealed class Raxx502RefConditionContradictsTriggerRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx502;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var model = DeployModel.For(context);
            foreach (var workflow in model.Workflows)
            {
                if (!workflow.IsTagTriggered)
                {
                    continue;
                }
                var scenarios = DeployScenarios.For(workflow, model.Release);
                if (!scenarios.Any(s => s.IsTagRun))
                {
                    continue;
                }
                var tagExample = scenarios.First(s => s.IsTagRun).Description;

                foreach (var job in workflow.Jobs)
                {
                    var jobResults = DeployScenarios.Evaluate(job.If?.Value, scenarios);
                    if (job.If != null && IsRefCondition(job.If.Value) && jobResults.All(r => r == Tri.False))
                    {
                        var message =
                            $"job '{job.Id.Value}' in {workflow.FileName} never runs: its condition '{DeployScenarios.Show(job.If.Value)}' is false for {tagExample}" +
                            $"{Also(scenarios)}. {Fix(model)}";
                        sink.Report(DeployFinding.Create(RuleId, message, job.If.ToLocation(workflow.Path), workflow.Path + "|job|" + job.Id.Value + "|" + job.If.Value));
                        continue;
                    }

                    var running = scenarios.Where((s, i) => jobResults[i] != Tri.False).ToArray();
                    foreach (var step in job.Steps)
                    {
                        if (step.If == null)
                        {
                            continue;
                        }
                        var stepResults = DeployScenarios.Evaluate(step.If.Value, running);
                        if (running.Length > 0 && IsRefCondition(step.If.Value) && stepResults.All(r => r == Tri.False))
                        {
                            var message =
                                $"step '{step.DisplayName}' of job '{job.Id.Value}' in {workflow.FileName} never runs: its condition '{DeployScenarios.Show(step.If.Value)}' is false for {tagExample}" +
                                $"{Also(running)}. {Fix(model)}";
                            sink.Report(DeployFinding.Create(RuleId, message, step.If.ToLocation(workflow.Path), workflow.Path + "|step|" + job.Id.Value + "|" + step.Index + "|" + step.If.Value));
                        }
                    }

                    CheckEnvironment(model, workflow, job, running, tagExample, sink);
                }
            }
        }

        private void CheckEnvironment(DeployModel model, Workflow workflow, WorkflowJob job, RefContext[] running, string tagExample, IFindingSink sink)
        {
            var env = job.Environment?.Name;
            if (env == null || env.Value.IndexOf("${{", StringComparison.Ordinal) < 0 || running.Length == 0)
            {
                return;
            }
            var productionLiterals = DeployScenarios.StringLiterals(env.Value).Where(model.Settings.IsProductionLike).Distinct().ToArray();
            if (productionLiterals.Length == 0)
            {
                return;
            }
            var chosen = new List<string>();
            foreach (var scenario in running)
            {
                var value = RefExpression.EvaluateValue(env.Value, scenario);
                if (value.Kind != ExprValueKind.String)
                {
                    return; // unknown in some run: it might be production
                }
                if (model.Settings.IsProductionLike(value.Text!))
                {
                    return;
                }
                chosen.Add(value.Text!);
            }
            var message =
                $"job '{job.Id.Value}' in {workflow.FileName} always deploys to '{chosen.Distinct().First()}', never to '{productionLiterals[0]}': " +
                $"the environment expression '{DeployScenarios.Show(env.Value)}' takes its non-production branch for {tagExample}{Also(running)}. {Fix(model)}";
            sink.Report(DeployFinding.Create(RuleId, message, env.ToLocation(workflow.Path), workflow.Path + "|env|" + job.Id.Value + "|" + env.Value));
        }

        /// <summary>
        /// A condition about the ref: it reads a ref operand, and it is not false regardless of the
        /// ref (<c>if: false</c> disables a job on purpose; that is not a contradiction with the trigger).
        /// </summary>
        internal static bool IsRefCondition(string condition)
        {
            var mentionsRef = RefOperands.Any(o => condition.IndexOf(o, StringComparison.OrdinalIgnoreCase) >= 0);
            return mentionsRef && RefExpression.EvaluateCondition(condition, new RefContext()) != Tri.False;
        }

        private static readonly string[] RefOperands = { "github.ref", "github.event.release.tag_name", "github['ref" };

        private static string Also(IReadOnlyList<RefContext> scenarios)
        {
            var others = scenarios.Count - 1;
            return others > 0 ? $" and for every other run this workflow can have ({string.Join(", ", scenarios.Skip(1).Select(s => s.Description).Distinct())})" : string.Empty;
        }

        private static string Fix(DeployModel model)
        {
            var package = model.Release.TaggingPackages.FirstOrDefault();
            return package != null
                ? $"Compare with the release tags, e.g. startsWith(github.ref, 'refs/tags/{package.TagPrefix}')."
                : "Make the condition agree with the trigger's tag patterns.";
        }
    }
}
