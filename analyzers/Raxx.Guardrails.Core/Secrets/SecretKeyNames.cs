using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Text;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>What a key/identifier name says about the value assigned to it.</summary>
    public enum KeyNameClass
    {
        NotSecret,
        Secret,
        Password,
    }

    /// <summary>
    /// Classifies key and identifier names (HEROKU_API_KEY, herokuApiKey, Alpaca:ApiSecret,
    /// BOOTSTRAP_TOKEN_SIGNING_KEY, ConnectionStrings:Db, Password…) by their words. A name is
    /// secret-bearing when a word is token/secret/password/credential… or "key" qualified by
    /// api/secret/signing/private/access/auth/…; it is not when its last word names metadata
    /// (…Id, …Name, …Url, …File, …Length…) or any word is "public". A number ending a word is ignored (Password1,
    /// PASSWORD2, TokenId1, PasswordLength2 read as password, password, token-id, password-length).
    /// </summary>
    public static class SecretKeyNames
    {
        private static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "token", "tokens", "secret", "secrets", "credential", "credentials", "apikey", "apikeys", "apisecret",
            "accesstoken", "authtoken", "secretkey", "privatekey", "signingkey", "accesskey", "clientsecret",
            "bearer", "dsn", "pat",
        };

        private static readonly HashSet<string> PasswordWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "password", "passwd", "pwd", "pass", "passphrase", "passcode",
        };

        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "api", "secret", "signing", "sign", "private", "priv", "access", "auth", "master", "encryption", "encrypt",
            "client", "session", "app", "account", "service", "hmac", "jwt", "crypto", "webhook", "ingest", "sas",
            "storage", "shared", "license", "admin", "deploy", "ssh", "cipher", "aes", "hash", "salt", "origin", "ca",
            "global", "subscription", "consumer", "bot", "integration", "server", "partner", "merchant", "paper", "live",
        };

        private static readonly HashSet<string> MetadataSuffixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "ids", "name", "names", "url", "uri", "urls", "endpoint", "host", "file", "files", "path", "paths", "dir",
            "version", "length", "len", "size", "type", "types", "count", "format", "prefix", "suffix", "header",
            "field", "env", "var", "variable", "ref", "arn", "region", "expiry", "expires", "expiration", "ttl",
            "timeout", "enabled", "enable", "disabled", "algorithm", "alg", "kid", "label", "description", "desc",
            "hint", "mode", "policy", "provider", "location", "issuer", "audience", "scheme", "scope", "scopes",
            "lifetime", "duration", "regex", "pattern", "rotation", "store", "vault", "source", "kind", "min", "max",
            "chars", "charset", "index", "attempts", "retries", "validation", "required", "sha", "checksum", "digest",
            "fingerprint", "thumbprint", "encryption", "hashing",
        };

        /// <summary>Splits "HEROKU_API_KEY", "herokuApiKey", "Alpaca:ApiSecret", "X-Api-Key" into lower-case words.</summary>
        public static IReadOnlyList<string> Words(string name)
        {
            var words = new List<string>();
            var sb = new StringBuilder();
            void Flush()
            {
                if (sb.Length > 0)
                {
                    words.Add(sb.ToString().ToLowerInvariant());
                    sb.Clear();
                }
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!SecretText.IsAlnum(c))
                {
                    Flush();
                    continue;
                }
                if (sb.Length > 0)
                {
                    var p = name[i - 1];
                    var lowerToUpper = SecretText.IsUpper(c) && (SecretText.IsLower(p) || SecretText.IsDigit(p));
                    var acronymEnd = SecretText.IsUpper(c) && SecretText.IsUpper(p) && i + 1 < name.Length && SecretText.IsLower(name[i + 1]);
                    if (lowerToUpper || acronymEnd)
                    {
                        Flush();
                    }
                }
                sb.Append(c);
            }
            Flush();
            return words;
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KeyNameClass> Cache =
            new System.Collections.Concurrent.ConcurrentDictionary<string, KeyNameClass>(StringComparer.Ordinal);

        public static KeyNameClass Classify(string? name)
        {
            if (string.IsNullOrEmpty(name) || name!.Length > 200)
            {
                return KeyNameClass.NotSecret;
            }
            if (Cache.TryGetValue(name, out var cached))
            {
                return cached;
            }
            var result = ClassifyWords(name);
            if (Cache.Count > 20000)
            {
                Cache.Clear(); // bounded: keys repeat across files, arbitrary text does not
            }
            Cache[name] = result;
            return result;
        }

#if NET9_0_OR_GREATER
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KeyNameClass>.AlternateLookup<ReadOnlySpan<char>> SpanCache =
            Cache.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

        /// <summary><see cref="Classify"/> of s[start..end) without allocating when the name was seen before (.NET 9+).</summary>
        [MethodImpl(HotPath.Options)]
        internal static KeyNameClass Classify(ScanText s, int start, int end)
        {
#if NET9_0_OR_GREATER
            if (end - start > 0 && end - start <= 200 && SpanCache.TryGetValue(s.AsSpan(start, end - start), out var cached))
            {
                return cached;
            }
#endif
            return Classify(s.Substring(start, end - start));
        }

        /// <summary>
        /// A word without the number that ends it ("password1" → "password", "id2" → "id"): a number does not start a word of
        /// its own (<see cref="Words"/> splits at case changes and separators), and a secret or metadata word keeps its meaning
        /// with one (Password1, PASSWORD2, db_password2, TokenId1, PasswordLength2). All-digit words and words whose letters
        /// name nothing (md5, sha256, base64, utf8, http2) are unaffected: "md", "base", "utf", "http" are none of the lists.
        /// </summary>
        private static string WithoutTrailingNumber(string word)
        {
            var e = word.Length;
            while (e > 0 && SecretText.IsDigit(word[e - 1]))
            {
                e--;
            }
            return e == word.Length || e == 0 ? word : word.Substring(0, e);
        }

        private static KeyNameClass ClassifyWords(string name)
        {
            var words = Words(name);
            if (words.Count == 0)
            {
                return KeyNameClass.NotSecret;
            }
            if (MetadataSuffixes.Contains(WithoutTrailingNumber(words[words.Count - 1])))
            {
                return KeyNameClass.NotSecret;
            }

            var result = KeyNameClass.NotSecret;
            for (var i = 0; i < words.Count; i++)
            {
                var w = WithoutTrailingNumber(words[i]);
                if (w == "public" || w == "publishable" || w == "pub")
                {
                    return KeyNameClass.NotSecret;
                }
                if (PasswordWords.Contains(w) || w.EndsWith("password", StringComparison.Ordinal))
                {
                    result = KeyNameClass.Password;
                }
                else if (result == KeyNameClass.NotSecret && (SecretWords.Contains(w) || w.EndsWith("token", StringComparison.Ordinal) || w.EndsWith("secret", StringComparison.Ordinal)))
                {
                    result = KeyNameClass.Secret;
                }
                else if (result == KeyNameClass.NotSecret && (w == "key" || w == "keys") && i > 0 && KeyQualifiers.Contains(words[i - 1]))
                {
                    result = KeyNameClass.Secret;
                }
            }
            return result;
        }

        /// <summary>A provider named by the key (heroku, aws, cloudflare…), used to label context findings.</summary>
        public static string? ProviderHint(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }
            // (case-insensitive in place: no lower-cased copy of the name, no array per call; once per finding)
            foreach (var p in HintedProviders)
            {
                if (name!.IndexOf(p, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return p;
                }
            }
            return null;
        }

        private static readonly string[] HintedProviders = { "heroku", "aws", "cloudflare", "facebook", "okta", "alpaca", "sentry", "azure", "github", "slack", "stripe", "clickhouse" };
    }
}
