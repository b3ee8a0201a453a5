using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>
    /// The engine's findings for the secret-bearing files (.env, instance overrides) RAXX402 has already read and
    /// scanned in a repository context, so RAXX403 judges the same text without reading and scanning it again.
    /// Kept per context (weakly: it goes with the context) and only for those few files, never for every file.
    /// A rule that finds no entry (RAXX402 disabled, or run alone) reads and scans the file itself.
    /// Likewise RAXX404's findings for the workflows RAXX402 has read: RAXX404 checks the same text and would read every
    /// workflow again. Only the findings are kept (a few objects per workflow), never the texts: texts kept alive while
    /// RAXX402 allocates the rest (measured: every workflow's text, 12.8 MB on the benchmark tree) make every gen-0
    /// collection copy them on and cost far more than reading them again.
    /// </summary>
    internal static class CredentialScanCache
    {
        private static readonly ConditionalWeakTable<RepositoryContext, Dictionary<string, IReadOnlyList<SecretMatch>>> Cache =
            new ConditionalWeakTable<RepositoryContext, Dictionary<string, IReadOnlyList<SecretMatch>>>();

        /// <summary>Remembers <paramref name="matches"/> (the unfiltered scan of the whole file) when RAXX403 will look at the file.</summary>
        public static void Remember(RepositoryContext context, RepositoryFile file, IReadOnlyList<SecretMatch> matches)
        {
            var kind = SecretBearingFiles.KindOf(file.RelativePath);
            if (kind != SecretBearingKind.EnvFile && kind != SecretBearingKind.InstanceOverride)
            {
                return;
            }
            var map = Cache.GetValue(context, _ => new Dictionary<string, IReadOnlyList<SecretMatch>>(System.StringComparer.Ordinal));
            lock (map)
            {
                map[file.RelativePath] = matches;
            }
        }

        private static readonly ConditionalWeakTable<RepositoryContext, Dictionary<string, IReadOnlyList<Finding>>> WorkflowFindings =
            new ConditionalWeakTable<RepositoryContext, Dictionary<string, IReadOnlyList<Finding>>>();

        /// <summary>Remembers RAXX404's findings (possibly none) for a workflow whose text RAXX402 has read.</summary>
        public static void RememberWorkflowFindings(RepositoryContext context, RepositoryFile file, IReadOnlyList<Finding> findings)
        {
            var map = WorkflowFindings.GetValue(context, _ => new Dictionary<string, IReadOnlyList<Finding>>(System.StringComparer.Ordinal));
            lock (map)
            {
                map[file.RelativePath] = findings;
            }
        }

        /// <summary>RAXX404's findings for <paramref name="file"/> computed on RAXX402's text, or null when RAXX402 did not read it.</summary>
        public static IReadOnlyList<Finding>? RecallWorkflowFindings(RepositoryContext context, RepositoryFile file)
        {
            if (!WorkflowFindings.TryGetValue(context, out var map))
            {
                return null;
            }
            lock (map)
            {
                return map.TryGetValue(file.RelativePath, out var findings) ? findings : null;
            }
        }

        public static IReadOnlyList<SecretMatch>? Recall(RepositoryContext context, RepositoryFile file)
        {
            if (!Cache.TryGetValue(context, out var map))
            {
                return null;
            }
            lock (map)
            {
                return map.TryGetValue(file.RelativePath, out var matches) ? matches : null;
            }
        }
    }
}
