using System;
using System.Collections.Generic;
using System.Linq;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>Why a filter pattern is invalid.</summary>
    public enum FilterPatternErrorKind
    {
        Empty,
        NothingAfterNegation,
        QuantifierWithoutOperand,
        LineBreak,
        EmptyCharacterClass,
        UnclosedCharacterClass,
        RangeMissingEnd,
        RangeReversed,
        RangeOutsideAlphanumerics,
        SingleCharacterClass,
        InvalidEscape,
        RefLeadingSlash,
        RefTrailingSlashOrDot,
        RefInvalidCharacter,
        PathSurroundingWhitespace,
        PathDotSegment,
    }

    /// <summary>One problem of a filter pattern; <see cref="Column"/> is 1-based in the pattern text (0 = the whole pattern).</summary>
    public sealed class FilterPatternError
    {
        public FilterPatternError(FilterPatternErrorKind kind, int column, string message)
        {
            Kind = kind;
            Column = column;
            Message = message;
        }

        public FilterPatternErrorKind Kind { get; }
        public int Column { get; }
        public string Message { get; }

        public override string ToString() => Column > 0 ? $"column {Column}: {Message}" : Message;
    }

    /// <summary>
    /// Validates GitHub Actions filter patterns: the glob syntax GitHub documents, plus what a git
    /// ref name may contain (for <c>branches</c>/<c>tags</c>) or what a repository path may look like
    /// (for <c>paths</c>). A pattern with errors never matches what its author meant.
    /// </summary>
    public static class FilterPatternValidator
    {
        private const string RefInvalidCharacters = " \t~^:";

        public static IReadOnlyList<FilterPatternError> Validate(string pattern, FilterPatternKind kind)
        {
            var errors = new List<(int Order, FilterPatternError Error)>();
            void Add(int order, FilterPatternErrorKind k, int column, string message) =>
                errors.Add((order, new FilterPatternError(k, column, message)));

            if (pattern == null || pattern.Length == 0)
            {
                Add(0, FilterPatternErrorKind.Empty, 0, "the filter pattern is empty; an empty pattern matches nothing (remove it or write the name to match)");
                return errors.Select(e => e.Error).ToArray();
            }

            var offset = 0;
            var text = pattern;
            if (kind == FilterPatternKind.Path)
            {
                var trimmed = text.Trim();
                if (trimmed.Length != text.Length)
                {
                    Add(-1, FilterPatternErrorKind.PathSurroundingWhitespace, 1,
                        "leading or trailing whitespace in a path pattern is matched literally; remove it");
                    if (trimmed.Length == 0)
                    {
                        return errors.Select(e => e.Error).ToArray();
                    }
                    offset = text.IndexOf(trimmed, StringComparison.Ordinal);
                    text = trimmed;
                }
            }

            var bodyStart = 0;
            if (text[0] == '!')
            {
                bodyStart = 1;
                if (text.Length == 1)
                {
                    Add(0, FilterPatternErrorKind.NothingAfterNegation, offset + 1,
                        "at least one character must follow '!' (a lone '!' negates nothing)");
                    return errors.Select(e => e.Error).ToArray();
                }
            }

            if (kind == FilterPatternKind.Ref && text[bodyStart] == '/')
            {
                Add(bodyStart, FilterPatternErrorKind.RefLeadingSlash, offset + bodyStart + 1,
                    "a ref name never starts with '/': branches and tags are matched without 'refs/heads/' or 'refs/tags/' and without a leading slash");
            }

            var previousIsOperand = false;
            var lineBreakReported = false;
            var i = bodyStart;
            while (i < text.Length)
            {
                var c = text[i];
                var column = offset + i + 1;
                switch (c)
                {
                    case '\\':
                        if (i + 1 >= text.Length)
                        {
                            Add(i, FilterPatternErrorKind.InvalidEscape, column,
                                "a trailing '\\' escapes nothing; write '\\\\' for a literal backslash");
                            i++;
                            break;
                        }
                        var escaped = text[i + 1];
                        if ("[?+*\\!".IndexOf(escaped) < 0)
                        {
                            Add(i, FilterPatternErrorKind.InvalidEscape, column,
                                $"'\\' can only escape the special characters [, ?, +, *, \\ and !; '\\{escaped}' is not an escape (regular-expression classes like \\d are not supported)");
                        }
                        else if (kind == FilterPatternKind.Ref && (escaped == '[' || escaped == '?' || escaped == '*'))
                        {
                            Add(i + 1, FilterPatternErrorKind.RefInvalidCharacter, column + 1,
                                $"a git ref name cannot contain '{escaped}' (git forbids spaces, ~, ^, :, [, ? and * in ref names), so this pattern matches no branch or tag");
                        }
                        previousIsOperand = true;
                        i += 2;
                        break;
                    case '*':
                        previousIsOperand = false;
                        i += i + 1 < text.Length && text[i + 1] == '*' ? 2 : 1;
                        break;
                    case '?':
                    case '+':
                        if (!previousIsOperand)
                        {
                            var what = c == '?' ? "makes the preceding character optional" : "repeats the preceding character";
                            var before = i == bodyStart ? (bodyStart == 1 ? "'!'" : "the start of the pattern") : $"'{text[i - 1]}'";
                            Add(i, FilterPatternErrorKind.QuantifierWithoutOperand, column,
                                $"'{c}' {what}, but it follows {before}, which is a special character; escape it as '\\{c}' or put a character before it");
                        }
                        previousIsOperand = false;
                        i++;
                        break;
                    case '[':
                        i = ValidateClass(text, i, offset, Add);
                        previousIsOperand = true;
                        break;
                    case '\r':
                    case '\n':
                        if (!lineBreakReported)
                        {
                            lineBreakReported = true;
                            var shown = text.IndexOf('\n') >= 0 ? "'\\n'" : "'\\r'";
                            Add(i, FilterPatternErrorKind.LineBreak, 0,
                                $"a filter pattern cannot contain a newline ({shown}); was a block scalar (| or >) used instead of a list item?");
                        }
                        previousIsOperand = true;
                        i++;
                        break;
                    default:
                        if (kind == FilterPatternKind.Ref && RefInvalidCharacters.IndexOf(c) >= 0)
                        {
                            var name = c == ' ' ? "a space" : c == '\t' ? "a tab" : $"'{c}'";
                            Add(i, FilterPatternErrorKind.RefInvalidCharacter, column,
                                $"a git ref name cannot contain {name} (git forbids spaces, ~, ^, :, [, ? and * in ref names), so this pattern matches no branch or tag");
                        }
                        previousIsOperand = true;
                        i++;
                        break;
                }
            }

            if (kind == FilterPatternKind.Ref && text.Length > bodyStart)
            {
                var last = text[text.Length - 1];
                var escapedLast = text.Length >= 2 && text[text.Length - 2] == '\\';
                if ((last == '/' || last == '.') && !escapedLast)
                {
                    Add(text.Length, FilterPatternErrorKind.RefTrailingSlashOrDot, offset + text.Length,
                        $"a git ref name cannot end with '{last}', so this pattern matches no branch or tag");
                }
            }

            if (kind == FilterPatternKind.Path)
            {
                var body = text.Substring(bodyStart);
                foreach (var segment in body.Split('/'))
                {
                    if (segment == "." || segment == "..")
                    {
                        Add(text.Length, FilterPatternErrorKind.PathDotSegment, offset + bodyStart + 1,
                            $"'{segment}' segments are not allowed in a path pattern: paths are matched relative to the repository root without './' or '../'");
                        break;
                    }
                }
            }

            return errors.OrderBy(e => e.Order).Select(e => e.Error).ToArray();
        }

        private static int ValidateClass(string text, int open, int offset, Action<int, FilterPatternErrorKind, int, string> add)
        {
            var i = open + 1;
            if (i < text.Length && text[i] == ']')
            {
                add(i, FilterPatternErrorKind.EmptyCharacterClass, offset + i + 1,
                    "'[]' is an empty character class and matches nothing; list characters or a range such as [0-9]");
                return i + 1;
            }

            var members = 0;
            var hadRange = false;
            while (i < text.Length && text[i] != ']')
            {
                var c = text[i];
                if (c == '-' && i > open + 1 && i + 1 < text.Length)
                {
                    var start = text[i - 1];
                    var end = text[i + 1];
                    if (end == ']')
                    {
                        add(i + 1, FilterPatternErrorKind.RangeMissingEnd, offset + i + 2,
                            $"the range '{start}-' in '[...]' has no end character; write e.g. [{start}-z], or put '-' first to match it literally");
                        hadRange = true;
                        i += 1;
                        continue;
                    }
                    hadRange = true;
                    if (!SameRangeClass(start, end))
                    {
                        add(i + 1, FilterPatternErrorKind.RangeOutsideAlphanumerics, offset + i + 2,
                            $"the range '{start}-{end}' is not allowed: ranges can only span a-z, A-Z or 0-9");
                    }
                    else if (start > end)
                    {
                        add(i + 1, FilterPatternErrorKind.RangeReversed, offset + i + 2,
                            $"the range '{start}-{end}' is reversed: start of range '{start}' ({(int)start}) is larger than end of range '{end}' ({(int)end})");
                    }
                    i += 2;
                    continue;
                }
                members++;
                i++;
            }

            if (i >= text.Length)
            {
                add(text.Length - 1, FilterPatternErrorKind.UnclosedCharacterClass, offset + text.Length,
                    "'[' opens a character class that is never closed (missing ']'); escape it as '\\[' to match a literal bracket");
                return text.Length;
            }

            if (!hadRange && members == 1)
            {
                add(open, FilterPatternErrorKind.SingleCharacterClass, offset + open + 1,
                    $"'[{text[open + 1]}]' is a character class with a single character; write the character itself");
            }
            return i + 1;
        }

        private static bool SameRangeClass(char a, char b) =>
            (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z') ||
            (a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z') ||
            (a >= '0' && a <= '9' && b >= '0' && b <= '9');
    }
}
