using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>
    /// The engine's findings for the secret-bearing files (.env, instance overrides) RAXX402 has already read and
    /// scanned in a repository context, so RAXX403 judges the same text without reading and scanning it again.
    /// Kept per context (weakly: it goes with the context) and only for those few files, never for every file.
    /// A rule that finds no entry (RAXX402 disabled, or run alone) reads and scans the file itself.
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
