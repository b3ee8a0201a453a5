using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Flags
{
    public sealed partial class FlagsDocument
    {
        /// <summary>
        /// Reads a flags file written in the plain subset of YAML that flags files are written in — block mappings by
        /// indentation (spaces), plain or simply quoted one-line scalars, comments — and only when it is valid (every
        /// flag a map with a boolean <c>default</c>, known keys, no duplicates). Anything else (a problem to report,
        /// flow style, anchors, tags, escapes, block or multi-line scalars, tabs, a BOM, document markers…) answers
        /// false with nothing added, and the YamlDotNet reader decides, as it always did.
        /// Why: the compiler loads and JIT-compiles YamlDotNet's scanner, parser and representation model for the first
        /// flags file of a process (~50–75 ms of thread CPU time for a 100-line file, charged to whichever flag analyzer
        /// asks first; docs/notes/perf.md); this reader is a few small methods. Its result equals the YamlDotNet reader's
        /// (flags, spans, values; FlagsDocumentTests compares both on generated files).
        /// </summary>
        internal bool TryReadPlainYaml(string path, string text)
        {
            if (text.Length == 0 || text.Length > Yaml.YamlLoader.MaxTextLength)
            {
                return false;
            }
            var flags = new List<FlagDeclaration>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            PlainFlag? current = null;
            var sawFlags = false;
            var sawVersion = false;
            // indentation of the open mappings: [0] the root, [1] the flags map, [2] a flag's entry
            var indents = new int[3];
            var depth = 0; // number of open mappings
            var expectChild = true; // the previous key had no value (or nothing was read yet): the next line opens a mapping
            var lineNumber = 0;
            var position = 0;
            while (position < text.Length)
            {
                lineNumber++;
                var end = text.IndexOf('\n', position);
                var next = end < 0 ? text.Length : end + 1;
                if (end < 0)
                {
                    end = text.Length;
                }
                else if (end > position && text[end - 1] == '\r')
                {
                    end--;
                }
                var line = new Line(text, position, end);
                position = next;
                if (!line.IsValid)
                {
                    return false;
                }
                if (line.IsBlankOrComment)
                {
                    continue;
                }
                var indent = line.Indent;
                if (expectChild)
                {
                    if (depth == 0 ? indent != 0 : indent <= indents[depth - 1])
                    {
                        return false; // a key without a value and no mapping below it: a null value
                    }
                    if (depth == indents.Length)
                    {
                        return false;
                    }
                    indents[depth++] = indent;
                    expectChild = false;
                }
                else
                {
                    while (depth > 0 && indents[depth - 1] > indent)
                    {
                        depth--;
                        if (depth == 2 && !Complete(current, flags, path))
                        {
                            return false;
                        }
                    }
                    if (depth == 0 || indents[depth - 1] != indent)
                    {
                        return false;
                    }
                }
                if (!line.TryReadEntry(out var key, out var keyStart, out var value))
                {
                    return false;
                }
                var hasValue = value != null;
                switch (depth)
                {
                    case 1 when key == "flags" && !sawFlags && !hasValue:
                        sawFlags = true;
                        expectChild = true;
                        break;
                    case 1 when key == "version" && !sawVersion && hasValue:
                        sawVersion = true;
                        break;
                    case 2 when !hasValue && names.Add(key):
                        if (!Complete(current, flags, path))
                        {
                            return false;
                        }
                        current = new PlainFlag(key, new FlagSpan(lineNumber, keyStart + 1, lineNumber, keyStart + 1 + key.Length));
                        expectChild = true;
                        break;
                    case 3 when hasValue && current != null && current.Set(key, value!.Value):
                        break;
                    default:
                        return false; // an unknown or repeated key, a value where a map belongs or the reverse
                }
            }
            if (expectChild || !sawFlags || current == null || !Complete(current, flags, path))
            {
                return false; // a key left without a value, no flags map, an empty one or an incomplete last flag
            }
            _flags.AddRange(flags);
            return true;
        }

        /// <summary>Adds a flag whose entry has ended; false when it has no <c>default</c> (a problem to report).</summary>
        private static bool Complete(PlainFlag? flag, List<FlagDeclaration> flags, string path)
        {
            if (flag == null || flag.Done)
            {
                return true;
            }
            flag.Done = true;
            if (flag.Default == null)
            {
                return false;
            }
            flags.Add(flag.ToDeclaration(path));
            return true;
        }

        /// <summary>A flag's entry as read so far.</summary>
        private sealed class PlainFlag
        {
            private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.Ordinal);

            public PlainFlag(string name, FlagSpan keySpan)
            {
                Name = name;
                KeySpan = keySpan;
            }

            public string Name { get; }
            public FlagSpan KeySpan { get; }
            public bool? Default { get; private set; }
            public bool Done { get; set; }
            private string? Description { get; set; }
            private string? Owner { get; set; }
            private string? Env { get; set; }
            private FlagRisk Risk { get; set; }

            /// <summary>False for a key the YamlDotNet reader would report (unknown, repeated, a bad value).</summary>
            public bool Set(string key, PlainScalar value)
            {
                if (!_keys.Add(key))
                {
                    return false;
                }
                switch (key)
                {
                    case "default":
                        Default = value.Quoted ? null : ReadPlainBool(value.Value);
                        return Default != null;
                    case "risk":
                        var r = value.Value.Trim().ToLowerInvariant();
                        Risk = r == "low" ? FlagRisk.Low : r == "medium" ? FlagRisk.Medium : r == "high" ? FlagRisk.High : FlagRisk.Unspecified;
                        return Risk != FlagRisk.Unspecified;
                    case "description":
                        Description = value.Value;
                        return true;
                    case "owner":
                        Owner = value.Value;
                        return true;
                    case "env":
                        Env = value.Value;
                        return Env.Trim().Length > 0;
                    default:
                        return false;
                }
            }

            public FlagDeclaration ToDeclaration(string path) =>
                new FlagDeclaration(Name, Default ?? false, Env?.Trim() ?? FlagNames.DefaultEnvName(Name), path, KeySpan, FlagDeclarationKind.FlagsFile)
                {
                    Description = Description,
                    Risk = Risk,
                    Owner = Owner,
                    HasExplicitEnv = Env != null,
                };
        }

        private static bool? ReadPlainBool(string value) => value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };

        /// <summary>A one-line scalar value: its text and whether it was quoted.</summary>
        private readonly struct PlainScalar
        {
            public PlainScalar(string value, bool quoted)
            {
                Value = value;
                Quoted = quoted;
            }

            public string Value { get; }
            public bool Quoted { get; }
        }

        /// <summary>One line of the file (without its line break).</summary>
        private readonly struct Line
        {
            private readonly string _text;
            private readonly int _start;
            private readonly int _end;

            public Line(string text, int start, int end)
            {
                _text = text;
                _start = start;
                _end = end;
                var indent = 0;
                while (start + indent < end && text[start + indent] == ' ')
                {
                    indent++;
                }
                Indent = indent;
            }

            public int Indent { get; }

            private int Length => _end - _start;

            private char this[int i] => _text[_start + i];

            /// <summary>Only characters this reader knows YAML treats as plain text (no tab, control, BOM, line separator or surrogate).</summary>
            public bool IsValid
            {
                get
                {
                    for (var i = _start; i < _end; i++)
                    {
                        var c = _text[i];
                        if (c < ' ' || (c > '~' && c < '\u00A0') || (c >= '\uD800' && c <= '\uDFFF') || c == '\u2028' || c == '\u2029' || c >= '\uFEFF')
                        {
                            return false;
                        }
                    }
                    return true;
                }
            }

            public bool IsBlankOrComment => Indent == Length || this[Indent] == '#';

            /// <summary>
            /// <c>key:</c> or <c>key: value</c>, each optionally followed by a comment. The key: letters, digits, '_' first,
            /// then also '-', '.', '/'. The value: a plain scalar (no ':' in it, not starting with an indicator), or a
            /// double-quoted one without escapes, or a single-quoted one without quotes inside.
            /// </summary>
            public bool TryReadEntry(out string key, out int keyStart, out PlainScalar? value)
            {
                key = string.Empty;
                value = null;
                keyStart = Indent;
                var i = Indent;
                if (i >= Length || !IsKeyStart(this[i]))
                {
                    return false;
                }
                while (i < Length && IsKeyChar(this[i]))
                {
                    i++;
                }
                if (i >= Length || this[i] != ':' || (i + 1 < Length && this[i + 1] != ' '))
                {
                    return false;
                }
                key = _text.Substring(_start + Indent, i - Indent);
                i++;
                while (i < Length && this[i] == ' ')
                {
                    i++;
                }
                if (i == Length || this[i] == '#')
                {
                    return true; // no value (the comment, if any, needs the space before it, which ": " guarantees here)
                }
                var c = this[i];
                if (c == '"' || c == '\'')
                {
                    var close = i + 1;
                    while (close < Length && this[close] != c)
                    {
                        if (c == '"' && this[close] == '\\')
                        {
                            return false;
                        }
                        close++;
                    }
                    if (close >= Length || !IsTrailer(close + 1))
                    {
                        return false; // unterminated, '' inside a single-quoted scalar, or text after the closing quote
                    }
                    value = new PlainScalar(_text.Substring(_start + i + 1, close - i - 1), quoted: true);
                    return true;
                }
                if (!IsPlainStart(c))
                {
                    return false;
                }
                var valueEnd = i;
                for (var k = i; k < Length; k++)
                {
                    var ch = this[k];
                    if (ch == '#' && this[k - 1] == ' ')
                    {
                        break; // " #" starts a comment
                    }
                    if (ch == ':')
                    {
                        return false; // "a: b" inside a value, or a trailing ':': not plain text
                    }
                    if (ch != ' ')
                    {
                        valueEnd = k + 1;
                    }
                }
                value = new PlainScalar(_text.Substring(_start + i, valueEnd - i), quoted: false);
                return true;
            }

            /// <summary>After a closing quote: only spaces, optionally then a comment.</summary>
            private bool IsTrailer(int i)
            {
                if (i == Length)
                {
                    return true;
                }
                if (this[i] != ' ')
                {
                    return false;
                }
                while (i < Length && this[i] == ' ')
                {
                    i++;
                }
                return i == Length || this[i] == '#';
            }

            private static bool IsKeyStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

            private static bool IsKeyChar(char c) => IsKeyStart(c) || c == '-' || c == '.' || c == '/';

            private static bool IsPlainStart(char c) => IsKeyStart(c) || c == '.' || c == '/' || c == '(' || c >= '\u00A0';
        }
    }
}
