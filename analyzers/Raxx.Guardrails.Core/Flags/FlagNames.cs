using System;
using System.Collections.Generic;
using System.Text;

namespace Raxx.Guardrails.Core.Flags
{
    /// <summary>Naming conventions of flags and flags files, and near-miss matching.</summary>
    public static class FlagNames
    {
        /// <summary>Prefix of the environment variable that overrides a flag's default.</summary>
        public const string EnvPrefix = "FLAG_";

        /// <summary>File names searched for the canonical flags file, in order.</summary>
        public static IReadOnlyList<string> DefaultFileNames { get; } = new[] { "feature_flags.yaml", "feature-flags.yaml", "flags.yaml" };

        /// <summary>
        /// The default env name of a flag: <c>FLAG_</c> + the name in UPPER_SNAKE case
        /// (<c>webauthn_registration</c> → <c>FLAG_WEBAUTHN_REGISTRATION</c>, <c>consoleNavV2</c> →
        /// <c>FLAG_CONSOLE_NAV_V2</c>). A name that already starts with <c>flag_</c> is not prefixed twice.
        /// </summary>
        public static string DefaultEnvName(string name)
        {
            var snake = ToUpperSnake(name ?? string.Empty);
            return snake.StartsWith(EnvPrefix, StringComparison.Ordinal) ? snake : EnvPrefix + snake;
        }

        public static string ToUpperSnake(string name)
        {
            var sb = new StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c == '-' || c == '.' || c == ' ' || c == ':' || c == '/')
                {
                    c = '_';
                }
                if (i > 0 && char.IsUpper(c))
                {
                    var prev = name[i - 1];
                    var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && nextIsLower))
                    {
                        if (sb.Length > 0 && sb[sb.Length - 1] != '_')
                        {
                            sb.Append('_');
                        }
                    }
                }
                sb.Append(char.ToUpperInvariant(c));
            }
            return sb.ToString();
        }

        /// <summary>True when a string looks like a flag env name (<c>FLAG_X</c>).</summary>
        public static bool IsEnvStyleName(string? value) =>
            value != null && value.Length > EnvPrefix.Length && value.StartsWith(EnvPrefix, StringComparison.Ordinal) && IsUpperSnake(value);

        private static bool IsUpperSnake(string value)
        {
            foreach (var c in value)
            {
                if (!(c == '_' || char.IsDigit(c) || (c >= 'A' && c <= 'Z')))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// True when a path's file name looks like a flags file: <c>*flags*.yaml</c>/<c>*.yml</c>, or
        /// <c>*feature*flags*.json</c> (any case).
        /// </summary>
        public static bool LooksLikeFlagsFile(string? path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return false;
            }
            var name = FileName(path!).ToLowerInvariant();
            if ((name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)) && name.Contains("flags"))
            {
                return true;
            }
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                var feature = name.IndexOf("feature", StringComparison.Ordinal);
                return feature >= 0 && name.IndexOf("flags", feature, StringComparison.Ordinal) > feature;
            }
            return false;
        }

        /// <summary>The last segment of a path written with / or \.</summary>
        public static string FileName(string path)
        {
            var i = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return i >= 0 ? path.Substring(i + 1) : path;
        }

        /// <summary>Levenshtein distance, case-insensitive.</summary>
        public static int EditDistance(string a, string b)
        {
            a = a.ToLowerInvariant();
            b = b.ToLowerInvariant();
            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                prev[j] = j;
            }
            for (var i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                var t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.Length];
        }

        /// <summary>The largest edit distance still offered as "did you mean" for a name of this length.</summary>
        public static int MaxSuggestionDistance(int length) => length <= 4 ? 1 : length <= 10 ? 2 : 3;
    }
}
