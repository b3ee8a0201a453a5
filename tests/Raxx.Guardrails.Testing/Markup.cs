using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Raxx.Guardrails.Testing
{
    /// <summary>A marked span in test source: <c>{|RAXX101:text|}</c>, <c>{|#0:text|}</c> or <c>[|text|]</c>.</summary>
    public sealed class MarkedSpan
    {
        public MarkedSpan(string? id, int? locationIndex, TextSpan span)
        {
            Id = id;
            LocationIndex = locationIndex;
            Span = span;
        }

        /// <summary>Diagnostic ID for <c>{|ID:…|}</c>; null for <c>{|#n:…|}</c> and <c>[|…|]</c>.</summary>
        public string? Id { get; }

        /// <summary>n for <c>{|#n:…|}</c>.</summary>
        public int? LocationIndex { get; }
        public TextSpan Span { get; }
    }

    /// <summary>Parses diagnostic markup out of test source.</summary>
    public static class Markup
    {
        public static (string Text, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
        {
            var output = new StringBuilder(markup.Length);
            var spans = new List<MarkedSpan>();
            var open = new Stack<(string? Id, int? Index, int Start, bool Square)>();

            for (var i = 0; i < markup.Length; i++)
            {
                if (Starts(markup, i, "{|"))
                {
                    var colon = markup.IndexOf(':', i + 2);
                    var pipe = markup.IndexOf('|', i + 2);
                    if (colon < 0 || (pipe >= 0 && pipe < colon))
                    {
                        throw new FormatException($"Malformed markup at offset {i}: expected '{{|ID:' or '{{|#n:'.");
                    }
                    var label = markup.Substring(i + 2, colon - i - 2);
                    if (label.StartsWith("#", StringComparison.Ordinal))
                    {
                        if (!int.TryParse(label.Substring(1), out var index))
                        {
                            throw new FormatException($"Malformed location marker '{label}'.");
                        }
                        open.Push((null, index, output.Length, false));
                    }
                    else
                    {
                        open.Push((label, null, output.Length, false));
                    }
                    i = colon;
                    continue;
                }
                if (Starts(markup, i, "|}"))
                {
                    if (open.Count == 0 || open.Peek().Square)
                    {
                        throw new FormatException($"Unbalanced '|}}' at offset {i}.");
                    }
                    var m = open.Pop();
                    spans.Add(new MarkedSpan(m.Id, m.Index, TextSpan.FromBounds(m.Start, output.Length)));
                    i++;
                    continue;
                }
                if (Starts(markup, i, "[|"))
                {
                    open.Push((null, null, output.Length, true));
                    i++;
                    continue;
                }
                if (Starts(markup, i, "|]"))
                {
                    if (open.Count == 0 || !open.Peek().Square)
                    {
                        throw new FormatException($"Unbalanced '|]' at offset {i}.");
                    }
                    var m = open.Pop();
                    spans.Add(new MarkedSpan(null, null, TextSpan.FromBounds(m.Start, output.Length)));
                    i++;
                    continue;
                }
                output.Append(markup[i]);
            }

            if (open.Count > 0)
            {
                throw new FormatException("Unclosed markup span.");
            }

            spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return (output.ToString(), spans);
        }

        private static bool Starts(string s, int i, string token) =>
            i + token.Length <= s.Length && string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
    }
}
