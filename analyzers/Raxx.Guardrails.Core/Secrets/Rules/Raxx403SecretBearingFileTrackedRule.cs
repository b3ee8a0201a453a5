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
                var name = Path.GetFileName(file.RelativePath);
                var state = file.IsTracked == false ? "is not git-ignored" : "is tracked by git";

                if (CredentialRuleSupport.IsKeyStoreName(name))
                {
                    Report(sink, file, $"Key store {file.RelativePath} {state}; remove it from the repository (git rm --cached), ignore it, keep it in a secret store and rotate the key", "keystore:" + file.RelativePath);
                    continue;
                }

                string? kind = null;
                if (CredentialRuleSupport.IsKeyFileName(name))
                {
                    kind = "key";
                }
                else if (CredentialRuleSupport.IsEnvFile(name) && !CredentialRuleSupport.IsTemplateName(name))
                {
                    kind = "env";
                }
                else if (CredentialRuleSupport.IsInstanceOverride(file.RelativePath) && !CredentialRuleSupport.IsTemplateName(name))
                {
                    kind = "instance";
                }
                if (kind == null)
                {
                    continue;
                }

                var text = context.ReadText(file, out _);
                if (text == null)
                {
                    continue;
                }
                var matches = SecretScanner.Scan(text).Where(m => !baseline.Contains(m.Hash)).ToList();
                if (kind == "key")
                {
                    matches = matches.Where(m => m.Kind == SecretKind.PrivateKey).ToList();
                }
                if (matches.Count == 0)
                {
                    continue;
                }

                var what = kind switch
                {
                    "key" => "Private key file",
                    "env" => ".env file",
                    _ => "Instance override configuration",
                };
                var count = matches.Count == 1 ? "1 secret value" : matches.Count + " secret values";
                var fix = kind == "env"
                    ? "remove it (git rm --cached), ignore it, track a .env.example with placeholders instead and rotate the values"
                    : "remove it (git rm --cached), ignore it, keep the values in a secret store and rotate them";
                Report(sink, file, $"{what} {file.RelativePath} {state} and holds {count} ({string.Join(", ", matches.Take(3).Select(m => m.Redacted))}); {fix}",
                    "file:" + string.Join(",", matches.Select(m => m.Hash).OrderBy(h => h, System.StringComparer.Ordinal)));
            }
        }

        private void Report(IFindingSink sink, RepositoryFile file, string message, string material) =>
            sink.Report(new Finding(RuleId, FindingSeverity.Error, message, FindingLocation.WholeFile(file.RelativePath), material,
                new Dictionary<string, string> { ["tracked"] = file.IsTracked == false ? "false" : "true" }));
    }
}
