using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Flags
{
    /// <summary>Where a copy of the flags file first departs from the canonical file.</summary>
    public sealed class FlagsDifference
    {
        public FlagsDifference(string description, int line, int column, string? flag)
        {
            Description = description;
            Line = Math.Max(1, line);
            Column = Math.Max(1, column);
            Flag = flag;
        }

        /// <summary>What differs, e.g. "flag 'x' has default true in the copy, false in the canonical file".</summary>
        public string Description { get; }

        /// <summary>1-based position in the copy.</summary>
        public int Line { get; }
        public int Column { get; }

        /// <summary>The first differing flag, when the difference is about a flag.</summary>
        public string? Flag { get; }
    }

    /// <summary>Compares a copy of the flags file with the canonical file (RAXX306).</summary>
    public static class FlagsFileComparison
    {
        /// <summary>Null when the copy is identical to the canonical text (line endings and a BOM ignored).</summary>
        public static FlagsDifference? Compare(string canonicalText, string copyText)
        {
            var canonical = Normalize(canonicalText);
            var copy = Normalize(copyText);
            if (string.Equals(canonical, copy, StringComparison.Ordinal))
            {
                return null;
            }

            var a = FlagsDocument.ParseYaml("canonical", canonical);
            var b = FlagsDocument.ParseYaml("copy", copy);
            var copyByName = new Dictionary<string, FlagDeclaration>(StringComparer.Ordinal);
            foreach (var f in b.Flags)
            {
                copyByName[f.Name] = f;
            }
            var canonicalNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var flag in a.Flags)
            {
                canonicalNames.Add(flag.Name);
                if (!copyByName.TryGetValue(flag.Name, out var other))
                {
                    return new FlagsDifference($"flag '{flag.Name}' (canonical line {flag.KeySpan.Line}) is missing from the copy", FirstFlagLine(b), 1, flag.Name);
                }
                var what = Describe(flag, other);
                if (what != null)
                {
                    return new FlagsDifference($"flag '{flag.Name}' {what}", other.KeySpan.Line, other.KeySpan.Column, flag.Name);
                }
            }
            foreach (var flag in b.Flags)
            {
                if (!canonicalNames.Contains(flag.Name))
                {
                    return new FlagsDifference($"flag '{flag.Name}' is declared in the copy but not in the canonical file", flag.KeySpan.Line, flag.KeySpan.Column, flag.Name);
                }
            }

            // same flags, different text (comments, descriptions' whitespace, order): the first differing line
            var la = canonical.Split('\n');
            var lb = copy.Split('\n');
            var n = Math.Min(la.Length, lb.Length);
            for (var i = 0; i < n; i++)
            {
                if (!string.Equals(la[i], lb[i], StringComparison.Ordinal))
                {
                    return new FlagsDifference($"line {i + 1} differs from the canonical file", i + 1, 1, null);
                }
            }
            return new FlagsDifference("the copy's length differs from the canonical file", n + 1, 1, null);
        }

        private static string? Describe(FlagDeclaration canonical, FlagDeclaration copy)
        {
            if (canonical.Default != copy.Default)
            {
                return $"has default {Lower(copy.Default)} in the copy but {Lower(canonical.Default)} in the canonical file";
            }
            if (!string.Equals(canonical.EnvName, copy.EnvName, StringComparison.Ordinal))
            {
                return $"has env {copy.EnvName} in the copy but {canonical.EnvName} in the canonical file";
            }
            if (canonical.Risk != copy.Risk)
            {
                return $"has risk {copy.Risk.ToString().ToLowerInvariant()} in the copy but {canonical.Risk.ToString().ToLowerInvariant()} in the canonical file";
            }
            if (!string.Equals(canonical.Owner, copy.Owner, StringComparison.Ordinal))
            {
                return "has a different owner in the copy";
            }
            if (!string.Equals(canonical.Description, copy.Description, StringComparison.Ordinal))
            {
                return "has a different description in the copy";
            }
            return null;
        }

        private static string Lower(bool b) => b ? "true" : "false";

        private static int FirstFlagLine(FlagsDocument doc) => doc.Flags.Count > 0 ? doc.Flags[0].KeySpan.Line : 1;

        private static string Normalize(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }
            return text.Replace("\r\n", "\n").Replace('\r', '\n');
        }
    }
}
