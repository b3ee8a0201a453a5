using System;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The credential engine scans a span on .NET and a string on netstandard2.0 with the same code: the span members it
/// calls (ScanTextMembers, SecretText.SameAt/SameIgnoreCaseAt) must answer what string's members answer, for every
/// start and count string accepts. Exhaustive over small texts of the characters the engine cares about.
/// </summary>
public sealed class ScanTextMembersTests
{
    private static readonly string[] Texts = { "", "a", "\n", "ab\nA:b\r\n", "key=KEY\rkey", "::\n\nab:ab", "xKeYx key= keyk" };
    private static readonly string[] Needles = { "a", "ab", "key", "KEY", ":", "\n", "", "keyk", "zz" };

    [Fact]
    public void CharSearches_AnswerAsStringDoes()
    {
        foreach (var s in Texts)
        {
            foreach (var c in new[] { 'a', '\n', ':', 'k', 'z' })
            {
                for (var start = 0; start <= s.Length; start++)
                {
                    Same(() => s.IndexOf(c, start), () => s.AsSpan().IndexOf(c, start), s, $"IndexOf({c}, {start})");
                    Same(() => s.LastIndexOf(c, start), () => s.AsSpan().LastIndexOf(c, start), s, $"LastIndexOf({c}, {start})");
                    Same(() => s.IndexOfAny(new[] { c, '\r' }, start), () => s.AsSpan().IndexOfAny(new[] { c, '\r' }, start), s, $"IndexOfAny({c}, {start})");
                    for (var count = 0; count <= s.Length; count++)
                    {
                        Same(() => s.IndexOf(c, start, count), () => s.AsSpan().IndexOf(c, start, count), s, $"IndexOf({c}, {start}, {count})");
                        Same(() => s.LastIndexOf(c, start, count), () => s.AsSpan().LastIndexOf(c, start, count), s, $"LastIndexOf({c}, {start}, {count})");
                        Same(() => s.IndexOfAny(new[] { c, '\r' }, start, count), () => s.AsSpan().IndexOfAny(new[] { c, '\r' }, start, count), s, $"IndexOfAny({c}, {start}, {count})");
                    }
                }
            }
        }
    }

    [Fact]
    public void StringSearchesAndComparisons_AnswerAsStringDoes()
    {
        foreach (var s in Texts)
        {
            foreach (var n in Needles)
            {
                foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
                {
                    for (var start = 0; start <= s.Length; start++)
                    {
                        Same(() => s.IndexOf(n, start, comparison), () => s.AsSpan().IndexOf(n, start, comparison), s, $"IndexOf({n}, {start}, {comparison})");
                        for (var count = 0; count <= s.Length; count++)
                        {
                            Same(() => s.IndexOf(n, start, count, comparison), () => s.AsSpan().IndexOf(n, start, count, comparison), s, $"IndexOf({n}, {start}, {count}, {comparison})");
                            Same(() => s.LastIndexOf(n, start, count, comparison), () => s.AsSpan().LastIndexOf(n, start, count, comparison), s, $"LastIndexOf({n}, {start}, {count}, {comparison})");
                        }
                    }
                }
                for (var index = 0; index <= s.Length; index++)
                {
                    for (var length = 0; length <= n.Length + 1; length++)
                    {
                        Same(() => string.CompareOrdinal(s, index, n, 0, length) == 0, () => SecretText.SameAt(s.AsSpan(), index, n, length), s, $"SameAt({index}, {n}, {length})");
                        Same(() => string.Compare(s, index, n, 0, length, StringComparison.OrdinalIgnoreCase) == 0, () => SecretText.SameIgnoreCaseAt(s.AsSpan(), index, n, length), s, $"SameIgnoreCaseAt({index}, {n}, {length})");
                        for (var other = 0; other <= s.Length; other++)
                        {
                            Same(() => string.CompareOrdinal(s, index, s, other, length) == 0, () => SecretText.SameAt(s.AsSpan(), index, s.AsSpan(), other, length), s, $"SameAt({index}, self {other}, {length})");
                        }
                    }
                }
            }
            for (var start = 0; start <= s.Length; start++)
            {
                for (var length = 0; start + length <= s.Length; length++)
                {
                    Assert.Equal(s.Substring(start, length), s.AsSpan().Substring(start, length));
                }
                Assert.Equal(s.Substring(start), s.AsSpan().Substring(start));
            }
        }
    }

    /// <summary>Where string answers, the span answers the same; where string throws, so does the span or it says "not found".</summary>
    private static void Same<T>(Func<T> onString, SpanFunc<T> onSpan, string text, string call)
    {
        T expected;
        try
        {
            expected = onString();
        }
        catch (ArgumentOutOfRangeException)
        {
            return; // not a call the engine makes (it keeps to string's valid ranges)
        }
        object? actual;
        try
        {
            actual = onSpan();
        }
        catch (ArgumentOutOfRangeException)
        {
            actual = "ArgumentOutOfRangeException";
        }
        Assert.True(Equals(expected, actual), $"{call} on \"{text.Replace("\n", "\\n").Replace("\r", "\\r")}\": string says {expected}, span says {actual}");
    }

    private delegate T SpanFunc<T>();
}
