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
                    var close = p.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                    }
                    else
                    {
                        var body = p.Substring(i + 1, close - i - 1);
                        if (body.StartsWith("!", StringComparison.Ordinal))
                        {
                            body = "^" + body.Substring(1);
                        }
                        sb.Append('[').Append(body.Replace("\\", "\\\\")).Append(']');
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

        public override string ToString() => Pattern;
    }
}
