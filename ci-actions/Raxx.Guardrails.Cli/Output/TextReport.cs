using System.Globalization;
using System.Text;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Cli.Output;

/// <summary>
/// Compiler-like text: findings grouped by file, each with its line and a caret under the span, then a
/// per-rule summary. For secrets rules (RAXX40x) the span on the printed line is masked and nothing
/// else of the file is shown; a whole-file secrets finding shows no content at all.
/// </summary>
internal static class TextReport
{
    private const int MaxShownLineLength = 160;
    private const long MaxSourceBytes = 10 * 1024 * 1024;

    public static string Format(IReadOnlyList<Finding> findings, string root, int ruleCount, int? fileCount)
    {
        var sb = new StringBuilder();
        if (findings.Count == 0)
        {
            sb.Append("No findings: all ").Append(ruleCount.ToString(CultureInfo.InvariantCulture)).Append(" repository rules pass");
            if (fileCount != null)
            {
                sb.Append(" (").Append(fileCount.Value.ToString("N0", CultureInfo.InvariantCulture)).Append(" files checked)");
            }
            sb.Append(".\n");
            return sb.ToString();
        }

        // findings come grouped by file: one file's lines at a time, read into one buffer kept from file to file (each
        // file kept whole until the end, a new array each, made the report cost more than the scan on a large tree)
        var lineCache = new SourceCache();
        foreach (var group in findings.GroupBy(f => f.Location.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(group.Key).Append('\n');
            foreach (var f in group.OrderBy(f => f.Location.StartLine).ThenBy(f => f.Location.StartColumn).ThenBy(f => f.RuleId, StringComparer.Ordinal))
            {
                var loc = f.Location;
                sb.Append("  ").Append(loc.Path).Append('(').Append(loc.StartLine).Append(',').Append(loc.StartColumn).Append("): ")
                  .Append(Word(f.Severity)).Append(' ').Append(f.RuleId).Append(": ").Append(OneLine(f.Message)).Append('\n');
                AppendSource(sb, f, root, lineCache);
            }
            sb.Append('\n');
        }
        AppendSummary(sb, findings);
        return sb.ToString();
    }

    public static void AppendSummary(StringBuilder sb, IReadOnlyList<Finding> findings)
    {
        sb.Append("Summary by rule:\n");
        // one line per rule and severity: a rule reported both as error and warning (RAXX603) is not counted as errors only
        foreach (var rule in findings.GroupBy(f => (f.RuleId, f.Severity))
                     .OrderBy(g => g.Key.RuleId, StringComparer.Ordinal).ThenByDescending(g => g.Key.Severity))
        {
            var info = RuleCatalog.Find(rule.Key.RuleId);
            var severity = rule.Key.Severity;
            sb.Append("  ").Append(rule.Key.RuleId.PadRight(8)).Append(' ').Append(Word(severity).PadRight(7)).Append(' ')
              .Append(rule.Count().ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append("  ")
              .Append(info?.Title ?? "(not a catalog rule)").Append('\n');
        }
        sb.Append(Totals(findings)).Append('\n');
    }

    public static string Totals(IReadOnlyList<Finding> findings)
    {
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var notes = findings.Count - errors - warnings;
        var files = findings.Select(f => f.Location.Path).Distinct(StringComparer.Ordinal).Count();
        var parts = new List<string> { Plural(errors, "error"), Plural(warnings, "warning") };
        if (notes > 0)
        {
            parts.Add(Plural(notes, "note"));
        }
        return $"{Plural(findings.Count, "finding")} ({string.Join(", ", parts)}) in {Plural(files, "file")}.";
    }

    public static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");

    public static string Word(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        FindingSeverity.Note => "note",
        _ => "none",
    };

    public static bool IsSecretsRule(string ruleId) => ruleId.StartsWith("RAXX40", StringComparison.OrdinalIgnoreCase);

    private static string OneLine(string message) => message.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void AppendSource(StringBuilder sb, Finding f, string root, SourceCache cache)
    {
        var loc = f.Location;
        var secrets = IsSecretsRule(f.RuleId);
        var spanEmpty = loc.EndLine == loc.StartLine && loc.EndColumn <= loc.StartColumn;
        if (secrets && spanEmpty)
        {
            return; // a whole-file secrets finding: the file's content is not ours to print
        }
        if (!string.Equals(cache.Path, loc.Path, StringComparison.Ordinal))
        {
            cache.Lines = SourceLines.Read(Path.IsPathRooted(loc.Path) ? loc.Path : Path.Combine(root, loc.Path), ref cache.Buffer);
            cache.Path = loc.Path;
        }
        var line = cache.Lines?.Get(loc.StartLine);
        if (line == null)
        {
            return;
        }

        var start = Math.Min(loc.StartColumn - 1, line.Length);
        var end = loc.EndLine == loc.StartLine ? Math.Min(Math.Max(loc.EndColumn - 1, start), line.Length) : line.Length;
        if (secrets)
        {
            line = line.Substring(0, start) + new string('*', end - start) + line.Substring(end);
        }

        // long lines (minified JSON): show a window around the span
        var shown = line;
        var shownPrefix = line.Substring(0, start);
        if (line.Length > MaxShownLineLength)
        {
            var offset = Math.Max(0, Math.Min(start - 40, line.Length - MaxShownLineLength));
            var lead = offset > 0 ? "…" : string.Empty;
            shown = lead + line.Substring(offset, MaxShownLineLength) + (offset + MaxShownLineLength < line.Length ? "…" : string.Empty);
            shownPrefix = lead + line.Substring(offset, start - offset);
        }

        var number = loc.StartLine.ToString(CultureInfo.InvariantCulture);
        sb.Append("    ").Append(number).Append(" | ").Append(shown.Replace("\t", "    ", StringComparison.Ordinal)).Append('\n');
        var caret = new StringBuilder();
        foreach (var c in shownPrefix)
        {
            caret.Append(c == '\t' ? "    " : " ");
        }
        caret.Append('^');
        var width = Math.Min(end - start, MaxShownLineLength);
        if (width > 1)
        {
            caret.Append('~', width - 1);
        }
        sb.Append("    ").Append(' ', number.Length).Append(" | ").Append(caret).Append('\n');
    }

    /// <summary>
    /// A file's lines on demand: line n is what splitting <see cref="File.ReadAllText(string)"/>'s text on '\n' (after
    /// replacing "\r\n" by "\n") gives: the text between the (n-1)th and the nth '\n' without one trailing '\r'. A file's
    /// findings are printed in line order, so a cursor moves forward. UTF-8 files (the usual case) keep their bytes and
    /// decode only the lines asked for: a '\n' or '\r' byte is always that character in UTF-8 and decoding is
    /// self-synchronising at a line feed, so a line decoded alone equals the same line cut from the decoded text (the file
    /// is not turned into one string, nor into a string per line). Files with a UTF-16/UTF-32 byte order mark are decoded
    /// whole by File.ReadAllText.
    /// </summary>
    /// <summary>The lines of the file whose findings are being printed, and the buffer its bytes are read into.</summary>
    private sealed class SourceCache
    {
        public string? Path;
        public SourceLines? Lines;
        public byte[]? Buffer;
    }

    private sealed class SourceLines
    {
        private readonly byte[]? _bytes;
        private readonly string? _text;
        private readonly int _length;
        private int _line = 1;
        private int _start;
        private readonly int _first;

        private SourceLines(byte[] bytes, int length, int first)
        {
            _bytes = bytes;
            _length = length;
            _first = first;
            _start = first;
        }

        private SourceLines(string text)
        {
            _text = text;
            _length = text.Length;
        }

        /// <summary>The file's lines, its bytes read into <paramref name="buffer"/> (grown as needed; valid until the next read).</summary>
        public static SourceLines? Read(string path, ref byte[]? buffer)
        {
            try
            {
                var count = Raxx.Guardrails.Core.Text.FileBytes.ReadAll(path, -1, MaxSourceBytes, ref buffer);
                if (count < 0)
                {
                    return null; // over the limit (or grew past it since the scan)
                }
                var bytes = buffer!; // read (count >= 0)
                if (Raxx.Guardrails.Core.Text.TextDecoding.HasWideByteOrderMark(bytes, count))
                {
                    return new SourceLines(Raxx.Guardrails.Core.Text.TextDecoding.Decode(bytes, count) ?? string.Empty);
                }
                return new SourceLines(bytes, count, Raxx.Guardrails.Core.Text.TextDecoding.Utf8ByteOrderMarkLength(bytes, count));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Line <paramref name="number"/> (1-based), or null past the last line.</summary>
        public string? Get(int number)
        {
            if (number < 1)
            {
                return null;
            }
            if (number < _line)
            {
                _line = 1;
                _start = _first;
            }
            while (_line < number)
            {
                var nl = IndexOfLineFeed(_start);
                if (nl < 0)
                {
                    return null;
                }
                _start = nl + 1;
                _line++;
            }
            var end = IndexOfLineFeed(_start);
            if (end < 0)
            {
                end = _length;
            }
            else if (end > _start && (_bytes != null ? _bytes[end - 1] == (byte)'\r' : _text![end - 1] == '\r'))
            {
                end--;
            }
            return _bytes != null ? Encoding.UTF8.GetString(_bytes, _start, end - _start) : _text!.Substring(_start, end - _start);
        }

        private int IndexOfLineFeed(int from)
        {
            var i = _bytes != null ? _bytes.AsSpan(from, _length - from).IndexOf((byte)'\n') : _text!.AsSpan(from).IndexOf('\n');
            return i < 0 ? -1 : from + i;
        }
    }
}
