using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// A provider format: one or more literal prefixes, a body alphabet, body length bounds and an
    /// optional validator over the whole token (checksum, structure, decoding). Matching is a
    /// linear walk from the prefix: no regular expressions, no backtracking.
    /// </summary>
    /// <summary>(text, tokenStart, bodyStart, tokenEnd) → valid: a format check beyond prefix and body characters.</summary>
    internal delegate bool TokenCheck(ScanText s, int tokenStart, int bodyStart, int tokenEnd);

    internal sealed class ProviderDetector
    {
        public ProviderDetector(string provider, string[] prefixes, Func<char, bool> body, int minBody, int maxBody,
            TokenCheck? validate = null, bool requiresContext = false, double minEntropy = 3.0)
        {
            Provider = provider;
            Prefixes = prefixes;
            Body = body;
            MinBody = minBody;
            MaxBody = maxBody;
            Validate = validate;
            RequiresContext = requiresContext;
            MinEntropy = minEntropy;
        }

        public string Provider { get; }
        public string[] Prefixes { get; }
        public Func<char, bool> Body { get; }
        public int MinBody { get; }
        public int MaxBody { get; }

        /// <summary>(text, tokenStart, bodyStart, tokenEnd) → valid.</summary>
        public TokenCheck? Validate { get; }

        /// <summary>Formats that are published by design in some uses (e.g. Google browser API keys): reported only under a secret-named key.</summary>
        public bool RequiresContext { get; }
        public double MinEntropy { get; }

        /// <summary>Length of the token starting at <paramref name="start"/> with <paramref name="prefix"/>, or 0.</summary>
        public int Match(ScanText s, int start, int end, string prefix)
        {
            var bodyStart = start + prefix.Length;
            var i = bodyStart;
            var limit = Math.Min(end, bodyStart + MaxBody + 1);
            while (i < limit && Body(s[i]))
            {
                i++;
            }
            var bodyLength = i - bodyStart;
            if (bodyLength < MinBody || bodyLength > MaxBody)
            {
                return 0;
            }
            // the token must end here: a following word character means a longer, different token
            if (i < end && (SecretText.IsAlnum(s[i]) || s[i] == '_'))
            {
                return 0;
            }
            if (SecretText.Entropy(s, bodyStart, bodyLength) < MinEntropy)
            {
                return 0;
            }
            if (Placeholders.HasPlaceholderRun(s, bodyStart, bodyLength))
            {
                return 0;
            }
            if (Validate != null && !Validate(s, start, bodyStart, i))
            {
                return 0;
            }
            return i - start;
        }
    }

    /// <summary>The provider formats the engine knows (DESIGN.md / INCIDENTS.md §4 plus common vendors).</summary>
    internal static class ProviderDetectors
    {
        private static bool Alnum(char c) => SecretText.IsAlnum(c);
        private static bool Word(char c) => SecretText.IsWord(c);
        private static bool WordDash(char c) => SecretText.IsWordDash(c);
        private static bool Letter(char c) => SecretText.IsUpper(c) || SecretText.IsLower(c);
        private static bool UpperDigit(char c) => SecretText.IsUpper(c) || SecretText.IsDigit(c);

        public static readonly IReadOnlyList<ProviderDetector> All = new[]
        {
            // GitHub classic tokens: prefix + 30 random + 6 base62 CRC32 checksum.
            new ProviderDetector("github", new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" }, Alnum, 36, 36,
                (s, t, b, e) => Checksums.IsValidGitHubChecksum(s, b)),
            // GitHub App installation token in the JWT-bearing form: ghs_<installation id>_<JWT>.
            new ProviderDetector("github", new[] { "ghs_" }, c => WordDash(c) || c == '.', 40, 2000, ValidateGitHubJwtToken),
            // Fine-grained PAT: github_pat_ + 22 + '_' + 59.
            new ProviderDetector("github", new[] { "github_pat_" }, Word, 82, 82, (s, t, b, e) => s[b + 22] == '_'),

            // AWS access key IDs: 4-letter prefix + 16 base32 characters; AWS's documented …EXAMPLE keys excluded.
            new ProviderDetector("aws", new[] { "AKIA", "ASIA", "ABIA", "ACCA" }, UpperDigit, 16, 16,
                (s, t, b, e) => SecretText.All(s, b, 16, SecretText.IsBase32) && !EndsWith(s, e, "EXAMPLE"), minEntropy: 2.5),

            // Slack
            new ProviderDetector("slack", new[] { "xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxs-", "xoxr-", "xoxo-" }, c => Alnum(c) || c == '-', 20, 250, ValidateSlack),
            new ProviderDetector("slack", new[] { "xapp-" }, c => Alnum(c) || c == '-', 40, 250, ValidateSlackApp),
            new ProviderDetector("slack", new[] { "https://hooks.slack.com/services/", "http://hooks.slack.com/services/" }, c => Alnum(c) || c == '/' || c == '_', 40, 120, ValidateSlackWebhook, minEntropy: 2.5),

            // Stripe secret and restricted keys (publishable pk_ keys are public).
            new ProviderDetector("stripe", new[] { "sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_" }, Alnum, 20, 250, null),

            // Sentry auth tokens (org: sntrys_<base64 JSON>_<secret>, user: sntryu_<64 hex>).
            new ProviderDetector("sentry", new[] { "sntrys_" }, c => SecretText.IsBase64(c) || c == '_', 60, 1000,
                (s, t, b, e) => SecretText.SameAt(s, b, "eyJ", 3)),
            new ProviderDetector("sentry", new[] { "sntryu_" }, SecretText.IsLowerHex, 64, 64),

            // Cloudflare: account/user API tokens with checksum tail, Origin CA keys.
            new ProviderDetector("cloudflare", new[] { "cfat_", "cfut_" }, Alnum, 48, 48, (s, t, b, e) => SecretText.All(s, e - 8, 8, SecretText.IsHex)),
            new ProviderDetector("cloudflare", new[] { "v1.0-" }, c => SecretText.IsLowerHex(c) || c == '-', 171, 171,
                (s, t, b, e) => s[b + 24] == '-' && SecretText.All(s, b, 24, SecretText.IsLowerHex) && SecretText.All(s, b + 25, 146, SecretText.IsLowerHex)),

            // Heroku platform keys (new format); UUID-shaped OAuth tokens are found by context.
            new ProviderDetector("heroku", new[] { "HRKU-AA" }, WordDash, 58, 58),

            // JSON Web Tokens: three base64url segments, header and payload decode to JSON objects.
            new ProviderDetector("jwt", new[] { "eyJ" }, c => WordDash(c) || c == '.', 20, 8000, ValidateJwt),

            // OpenAI (project/service/admin/legacy keys all carry the T3BlbkFJ marker).
            new ProviderDetector("openai", new[] { "sk-" }, WordDash, 40, 250, (s, t, b, e) => IndexOf(s, b, e, "T3BlbkFJ") >= 0),
            // Anthropic
            new ProviderDetector("anthropic", new[] { "sk-ant-api0", "sk-ant-admin0" }, WordDash, 80, 200,
                (s, t, b, e) => SecretText.IsDigit(s[b]) && s[b + 1] == '-'),

            // Hugging Face user and org tokens: 34 letters.
            new ProviderDetector("huggingface", new[] { "hf_", "api_org_" }, Letter, 34, 34),

            // Google API keys: reported only under a secret-named key (browser/Firebase keys are public by design).
            new ProviderDetector("gcp", new[] { "AIza" }, WordDash, 35, 35, requiresContext: true),

            // Notion, HashiCorp Vault, Databricks, Grafana, SendGrid, Shopify, GitLab, npm, 1Password
            new ProviderDetector("notion", new[] { "ntn_" }, Alnum, 40, 50),
            new ProviderDetector("hashicorp-vault", new[] { "hvs." }, WordDash, 90, 300),
            new ProviderDetector("hashicorp-vault", new[] { "hvb." }, WordDash, 130, 400),
            new ProviderDetector("databricks", new[] { "dapi" }, c => Alnum(c) || c == '-', 32, 35,
                (s, t, b, e) => SecretText.All(s, b, 32, SecretText.IsHex) && (e - b == 32 || (s[b + 32] == '-' && SecretText.All(s, b + 33, e - b - 33, SecretText.IsDigit) && e - b > 33))),
            new ProviderDetector("grafana", new[] { "glsa_" }, Word, 41, 41, (s, t, b, e) => s[b + 32] == '_' && SecretText.All(s, b + 33, 8, SecretText.IsHex)),
            new ProviderDetector("grafana", new[] { "glc_" }, SecretText.IsBase64, 32, 400, (s, t, b, e) => SecretText.SameAt(s, b, "eyJ", 3)),
            new ProviderDetector("sendgrid", new[] { "SG." }, c => WordDash(c) || c == '.', 66, 66, (s, t, b, e) => s[b + 22] == '.'),
            new ProviderDetector("shopify", new[] { "shpss_", "shpat_", "shpca_", "shppa_" }, Alnum, 32, 64),
            new ProviderDetector("gitlab", new[] { "glpat-" }, c => WordDash(c) || c == '.', 20, 80),
            new ProviderDetector("gitlab", new[] { "glptt-" }, SecretText.IsHex, 40, 40),
            new ProviderDetector("gitlab", new[] { "GR1348941" }, WordDash, 20, 20),
            new ProviderDetector("npm", new[] { "npm_" }, Alnum, 36, 36),
            new ProviderDetector("1password", new[] { "ops_eyJ" }, c => SecretText.IsBase64(c) || c == '_' || c == '-', 100, 2000),

            // Fly.io, Sourcegraph, Square, Linear, Groq, Docker Hub, Atlassian, Vercel, Perplexity
            new ProviderDetector("flyio", new[] { "fo1_" }, WordDash, 43, 43),
            new ProviderDetector("sourcegraph", new[] { "sgp_" }, Word, 40, 80),
            new ProviderDetector("square", new[] { "EAAA" }, WordDash, 60, 60),
            new ProviderDetector("square", new[] { "sq0atp-" }, WordDash, 22, 22),
            new ProviderDetector("square", new[] { "sq0csp-" }, WordDash, 43, 43),
            new ProviderDetector("linear", new[] { "lin_api_" }, Alnum, 40, 48),
            new ProviderDetector("groq", new[] { "gsk_" }, Alnum, 52, 52),
            new ProviderDetector("docker", new[] { "dckr_pat_" }, WordDash, 27, 40),
            new ProviderDetector("atlassian", new[] { "ATATT3" }, c => WordDash(c) || c == '=', 150, 300),
            new ProviderDetector("vercel", new[] { "vca_", "vcp_", "vci_", "vcr_", "vck_" }, Alnum, 40, 80),
            new ProviderDetector("perplexity", new[] { "pplx-" }, Alnum, 48, 48),
        };

        private static readonly Dictionary<char, List<(string Prefix, ProviderDetector Detector)>> ByFirstChar = Index();

        private static Dictionary<char, List<(string, ProviderDetector)>> Index()
        {
            var map = new Dictionary<char, List<(string, ProviderDetector)>>();
            foreach (var d in All)
            {
                foreach (var p in d.Prefixes)
                {
                    if (!map.TryGetValue(p[0], out var list))
                    {
                        map[p[0]] = list = new List<(string, ProviderDetector)>();
                    }
                    list.Add((p, d));
                }
            }
            return map;
        }

        /// <summary>Cheap first check: can a provider token start with this character?</summary>
        public static bool IsPrefixStart(char c) => c < 128 && FirstChars[c];

        private static readonly bool[] FirstChars = BuildFirstChars();

        /// <summary>
        /// Do some prefix's first three characters read <paramref name="c0"/><paramref name="c1"/><paramref name="c2"/>?
        /// Slack webhook URLs are left out: the prefilter finds them at their "://".
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsFirstThree(char c0, char c1, char c2)
        {
            if (c0 >= 128 || c1 >= 128 || c2 >= 128)
            {
                return false;
            }
            var slot = ThirdSlots[c0 * 128 + c1];
            return slot != 0 && (ThirdMasks[slot * 2 + (c2 >> 6)] & (1UL << (c2 & 63))) != 0;
        }

        /// <summary>For each first-two-character pair, 0 or a slot into <see cref="ThirdMasks"/> (128 bits of allowed third characters).</summary>
        private static readonly byte[] ThirdSlots = new byte[128 * 128];

        private static readonly ulong[] ThirdMasks = BuildThirdMasks();

        private static ulong[] BuildThirdMasks()
        {
            var masks = new List<ulong> { 0, 0 };
            foreach (var d in All)
            {
                foreach (var p in d.Prefixes)
                {
                    if (p.IndexOf("://", StringComparison.Ordinal) >= 0)
                    {
                        continue;
                    }
                    var pair = p[0] * 128 + p[1];
                    if (ThirdSlots[pair] == 0)
                    {
                        ThirdSlots[pair] = checked((byte)(masks.Count / 2));
                        masks.Add(0);
                        masks.Add(0);
                    }
                    masks[ThirdSlots[pair] * 2 + (p[2] >> 6)] |= 1UL << (p[2] & 63);
                }
            }
            return masks.ToArray();
        }

        /// <summary>The first two characters of every prefix, as a 128×128 table: rejects most word starts at once.</summary>
        private static readonly bool[] FirstTwo = BuildFirstTwo();

        private static readonly List<(string, ProviderDetector)>?[] ByFirstCharArray = BuildArray();

        private static bool[] BuildFirstChars()
        {
            var a = new bool[128];
            foreach (var d in All)
            {
                foreach (var p in d.Prefixes)
                {
                    a[p[0]] = true;
                }
            }
            return a;
        }

        private static bool[] BuildFirstTwo()
        {
            var a = new bool[128 * 128];
            foreach (var d in All)
            {
                foreach (var p in d.Prefixes)
                {
                    a[p[0] * 128 + p[1]] = true;
                }
            }
            return a;
        }

        private static List<(string, ProviderDetector)>?[] BuildArray()
        {
            var a = new List<(string, ProviderDetector)>?[128];
            foreach (var pair in ByFirstChar)
            {
                a[pair.Key] = pair.Value;
            }
            return a;
        }

        /// <summary>Tries every provider whose prefix starts at <paramref name="start"/>.</summary>
        public static bool TryMatch(ScanText s, int start, int end, out ProviderDetector? detector, out int length)
        {
            detector = null;
            length = 0;
            var c0 = s[start];
            if (c0 >= 128 || start + 1 >= end)
            {
                return false;
            }
            var c1 = s[start + 1];
            if (c1 >= 128 || !FirstTwo[c0 * 128 + c1])
            {
                return false;
            }
            var list = ByFirstCharArray[c0];
            if (list == null)
            {
                return false;
            }
            foreach (var (prefix, d) in list)
            {
                if (end - start < prefix.Length || !SecretText.StartsWithAt(s, start, prefix))
                {
                    continue;
                }
                var n = d.Match(s, start, end, prefix);
                if (n > 0)
                {
                    detector = d;
                    length = n;
                    return true;
                }
            }
            return false;
        }

        /// <summary>True when the text starts with a provider prefix that carries structure (at least 4 characters, e.g. ghp_, xoxb-, AKIA).</summary>
        public static bool HasKnownPrefix(ScanText s, int start, int length)
        {
            if (!ByFirstChar.TryGetValue(s[start], out var list))
            {
                return false;
            }
            foreach (var (prefix, _) in list)
            {
                if (prefix.Length >= 4 && length > prefix.Length && SecretText.SameAt(s, start, prefix, prefix.Length))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool EndsWith(ScanText s, int end, string suffix) =>
            end >= suffix.Length && SecretText.SameAt(s, end - suffix.Length, suffix, suffix.Length);

        private static int IndexOf(ScanText s, int start, int end, string value)
        {
            var i = s.IndexOf(value, start, end - start, StringComparison.Ordinal);
            return i;
        }

        private static bool ValidateJwt(ScanText s, int t, int b, int e)
        {
            var dot1 = s.IndexOf('.', t, e - t);
            if (dot1 < 0)
            {
                return false;
            }
            var dot2 = s.IndexOf('.', dot1 + 1, e - dot1 - 1);
            if (dot2 < 0 || s.IndexOf('.', dot2 + 1, e - dot2 - 1) >= 0)
            {
                return false;
            }
            if (dot1 - t < 10 || dot2 - dot1 - 1 < 4 || !SecretText.SameAt(s, dot1 + 1, "eyJ", 3))
            {
                return false;
            }
            return Checksums.DecodesToJsonObject(s, t, dot1 - t, "alg")
                && Checksums.DecodesToJsonObject(s, dot1 + 1, dot2 - dot1 - 1);
        }

        private static bool ValidateGitHubJwtToken(ScanText s, int t, int b, int e)
        {
            var i = b;
            while (i < e && SecretText.IsDigit(s[i]))
            {
                i++;
            }
            if (i == b || i >= e || s[i] != '_' || i + 1 >= e)
            {
                return false;
            }
            return ValidateJwt(s, i + 1, i + 1, e);
        }

        private static bool ValidateSlack(ScanText s, int t, int b, int e)
        {
            // first segment: a numeric team/user id; last segment: the random part
            var i = b;
            while (i < e && SecretText.IsDigit(s[i]))
            {
                i++;
            }
            if (i - b < 8 || i >= e || s[i] != '-')
            {
                return false;
            }
            var lastDash = s.LastIndexOf('-', e - 1, e - b);
            var last = e - lastDash - 1;
            return last >= 10 && SecretText.HasLetter(s, lastDash + 1, last) && e - b >= 30;
        }

        private static bool ValidateSlackApp(ScanText s, int t, int b, int e) =>
            SecretText.IsDigit(s[b]) && s[b + 1] == '-' && s.LastIndexOf('-', e - 1, e - b) - b > 10;

        private static bool ValidateSlackWebhook(ScanText s, int t, int b, int e)
        {
            var parts = s.Substring(b, e - b).Split('/');
            return parts.Length == 3 && parts[0].Length >= 8 && parts[0][0] == 'T' && parts[1].Length >= 8 && parts[1][0] == 'B' && parts[2].Length >= 20;
        }
    }
}
