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
#if NET8_0_OR_GREATER
            return Redact(secret!.AsSpan());
#else
            var s = secret!;
            var shown = s.Length >= 16 ? 4 : s.Length >= 8 ? 2 : 0;
            var prefix = new StringBuilder(shown);
            for (var i = 0; i < shown; i++)
            {
                var c = s[i];
                prefix.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? '?' : c);
            }
            return "'" + prefix + "…' (" + s.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)";
#endif
        }

#if NET8_0_OR_GREATER

        /// <summary>
        /// <see cref="Redact(string)"/> of the characters themselves: the engine redacts a value where it lies in the text,
        /// without making a string of the secret first (one string per finding: the redacted form).
        /// </summary>
        internal static string Redact(ReadOnlySpan<char> secret)
        {
            if (secret.Length == 0)
            {
                return "…(0 chars)";
            }
            var shown = secret.Length >= 16 ? 4 : secret.Length >= 8 ? 2 : 0;
            // "'" + shown characters + "…' (" + length + " chars)"
            Span<char> buffer = stackalloc char[32];
            var n = 0;
            buffer[n++] = '\'';
            for (var i = 0; i < shown; i++)
            {
                var c = secret[i];
                buffer[n++] = char.IsControl(c) || char.IsWhiteSpace(c) ? '?' : c;
            }
            buffer[n++] = '…';
            buffer[n++] = '\'';
            buffer[n++] = ' ';
            buffer[n++] = '(';
            n += WriteDecimal(secret.Length, buffer.Slice(n));
            foreach (var c in " chars)")
            {
                buffer[n++] = c;
            }
            return buffer.Slice(0, n).ToString();
        }

        private static int WriteDecimal(int value, Span<char> into)
        {
            var digits = 0;
            for (var v = value; v > 0 || digits == 0; v /= 10)
            {
                digits++;
            }
            for (var k = digits - 1; k >= 0; k--)
            {
                into[k] = (char)('0' + value % 10);
                value /= 10;
            }
            return digits;
        }
#endif

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
            return Fingerprint(secret.AsSpan());
        }

        /// <summary><see cref="Fingerprint(string)"/> of the characters where they lie (no string of the secret).</summary>
        internal static string Fingerprint(ReadOnlySpan<char> secret)
        {
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
