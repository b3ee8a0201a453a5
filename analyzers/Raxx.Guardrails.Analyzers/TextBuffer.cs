using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Raxx.Guardrails.Analyzers
{
    /// <summary>
    /// A tree's text (or a span of it) copied into a per-thread buffer for searching, without allocating a string per
    /// tree: tree passes that find their nodes by what the text spells (RAXX301, RAXX401) would otherwise allocate a
    /// copy of every file, and the analyzer that allocates is the one ReportAnalyzer charges the garbage collections
    /// it triggers (docs/notes/perf.md). Valid until the next <see cref="Load"/> on the same thread.
    /// </summary>
    internal sealed class TextBuffer
    {
        [ThreadStatic]
        private static TextBuffer? _current;

        /// <summary>A second buffer per thread (<see cref="LoadSpare"/>), for a computation that may run while <see cref="_current"/> is in use.</summary>
        [ThreadStatic]
        private static TextBuffer? _spare;

        private char[] _chars = new char[8192];

        private TextBuffer()
        {
        }

        /// <summary>Number of characters loaded.</summary>
        public int Length { get; private set; }

        /// <summary>Position in the tree's text of the first loaded character.</summary>
        public int Start { get; private set; }

        /// <summary>Loads <paramref name="span"/> of the tree's text (the whole text when null).</summary>
        public static TextBuffer Load(SyntaxTree tree, SyntaxNode root, TextSpan? span, System.Threading.CancellationToken cancellationToken) =>
            Load(_current ??= new TextBuffer(), tree, span, cancellationToken);

        /// <summary>
        /// As <see cref="Load"/>, into the thread's second buffer: for a once-per-compilation scan of every tree that a tree pass
        /// can trigger lazily (FlagReferences' marked call names) without overwriting the text the pass is searching.
        /// </summary>
        public static TextBuffer LoadSpare(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
            Load(_spare ??= new TextBuffer(), tree, null, cancellationToken);

        private static TextBuffer Load(TextBuffer buffer, SyntaxTree tree, TextSpan? span, System.Threading.CancellationToken cancellationToken)
        {
            var text = tree.TryGetText(out var sourceText) ? sourceText : tree.GetText(cancellationToken);
            var range = span ?? new TextSpan(0, text.Length);
            if (buffer._chars.Length < range.Length)
            {
                buffer._chars = new char[Math.Max(range.Length, buffer._chars.Length * 2)];
            }
            text.CopyTo(range.Start, buffer._chars, 0, range.Length);
            buffer.Length = range.Length;
            buffer.Start = range.Start;
            return buffer;
        }

        /// <summary>Index (relative to <see cref="Start"/>) of the next <paramref name="c"/> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOf(char c, int from) => from >= Length ? -1 : Array.IndexOf(_chars, c, from, Length - from);

        /// <summary>Index (relative to <see cref="Start"/>) of the next occurrence of <paramref name="value"/> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOf(string value, int from)
        {
            if (value.Length == 0)
            {
                return -1;
            }
            var first = value[0];
            var last = Length - value.Length;
            for (var i = IndexOf(first, from); i >= 0 && i <= last; i = IndexOf(first, i + 1))
            {
                var k = 1;
                while (k < value.Length && _chars[i + k] == value[k])
                {
                    k++;
                }
                if (k == value.Length)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>The character at <paramref name="index"/> (relative to <see cref="Start"/>, below <see cref="Length"/>).</summary>
        public char CharAt(int index) => _chars[index];

        /// <summary>True when the loaded text has a unicode escape (an identifier written with one does not spell its name).</summary>
        public bool HasUnicodeEscape() => IndexOf("\\u", 0) >= 0 || IndexOf("\\U", 0) >= 0;
    }
}
