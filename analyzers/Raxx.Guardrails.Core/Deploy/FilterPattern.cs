using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>What a filter pattern is matched against: a ref name (branches/tags) or a file path (paths).</summary>
    public enum FilterPatternKind
    {
        /// <summary><c>branches</c>, <c>tags</c> and their <c>-ignore</c> forms: matched against the short ref name.</summary>
        Ref,

        /// <summary><c>paths</c> and <c>paths-ignore</c>: matched against repository-relative file paths.</summary>
        Path,
    }

    /// <summary>
    /// One GitHub Actions filter pattern, compiled as GitHub documents the syntax
    /// (workflow-syntax "Filter pattern cheat sheet"):
    /// <list type="bullet">
    /// <item><c>*</c> matches zero or more characters but not <c>/</c>;</item>
    /// <item><c>**</c> matches zero or more of any character; <c>**/</c> also matches no directory at all;</item>
    /// <item><c>?</c> makes the preceding character (or <c>[...]</c>) optional, <c>+</c> repeats it one or more times;</item>
    /// <item><c>[...]</c> matches one character listed or in an <c>a-z</c>, <c>A-Z</c>, <c>0-9</c> range;</item>
    /// <item><c>!</c> as the first character negates the pattern (evaluated in list order);</item>
    /// <item><c>\</c> escapes the next character.</item>
    /// </list>
    /// Matching is case-sensitive and anchored at both ends.
    /// </summary>
    public sealed class FilterPattern
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
        private readonly Regex _regex;

        private FilterPattern(string text, bool negated, string body, Regex regex)
        {
            Text = text;
            IsNegated = negated;
            Body = body;
            _regex = regex;
        }

        /// <summary>The pattern as written.</summary>
        public string Text { get; }

        /// <summary>True when the pattern starts with <c>!</c>.</summary>
        public bool IsNegated { get; }

        /// <summary>The pattern without its leading <c>!</c>.</summary>
        public string Body { get; }

        /// <summary>The .NET regular expression the pattern compiles to (for diagnostics and tests).</summary>
        public string RegexText => _regex.ToString();

        /// <summary>
        /// The literal text every match starts with (up to the first wildcard, class or escape-free
        /// special character; a character made optional by <c>?</c> is not part of it).
        /// </summary>
        public string LiteralPrefix
        {
            get
            {
                var sb = new StringBuilder();
                var body = Body;
                for (var i = 0; i < body.Length; i++)
                {
                    var c = body[i];
                    char literal;
                    var width = 1;
                    if (c == '\\' && i + 1 < body.Length)
                    {
                        literal = body[i + 1];
                        width = 2;
                    }
                    else if (c == '*' || c == '?' || c == '+' || c == '[')
                    {
                        break;
                    }
                    else
                    {
                        literal = c;
                    }

                    var next = i + width < body.Length ? body[i + width] : '\0';
                    if (next == '?')
                    {
                        break;
                    }
                    sb.Append(literal);
                    if (next == '+')
                    {
                        break;
                    }
                    i += width - 1;
                }
                return sb.ToString();
            }
        }

        /// <summary>True when the name matches the pattern's body (negation is applied by <see cref="FilterList"/>).</summary>
        public bool IsMatch(string input)
        {
            if (input == null)
            {
                return false;
            }
            try
            {
                return _regex.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>
        /// Compiles a pattern. Returns null when the pattern is invalid (<see cref="FilterPatternValidator"/>
        /// says why); an invalid pattern never matches anything.
        /// </summary>
        public static FilterPattern? TryCompile(string? text, FilterPatternKind kind = FilterPatternKind.Ref)
        {
            if (text == null || FilterPatternValidator.Validate(text, kind).Count > 0)
            {
                return null;
            }
            return CompileUnchecked(text);
        }

        /// <summary>Compiles without validating (lenient: what the matcher would do with a questionable pattern).</summary>
        internal static FilterPattern CompileUnchecked(string text)
        {
            var negated = text.Length > 0 && text[0] == '!';
            var body = negated ? text.Substring(1) : text;
            var regex = new StringBuilder("^");
            var i = 0;
            string? lastWildcard = null;
            while (i < body.Length)
            {
                var c = body[i];
                var lengthBefore = regex.Length;
                switch (c)
                {
                    case '*':
                        string wildcard;
                        if (i + 1 < body.Length && body[i + 1] == '*')
                        {
                            if (i + 2 < body.Length && body[i + 2] == '/')
                            {
                                wildcard = "(?:.+/)?";
                                i += 3;
                            }
                            else
                            {
                                wildcard = ".*";
                                i += 2;
                            }
                        }
                        else
                        {
                            wildcard = "[^/]*";
                            i++;
                        }
                        // a wildcard right after one that already covers it adds nothing but backtracking
                        // (found by the fuzzer: "**/**/**/…" made every match run into the timeout)
                        if (lastWildcard != ".*" && lastWildcard != wildcard)
                        {
                            regex.Append(wildcard);
                        }
                        lastWildcard = regex.Length == lengthBefore ? lastWildcard : wildcard;
                        continue;
                    case '?':
                    case '+':
                        // applies to the preceding atom, which is already a single group/char
                        regex.Append(c);
                        i++;
                        break;
                    case '[':
                        {
                            var close = body.IndexOf(']', i + 1);
                            if (close < 0)
                            {
                                regex.Append(Regex.Escape("["));
                                i++;
                                break;
                            }
                            var set = new StringBuilder("[");
                            for (var j = i + 1; j < close; j++)
                            {
                                var m = body[j];
                                if (m == '-' && j > i + 1 && j + 1 < close)
                                {
                                    set.Append('-');
                                }
                                else
                                {
                                    set.Append(EscapeInClass(m));
                                }
                            }
                            set.Append(']');
                            regex.Append(close == i + 1 ? "(?!)" : set.ToString());
                            i = close + 1;
                            break;
                        }
                    case '\\':
                        if (i + 1 < body.Length)
                        {
                            regex.Append("(?:").Append(Regex.Escape(body[i + 1].ToString())).Append(')');
                            i += 2;
                        }
                        else
                        {
                            regex.Append(Regex.Escape("\\"));
                            i++;
                        }
                        break;
                    default:
                        regex.Append("(?:").Append(Regex.Escape(c.ToString())).Append(')');
                        i++;
                        break;
                }
                lastWildcard = null;
            }
            regex.Append('$');
            Regex compiled;
            try
            {
                compiled = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);
            }
            catch (ArgumentException)
            {
                // an unvalidated pattern the validator would reject (e.g. a reversed range [z-a]): matches nothing
                compiled = new Regex("(?!)", RegexOptions.None, MatchTimeout);
            }
            return new FilterPattern(text, negated, body, compiled);
        }

        private static string EscapeInClass(char c) =>
            c == '\\' || c == ']' || c == '[' || c == '^' || c == '-' ? "\\" + c : c.ToString();

        public override string ToString() => Text;
    }

    /// <summary>
    /// An ordered list of filter patterns as it appears under <c>branches</c>/<c>tags</c>/<c>paths</c>
    /// or their <c>-ignore</c> forms.
    /// </summary>
    public sealed class FilterList
    {
        public FilterList(IEnumerable<string> patterns, FilterPatternKind kind = FilterPatternKind.Ref)
        {
            var list = new List<FilterPattern>();
            foreach (var p in patterns)
            {
                var compiled = FilterPattern.TryCompile(p, kind);
                if (compiled != null)
                {
                    list.Add(compiled);
                }
            }
            Patterns = list;
        }

        /// <summary>The valid patterns, in order (invalid ones are dropped: they match nothing).</summary>
        public IReadOnlyList<FilterPattern> Patterns { get; }

        /// <summary>
        /// Inclusion semantics (<c>branches</c>, <c>tags</c>, <c>paths</c>): patterns are evaluated in
        /// order, a matching positive pattern includes the name and a matching <c>!</c> pattern
        /// excludes it again; the last match wins. An empty list includes everything.
        /// </summary>
        public bool Includes(string name)
        {
            if (Patterns.Count == 0)
            {
                return true;
            }
            var included = false;
            foreach (var p in Patterns)
            {
                if (p.IsMatch(name))
                {
                    included = !p.IsNegated;
                }
            }
            return included;
        }

        /// <summary>Inclusion over several inputs (changed paths): runs when any input ends up included.</summary>
        public bool IncludesAny(IEnumerable<string> names)
        {
            if (Patterns.Count == 0)
            {
                return true;
            }
            foreach (var n in names)
            {
                if (Includes(n))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Ignore semantics (<c>branches-ignore</c>, <c>tags-ignore</c>, <c>paths-ignore</c>): a name
        /// is ignored when a positive pattern matches it. GitHub does not document <c>!</c> inside
        /// ignore lists; like nektos/act we treat a <c>!</c> pattern that does not match as ignoring
        /// the name (see TestData/conformance/github-actions/SOURCES.md). An empty list ignores nothing.
        /// </summary>
        public bool Ignores(string name)
        {
            foreach (var p in Patterns)
            {
                if (p.IsMatch(name) == !p.IsNegated)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Ignore semantics over several inputs: the event is skipped only when every input is ignored.</summary>
        public bool RunsForAny(IEnumerable<string> names)
        {
            if (Patterns.Count == 0)
            {
                return true;
            }
            foreach (var n in names)
            {
                if (!Ignores(n))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
