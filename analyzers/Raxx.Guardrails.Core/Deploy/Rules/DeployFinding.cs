using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>Builds deploy-family findings at the catalog's default severity.</summary>
    internal static class DeployFinding
    {
        public static Finding Create(string ruleId, string message, FindingLocation location, string fingerprint) =>
            new Finding(ruleId, RuleCatalog.Find(ruleId)?.DefaultSeverity ?? FindingSeverity.Warning, message, location, ruleId + "|" + fingerprint);

        public static string Quote(System.Collections.Generic.IEnumerable<string> values) =>
            string.Join(", ", System.Linq.Enumerable.Select(values, v => "'" + v + "'"));
    }
}
