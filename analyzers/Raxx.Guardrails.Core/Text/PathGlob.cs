using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Raxx.Guardrails.Core.Text
{
    /// <summary>
    /// Path globs for include/exclude settings (gitignore-like): <c>*</c> matches within a segment,
    /// <c>**</c> across segments, <c>?</c> one character, <c>[abc]</c> a class. A glob without a
    /// slash matches a file name at any depth (<c>*.local.json</c>); paths use forward slashes.
    /// This is not the GitHub Actions filter-pattern syntax (see the deploy family for that).
    /// </summary>
    public sealed class PathGlob
    {
        private readonly Regex _regex;

        public PathGlob(string pattern)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new ArgumentException("empty glob", nameof(pattern));
            }
            Pattern = pattern.Trim();
            _regex = new Regex(ToRegex(Pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }

        public string Pattern { get; }

        public bool IsMatch(string relativePath)
        {
            var path = relativePath.Replace('\\', '/').TrimStart('/');
            return _regex.IsMatch(path);
        }

        private static string ToRegex(string pattern)
        {
            var p = pattern.Replace('\\', '/');
            var anchored = p.StartsWith("/", StringComparison.Ordinal);
            p = p.TrimStart('/');
            var directoryOnly = p.EndsWith("/", StringComparison.Ordinal);
            if (directoryOnly)
            {
                p = p + "**";
            }

            var sb = new StringBuilder("^");
            if (!anchored && p.IndexOf('/') < 0)
            {
                sb.Append("(?:.*/)?");
            }

            for (var i = 0; i < p.Length; i++)
            {
                var c = p[i];
                if (c == '*')
                {
                    if (i + 1 < p.Length && p[i + 1] == '*')
                    {
                        i++;
                        if (i + 1 < p.Length && p[i + 1] == '/')
                        {
                            i++;
                            sb.Append("(?:.*/)?");
                        }
                        else
                        {
                            sb.Append(".*");
                        }
                    }
                    else
                    {
                        sb.Append("[^/]*");
                    }
                }
                else if (c == '?')
                {
                    sb.Append("[^/]");
                }
                else if (c == '[')
                {
                    var close = i + 2 < p.Length ? p.IndexOf(']', i + 2) : -1;
                    var cls = close < 0 ? null : CharacterClass(p.Substring(i + 1, close - i - 1));
                    if (cls == null)
                    {
                        sb.Append("\\[");
                    }
                    else
                    {
                        sb.Append(cls);
                        i = close;
                    }
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
            }

            // "dir/**" style globs and plain directory names match everything below them.
            sb.Append("(?:/.*)?$");
            return sb.ToString();
        }

        /// <summary>
        /// A regex class for a glob class body (<c>abc</c>, <c>a-z</c>, <c>!a-z</c> negated); every
        /// character escaped, reversed ranges rejected (null: the bracket is then a literal).
        /// </summary>
        private static string? CharacterClass(string body)
        {
            var negated = body.StartsWith("!", StringComparison.Ordinal) || body.StartsWith("^", StringComparison.Ordinal);
            if (negated)
            {
                body = body.Substring(1);
            }
            if (body.Length == 0)
            {
                return null;
            }

            var sb = new StringBuilder(negated ? "[^/" : "[");
            for (var i = 0; i < body.Length; i++)
            {
                if (i + 2 < body.Length && body[i + 1] == '-')
                {
                    if (body[i] > body[i + 2])
                    {
                        return null;
                    }
                    sb.Append(Escape(body[i])).Append('-').Append(Escape(body[i + 2]));
                    i += 2;
                }
                else
                {
                    sb.Append(Escape(body[i]));
                }
            }
            return sb.Append(']').ToString();
        }

        private static string Escape(char c) => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

        public override string ToString() => Pattern;
    }
}
