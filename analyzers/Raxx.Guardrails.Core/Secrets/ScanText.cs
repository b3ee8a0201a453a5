// The text the credential engine scans. On .NET a read-only span of characters, so a host can scan text decoded into a
// reused buffer (RAXX402 reads every repository file: one string per file meant allocating, zeroing and collecting
// twice the tree's size, and scanning memory that was never in cache; docs/notes/secrets.md, "Scanning a reused
// buffer"). On netstandard2.0 (analyzer and MSBuild hosts) a string, as before. The engine's code is the same for
// both: string's members it uses exist for the span as the extension methods below, and comparisons at an offset go
// through SecretText.SameAt/SameIgnoreCaseAt.
#if NET8_0_OR_GREATER
global using ScanText = System.ReadOnlySpan<char>;

using System;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>String's searches, with its start/count semantics, over a span (what the engine calls on its text).</summary>
    internal static class ScanTextMembers
    {
        public static int IndexOf(this ReadOnlySpan<char> s, char value, int startIndex)
        {
            var i = s.Slice(startIndex).IndexOf(value);
            return i < 0 ? -1 : i + startIndex;
        }

        public static int IndexOf(this ReadOnlySpan<char> s, char value, int startIndex, int count)
        {
            var i = s.Slice(startIndex, count).IndexOf(value);
            return i < 0 ? -1 : i + startIndex;
        }

        public static int IndexOf(this ReadOnlySpan<char> s, string value, int startIndex, StringComparison comparison)
        {
            var i = s.Slice(startIndex).IndexOf(value.AsSpan(), comparison);
            return i < 0 ? -1 : i + startIndex;
        }

        public static int IndexOf(this ReadOnlySpan<char> s, string value, int startIndex, int count, StringComparison comparison)
        {
            var i = s.Slice(startIndex, count).IndexOf(value.AsSpan(), comparison);
            return i < 0 ? -1 : i + startIndex;
        }

        public static int IndexOfAny(this ReadOnlySpan<char> s, char[] anyOf, int startIndex)
        {
            var i = s.Slice(startIndex).IndexOfAny(anyOf);
            return i < 0 ? -1 : i + startIndex;
        }

        public static int IndexOfAny(this ReadOnlySpan<char> s, char[] anyOf, int startIndex, int count)
        {
            var i = s.Slice(startIndex, count).IndexOfAny(anyOf);
            return i < 0 ? -1 : i + startIndex;
        }

        /// <summary>string.LastIndexOf(value, startIndex): searched backward from <paramref name="startIndex"/> (inclusive).</summary>
        public static int LastIndexOf(this ReadOnlySpan<char> s, char value, int startIndex) =>
            s.Length == 0 ? -1 : s.Slice(0, startIndex + 1).LastIndexOf(value);

        /// <summary>string.LastIndexOf(value, startIndex, count): the <paramref name="count"/> characters ending at <paramref name="startIndex"/>.</summary>
        public static int LastIndexOf(this ReadOnlySpan<char> s, char value, int startIndex, int count)
        {
            if (s.Length == 0)
            {
                return -1;
            }
            var from = startIndex - count + 1;
            var i = s.Slice(from, count).LastIndexOf(value);
            return i < 0 ? -1 : i + from;
        }

        /// <summary>string.LastIndexOf(value, startIndex, count, comparison): a match within the <paramref name="count"/> characters ending at <paramref name="startIndex"/>.</summary>
        public static int LastIndexOf(this ReadOnlySpan<char> s, string value, int startIndex, int count, StringComparison comparison)
        {
            if (s.Length == 0)
            {
                return value.Length == 0 ? 0 : -1; // string's answer for an empty text
            }
            if (startIndex == s.Length && startIndex > 0)
            {
                // string's rule: a start at the length is taken as the last character
                startIndex--;
                if (count > 0)
                {
                    count--;
                }
            }
            var from = startIndex - count + 1;
            var i = s.Slice(from, count).LastIndexOf(value.AsSpan(), comparison);
            return i < 0 ? -1 : i + from;
        }

        public static ReadOnlySpan<char> AsSpan(this ReadOnlySpan<char> s) => s;

        public static ReadOnlySpan<char> AsSpan(this ReadOnlySpan<char> s, int start) => s.Slice(start);

        public static ReadOnlySpan<char> AsSpan(this ReadOnlySpan<char> s, int start, int length) => s.Slice(start, length);

        public static string Substring(this ReadOnlySpan<char> s, int startIndex, int length) => s.Slice(startIndex, length).ToString();

        public static string Substring(this ReadOnlySpan<char> s, int startIndex) => s.Slice(startIndex).ToString();
    }
}
#else
global using ScanText = System.String;
#endif
