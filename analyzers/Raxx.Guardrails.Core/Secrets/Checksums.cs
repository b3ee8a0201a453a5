using System;
using System.Text;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>CRC32 (IEEE), base62 and lenient base64url decoding for format validation.</summary>
    internal static class Checksums
    {
        private static readonly uint[] Table = BuildTable();
        private const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                var c = i;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
                table[i] = c;
            }
            return table;
        }

        public static uint Crc32(ScanText s, int start, int length)
        {
            var crc = 0xFFFFFFFFu;
            for (var i = start; i < start + length; i++)
            {
                crc = Table[(crc ^ (byte)s[i]) & 0xFF] ^ (crc >> 8);
            }
            return crc ^ 0xFFFFFFFFu;
        }

        /// <summary>Base62 of a 32-bit value, left-padded with '0' to <paramref name="width"/>.</summary>
        public static string Base62(uint value, int width)
        {
            var chars = new char[width];
            for (var i = width - 1; i >= 0; i--)
            {
                chars[i] = Base62Alphabet[(int)(value % 62)];
                value /= 62;
            }
            return new string(chars);
        }

        /// <summary>
        /// GitHub token checksum: the last 6 characters are the base62 CRC32 of the 30 random
        /// characters before them (ghp_/gho_/ghu_/ghs_/ghr_ + 30 + 6).
        /// </summary>
        public static bool IsValidGitHubChecksum(ScanText s, int bodyStart)
        {
            var crc = Crc32(s, bodyStart, 30);
            var expected = Base62(crc, 6);
            return SecretText.SameAt(s, bodyStart + 30, expected, 6);
        }

        /// <summary>Decodes base64url or base64 (padding optional, a dangling char ignored); null on invalid characters.</summary>
        public static byte[]? DecodeBase64Lenient(ScanText s, int start, int length)
        {
            var sb = new StringBuilder(length + 3);
            for (var i = start; i < start + length; i++)
            {
                var c = s[i];
                if (c == '=')
                {
                    break;
                }
                if (c == '-')
                {
                    c = '+';
                }
                else if (c == '_')
                {
                    c = '/';
                }
                if (!(SecretText.IsAlnum(c) || c == '+' || c == '/'))
                {
                    return null;
                }
                sb.Append(c);
            }
            if (sb.Length % 4 == 1)
            {
                sb.Length--;
            }
            while (sb.Length % 4 != 0)
            {
                sb.Append('=');
            }
            try
            {
                return Convert.FromBase64String(sb.ToString());
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>True when the base64url segment decodes to bytes that start like a JSON object.</summary>
        public static bool DecodesToJsonObject(ScanText s, int start, int length, string? requiredMember = null)
        {
            var bytes = DecodeBase64Lenient(s, start, length);
            if (bytes == null || bytes.Length < 2 || bytes[0] != (byte)'{')
            {
                return false;
            }
            var i = 1;
            while (i < bytes.Length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
            {
                i++;
            }
            if (i >= bytes.Length || (bytes[i] != (byte)'"' && bytes[i] != (byte)'}'))
            {
                return false;
            }
            if (requiredMember == null)
            {
                return true;
            }
            var text = Encoding.UTF8.GetString(bytes);
            return text.IndexOf("\"" + requiredMember + "\"", StringComparison.Ordinal) >= 0;
        }
    }
}
