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

            // the same rule, place and message once (a tuple: a key string per finding was 600 bytes of garbage each)
            var seen = new HashSet<(string RuleId, string Path, int Line, int Column, string Message)>();
            var results = new List<Finding>();
            foreach (var finding in sink.Items)
            {
                if (finding.RuleId != RuleIds.Raxx001 && !context.Config.IsIncluded(finding.Location.Path))
                {
                    continue;
                }

                var configured = context.Config.Configure(finding);
                if (configured == null)
                {
                    continue;
                }

                if (!seen.Add((finding.RuleId, finding.Location.Path, finding.Location.StartLine, finding.Location.StartColumn, finding.Message)))
                {
                    continue;
                }
                results.Add(configured);
            }

            return results
                .OrderBy(f => f.Location.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Location.StartLine)
                .ThenBy(f => f.Location.StartColumn)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ToArray();
        }
    }
}
