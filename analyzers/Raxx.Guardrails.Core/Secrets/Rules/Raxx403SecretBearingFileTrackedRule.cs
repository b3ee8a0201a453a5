using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>
    /// RAXX403: a secret-bearing file is in the repository: a .env file with real values (templates
    /// such as .env.example with placeholders are fine), a private key file (*.pem, *.key, id_rsa…
    /// holding a private key block; .p12/.pfx/.jks key stores), or instance/local override
    /// configuration holding secret values. Reported on the file (line 1).
    /// </summary>
    public sealed class Raxx403SecretBearingFileTrackedRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx403;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var baseline = CredentialRuleSupport.LoadBaseline(context);
            foreach (var file in context.Files)
            {
                if (context.IsIgnored(file.RelativePath))
                {
                    continue;
                }
                // IsTracked null: the folder checked is not a git work tree, so neither "tracked" nor "ignored" applies
                var state = file.IsTracked switch
                {
                    true => "is tracked by git",
                    false => "is not git-ignored",
                    _ => "is in a folder that is not a git work tree (nothing git-ignores it: committed with the folder, it is tracked)",
                };
                var kind = SecretBearingFiles.KindOf(file.RelativePath);
                if (kind == SecretBearingKind.None)
                {
                    continue;
                }
                if (kind == SecretBearingKind.KeyStore)
                {
                    Report(sink, file, $"Key store {file.RelativePath} {state}; remove it from the repository (git rm --cached), ignore it, keep it in a secret store and rotate the key", "keystore:" + file.RelativePath);
                    continue;
                }

                // RAXX402 has scanned .env and instance files already (same engine, same text): reuse its findings
                var scanned = CredentialScanCache.Recall(context, file);
                if (scanned == null)
                {
                    var text = context.ReadText(file, out _);
                    if (text == null)
                    {
                        continue;
                    }
                    scanned = SecretScanner.Scan(text);
                }
                var matches = SecretBearingFiles.Filter(kind, scanned, baseline);
                if (matches.Count == 0)
                {
                    continue;
                }

                var what = SecretBearingFiles.Describe(kind);
                var fix = kind == SecretBearingKind.EnvFile
                    ? "remove it (git rm --cached), ignore it, track a .env.example with placeholders instead and rotate the values"
                    : "remove it (git rm --cached), ignore it, keep the values in a secret store and rotate them";
                Report(sink, file, $"{what} {file.RelativePath} {state} and holds {SecretBearingFiles.CountAndRedacted(matches)}; {fix}",
                    "file:" + string.Join(",", matches.Select(m => m.Hash).OrderBy(h => h, System.StringComparer.Ordinal)));
            }
        }

        private void Report(IFindingSink sink, RepositoryFile file, string message, string material) =>
            sink.Report(new Finding(RuleId, FindingSeverity.Error, message, FindingLocation.WholeFile(file.RelativePath), material,
                new Dictionary<string, string> { ["tracked"] = file.IsTracked switch { true => "true", false => "false", _ => "unknown" } }));
    }
}
