using System;
using System.Globalization;
using System.Text;

namespace Raxx.Guardrails.Core.Json
{
    /// <summary>A JSON syntax error at a 1-based line and column.</summary>
    public sealed class JsonError
    {
        public JsonError(string message, int line, int column)
        {
            Message = message;
            Line = line;
            Column = column;
        }

        public string Message { get; }
        public int Line { get; }
        public int Column { get; }

        public override string ToString() => $"({Line},{Column}): {Message}";
    }

    public sealed class JsonParseResult
    {
        internal JsonParseResult(JsonNode? root, JsonError? error)
        {
            Root = root;
            Error = error;
        }

        public JsonNode? Root { get; }
        public JsonError? Error { get; }
        public bool Success => Error == null;
    }

    /// <summary>
    /// A small JSON reader that keeps positions. Accepts what Microsoft.Extensions.Configuration's
    /// JSON provider accepts (comments, trailing commas, a BOM) so appsettings files parse as they
    /// do at run time. Never throws on bad input: returns a located <see cref="JsonError"/>.
    /// </summary>
    public static class JsonReader
    {
        public const int MaxDepth = 256;

        public static JsonParseResult Parse(string? text)
        {
            if (text == null)
            {
                return new JsonParseResult(null, new JsonError("no JSON text", 1, 1));
            }

            var parser = new Parser(text);
            try
            {
                parser.SkipTrivia();
                if (parser.AtEnd)
                {
                    return new JsonParseResult(null, new JsonError("the file is empty; expected a JSON value", 1, 1));
                }
                var root = parser.ParseValue(0);
                parser.SkipTrivia();
                if (!parser.AtEnd)
                {
                    throw parser.Fail($"unexpected '{parser.Current}' after the end of the JSON value");
                }
                return new JsonParseResult(root, null);
            }
            catch (JsonSyntaxException ex)
            {
                return new JsonParseResult(null, ex.Error);
            }
        }

        private sealed class JsonSyntaxException : Exception
        {
            public JsonSyntaxException(JsonError error) : base(error.Message)
            {
                Error = error;
            }

            public JsonError Error { get; }
        }

        private sealed class Parser
        {
            private readonly string _text;
            private int _pos;
            private int _line = 1;
            private int _lineStart;

            public Parser(string text)
            {
                _text = text;
                if (_text.Length > 0 && _text[0] == '\uFEFF')
                {
                    _pos = 1;
                    _lineStart = 1;
                }
            }

            public bool AtEnd => _pos >= _text.Length;
            public char Current => _pos < _text.Length ? _text[_pos] : '\0';
            private int Column => _pos - _lineStart + 1;

            public JsonSyntaxException Fail(string message) => new JsonSyntaxException(new JsonError(message, _line, Column));

            private void Advance()
            {
                var c = _text[_pos++];
                if (c == '\n' || (c == '\r' && (_pos >= _text.Length || _text[_pos] != '\n')))
                {
                    _line++;
                    _lineStart = _pos;
                }
            }

            public void SkipTrivia()
            {
                while (!AtEnd)
                {
                    var c = Current;
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                    {
                        Advance();
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                    {
                        while (!AtEnd && Current != '\n')
                        {
                            Advance();
                        }
                    }
                    else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                    {
                        var startLine = _line;
                        var startCol = Column;
                        Advance();
                        Advance();
                        while (true)
                        {
                            if (AtEnd)
                            {
                                throw new JsonSyntaxException(new JsonError("unterminated comment", startLine, startCol));
                            }
                            if (Current == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                            {
                                Advance();
                                Advance();
                                break;
                            }
                            Advance();
                        }
                    }
                    else
                    {
                        break;
                    }
                }
            }

            private void SetEnd(JsonNode node)
            {
                node.EndLine = _line;
                node.EndColumn = Column;
            }

            public JsonNode ParseValue(int depth)
            {
                if (depth > MaxDepth)
                {
                    throw Fail($"JSON nested deeper than {MaxDepth} levels");
                }

                SkipTrivia();
                if (AtEnd)
                {
                    throw Fail("unexpected end of file; expected a value");
                }

                var line = _line;
                var column = Column;
                var c = Current;
                switch (c)
                {
                    case '{':
                        return ParseObject(depth, line, column);
                    case '[':
                        return ParseArray(depth, line, column);
                    case '"':
                    {
                        var s = new JsonString(ParseString(), line, column);
                        SetEnd(s);
                        return s;
                    }
                    case 't':
                        ExpectWord("true");
                        return Finish(new JsonLiteral(JsonKind.True, line, column));
                    case 'f':
                        ExpectWord("false");
                        return Finish(new JsonLiteral(JsonKind.False, line, column));
                    case 'n':
                        ExpectWord("null");
                        return Finish(new JsonLiteral(JsonKind.Null, line, column));
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            return Finish(new JsonNumber(ParseNumber(), line, column));
                        }
                        throw Fail($"unexpected character '{Printable(c)}'; expected a value");
                }
            }

            private JsonNode Finish(JsonNode node)
            {
                SetEnd(node);
                return node;
            }

            private static string Printable(char c) => c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();

            private void ExpectWord(string word)
            {
                var line = _line;
                var column = Column;
                for (var i = 0; i < word.Length; i++)
                {
                    if (AtEnd || Current != word[i])
                    {
                        throw new JsonSyntaxException(new JsonError($"invalid literal; expected '{word}'", line, column));
                    }
                    Advance();
                }
            }

            private JsonObject ParseObject(int depth, int line, int column)
            {
                var obj = new JsonObject(line, column);
                Advance(); // {
                SkipTrivia();
                if (Current == '}')
                {
                    Advance();
                    return (JsonObject)Finish(obj);
                }

                while (true)
                {
                    SkipTrivia();
                    if (AtEnd)
                    {
                        throw Fail("unexpected end of file inside an object; expected '}'");
                    }
                    if (Current == '}')
                    {
                        // trailing comma, accepted like the configuration JSON provider does
                        Advance();
                        return (JsonObject)Finish(obj);
                    }
                    if (Current != '"')
                    {
                        throw Fail($"expected a property name in double quotes, found '{Printable(Current)}'");
                    }
                    var nameLine = _line;
                    var nameColumn = Column;
                    var name = ParseString();
                    SkipTrivia();
                    if (Current != ':')
                    {
                        throw Fail($"expected ':' after property name \"{name}\"");
                    }
                    Advance();
                    var value = ParseValue(depth + 1);
                    obj.Properties.Add(new JsonProperty(name, nameLine, nameColumn, value));
                    SkipTrivia();
                    if (Current == ',')
                    {
                        Advance();
                        continue;
                    }
                    if (Current == '}')
                    {
                        Advance();
                        return (JsonObject)Finish(obj);
                    }
                    throw Fail(AtEnd ? "unexpected end of file inside an object; expected '}'" : $"expected ',' or '}}', found '{Printable(Current)}'");
                }
            }

            private JsonArray ParseArray(int depth, int line, int column)
            {
                var array = new JsonArray(line, column);
                Advance(); // [
                SkipTrivia();
                if (Current == ']')
                {
                    Advance();
                    return (JsonArray)Finish(array);
                }

                while (true)
                {
                    SkipTrivia();
                    if (Current == ']')
                    {
                        Advance();
                        return (JsonArray)Finish(array);
                    }
                    array.Items.Add(ParseValue(depth + 1));
                    SkipTrivia();
                    if (Current == ',')
                    {
                        Advance();
                        continue;
                    }
                    if (Current == ']')
                    {
                        Advance();
                        return (JsonArray)Finish(array);
                    }
                    throw Fail(AtEnd ? "unexpected end of file inside an array; expected ']'" : $"expected ',' or ']', found '{Printable(Current)}'");
                }
            }

            private string ParseString()
            {
                var startLine = _line;
                var startColumn = Column;
                Advance(); // opening quote
                var sb = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw new JsonSyntaxException(new JsonError("unterminated string", startLine, startColumn));
                    }
                    var c = Current;
                    if (c == '"')
                    {
                        Advance();
                        return sb.ToString();
                    }
                    if (c == '\n' || c == '\r')
                    {
                        throw new JsonSyntaxException(new JsonError("unterminated string (line break inside a string)", startLine, startColumn));
                    }
                    if (c == '\\')
                    {
                        Advance();
                        if (AtEnd)
                        {
                            throw new JsonSyntaxException(new JsonError("unterminated string", startLine, startColumn));
                        }
                        var e = Current;
                        Advance();
                        switch (e)
                        {
                            case '"': sb.Append('"'); break;
                            case '\\': sb.Append('\\'); break;
                            case '/': sb.Append('/'); break;
                            case 'b': sb.Append('\b'); break;
                            case 'f': sb.Append('\f'); break;
                            case 'n': sb.Append('\n'); break;
                            case 'r': sb.Append('\r'); break;
                            case 't': sb.Append('\t'); break;
                            case 'u':
                                if (_pos + 4 > _text.Length)
                                {
                                    throw Fail("incomplete \\u escape");
                                }
                                var hex = _text.Substring(_pos, 4);
                                if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                                {
                                    throw Fail($"invalid \\u escape '\\u{hex}'");
                                }
                                for (var i = 0; i < 4; i++)
                                {
                                    Advance();
                                }
                                sb.Append((char)code);
                                break;
                            default:
                                throw Fail($"invalid escape '\\{Printable(e)}'");
                        }
                        continue;
                    }
                    sb.Append(c);
                    Advance();
                }
            }

            private string ParseNumber()
            {
                var start = _pos;
                if (Current == '-')
                {
                    Advance();
                }
                if (!(Current >= '0' && Current <= '9'))
                {
                    throw Fail("invalid number");
                }
                while (Current >= '0' && Current <= '9')
                {
                    Advance();
                }
                if (Current == '.')
                {
                    Advance();
                    if (!(Current >= '0' && Current <= '9'))
                    {
                        throw Fail("invalid number: digits expected after '.'");
                    }
                    while (Current >= '0' && Current <= '9')
                    {
                        Advance();
                    }
                }
                if (Current == 'e' || Current == 'E')
                {
                    Advance();
                    if (Current == '+' || Current == '-')
                    {
                        Advance();
                    }
                    if (!(Current >= '0' && Current <= '9'))
                    {
                        throw Fail("invalid number: digits expected in exponent");
                    }
                    while (Current >= '0' && Current <= '9')
                    {
                        Advance();
                    }
                }
                return _text.Substring(start, _pos - start);
            }
        }
    }
}
