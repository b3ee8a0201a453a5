using System;
using System.Runtime.CompilerServices;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>Cheap character-level helpers shared by the detectors (no regular expressions).</summary>
    internal static class SecretText
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        public static bool IsDigit(char c) => c >= '0' && c <= '9';
        public static bool IsUpper(char c) => c >= 'A' && c <= 'Z';
        public static bool IsLower(char c) => c >= 'a' && c <= 'z';
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsLowerHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        public static bool IsBase32(char c) => (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
        public static bool IsWord(char c) => IsAlnum(c) || c == '_';
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsWordDash(char c) => IsAlnum(c) || c == '_' || c == '-';
        public static bool IsBase64(char c) => IsAlnum(c) || c == '+' || c == '/' || c == '=';
        public static bool IsBase64Url(char c) => IsAlnum(c) || c == '-' || c == '_';

        /// <summary>
        /// Does <paramref name="s"/> hold <paramref name="prefix"/> at <paramref name="index"/> (ordinal)? A plain loop: the
        /// prefixes are short and most candidates differ in their first characters, where a general compare costs more.
        /// </summary>
        public static bool StartsWithAt(ScanText s, int index, string prefix)
        {
            if (index < 0 || s.Length - index < prefix.Length)
            {
                return false;
            }
            for (var k = 0; k < prefix.Length; k++)
            {
                if (s[index + k] != prefix[k])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// Does <paramref name="lower"/> (lower-case ASCII letters only) occur at <paramref name="index"/>, ASCII
        /// case-insensitive -- what <c>string.Compare(…, StringComparison.OrdinalIgnoreCase) == 0</c> says for such a
        /// pattern ((c | 0x20) equals a lower-case letter only for that letter and its upper case), without its call cost.
        /// </summary>
        /// <summary><see cref="EqualsLowerAt(ScanText, int, string)"/> within [<paramref name="index"/>, <paramref name="end"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool EqualsLowerAt(ScanText s, int index, int end, string lower) =>
            end - index >= lower.Length && EqualsLowerAt(s, index, lower);

        public static bool EqualsLowerAt(ScanText s, int index, string lower)
        {
            if (index < 0 || s.Length - index < lower.Length)
            {
                return false;
            }
            for (var k = 0; k < lower.Length; k++)
            {
                if ((s[index + k] | 0x20) != lower[k])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>No characters (or, for a string, null).</summary>
        public static bool IsEmpty(ScanText s)
#if NET8_0_OR_GREATER
            => s.IsEmpty;
#else
            => string.IsNullOrEmpty(s);
#endif

        /// <summary>
        /// <c>string.CompareOrdinal(a, indexA, b, 0, length) == 0</c>: the (at most) <paramref name="length"/> characters of
        /// <paramref name="a"/> from <paramref name="indexA"/> are those of <paramref name="b"/> from its start, cut the same.
        /// </summary>
        public static bool SameAt(ScanText a, int indexA, string b, int length) => SameAt(a, indexA, b.AsSpanOrString(), 0, length);

        /// <summary><c>string.CompareOrdinal(a, indexA, b, indexB, length) == 0</c> (false where it would throw).</summary>
        public static bool SameAt(ScanText a, int indexA, ScanText b, int indexB, int length)
        {
            if (indexA < 0 || indexB < 0 || indexA > a.Length || indexB > b.Length)
            {
                return false;
            }
#if NET8_0_OR_GREATER
            var la = Math.Min(length, a.Length - indexA);
            var lb = Math.Min(length, b.Length - indexB);
            return la == lb && a.Slice(indexA, la).SequenceEqual(b.Slice(indexB, lb));
#else
            return string.CompareOrdinal(a, indexA, b, indexB, length) == 0;
#endif
        }

        /// <summary><c>string.Compare(a, indexA, b, 0, length, StringComparison.OrdinalIgnoreCase) == 0</c> (false where it would throw).</summary>
        public static bool SameIgnoreCaseAt(ScanText a, int indexA, string b, int length)
        {
            if (indexA < 0 || indexA > a.Length)
            {
                return false;
            }
#if NET8_0_OR_GREATER
            var la = Math.Min(length, a.Length - indexA);
            var lb = Math.Min(length, b.Length);
            return la == lb && a.Slice(indexA, la).Equals(b.AsSpan(0, lb), StringComparison.OrdinalIgnoreCase);
#else
            return string.Compare(a, indexA, b, 0, length, StringComparison.OrdinalIgnoreCase) == 0;
#endif
        }

#if NET8_0_OR_GREATER
        private static ReadOnlySpan<char> AsSpanOrString(this string s) => s.AsSpan();
#else
        private static string AsSpanOrString(this string s) => s;
#endif

        /// <summary>A token may start here: the previous character cannot continue a token.</summary>
        [MethodImpl(HotPath.Options)]
        public static bool IsBoundaryBefore(ScanText s, int index)
        {
            if (index <= 0)
            {
                return true;
            }
            var p = s[index - 1];
            return !(IsAlnum(p) || p == '_' || p == '-' || p == '+' || p == '/' || p == '.' || p == '~');
        }

        [ThreadStatic]
        private static int[]? _counts;

        /// <summary>Shannon entropy in bits per character.</summary>
        public static double Entropy(ScanText s, int start, int length)
        {
            if (length <= 0)
            {
                return 0;
            }
            var counts = _counts ??= new int[128];
            Array.Clear(counts, 0, 128);
            var other = 0;
            for (var i = start; i < start + length; i++)
            {
                var c = s[i];
                if (c < 128)
                {
                    counts[c]++;
                }
                else
                {
                    other++;
                }
            }
            double h = 0;
            for (var i = 0; i < 128; i++)
            {
                var n = counts[i];
                if (n > 0)
                {
                    var p = (double)n / length;
                    h -= p * Math.Log(p, 2);
                }
            }
            if (other > 0)
            {
                var p = (double)other / length;
                h -= p * Math.Log(p, 2);
            }
            return h;
        }

        public static double Entropy(ScanText s) => Entropy(s, 0, s.Length);

        public static bool HasDigit(ScanText s, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                if (IsDigit(s[i]))
                {
                    return true;
                }
            }
            return false;
        }

        public static bool HasLetter(ScanText s, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                if (IsUpper(s[i]) || IsLower(s[i]))
                {
                    return true;
                }
            }
            return false;
        }

        public static bool All(ScanText s, int start, int length, Func<char, bool> predicate)
        {
            for (var i = start; i < start + length; i++)
            {
                if (!predicate(s[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>8-4-4-4-12 hex.</summary>
        public static bool IsUuid(ScanText s)
        {
            if (s.Length != 36)
            {
                return false;
            }
            for (var i = 0; i < 36; i++)
            {
                var dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? s[i] != '-' : !IsHex(s[i]))
                {
                    return false;
                }
            }
            return true;
        }

        public static bool ContainsIgnoreCase(ScanText s, string value) =>
            s.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
