using System.Collections.Generic;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Config.Rules
{
    /// <summary>
    /// RAXX105 (repository part): a local/instance override configuration file is tracked by git, or
    /// sits in the work tree without being git-ignored (the next <c>git add</c> commits it). A tracked
    /// override file reaches every clone, CI run and deploy bundle, where it silently overrides the
    /// environment — INCIDENTS.md §1, where <c>instance/config.py</c> held <c>WEBAUTHN_RP_ID = ''</c>.
    /// The build/publish-output part is the MSBuild task Raxx105LocalOverrideOutputCheck.
    /// </summary>
    public sealed class Raxx105LocalOverrideTrackedRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx105;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            if (!context.IsGitRepository)
            {
                return; // without git there is nothing tracked; the output check still runs in builds
            }

            var files = LocalOverrideFiles.Create(context.Config, problems: sink);
            foreach (var file in context.Files)
            {
                var pattern = files.Match(file.RelativePath);
                if (pattern == null || file.IsTracked == null)
                {
                    continue;
                }

                var how = file.IsTracked == true ? "git-tracked" : "not-git-ignored";
                var message = file.IsTracked == true
                    ? $"{file.RelativePath} is a local override configuration file (matches '{pattern}') and is tracked by git: every clone, CI run and deploy bundle gets it, and there it overrides the environment's configuration. Remove it from git (git rm --cached \"{file.RelativePath}\") and git-ignore it."
                    : $"{file.RelativePath} is a local override configuration file (matches '{pattern}') that git does not ignore: the next 'git add' commits it, and then it overrides the environment's configuration everywhere. Add it to .gitignore.";
                var properties = new Dictionary<string, string>
                {
                    ["how"] = how,
                    ["pattern"] = pattern,
                };
                sink.Report(new Finding(RuleIds.Raxx105, FindingSeverity.Error, message,
                    FindingLocation.WholeFile(file.RelativePath), fingerprintMaterial: how + "|" + file.RelativePath, properties: properties));
            }
        }
    }
}
