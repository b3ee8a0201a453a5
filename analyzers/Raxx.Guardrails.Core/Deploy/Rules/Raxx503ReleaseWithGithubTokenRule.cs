using System;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>
    /// RAXX503: release-please creates the release and its tag with the default <c>GITHUB_TOKEN</c>
    /// (no <c>token:</c> input, or <c>secrets.GITHUB_TOKEN</c> / <c>github.token</c>) while a deploy
    /// workflow waits for a tag push or release event. GitHub creates no workflow run for events
    /// caused by <c>GITHUB_TOKEN</c> (except workflow_dispatch/repository_dispatch), so the deploy
    /// never starts. A PAT or a GitHub App token (any other expression) is accepted.
    /// </summary>
    public sealed class Raxx503ReleaseWithGithubTokenRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx503;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var model = DeployModel.For(context);
            if (!model.Release.Packages.Any(p => p.Tool != ReleaseToolKind.DeclaredTagFormat && p.CreatesTags))
            {
                return;
            }
            var deploys = model.Workflows.Where(IsWaitingForReleaseEvents).ToArray();
            if (deploys.Length == 0)
            {
                return;
            }
            var names = deploys.Select(d => d.FileName + " (" + Describe(d) + ")").ToArray();
            var deployNames = names.Length == 1 ? names[0] : string.Join(", ", names.Take(names.Length - 1)) + " and " + names[names.Length - 1];

            foreach (var workflow in model.Workflows)
            {
                foreach (var (_, step) in workflow.AllSteps)
                {
                    if (!ReleasePleaseReader.IsReleasePleaseStep(step))
                    {
                        continue;
                    }
                    step.With.TryGetValue("token", out var token);
                    if (token != null && !IsDefaultToken(token.Value))
                    {
                        continue;
                    }
                    var how = token == null ? "has no 'token:' input, so it uses the default GITHUB_TOKEN" : $"uses '{token.Value.Trim()}'";
                    var message =
                        $"release-please in {workflow.FileName} {how}: GitHub starts no workflow run for tags and releases created with GITHUB_TOKEN, " +
                        $"so {deployNames} never run for its releases. Pass a personal access token or a GitHub App token, e.g. 'token: ${{{{ secrets.RELEASE_PLEASE_TOKEN }}}}'.";
                    var anchor = token ?? step.Uses!;
                    sink.Report(DeployFinding.Create(RuleId, message, anchor.ToLocation(workflow.Path), workflow.Path + "|" + step.Index + "|" + (token?.Value ?? "<none>")));
                }
            }
        }

        private static bool IsWaitingForReleaseEvents(Workflow workflow)
        {
            var push = workflow.GetTrigger("push");
            if (push != null && (push.Tags != null || push.TagsIgnore != null))
            {
                return true;
            }
            var release = workflow.GetTrigger("release");
            return release != null;
        }

        private static string Describe(Workflow workflow)
        {
            var push = workflow.GetTrigger("push");
            if (push?.Tags != null || push?.TagsIgnore != null)
            {
                return "tag push";
            }
            return "release event";
        }

        internal static bool IsDefaultToken(string value)
        {
            var v = value.Replace(" ", string.Empty);
            return v.IndexOf("secrets.GITHUB_TOKEN", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   v.IndexOf("github.token", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   v.IndexOf("secrets['GITHUB_TOKEN']", StringComparison.OrdinalIgnoreCase) >= 0 ||
                   v.Length == 0;
        }
    }
}
