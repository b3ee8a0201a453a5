using System.Collections.Generic;
using System.IO;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>One accepted credential: its fingerprint and where it was seen (never the value).</summary>
    public readonly struct BaselineEntry
    {
        public BaselineEntry(string hash, string path, int line, string provider)
        {
            Hash = hash;
            Path = path;
            Line = line;
            Provider = provider;
        }

        public string Hash { get; }
        public string Path { get; }
        public int Line { get; }
        public string Provider { get; }
    }

    /// <summary>
    /// What <c>raxx-guardrails baseline</c> writes: every credential RAXX402 and RAXX403 would report in the
    /// repository now (ignoring any existing baseline), as fingerprints. Key stores (.p12/.pfx/.jks) have no
    /// fingerprint and are not baselined; C# literals (RAXX401) use the inline <c>raxx:allow-credential</c>.
    /// </summary>
    public static class CredentialBaselineBuilder
    {
        public static IReadOnlyList<BaselineEntry> Collect(RepositoryContext context)
        {
            var entries = new List<BaselineEntry>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var file in context.Files)
            {
                if (context.IsIgnored(file.RelativePath))
                {
                    continue;
                }
                var name = Path.GetFileName(file.RelativePath);
                var keyFile = CredentialRuleSupport.IsKeyFileName(name);
                var scanned = CredentialRuleSupport.IsScannedTextFile(file.RelativePath) && !keyFile; // RAXX402's files
                var bearer = keyFile
                    || (CredentialRuleSupport.IsEnvFile(name) && !CredentialRuleSupport.IsTemplateName(name))
                    || (CredentialRuleSupport.IsInstanceOverride(file.RelativePath) && !CredentialRuleSupport.IsTemplateName(name)); // RAXX403's
                if (!scanned && !bearer)
                {
                    continue;
                }
                var text = context.ReadText(file, out _);
                if (text == null)
                {
                    continue;
                }
                foreach (var match in SecretScanner.Scan(text))
                {
                    if (keyFile && match.Kind != SecretKind.PrivateKey)
                    {
                        continue;
                    }
                    if (seen.Add(match.Hash + "\n" + file.RelativePath))
                    {
                        entries.Add(new BaselineEntry(match.Hash, file.RelativePath, match.Line, match.Provider));
                    }
                }
            }
            return entries;
        }

        /// <summary>The baseline file text for <paramref name="entries"/> (<see cref="SecretBaseline.Write"/>).</summary>
        public static string Write(IEnumerable<BaselineEntry> entries)
        {
            var tuples = new List<(string, string, int, string)>();
            foreach (var e in entries)
            {
                tuples.Add((e.Hash, e.Path, e.Line, e.Provider));
            }
            return SecretBaseline.Write(tuples);
        }
    }
}
