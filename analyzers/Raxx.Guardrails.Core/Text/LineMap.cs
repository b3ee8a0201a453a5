using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Text
{
    /// <summary>Maps character offsets of a text to 1-based line and column numbers.</summary>
    public sealed class LineMap
    {
        private readonly int[] _lineStarts;

        public LineMap(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }
            _lineStarts = starts.ToArray();
            Length = text.Length;
        }

        public int Length { get; }
        public int LineCount => _lineStarts.Length;

        /// <summary>1-based (line, column) of an offset; offsets past the end clamp to the end.</summary>
        public (int Line, int Column) GetPosition(int offset)
        {
            if (offset < 0)
            {
                offset = 0;
            }
            if (offset > Length)
            {
                offset = Length;
            }

            var index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0)
            {
                index = ~index - 1;
            }
            return (index + 1, offset - _lineStarts[index] + 1);
        }

        /// <summary>Offset of the start of a 1-based line.</summary>
        public int GetLineStart(int line)
        {
            if (line < 1)
            {
                return 0;
            }
            if (line > _lineStarts.Length)
            {
                return Length;
            }
            return _lineStarts[line - 1];
        }
    }
}
