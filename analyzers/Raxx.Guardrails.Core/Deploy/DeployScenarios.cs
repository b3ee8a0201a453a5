using System;
using System.Collections.Generic;
using System.Linq;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>
    /// The runs a workflow can have, each with what is known about its ref, for evaluating
    /// <c>if:</c> conditions. A condition is judged "never true" only when it is false in every
    /// scenario, and every scenario over-approximates its runs (a known prefix, never a guessed
    /// full name), so a report is never based on a guess.
    /// </summary>
    public static class DeployScenarios
    {
        public static IReadOnlyList<RefContext> For(Workflow workflow, ReleaseModel release)
        {
            var scenarios = new List<RefContext>();
            var tagging = release.TaggingPackages.ToArray();
            foreach (var trigger in workflow.Triggers)
            {
                switch (trigger.Name)
                {
                    case "push":
                        if (trigger.CanRunForTags)
                        {
                            scenarios.AddRange(TagScenarios(trigger, tagging, "push"));
                        }
                        if (trigger.CanRunForBranches)
                        {
                            var prefixes = trigger.Branches != null
                                ? trigger.Branches.Compile().Patterns.Where(p => !p.IsNegated).Select(p => p.LiteralPrefix).Distinct().ToArray()
                                : new[] { string.Empty };
                            foreach (var prefix in prefixes)
                            {
                                scenarios.Add(RefContext.ForBranchPrefix(prefix, "push", prefix.Length > 0 ? $"a push of a branch starting with '{prefix}'" : "a branch push"));
                            }
                        }
                        break;
                    case "release":
                        scenarios.AddRange(TagScenarios(null, tagging, "release"));
                        break;
                    default:
                        scenarios.Add(RefContext.ForEvent(trigger.Name));
                        break;
                }
            }
            return scenarios;
        }

        /// <summary>Packages whose tags this push trigger admits (by their sample tags).</summary>
        public static IReadOnlyList<ReleasePackage> AdmittedPackages(WorkflowTrigger push, IEnumerable<ReleasePackage> packages) =>
            packages.Where(p => p.SampleTags.Any(t => push.AdmitsPushRef("refs/tags/" + t))).ToArray();

        private static IEnumerable<RefContext> TagScenarios(WorkflowTrigger? push, ReleasePackage[] tagging, string eventName)
        {
            if (tagging.Length > 0)
            {
                // The tags a release creates: those the trigger admits, or — when it admits none (RAXX501) —
                // all of them, since the trigger has to be fixed to admit them and the condition must then hold.
                var packages = push == null ? tagging : AdmittedPackages(push, tagging).ToArray();
                if (packages.Length == 0)
                {
                    packages = tagging;
                }
                foreach (var package in packages)
                {
                    var verb = eventName == "release" ? "a release of" : "a push of";
                    yield return RefContext.ForTagPrefix(package.TagPrefix, eventName,
                        $"{verb} release tag '{package.ExampleTag}'");
                }
                yield break;
            }

            IEnumerable<string> prefixes = new[] { string.Empty };
            if (push?.Tags != null)
            {
                prefixes = push.Tags.Compile().Patterns.Where(p => !p.IsNegated).Select(p => p.LiteralPrefix).Distinct().ToArray();
            }
            foreach (var prefix in prefixes)
            {
                var what = eventName == "release" ? "a release" : "a tag push";
                yield return RefContext.ForTagPrefix(prefix, eventName, prefix.Length > 0 ? $"{what} of a tag starting with '{prefix}'" : what);
            }
        }

        /// <summary>Evaluates a condition in every scenario.</summary>
        public static Tri[] Evaluate(string? condition, IReadOnlyList<RefContext> scenarios) =>
            scenarios.Select(s => RefExpression.EvaluateCondition(condition, s)).ToArray();

        /// <summary>Finds production-like string literals inside an expression (for "always takes the non-production branch").</summary>
        public static IEnumerable<string> StringLiterals(string expression)
        {
            var i = 0;
            while (i < expression.Length)
            {
                var open = expression.IndexOf('\'', i);
                if (open < 0)
                {
                    yield break;
                }
                var close = expression.IndexOf('\'', open + 1);
                if (close < 0)
                {
                    yield break;
                }
                yield return expression.Substring(open + 1, close - open - 1);
                i = close + 1;
            }
        }

        /// <summary>The condition text without its <c>${{ }}</c> wrapper, for messages.</summary>
        public static string Show(string condition)
        {
            var t = condition.Trim();
            if (t.StartsWith("${{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal))
            {
                t = t.Substring(3, t.Length - 5).Trim();
            }
            return t;
        }
    }
}
