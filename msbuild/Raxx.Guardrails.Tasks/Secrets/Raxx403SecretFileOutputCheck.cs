using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Raxx.Guardrails.Core.Findings;
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

        public override bool Execute()
        {
            try
            {
                // ReadFiles (the base's): the repository config files, the credentials baseline and every copied
                // file of a secret-bearing class, so an edited .env re-runs a skipped check
                OpenRepository();
                if (IsTurnedOff(RuleIds.Raxx403))
                {
                    return true;
                }
                AddRead(OutputItems.FullPath(Root, CredentialRuleSupport.BaselinePath(Config)));
                var baseline = CredentialRuleSupport.LoadBaseline(Root, Config);

                var found = new List<ITaskItem>();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (itemType, item, destinations, source, projectRelative, target) in CopiedItems())
                {
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
                    AddRead(source);
                    var matches = Core.Secrets.Rules.SecretBearingFiles.Inspect(source, kind, baseline);
                    if (matches == null || !BuildSession.TryClaim(BuildEngine, claimKey, crossProcess: false))
                    {
                        continue;
                    }

                    found.Add(item);
                    var holds = kind == SecretBearingKind.KeyStore ? "is a key store" : "holds " + Core.Secrets.Rules.SecretBearingFiles.CountAndRedacted(matches);
                    var message = $"{Core.Secrets.Rules.SecretBearingFiles.Describe(kind)} {projectRelative} {holds} and is copied to {OutputItems.DescribeDestinations(destinations)} by {itemType} item '{item.ItemSpec}': "
                        + $"the secrets ship with every copy of the output. Fix: {OutputItems.Fix(itemType, destinations)}; read the values from the environment or a secret store at run time, and rotate them.";
                    var rootRelative = OutputItems.RelativeTo(Root, source);
                    Report(new Finding(RuleIds.Raxx403, FindingSeverity.Error, message, FindingLocation.WholeFile(rootRelative),
                        fingerprintMaterial: "output|" + rootRelative + "|" + string.Join("+", destinations) + "|" + string.Join(",", matches.Select(m => m.Hash).OrderBy(h => h, StringComparer.Ordinal)),
                        properties: new Dictionary<string, string> { ["how"] = string.Join("+", destinations), ["itemType"] = itemType, ["kind"] = kind.ToString() }));
                }

                ReportConfigProblems();
                SecretBearingFiles = found.ToArray();
                return !Log.HasLoggedErrors;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return CouldNotCheck(RuleIds.Raxx403, ex);
            }
        }
    }
}
