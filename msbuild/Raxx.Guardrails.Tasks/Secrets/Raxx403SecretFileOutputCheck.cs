using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Tasks.Hosting;

namespace Raxx.Guardrails.Tasks.Secrets
{
    /// <summary>
    /// RAXX403 (output part): a secret-bearing file — a .env file with credential values, a private key file
    /// or key store, an instance/local override configuration holding credentials — is copied to the build
    /// output (Content/None/ContentWithTargetPath with CopyToOutputDirectory) or the publish output
    /// (ResolvedFileToPublish). The file classes and the scan are Core's (<see cref="SecretBearingFiles"/>,
    /// shared with the tracked part, Raxx403SecretBearingFileTrackedRule); values are redacted; the
    /// repository's credentials baseline is honoured.
    /// </summary>
    public sealed class Raxx403SecretFileOutputCheck : CopiedItemsCheckTask
    {
        [Output]
        public ITaskItem[] SecretBearingFiles { get; private set; } = Array.Empty<ITaskItem>();

        /// <summary>
        /// The files whose content or presence decided the result (full paths, whether they exist or not): the
        /// repository config, the credentials baseline, and every copied file of a secret-bearing class. The
        /// build target keeps them as the check's inputs, so an edited .env re-runs a skipped check.
        /// </summary>
        [Output]
        public ITaskItem[] ReadFiles { get; private set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            try
            {
                var projectDirectory = RepositoryLocator.Normalize(ProjectDirectory);
                var root = RepositoryLocator.FindRoot(RepositoryRoot, projectDirectory, SolutionDirectory);
                var logger = new FindingLogger(Log, root, AnalysisMode);
                var problems = new FindingList();
                var read = new List<string>(RepositoryConfigLoader.FilesConsulted(root));
                var config = RepositoryConfigLoader.LoadFromRoot(root, problems);
                if (config.EffectiveSeverity(RuleIds.Raxx403, FindingSeverity.Error) == FindingSeverity.None)
                {
                    ReadFiles = AsItems(read);
                    return true;
                }
                read.Add(OutputItems.FullPath(root, CredentialRuleSupport.BaselinePath(config)));
                var baseline = CredentialRuleSupport.LoadBaseline(root, config);

                var found = new List<ITaskItem>();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (itemType, item) in OutputItems.Candidates(Content, None, ContentWithTargetPath, ResolvedFileToPublish))
                {
                    var destinations = OutputItems.Destinations(itemType, item);
                    if (destinations.Count == 0)
                    {
                        continue;
                    }
                    var source = OutputItems.FullPath(projectDirectory, item.ItemSpec);
                    var projectRelative = OutputItems.RelativeTo(projectDirectory, source);
                    var target = OutputItems.TargetPath(item);
                    var kind = Core.Secrets.Rules.SecretBearingFiles.KindOf(projectRelative);
                    if (kind == SecretBearingKind.None && target != null)
                    {
                        kind = Core.Secrets.Rules.SecretBearingFiles.KindOf(target);
                    }
                    if (kind == SecretBearingKind.None)
                    {
                        continue;
                    }
                    var claimKey = "Raxx.Guardrails.RAXX403.output|" + source + "|" + string.Join("+", destinations);
                    if (!seen.Add(claimKey))
                    {
                        continue;
                    }
                    read.Add(source);
                    var matches = Core.Secrets.Rules.SecretBearingFiles.Inspect(source, kind, baseline);
                    if (matches == null || !BuildSession.TryClaim(BuildEngine, claimKey, crossProcess: false))
                    {
                        continue;
                    }

                    found.Add(item);
                    var where = string.Join(" and ", destinations.Select(d => d == "build" ? "the build output" : "the publish output"));
                    var holds = kind == SecretBearingKind.KeyStore ? "is a key store" : "holds " + Core.Secrets.Rules.SecretBearingFiles.CountAndRedacted(matches);
                    var fix = itemType == "ResolvedFileToPublish"
                        ? "exclude it from publishing (CopyToPublishDirectory=\"Never\" on its item, or remove it from ResolvedFileToPublish)"
                        : $"remove the {itemType} item or set {string.Join(" and ", destinations.Select(d => d == "build" ? "CopyToOutputDirectory" : "CopyToPublishDirectory"))}=\"Never\"";
                    var message = $"{Core.Secrets.Rules.SecretBearingFiles.Describe(kind)} {projectRelative} {holds} and is copied to {where} by {itemType} item '{item.ItemSpec}': "
                        + $"the secrets ship with every copy of the output. Fix: {fix}; read the values from the environment or a secret store at run time, and rotate them.";
                    var rootRelative = OutputItems.RelativeTo(root, source);
                    logger.Log(new Finding(RuleIds.Raxx403, FindingSeverity.Error, message, FindingLocation.WholeFile(rootRelative),
                        fingerprintMaterial: "output|" + rootRelative + "|" + string.Join("+", destinations) + "|" + string.Join(",", matches.Select(m => m.Hash).OrderBy(h => h, StringComparer.Ordinal)),
                        properties: new Dictionary<string, string> { ["how"] = string.Join("+", destinations), ["itemType"] = itemType, ["kind"] = kind.ToString() }));
                }

                foreach (var problem in problems.Items)
                {
                    logger.Log(problem);
                }
                SecretBearingFiles = found.ToArray();
                ReadFiles = AsItems(read);
                return !Log.HasLoggedErrors;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                Log.LogError("Raxx.Guardrails", "RAXX001", "RAXX001", RuleCatalog.HelpUri("RAXX001"), ProjectFile ?? ProjectDirectory, 0, 0, 0, 0,
                    "{0}", "RAXX403 could not check the build output: " + ex.GetType().Name + ": " + ex.Message);
                return false;
            }
        }

        private static ITaskItem[] AsItems(IEnumerable<string> paths) =>
            paths.Distinct(StringComparer.Ordinal).Select(p => (ITaskItem)new TaskItem(p)).ToArray();
    }
}
