using System.IO;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>
    /// RAXX402: a credential in a repository text file (.env*, appsettings*.json, launchSettings.json,
    /// YAML, workflows, shell, Dockerfiles, XML config, non-C# sources), located at the value's line
    /// and column. Files are the context's (git-tracked plus untracked-but-not-ignored); binary and
    /// over-size files are skipped by <see cref="RepositoryContext.ReadText(RepositoryFile, out ReadFailure)"/>.
    /// C# is RAXX401's; private key files are RAXX403's.
    /// </summary>
    public sealed class Raxx402CredentialInRepositoryFileRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx402;

        private const string Advice = "; remove it from the repository, set it as a deployment/CI secret read from the environment, and rotate it";

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var baseline = CredentialRuleSupport.LoadBaseline(context);
#if NET8_0_OR_GREATER
            char[]? buffer = null; // every file is decoded into this one buffer (RepositoryContext.ReadText)
#endif
            foreach (var file in context.Files)
            {
                var name = Path.GetFileName(file.RelativePath);
                if (!CredentialRuleSupport.IsScannedTextFile(file.RelativePath) || CredentialRuleSupport.IsKeyFileName(name) || context.IsIgnored(file.RelativePath))
                {
                    continue;
                }
#if NET8_0_OR_GREATER
                var text = context.ReadText(file, ref buffer, out var failure);
                if (failure != ReadFailure.None)
                {
                    continue;
                }
#else
                var text = context.ReadText(file, out _);
                if (text == null)
                {
                    continue;
                }
#endif
                var matches = SecretScanner.Scan(text);
                string? prefix = null; // "Credential in <path>: ", made once per file that has a finding
                CredentialScanCache.Remember(context, file, matches);
                Raxx404WorkflowPrintsSecretsRule.CheckAhead(context, file, text);
                foreach (var match in matches)
                {
                    if (baseline.Contains(match.Hash))
                    {
                        continue;
                    }
                    var message = match.Describe(prefix ??= $"Credential in {file.RelativePath}: ", Advice);
                    sink.Report(CredentialRuleSupport.CreateFinding(RuleId, FindingSeverity.Error, file.RelativePath, match, message));
                }
            }
        }
    }
}
