using System;
using System.IO;
using System.Text;

namespace Raxx.Guardrails.Core.Text
{
    /// <summary>
    /// How every reader of repository and output files turns bytes into text (the repository rules, the RAXX403 output
    /// check, the CLI's report): UTF-16/32 through their byte order mark, UTF-8 without its BOM, binary (a NUL in the
    /// first 8 K) refused.
    /// </summary>
    public static class TextDecoding
    {
        private const int BinaryProbe = 8192;
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>A UTF-16 (LE/BE) or UTF-32 (LE/BE) byte order mark: text whose bytes hold NULs (Windows editors write these).</summary>
        public static bool HasWideByteOrderMark(byte[] bytes, int count) =>
            count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            || count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF;

        /// <summary>The length of a UTF-8 byte order mark at the start (3), else 0.</summary>
        public static int Utf8ByteOrderMarkLength(byte[] bytes, int count) =>
            count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

        /// <summary>
        /// The text of the first <paramref name="count"/> bytes, or null for binary: a NUL in the first 8 K bytes of a file
        /// without a UTF-16/32 BOM (the BOM is looked at first: such text is full of NUL bytes), or in the first 8 K
        /// characters of one with it.
        /// </summary>
        public static string? Decode(byte[] bytes, int count)
        {
            if (HasWideByteOrderMark(bytes, count))
            {
                string text;
                using (var reader = new StreamReader(new MemoryStream(bytes, 0, count), Utf8, detectEncodingFromByteOrderMarks: true))
                {
                    text = reader.ReadToEnd();
                }
                return text.IndexOf('\0', 0, Math.Min(text.Length, BinaryProbe)) >= 0 ? null : text;
            }
#if NET8_0_OR_GREATER
            if (bytes.AsSpan(0, Math.Min(count, BinaryProbe)).IndexOf((byte)0) >= 0)
            {
                return null;
            }
#else
            var probe = Math.Min(count, BinaryProbe);
            for (var i = 0; i < probe; i++)
            {
                if (bytes[i] == 0)
                {
                    return null;
                }
            }
#endif
            var bom = Utf8ByteOrderMarkLength(bytes, count);
            return Utf8.GetString(bytes, bom, count - bom);
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// <see cref="Decode"/> into <paramref name="chars"/> (grown as needed; kept by the caller from file to file): the
        /// number of characters, or -1 for binary. Same text as <see cref="Decode"/>, character for character.
        /// </summary>
        public static int DecodeInto(byte[] bytes, int count, ref char[]? chars)
        {
            if (HasWideByteOrderMark(bytes, count))
            {
                // UTF-16/32 with a BOM (rare): through Decode's reader
                var text = Decode(bytes, count);
                if (text == null)
                {
                    return -1;
                }
                Reserve(ref chars, text.Length);
                text.CopyTo(0, chars!, 0, text.Length);
                return text.Length;
            }
            if (bytes.AsSpan(0, Math.Min(count, BinaryProbe)).IndexOf((byte)0) >= 0)
            {
                return -1;
            }
            var bom = Utf8ByteOrderMarkLength(bytes, count);
            // UTF-8 never decodes to more characters than it has bytes (an invalid byte becomes one U+FFFD)
            Reserve(ref chars, count - bom);
            return Utf8.GetChars(bytes.AsSpan(bom, count - bom), chars);
        }

        private static void Reserve(ref char[]? chars, int length)
        {
            if (chars == null || chars.Length < length)
            {
                chars = new char[Math.Max(length, Math.Max(64 * 1024, (chars?.Length ?? 0) * 2))];
            }
        }
#endif
    }
}
