using System;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Where a finding can be. Every finding of <see cref="SecretScanner"/> needs, on its line, a provider
    /// prefix (<see cref="ProviderDetectors"/>), "://" (URL passwords, Slack webhooks, Sentry DSNs), "Q~"
    /// (Azure AD secrets), "-us" (Mailchimp), or — for key/value context — a fragment without which
    /// <see cref="SecretKeyNames.Classify"/> never says secret (token, secret, cred, key, bearer, dsn, pat,
    /// pwd, pass). On .NET 8+ these are vectorised <c>SearchValues&lt;string&gt;</c> searches over the whole
    /// text, so lines without a trigger are never looked at character by character; netstandard2.0 hosts
    /// (analyzers, MSBuild tasks) run the line-by-line reference scan (same findings).
    /// </summary>
    internal static class SecretPrefilter
    {
        /// <summary>Fragments every secret-bearing key name contains (see SecretKeyNames: SecretWords, PasswordWords, "key").</summary>
        internal static readonly string[] KeyFragments = { "token", "secret", "cred", "key", "bearer", "dsn", "pat", "pwd", "pass" };

        /// <summary>Markers searched with the provider prefixes (one set of passes for both): URLs, Mailchimp, PEM blocks, suppressions.
        /// Declared before the groups built from it (static initialisers run in text order).</summary>
        internal static readonly string[] StructureMarkers = { "://", "-us", "-----BEGIN ", SecretScanner.SuppressionMarker };

        internal static IReadOnlyList<string> ProviderPrefixes()
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in ProviderDetectors.All)
            {
                foreach (var p in d.Prefixes)
                {
                    set.Add(p);
                }
            }
            var list = new List<string>(set);
            list.Sort(StringComparer.Ordinal);
            return list;
        }

#if NET8_0_OR_GREATER
        /// <summary>Case-insensitive secret-name fragments: one Teddy search (fast with few values).</summary>
        private static readonly SearchValues<string> KeyFragmentValues = SearchValues.Create(KeyFragments, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Provider prefixes in groups of at most 12 (measured: one search over ~50 values is several times slower per
        /// byte than a few searches over 12 (12 beat 8, 10, 16 and 25 on the bench tree), because Teddy's buckets overflow and most positions need verifying).
        /// </summary>
        private static readonly SearchValues<string>[] ProviderGroups = BuildProviderGroups();

        private static SearchValues<string>[] BuildProviderGroups()
        {
            var prefixes = new List<string>(ProviderPrefixes());
            // Slack webhook URLs ("https://hooks.slack.com/…") are found at their "://" (an anchor of "htt" would
            // make every URL a candidate of the provider search)
            prefixes.RemoveAll(p => p.IndexOf("://", StringComparison.Ordinal) >= 0);
            prefixes.AddRange(StructureMarkers);
            var groups = new List<SearchValues<string>>();
            for (var i = 0; i < prefixes.Count; i += 12)
            {
                var n = Math.Min(12, prefixes.Count - i);
                var chunk = new string[n];
                for (var k = 0; k < n; k++)
                {
                    chunk[k] = prefixes[i + k];
                }
                groups.Add(SearchValues.Create(chunk, StringComparison.Ordinal));
            }
            return groups.ToArray();
        }

        /// <summary>Every position where a provider prefix or a structure marker occurs, ascending.</summary>
        public static void CollectOrdinalHits(string text, List<int> hits)
        {
            var span = text.AsSpan();
            var groupsWithHits = 0;
            foreach (var group in ProviderGroups)
            {
                var before = hits.Count;
                var pos = 0;
                while (pos < span.Length)
                {
                    var i = span.Slice(pos).IndexOfAny(group);
                    if (i < 0)
                    {
                        break;
                    }
                    hits.Add(pos + i);
                    pos += i + 1;
                }
                if (hits.Count > before)
                {
                    groupsWithHits++;
                }
            }
            if (groupsWithHits > 1)
            {
                hits.Sort();
            }
        }

        /// <summary>
        /// Position of the next secret-name fragment at or after <paramref name="from"/>, or -1. A bare
        /// <c> key=</c> attribute (XML <c>&lt;add key="…"</c>) is not one: the key it names is exactly "key",
        /// which never classifies as secret (a secret-named sibling value holds its own fragment, and a finding
        /// on the line is visited anyway).
        /// </summary>
        public static int NextKeyFragment(string text, int from)
        {
            while (from < text.Length)
            {
                var i = text.AsSpan(from).IndexOfAny(KeyFragmentValues);
                if (i < 0)
                {
                    return -1;
                }
                i += from;
                if (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t') && i + 3 < text.Length && text[i + 3] == '='
                    && string.Compare(text, i, "key", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    from = i + 3;
                    continue;
                }
                return i;
            }
            return -1;
        }
#endif
    }
}
