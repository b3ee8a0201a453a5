using System;
using System.Collections.Generic;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>
    /// The optional repository configuration (<c>raxx-guardrails.yaml</c> at the repository root),
    /// read by every host. General settings live here; each rule family reads its own top-level
    /// section (e.g. <c>flags</c>, <c>release</c>, <c>credentials</c>, <c>preflight</c>) from
    /// <see cref="Sections"/> so families do not depend on each other.
    /// </summary>
    public sealed class RepositoryConfig
    {
        public const string FileName = "raxx-guardrails.yaml";

        public static RepositoryConfig Empty { get; } = new RepositoryConfig();

        /// <summary>Path of the file this was read from (repository-relative), or null for defaults.</summary>
        public string? SourcePath { get; set; }

        /// <summary>When non-empty, only files matching one of these are checked.</summary>
        public List<PathGlob> Include { get; } = new List<PathGlob>();

        /// <summary>Files matching any of these are never checked (fixtures, incident reproductions).</summary>
        public List<PathGlob> Exclude { get; } = new List<PathGlob>();

        /// <summary>Per-rule severity overrides for repository rules (RAXX402: warning, RAXX504: none).</summary>
        public Dictionary<string, FindingSeverity> Severities { get; } = new Dictionary<string, FindingSeverity>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Flags files (<c>flags.file</c> / <c>flags.files</c>), repository-relative; empty means the family's default.</summary>
        public List<string> FlagsFiles { get; } = new List<string>();

        /// <summary>Release tool configuration files (<c>release.config</c> / <c>release.configs</c>), repository-relative.</summary>
        public List<string> ReleaseConfigs { get; } = new List<string>();

        /// <summary>Credential allowlist file (<c>credentials.allowlist</c>), repository-relative, or null.</summary>
        public string? CredentialAllowlistPath { get; set; }

        /// <summary>Credential baseline file (<c>credentials.baseline</c>), repository-relative, or null.</summary>
        public string? CredentialBaselinePath { get; set; }

        /// <summary>Top-level sections by name, for the rule families' own settings.</summary>
        public Dictionary<string, YamlNode> Sections { get; } = new Dictionary<string, YamlNode>(StringComparer.Ordinal);

        public YamlNode? GetSection(string name) => Sections.TryGetValue(name, out var node) ? node : null;

        /// <summary>True when the path is selected by Include (if any) and not excluded.</summary>
        public bool IsIncluded(string relativePath)
        {
            foreach (var glob in Exclude)
            {
                if (glob.IsMatch(relativePath))
                {
                    return false;
                }
            }

            if (Include.Count == 0)
            {
                return true;
            }

            foreach (var glob in Include)
            {
                if (glob.IsMatch(relativePath))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The severity a finding of this rule should have under this configuration.</summary>
        public FindingSeverity EffectiveSeverity(string ruleId, FindingSeverity defaultSeverity) =>
            Severities.TryGetValue(ruleId, out var s) ? s : defaultSeverity;

        /// <summary>
        /// The finding as this configuration reports it: at the severity configured for its rule (its own severity
        /// when none is configured), or null when the rule is turned off (<c>none</c>). Every host that reports
        /// findings of a configurable rule goes through this: the repository runner and the MSBuild output checks.
        /// </summary>
        public Finding? Configure(Finding finding)
        {
            var severity = EffectiveSeverity(finding.RuleId, finding.Severity);
            if (severity == FindingSeverity.None)
            {
                return null;
            }
            return severity == finding.Severity ? finding : finding.WithSeverity(severity);
        }

        /// <summary>
        /// A finding a host reports outside the repository runner and the analyzers, as this config reports it —
        /// <see cref="Configure"/>, so <c>severities:</c> applies alike in every host — for these rules:
        /// <list type="bullet">
        /// <item>RAXX001, a problem met reading an input (a section of this config, a project's config, app.json, a workflow):
        /// the repository runner, the repository check, the output checks, the preflight (task and CLI);</item>
        /// <item>the boot preflight's own findings (task, CLI <c>smoke</c> and <c>samples</c>): RAXX303, a problem of the flags
        /// file it reads (<see cref="Preflight.PreflightPlanner"/>), and RAXX601–603 (<see cref="Preflight.PreflightRunner"/>).
        /// A configured severity replaces the finding's own, whatever it was: RAXX603's ungated-route warning and its
        /// missing-route error alike.</item>
        /// </list>
        /// Findings of other rules pass unchanged. A config file that cannot be read or parsed cannot tell its own
        /// severities: the hosts then hold the defaults (<see cref="RepositoryConfigLoader.LoadFromRoot"/>), so its problem
        /// stays an error.
        /// </summary>
        public Finding? ConfigureProblem(Finding problem) =>
            HostConfiguredRules.Contains(problem.RuleId) ? Configure(problem) : problem;

        /// <summary>The rules <see cref="ConfigureProblem"/> configures.</summary>
        private static readonly HashSet<string> HostConfiguredRules = new HashSet<string>(StringComparer.Ordinal)
        {
            Rules.RuleIds.Raxx001, Rules.RuleIds.Raxx303, Rules.RuleIds.Raxx601, Rules.RuleIds.Raxx602, Rules.RuleIds.Raxx603,
        };

        /// <summary>A sink that passes problems on as <see cref="ConfigureProblem"/> reports them (dropping those turned off).</summary>
        public IFindingSink ConfiguredProblems(IFindingSink inner) => new ConfiguredProblemSink(this, inner);

        private sealed class ConfiguredProblemSink : IFindingSink
        {
            private readonly RepositoryConfig _config;
            private readonly IFindingSink _inner;

            public ConfiguredProblemSink(RepositoryConfig config, IFindingSink inner)
            {
                _config = config;
                _inner = inner;
            }

            public void Report(Finding finding)
            {
                var configured = _config.ConfigureProblem(finding);
                if (configured != null)
                {
                    _inner.Report(configured);
                }
            }
        }
    }
}
