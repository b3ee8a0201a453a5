using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// A baseline of accepted credential findings for adopting the checks on an old repository:
    /// one fingerprint (<see cref="SecretMatch.Hash"/>, a one-way hash) per line, optionally followed by
    /// a path and a comment. The file never contains a secret. Findings whose hash is listed are not reported.
    /// </summary>
    public sealed class SecretBaseline
    {
        /// <summary>Default file name at the repository root (override: <c>credentials: { baseline: path }</c> in raxx-guardrails.yaml).</summary>
        public const string DefaultFileName = ".raxx-credentials.baseline";

        public static readonly SecretBaseline Empty = new SecretBaseline(new HashSet<string>(StringComparer.Ordinal));

        private readonly HashSet<string> _hashes;

        private SecretBaseline(HashSet<string> hashes) => _hashes = hashes;

        public int Count => _hashes.Count;

        public bool Contains(string hash) => _hashes.Contains(hash);

        public static SecretBaseline Parse(string? text)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(text))
            {
                return new SecretBaseline(set);
            }
            foreach (var raw in text!.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }
                var end = 0;
                while (end < line.Length && !char.IsWhiteSpace(line[end]))
                {
                    end++;
                }
                var hash = line.Substring(0, end).ToLowerInvariant();
                if (hash.Length == 32 && hash.All(SecretText.IsLowerHex))
                {
                    set.Add(hash);
                }
            }
            return new SecretBaseline(set);
        }

        /// <summary>Writes a baseline for the given findings: "hash  path:line  provider" lines, no values.</summary>
        public static string Write(IEnumerable<(string Hash, string Path, int Line, string Provider)> entries)
        {
            var sb = new StringBuilder();
            sb.Append("# raxx-guardrails credential baseline: accepted findings by fingerprint (SHA-256 based, never the secret).\n");
            sb.Append("# Remove a line to report that credential again. Rotate every credential listed here.\n");
            foreach (var e in entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line))
            {
                sb.Append(e.Hash).Append("  ").Append(e.Path).Append(':').Append(e.Line).Append("  ").Append(e.Provider).Append('\n');
            }
            return sb.ToString();
        }
    }
}
