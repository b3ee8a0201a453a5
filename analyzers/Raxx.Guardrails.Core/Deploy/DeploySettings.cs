using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>
    /// The <c>deploy:</c> section of <c>raxx-guardrails.yaml</c>:
    /// <code>
    /// deploy:
    ///   tag_format: "v{version}"            # or a list; for teams that tag without release-please
    ///   protected_environments: [production] # environments with required reviewers in GitHub settings (RAXX505 gate)
    ///   production_environments: [prod-eu]   # extra names that count as production (RAXX502/505)
    /// </code>
    /// </summary>
    public sealed class DeploySettings
    {
        public const string SectionName = "deploy";

        public List<WorkflowScalar> TagFormats { get; } = new List<WorkflowScalar>();
        public List<string> ProtectedEnvironments { get; } = new List<string>();
        public List<string> ProductionEnvironments { get; } = new List<string>();

        /// <summary>Where TagFormats point to (the config file).</summary>
        public string ConfigPath { get; private set; } = RepositoryConfig.FileName;

        public static DeploySettings From(RepositoryConfig config)
        {
            var settings = new DeploySettings { ConfigPath = config.SourcePath ?? RepositoryConfig.FileName };
            if (!(config.GetSection(SectionName) is YamlMappingNode section))
            {
                return settings;
            }
            foreach (var entry in section.Children)
            {
                if (!(entry.Key is YamlScalarNode key))
                {
                    continue;
                }
                switch (key.Value)
                {
                    case "tag_format":
                    case "tag_formats":
                        foreach (var node in Items(entry.Value))
                        {
                            if (node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
                            {
                                settings.TagFormats.Add(WorkflowScalar.From(s, s.Value!.Trim()));
                            }
                        }
                        break;
                    case "protected_environments":
                        settings.ProtectedEnvironments.AddRange(Items(entry.Value).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0));
                        break;
                    case "production_environments":
                        settings.ProductionEnvironments.AddRange(Items(entry.Value).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0));
                        break;
                }
            }
            return settings;
        }

        private static IEnumerable<YamlNode> Items(YamlNode node) =>
            node is YamlSequenceNode seq ? seq.Children : new[] { node };

        /// <summary>
        /// True for an environment named like production: <c>production</c>, <c>prod</c>, <c>prd</c>,
        /// <c>live</c>, or a name with one of these as a word (<c>prod-eu</c>, <c>api-production</c>),
        /// plus the configured <c>production_environments</c>.
        /// </summary>
        public bool IsProductionLike(string environment)
        {
            if (ProductionEnvironments.Any(p => string.Equals(p, environment, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
            var words = environment.ToLowerInvariant().Split(new[] { '-', '_', '.', ' ', '/', ':' }, StringSplitOptions.RemoveEmptyEntries);
            return words.Any(w => w == "production" || w == "prod" || w == "prd" || w == "live");
        }

        public bool IsProtected(string environment) =>
            ProtectedEnvironments.Any(p => string.Equals(p, environment, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Everything the deploy rules read, loaded once per repository run and shared by RAXX501–506:
    /// the workflows (with their YAML errors), the release model and the settings.
    /// </summary>
    public sealed class DeployModel
    {
        private static readonly ConditionalWeakTable<RepositoryContext, DeployModel> Cache = new ConditionalWeakTable<RepositoryContext, DeployModel>();

        private DeployModel(IReadOnlyList<WorkflowLoadResult> loaded, ReleaseModel release, DeploySettings settings)
        {
            Loaded = loaded;
            Release = release;
            Settings = settings;
            Workflows = loaded.Where(l => l.Workflow != null).Select(l => l.Workflow!).ToArray();
        }

        public IReadOnlyList<WorkflowLoadResult> Loaded { get; }
        public IReadOnlyList<Workflow> Workflows { get; }
        public ReleaseModel Release { get; }
        public DeploySettings Settings { get; }

        public static DeployModel For(RepositoryContext context) => Cache.GetValue(context, Load);

        private static DeployModel Load(RepositoryContext context)
        {
            var settings = DeploySettings.From(context.Config);
            var loaded = WorkflowReader.LoadAll(context);
            var workflows = loaded.Where(l => l.Workflow != null).Select(l => l.Workflow!).ToArray();
            var release = ReleasePleaseReader.Load(context, workflows, settings);
            var model = new DeployModel(loaded, release, settings);
            // declared tag formats point into the config file
            return model;
        }

        /// <summary>Location of a declared tag format (they live in the repository config file).</summary>
        public FindingLocation TagFormatLocation(WorkflowScalar format) => format.ToLocation(Settings.ConfigPath);
    }
}
