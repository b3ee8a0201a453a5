using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>
    /// RAXX501: a workflow triggered by tag pushes admits none of the tags the release tool creates
    /// (INCIDENTS §5: <c>tags: ['v*.*.*']</c> while release-please created <c>trademaster-api-v1.10.1</c>).
    /// Also reports, as RAXX001, workflows and release configs that cannot be parsed (the deploy
    /// family's one reader of those files, so each problem is reported once).
    /// </summary>
    public sealed class Raxx501TagTriggerMatchesNoReleaseTagRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx501;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var model = DeployModel.For(context);

            foreach (var failed in model.Loaded.Where(l => l.Error != null))
            {
                var e = failed.Error!;
                sink.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error,
                    $"{failed.Path} is not valid YAML: {e.Message}. GitHub will not run this workflow, and the deploy checks (RAXX501–506) cannot read it.",
                    new FindingLocation(failed.Path, e.Line, e.Column, e.Line, e.Column + 1), "RAXX001|workflow-yaml|" + failed.Path));
            }
            foreach (var error in model.Release.Errors)
            {
                sink.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error, error.Message, error.Location, "RAXX001|release-config|" + error.Location.Path));
            }

            var packages = model.Release.TaggingPackages.ToArray();
            if (packages.Length == 0)
            {
                return;
            }

            foreach (var workflow in model.Workflows)
            {
                var push = workflow.GetTrigger("push");
                if (push == null || (push.Tags == null && push.TagsIgnore == null))
                {
                    continue;
                }
                if (DeployScenarios.AdmittedPackages(push, packages).Count > 0)
                {
                    continue;
                }

                var filter = push.Tags ?? push.TagsIgnore!;
                var anchor = filter.Patterns.FirstOrDefault(p => !p.Value.StartsWith("!", System.StringComparison.Ordinal)) ?? filter.Patterns.FirstOrDefault() ?? filter.Key;
                var example = packages[0];
                var patterns = DeployFinding.Quote(filter.Patterns.Select(p => p.Value));
                var suggestion = example.TagPrefix + "*.*.*";
                var others = packages.Length > 1 ? $" (and {packages.Length - 1} more package(s): {DeployFinding.Quote(packages.Skip(1).Select(p => p.ExampleTag))})" : string.Empty;
                var message =
                    $"{workflow.FileName} triggers on {filter.Key.Value} {(patterns.Length > 0 ? patterns : "[]")} but {model.Release.ToolName} creates tags like '{example.ExampleTag}' " +
                    $"({example.Describe()}){others}; no release tag matches, so no release ever starts this workflow. " +
                    $"Make the trigger admit the release tags, e.g. '{suggestion}', and check the workflow's ref conditions too (RAXX502).";
                sink.Report(DeployFinding.Create(RuleId, message, anchor.ToLocation(workflow.Path), workflow.Path + "|" + filter.Key.Value + "|" + string.Join(",", filter.Patterns.Select(p => p.Value))));
            }
        }
    }
}
