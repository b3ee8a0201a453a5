using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Core.Rules
{
    /// <summary>Which host owns a rule (DESIGN.md: every rule lives in exactly one place).</summary>
    public enum RuleHost
    {
        Analyzer,
        Repository,
        Preflight,
    }

    /// <summary>Metadata of one rule, shared by SARIF, the CLI, the MSBuild tasks and the docs.</summary>
    public sealed class RuleInfo
    {
        public RuleInfo(string id, string title, string category, FindingSeverity defaultSeverity, RuleHost host)
        {
            Id = id;
            Title = title;
            Category = category;
            DefaultSeverity = defaultSeverity;
            Host = host;
        }

        public string Id { get; }
        public string Title { get; }
        public string Category { get; }
        public FindingSeverity DefaultSeverity { get; }
        public RuleHost Host { get; }
        public string HelpUri => RuleCatalog.HelpUri(Id);
    }

    /// <summary>The rule catalog of DESIGN.md, in one place.</summary>
    public static class RuleCatalog
    {
        /// <summary>Base of every rule's documentation page (docs/rules/RAXXnnn.md).</summary>
        public const string DocsBaseUri = "https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/";

        public static string HelpUri(string id) => DocsBaseUri + id + ".md";

        public static IReadOnlyList<RuleInfo> All { get; } = new[]
        {
            new RuleInfo(RuleIds.Raxx001, "A guardrails input file could not be read", RuleCategories.Infrastructure, FindingSeverity.Error, RuleHost.Repository),

            new RuleInfo(RuleIds.Raxx101, "Configuration source added after environment variables overrides them", RuleCategories.Configuration, FindingSeverity.Error, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx102, "Configuration key written in code overrides deployment configuration", RuleCategories.Configuration, FindingSeverity.Warning, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx103, "Configuration read before a later source is added", RuleCategories.Configuration, FindingSeverity.Warning, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx104, "Configuration sources cleared in production code", RuleCategories.Configuration, FindingSeverity.Error, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx105, "Instance override configuration file is tracked or shipped", RuleCategories.Configuration, FindingSeverity.Error, RuleHost.Repository),

            new RuleInfo(RuleIds.Raxx201, "Production code branches on a test signal around configuration", RuleCategories.TestPath, FindingSeverity.Warning, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx202, "Test replaces the production configuration pipeline", RuleCategories.TestPath, FindingSeverity.Warning, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx203, "No test boots the application through its production path", RuleCategories.TestPath, FindingSeverity.Warning, RuleHost.Analyzer),

            new RuleInfo(RuleIds.Raxx301, "Feature flag is not declared in the flags file", RuleCategories.FeatureFlags, FindingSeverity.Error, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx302, "Route mapping is defined but never mapped", RuleCategories.FeatureFlags, FindingSeverity.Warning, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx303, "Flags file is invalid", RuleCategories.FeatureFlags, FindingSeverity.Error, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx304, "Declared feature flag is never referenced", RuleCategories.FeatureFlags, FindingSeverity.Note, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx305, "Flags loaded from a path that is not the canonical flags file", RuleCategories.FeatureFlags, FindingSeverity.Error, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx306, "Flags file missing from output or a copy differs from the canonical file", RuleCategories.FeatureFlags, FindingSeverity.Error, RuleHost.Repository),

            new RuleInfo(RuleIds.Raxx401, "Credential literal in code", RuleCategories.Secrets, FindingSeverity.Error, RuleHost.Analyzer),
            new RuleInfo(RuleIds.Raxx402, "Credential in a repository file", RuleCategories.Secrets, FindingSeverity.Error, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx403, "Secret-bearing file is tracked or shipped", RuleCategories.Secrets, FindingSeverity.Error, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx404, "Workflow step prints secrets", RuleCategories.Secrets, FindingSeverity.Warning, RuleHost.Repository),

            new RuleInfo(RuleIds.Raxx501, "Tag-triggered workflow matches no tag the release tool creates", RuleCategories.Deploy, FindingSeverity.Error, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx502, "Ref condition contradicts the tags the trigger admits", RuleCategories.Deploy, FindingSeverity.Error, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx503, "Release created with GITHUB_TOKEN cannot trigger the deploy workflow", RuleCategories.Deploy, FindingSeverity.Error, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx504, "Invalid filter pattern", RuleCategories.Deploy, FindingSeverity.Warning, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx505, "Production deploy runs on push without a manual gate", RuleCategories.Deploy, FindingSeverity.Warning, RuleHost.Repository),
            new RuleInfo(RuleIds.Raxx506, "Two release packages produce the same tag", RuleCategories.Deploy, FindingSeverity.Error, RuleHost.Repository),

            new RuleInfo(RuleIds.Raxx601, "Application fails to boot under production configuration", RuleCategories.Preflight, FindingSeverity.Error, RuleHost.Preflight),
            new RuleInfo(RuleIds.Raxx602, "Application fails to boot when a flag is flipped", RuleCategories.Preflight, FindingSeverity.Error, RuleHost.Preflight),
            new RuleInfo(RuleIds.Raxx603, "Flag-gated route is missing with its flag on", RuleCategories.Preflight, FindingSeverity.Error, RuleHost.Preflight),
        };

        private static readonly Dictionary<string, RuleInfo> ById =
            All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

        public static RuleInfo? Find(string id) => ById.TryGetValue(id, out var r) ? r : null;
    }
}
