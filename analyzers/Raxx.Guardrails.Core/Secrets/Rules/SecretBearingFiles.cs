using System.Collections.Generic;
using System.IO;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>What makes a file secret-bearing for RAXX403.</summary>
    public enum SecretBearingKind
    {
        None,

        /// <summary>.p12/.pfx/.jks/.keystore: secret-bearing by format (no text to scan).</summary>
        KeyStore,

        /// <summary>*.pem, *.key, id_rsa…: secret-bearing when it holds a private key block.</summary>
        KeyFile,

        /// <summary>.env, .env.production… (not .env.example): secret-bearing when a value is a credential.</summary>
        EnvFile,

        /// <summary>instance/**, *.local.json, secrets.json: secret-bearing when a value is a credential.</summary>
        InstanceOverride,
    }

    /// <summary>
    /// The RAXX403 file classes and their test, shared by the repository rule (tracked files) and the
    /// MSBuild output check (files copied to the build or publish output).
    /// </summary>
    public static class SecretBearingFiles
    {
        /// <summary>The class of a file by its path (relative, '/' or '\\'); templates (.env.example…) are <see cref="SecretBearingKind.None"/>.</summary>
        public static SecretBearingKind KindOf(string relativePath)
        {
            var name = Path.GetFileName(relativePath);
            if (CredentialRuleSupport.IsKeyStoreName(name))
            {
                return SecretBearingKind.KeyStore;
            }
            if (CredentialRuleSupport.IsKeyFileName(name))
            {
                return SecretBearingKind.KeyFile;
            }
            if (CredentialRuleSupport.IsTemplateName(name))
            {
                return SecretBearingKind.None;
            }
            if (CredentialRuleSupport.IsEnvFile(name))
            {
                return SecretBearingKind.EnvFile;
            }
            return CredentialRuleSupport.IsInstanceOverride(relativePath) ? SecretBearingKind.InstanceOverride : SecretBearingKind.None;
        }

        /// <summary>The secrets that make a text file of <paramref name="kind"/> secret-bearing (baselined ones excluded).</summary>
        public static IReadOnlyList<SecretMatch> SecretsIn(SecretBearingKind kind, string text, SecretBaseline baseline) =>
            Filter(kind, SecretScanner.Scan(text), baseline);

        /// <summary>The findings of a scan that make a file of <paramref name="kind"/> secret-bearing: not baselined; only private keys in key files.</summary>
        public static IReadOnlyList<SecretMatch> Filter(SecretBearingKind kind, IReadOnlyList<SecretMatch> scanned, SecretBaseline baseline)
        {
            var result = new List<SecretMatch>();
            foreach (var m in scanned)
            {
                if (baseline.Contains(m.Hash) || (kind == SecretBearingKind.KeyFile && m.Kind != SecretKind.PrivateKey))
                {
                    continue;
                }
                result.Add(m);
            }
            return result;
        }

        /// <summary>
        /// Reads a file outside any repository listing (e.g. an item copied to the build output) and returns its
        /// secrets when it is secret-bearing: a key store always (no matches), otherwise the secrets found.
        /// Null when the file is not of a secret-bearing class, unreadable, binary, over 5 MB, or holds no secret.
        /// </summary>
        public static IReadOnlyList<SecretMatch>? Inspect(string fullPath, SecretBearingKind kind, SecretBaseline baseline)
        {
            if (kind == SecretBearingKind.None)
            {
                return null;
            }
            if (kind == SecretBearingKind.KeyStore)
            {
                return File.Exists(fullPath) ? new List<SecretMatch>() : null;
            }
            try
            {
                var info = new FileInfo(fullPath);
                if (!info.Exists || info.Length > 5 * 1024 * 1024)
                {
                    return null;
                }
                var bytes = File.ReadAllBytes(fullPath);
                var text = Text.TextDecoding.Decode(bytes, bytes.Length);
                if (text == null)
                {
                    return null; // binary
                }
                var matches = SecretsIn(kind, text, baseline);
                return matches.Count > 0 ? matches : null;
            }
            catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException || ex is System.ArgumentException || ex is System.NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>"Private key file", ".env file", "Instance override configuration", "Key store".</summary>
        public static string Describe(SecretBearingKind kind) => kind switch
        {
            SecretBearingKind.KeyFile => "Private key file",
            SecretBearingKind.EnvFile => ".env file",
            SecretBearingKind.KeyStore => "Key store",
            _ => "Instance override configuration",
        };

        /// <summary>"1 secret value ('abcd…' (40 chars))" / "3 secret values (…, …, …)": redacted, at most three shown.</summary>
        public static string CountAndRedacted(IReadOnlyList<SecretMatch> matches)
        {
            var count = matches.Count == 1 ? "1 secret value" : matches.Count + " secret values";
            var shown = new List<string>();
            for (var i = 0; i < matches.Count && i < 3; i++)
            {
                shown.Add(matches[i].Redacted);
            }
            return count + " (" + string.Join(", ", shown) + ")";
        }
    }
}
