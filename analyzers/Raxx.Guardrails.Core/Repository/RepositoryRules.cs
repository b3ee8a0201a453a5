using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>A rule that checks repository files (no compiler involved). One rule per class.</summary>
    public interface IRepositoryRule
    {
        /// <summary>The rule's ID (RuleIds.RaxxNnn).</summary>
        string RuleId { get; }

        /// <summary>Reports findings at the rule's default severity; the runner applies configuration.</summary>
        void Run(RepositoryContext context, IFindingSink sink);
    }

    /// <summary>
    /// The registry of repository rules: every public, non-abstract <see cref="IRepositoryRule"/> in
    /// Core with a parameterless constructor, sorted by rule ID. A family adds a rule by adding its
    /// class (one file per rule, named after the ID); nothing else to edit.
    /// </summary>
    public static class RepositoryRules
    {
        private static readonly Lazy<IReadOnlyList<IRepositoryRule>> AllRules = new Lazy<IReadOnlyList<IRepositoryRule>>(Discover);

        public static IReadOnlyList<IRepositoryRule> All => AllRules.Value;

        private static IReadOnlyList<IRepositoryRule> Discover()
        {
            var rules = new List<IRepositoryRule>();
            foreach (var type in typeof(IRepositoryRule).Assembly.GetTypes())
            {
                if (!type.IsClass || type.IsAbstract || !typeof(IRepositoryRule).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) == null)
                {
                    continue;
                }
                rules.Add((IRepositoryRule)Activator.CreateInstance(type)!);
            }
            return rules.OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.GetType().FullName, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>
    /// Runs repository rules against a context: applies the configured severities and exclusions,
    /// drops duplicates, and turns a rule's unexpected exception into a RAXX001 finding instead of
    /// a stack trace.
    /// </summary>
    public static class RepositoryRunner
    {
        public static IReadOnlyList<Finding> Run(RepositoryContext context, IEnumerable<IRepositoryRule>? rules = null)
        {
            var sink = new FindingList();
            foreach (var rule in rules ?? RepositoryRules.All)
            {
                var info = RuleCatalog.Find(rule.RuleId);
                var defaultSeverity = info?.DefaultSeverity ?? FindingSeverity.Warning;
                if (context.Config.EffectiveSeverity(rule.RuleId, defaultSeverity) == FindingSeverity.None)
                {
                    continue;
                }

                try
                {
                    rule.Run(context, sink);
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    sink.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error,
                        $"{rule.RuleId} could not complete: {ex.GetType().Name}: {ex.Message}",
                        FindingLocation.WholeFile(context.Config.SourcePath ?? RepositoryConfig.FileName)));
                }
            }

            // configured and selected, in the order reported
            var items = sink.Items;
            var kept = new List<(Finding Finding, int Order)>(items.Count);
            string? lastPath = null;
            var lastIncluded = true;
            foreach (var finding in items)
            {
                if (finding.RuleId != RuleIds.Raxx001)
                {
                    // a rule reports a file's findings one after another: the path is judged once per run of them
                    if (!ReferenceEquals(finding.Location.Path, lastPath))
                    {
                        lastPath = finding.Location.Path;
                        lastIncluded = context.Config.IsIncluded(lastPath);
                    }
                    if (!lastIncluded)
                    {
                        continue;
                    }
                }

                var configured = context.Config.Configure(finding);
                if (configured != null)
                {
                    kept.Add((configured, kept.Count));
                }
            }

            // by path, line, column and rule; the order reported among equals (a stable sort)
            kept.Sort(static (a, b) =>
            {
                var x = a.Finding.Location;
                var y = b.Finding.Location;
                var c = string.CompareOrdinal(x.Path, y.Path);
                if (c == 0)
                {
                    c = x.StartLine.CompareTo(y.StartLine);
                }
                if (c == 0)
                {
                    c = x.StartColumn.CompareTo(y.StartColumn);
                }
                if (c == 0)
                {
                    c = string.CompareOrdinal(a.Finding.RuleId, b.Finding.RuleId);
                }
                return c != 0 ? c : a.Order.CompareTo(b.Order);
            });

            // the same rule, place and message once: duplicates are neighbours now, among the findings with the same
            // rule and place (the first reported is kept; no set of every finding, no hash of every message)
            var results = new List<Finding>(kept.Count);
            var runStart = 0;
            for (var k = 0; k < kept.Count; k++)
            {
                var finding = kept[k].Finding;
                if (k == 0 || !SameRuleAndPlace(kept[k - 1].Finding, finding))
                {
                    runStart = results.Count;
                }
                else if (SameMessageIn(results, runStart, finding.Message))
                {
                    continue;
                }
                results.Add(finding);
            }
            return results.ToArray();
        }

        private static bool SameRuleAndPlace(Finding a, Finding b) =>
            a.Location.StartLine == b.Location.StartLine && a.Location.StartColumn == b.Location.StartColumn
            && string.Equals(a.RuleId, b.RuleId, StringComparison.Ordinal) && string.Equals(a.Location.Path, b.Location.Path, StringComparison.Ordinal);

        private static bool SameMessageIn(List<Finding> results, int from, string message)
        {
            for (var k = from; k < results.Count; k++)
            {
                if (string.Equals(results[k].Message, message, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
