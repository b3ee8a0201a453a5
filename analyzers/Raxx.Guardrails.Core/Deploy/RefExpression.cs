using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>
    /// Evaluates GitHub Actions expressions as far as the ref of a run is known: literals,
    /// <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>==</c>, <c>!=</c>, comparisons, parentheses,
    /// <c>startsWith</c>/<c>endsWith</c>/<c>contains</c> (case-insensitive, as GitHub's are) over
    /// <c>github.ref</c>, <c>github.ref_name</c>, <c>github.ref_type</c>, <c>github.event_name</c> and
    /// <c>github.event.release.tag_name</c>. The <c>${{ }}</c> wrapper is optional. Anything else —
    /// inputs, secrets, outputs, unsupported functions, syntax this evaluator does not know — is
    /// <see cref="Tri.Unknown"/>, so a caller never reports on a guess.
    /// </summary>
    public static class RefExpression
    {
        /// <summary>Evaluates an <c>if:</c> condition.</summary>
        public static Tri EvaluateCondition(string? text, RefContext context)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return Tri.True;
            }
            return EvaluateValue(text!, context, isCondition: true).Truthiness;
        }

        /// <summary>Evaluates a value such as <c>environment: ${{ … &amp;&amp; 'production' || 'staging' }}</c>.</summary>
        public static ExprValue EvaluateValue(string text, RefContext context, bool isCondition = false)
        {
            try
            {
                var trimmed = text.Trim();
                var open = trimmed.IndexOf("${{", StringComparison.Ordinal);
                if (open < 0)
                {
                    return isCondition ? Evaluate(trimmed, context) : ExprValue.String(text);
                }
                if (open == 0 && trimmed.EndsWith("}}", StringComparison.Ordinal) &&
                    trimmed.IndexOf("${{", 3, StringComparison.Ordinal) < 0)
                {
                    return Evaluate(trimmed.Substring(3, trimmed.Length - 5), context);
                }
                return EvaluateTemplate(trimmed, context);
            }
            catch (ExpressionException)
            {
                return ExprValue.Unknown;
            }
        }

        /// <summary>True when the text parses as an expression this evaluator understands syntactically.</summary>
        public static bool TryParse(string text, out string? error)
        {
            try
            {
                var t = text.Trim();
                if (t.StartsWith("${{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal))
                {
                    t = t.Substring(3, t.Length - 5);
                }
                var parser = new Parser(Tokenize(t), new RefContext());
                parser.ParseAll();
                error = null;
                return true;
            }
            catch (ExpressionException ex)
            {
                error = ex.Message;
                return false;
            }
        }

        private static ExprValue EvaluateTemplate(string text, RefContext context)
        {
            var sb = new StringBuilder();
            var pos = 0;
            while (pos < text.Length)
            {
                var open = text.IndexOf("${{", pos, StringComparison.Ordinal);
                if (open < 0)
                {
                    sb.Append(text, pos, text.Length - pos);
                    break;
                }
                sb.Append(text, pos, open - pos);
                var close = text.IndexOf("}}", open + 3, StringComparison.Ordinal);
                if (close < 0)
                {
                    return ExprValue.Unknown;
                }
                var value = Evaluate(text.Substring(open + 3, close - open - 3), context);
                var s = value.AsString();
                if (s == null)
                {
                    return ExprValue.Unknown;
                }
                sb.Append(s);
                pos = close + 2;
            }
            return ExprValue.String(sb.ToString());
        }

        private static ExprValue Evaluate(string expression, RefContext context)
        {
            var parser = new Parser(Tokenize(expression), context);
            return parser.ParseAll();
        }

        private sealed class ExpressionException : Exception
        {
            public ExpressionException(string message) : base(message)
            {
            }
        }

        private enum TokenKind
        {
            Identifier,
            String,
            Number,
            Operator,
            End,
        }

        private readonly struct Token
        {
            public Token(TokenKind kind, string text)
            {
                Kind = kind;
                Text = text;
            }

            public TokenKind Kind { get; }
            public string Text { get; }

            public override string ToString() => Text;
        }

        private static List<Token> Tokenize(string s)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                if (c == '\'')
                {
                    var sb = new StringBuilder();
                    i++;
                    while (true)
                    {
                        if (i >= s.Length)
                        {
                            throw new ExpressionException("unterminated string literal");
                        }
                        if (s[i] == '\'')
                        {
                            if (i + 1 < s.Length && s[i + 1] == '\'')
                            {
                                sb.Append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        sb.Append(s[i]);
                        i++;
                    }
                    tokens.Add(new Token(TokenKind.String, sb.ToString()));
                    continue;
                }
                if (char.IsDigit(c) || (c == '-' && i + 1 < s.Length && char.IsDigit(s[i + 1])))
                {
                    var start = i;
                    i++;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '.'))
                    {
                        i++;
                    }
                    tokens.Add(new Token(TokenKind.Number, s.Substring(start, i - start)));
                    continue;
                }
                if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '-'))
                    {
                        i++;
                    }
                    tokens.Add(new Token(TokenKind.Identifier, s.Substring(start, i - start)));
                    continue;
                }
                var two = i + 1 < s.Length ? s.Substring(i, 2) : null;
                if (two == "&&" || two == "||" || two == "==" || two == "!=" || two == "<=" || two == ">=")
                {
                    tokens.Add(new Token(TokenKind.Operator, two));
                    i += 2;
                    continue;
                }
                if ("!<>().,[]*".IndexOf(c) >= 0)
                {
                    tokens.Add(new Token(TokenKind.Operator, c.ToString()));
                    i++;
                    continue;
                }
                throw new ExpressionException($"unexpected character '{c}'");
            }
            tokens.Add(new Token(TokenKind.End, string.Empty));
            return tokens;
        }

        /// <summary>A recursive-descent parser that evaluates as it parses (both operands are always parsed).</summary>
        private sealed class Parser
        {
            private readonly List<Token> _tokens;
            /// <summary>Nesting bound: deeper input is Unknown, never a stack overflow (which no catch can stop).</summary>
            private const int MaxDepth = 100;

            private readonly RefContext _context;
            private int _pos;
            private int _depth;

            public Parser(List<Token> tokens, RefContext context)
            {
                _tokens = tokens;
                _context = context;
            }

            private Token Peek => _tokens[_pos];

            private bool TryOperator(string op)
            {
                if (Peek.Kind == TokenKind.Operator && Peek.Text == op)
                {
                    _pos++;
                    return true;
                }
                return false;
            }

            private void Expect(string op)
            {
                if (!TryOperator(op))
                {
                    throw new ExpressionException($"expected '{op}' but found '{Peek.Text}'");
                }
            }

            public ExprValue ParseAll()
            {
                if (Peek.Kind == TokenKind.End)
                {
                    throw new ExpressionException("empty expression");
                }
                var value = ParseOr();
                if (Peek.Kind != TokenKind.End)
                {
                    throw new ExpressionException($"unexpected '{Peek.Text}'");
                }
                return value;
            }

            private ExprValue ParseOr()
            {
                if (++_depth > MaxDepth)
                {
                    throw new ExpressionException($"expression nested deeper than {MaxDepth} levels");
                }
                var left = ParseAnd();
                while (TryOperator("||"))
                {
                    var right = ParseAnd();
                    left = Or(left, right);
                }
                _depth--;
                return left;
            }

            private ExprValue ParseAnd()
            {
                var left = ParseUnary();
                while (TryOperator("&&"))
                {
                    var right = ParseUnary();
                    left = And(left, right);
                }
                return left;
            }

            // GitHub: `a || b` is a when a is truthy, else b; `a && b` is a when a is falsy, else b.
            private static ExprValue Or(ExprValue a, ExprValue b)
            {
                switch (a.Truthiness)
                {
                    case Tri.True:
                        return a;
                    case Tri.False:
                        return b;
                    default:
                        // the result is a (truthy) or b: truthy whenever b is
                        return b.Truthiness == Tri.True ? ExprValue.UnknownTruthy : ExprValue.Unknown;
                }
            }

            private static ExprValue And(ExprValue a, ExprValue b)
            {
                switch (a.Truthiness)
                {
                    case Tri.False:
                        return a;
                    case Tri.True:
                        return b;
                    default:
                        // unknown && false-ish is false-ish: the result is either a (falsy) or b (falsy)
                        return b.Truthiness == Tri.False ? ExprValue.UnknownFalsy : ExprValue.Unknown;
                }
            }

            private ExprValue ParseUnary()
            {
                if (TryOperator("!"))
                {
                    if (++_depth > MaxDepth)
                    {
                        throw new ExpressionException($"expression nested deeper than {MaxDepth} levels");
                    }
                    var operand = ParseUnary();
                    _depth--;
                    var t = operand.Truthiness;
                    return t == Tri.Unknown ? ExprValue.Unknown : ExprValue.FromBool(t == Tri.False);
                }
                return ParseComparison();
            }

            private ExprValue ParseComparison()
            {
                var left = ParsePrimary();
                foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
                {
                    if (TryOperator(op))
                    {
                        var right = ParsePrimary();
                        return Compare(op, left, right);
                    }
                }
                return left;
            }

            private static ExprValue Compare(string op, ExprValue a, ExprValue b)
            {
                if (op == "==" || op == "!=")
                {
                    var eq = EqualsTri(a, b);
                    if (eq == Tri.Unknown)
                    {
                        return ExprValue.Unknown;
                    }
                    return ExprValue.FromBool((eq == Tri.True) == (op == "=="));
                }
                return ExprValue.Unknown; // ordering comparisons never decide a ref condition here
            }

            private static Tri EqualsTri(ExprValue a, ExprValue b)
            {
                if (IsOpaque(a) || IsOpaque(b))
                {
                    return Tri.Unknown;
                }
                if (a.Kind == ExprValueKind.StringWithPrefix || b.Kind == ExprValueKind.StringWithPrefix)
                {
                    var prefixed = a.Kind == ExprValueKind.StringWithPrefix ? a : b;
                    var other = ReferenceEquals(prefixed, a) ? b : a;
                    if (other.Kind == ExprValueKind.String)
                    {
                        return other.Text!.StartsWith(prefixed.Text!, StringComparison.OrdinalIgnoreCase) ? Tri.Unknown : Tri.False;
                    }
                    if (other.Kind == ExprValueKind.StringWithPrefix)
                    {
                        return Compatible(other.Text!, prefixed.Text!) ? Tri.Unknown : Tri.False;
                    }
                    return Tri.Unknown;
                }
                if (a.Kind == b.Kind)
                {
                    switch (a.Kind)
                    {
                        case ExprValueKind.Null:
                            return Tri.True;
                        case ExprValueKind.Bool:
                            return a.Flag == b.Flag ? Tri.True : Tri.False;
                        case ExprValueKind.Number:
                            return a.Number == b.Number ? Tri.True : Tri.False;
                        case ExprValueKind.String:
                            return string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase) ? Tri.True : Tri.False;
                    }
                }
                // GitHub coerces mismatched types to numbers (null -> 0, bools -> 1/0, '' -> 0, text -> NaN).
                var x = ToNumber(a);
                var y = ToNumber(b);
                return !double.IsNaN(x) && x == y ? Tri.True : Tri.False;
            }

            private static double ToNumber(ExprValue v)
            {
                switch (v.Kind)
                {
                    case ExprValueKind.Null:
                        return 0;
                    case ExprValueKind.Bool:
                        return v.Flag ? 1 : 0;
                    case ExprValueKind.Number:
                        return v.Number;
                    default:
                        var t = (v.Text ?? string.Empty).Trim();
                        if (t.Length == 0)
                        {
                            return 0;
                        }
                        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
                }
            }

            private static bool IsOpaque(ExprValue v) =>
                v.Kind == ExprValueKind.Unknown || v.Kind == ExprValueKind.UnknownTruthy || v.Kind == ExprValueKind.UnknownFalsy;

            private static bool Compatible(string p, string q) =>
                p.StartsWith(q, StringComparison.OrdinalIgnoreCase) || q.StartsWith(p, StringComparison.OrdinalIgnoreCase);

            private ExprValue ParsePrimary()
            {
                var token = Peek;
                switch (token.Kind)
                {
                    case TokenKind.String:
                        _pos++;
                        return ExprValue.String(token.Text);
                    case TokenKind.Number:
                        _pos++;
                        if (double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                        {
                            return ExprValue.FromNumber(d);
                        }
                        if (token.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
                            long.TryParse(token.Text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
                        {
                            return ExprValue.FromNumber(hex);
                        }
                        throw new ExpressionException($"invalid number '{token.Text}'");
                    case TokenKind.Operator when token.Text == "(":
                        _pos++;
                        var inner = ParseOr();
                        Expect(")");
                        return inner;
                    case TokenKind.Identifier:
                        _pos++;
                        if (TryOperator("("))
                        {
                            var args = new List<ExprValue>();
                            if (!TryOperator(")"))
                            {
                                do
                                {
                                    args.Add(ParseOr());
                                }
                                while (TryOperator(","));
                                Expect(")");
                            }
                            return Call(token.Text, args);
                        }
                        return ParsePropertyPath(token.Text);
                    default:
                        throw new ExpressionException($"unexpected '{token.Text}'");
                }
            }

            private ExprValue ParsePropertyPath(string head)
            {
                switch (head.ToLowerInvariant())
                {
                    case "true":
                        return ExprValue.True;
                    case "false":
                        return ExprValue.False;
                    case "null":
                        return ExprValue.Null;
                }

                var path = new List<string> { head.ToLowerInvariant() };
                var known = true;
                while (true)
                {
                    if (TryOperator("."))
                    {
                        if (Peek.Kind == TokenKind.Identifier)
                        {
                            path.Add(Peek.Text.ToLowerInvariant());
                            _pos++;
                        }
                        else if (TryOperator("*"))
                        {
                            known = false;
                        }
                        else
                        {
                            throw new ExpressionException($"expected a property name after '.' but found '{Peek.Text}'");
                        }
                    }
                    else if (TryOperator("["))
                    {
                        var index = TryOperator("*") ? ExprValue.Unknown : ParseOr();
                        Expect("]");
                        if (index.Kind == ExprValueKind.String)
                        {
                            path.Add(index.Text!.ToLowerInvariant());
                        }
                        else
                        {
                            known = false;
                        }
                    }
                    else
                    {
                        break;
                    }
                }
                return known ? Lookup(path) : ExprValue.Unknown;
            }

            private ExprValue Lookup(List<string> path)
            {
                if (path[0] != "github")
                {
                    return ExprValue.Unknown;
                }
                var key = string.Join(".", path.ToArray());
                switch (key)
                {
                    case "github.ref":
                        return _context.Ref;
                    case "github.ref_name":
                        return _context.RefName;
                    case "github.ref_type":
                        return _context.RefType;
                    case "github.event_name":
                        return _context.EventName == null ? ExprValue.Unknown : ExprValue.String(_context.EventName);
                    case "github.event.release.tag_name":
                        return _context.ReleaseTagName;
                    case "github.event.release":
                        return _context.ReleaseTagName.Kind == ExprValueKind.Null ? ExprValue.Null : ExprValue.Unknown;
                    default:
                        return ExprValue.Unknown;
                }
            }

            private static ExprValue Call(string name, List<ExprValue> args)
            {
                switch (name.ToLowerInvariant())
                {
                    case "startswith":
                        return args.Count == 2 ? ExprValue.FromTri(StartsWith(args[0], args[1])) : throw new ExpressionException("startsWith takes 2 arguments");
                    case "endswith":
                        return args.Count == 2 ? ExprValue.FromTri(EndsWith(args[0], args[1])) : throw new ExpressionException("endsWith takes 2 arguments");
                    case "contains":
                        return args.Count == 2 ? ExprValue.FromTri(Contains(args[0], args[1])) : throw new ExpressionException("contains takes 2 arguments");
                    case "always":
                        return ExprValue.True;
                    default:
                        // success(), failure(), cancelled(), format(), fromJSON(), hashFiles(), …
                        return ExprValue.Unknown;
                }
            }

            private static Tri StartsWith(ExprValue subject, ExprValue search)
            {
                var needle = search.AsString();
                if (needle == null)
                {
                    return Tri.Unknown;
                }
                if (subject.Kind == ExprValueKind.StringWithPrefix)
                {
                    var prefix = subject.Text!;
                    if (prefix.StartsWith(needle, StringComparison.OrdinalIgnoreCase))
                    {
                        return Tri.True;
                    }
                    return needle.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? Tri.Unknown : Tri.False;
                }
                var hay = subject.AsString();
                if (hay == null)
                {
                    return Tri.Unknown;
                }
                return hay.StartsWith(needle, StringComparison.OrdinalIgnoreCase) ? Tri.True : Tri.False;
            }

            private static Tri EndsWith(ExprValue subject, ExprValue search)
            {
                var needle = search.AsString();
                var hay = subject.AsString();
                if (needle == null || hay == null)
                {
                    return Tri.Unknown;
                }
                return hay.EndsWith(needle, StringComparison.OrdinalIgnoreCase) ? Tri.True : Tri.False;
            }

            private static Tri Contains(ExprValue subject, ExprValue search)
            {
                var needle = search.AsString();
                if (needle == null)
                {
                    return Tri.Unknown;
                }
                if (subject.Kind == ExprValueKind.StringWithPrefix)
                {
                    return subject.Text!.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0 ? Tri.True : Tri.Unknown;
                }
                var hay = subject.AsString();
                if (hay == null)
                {
                    return Tri.Unknown;
                }
                return hay.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0 ? Tri.True : Tri.False;
            }
        }
    }
}
