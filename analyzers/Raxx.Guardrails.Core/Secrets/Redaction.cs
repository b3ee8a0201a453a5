using System;
using System.Security.Cryptography;
using System.Text;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// The only way a secret is shown: at most its first 4 characters and its length. Every host
    /// (analyzer messages, SARIF, console, annotations, logs) prints this form, never the value.
    /// </summary>
    public static class Redaction
    {
        /// <summary>"ghp_…(40 chars)". Short values show fewer characters (2 below 16 chars, none below 8).</summary>
        public static string Redact(string? secret)
        {
            if (string.IsNullOrEmpty(secret))
            {
                return "…(0 chars)";
            }

            var s = secret!;
            var shown = s.Length >= 16 ? 4 : s.Length >= 8 ? 2 : 0;
            var prefix = new StringBuilder(shown);
            for (var i = 0; i < shown; i++)
            {
                var c = s[i];
                prefix.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? '?' : c);
            }
            return "'" + prefix + "…' (" + s.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)";
        }

#if NET9_0_OR_GREATER
        [ThreadStatic]
        private static IncrementalHash? _sha;

        private static readonly byte[] FingerprintPrefix = Encoding.UTF8.GetBytes("raxx-credential:");
#endif

        /// <summary>A one-way fingerprint of a secret (32 hex chars of SHA-256 over a fixed prefix + value).</summary>
        public static string Fingerprint(string secret)
        {
            if (secret == null)
            {
                throw new ArgumentNullException(nameof(secret));
            }

#if NET9_0_OR_GREATER
            // one hash object per thread, reset by each digest: the one-shot SHA256.HashData sets up an OpenSSL context on
            // every call, a third of the engine's time on the lines that hold a finding (perf, bench tree); no string or
            // array per call
            var sha = _sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(FingerprintPrefix);
            var max = Encoding.UTF8.GetMaxByteCount(secret.Length);
            byte[]? rented = null;
            var bytes = max <= 512 ? stackalloc byte[512] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
            sha.AppendData(bytes.Slice(0, Encoding.UTF8.GetBytes(secret, bytes)));
            if (rented != null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
            Span<byte> digest = stackalloc byte[32];
            sha.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest.Slice(0, 16));
#else
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes("raxx-credential:" + secret));
                var sb = new StringBuilder(32);
                for (var i = 0; i < 16; i++)
                {
                    sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
                return sb.ToString();
            }
#endif
        }
    }
}
