using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Raxx.Guardrails.Core.Json
{
    /// <summary>A small indented JSON writer (SARIF, --format json) with correct string escaping.</summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private readonly Stack<bool> _hasItems = new Stack<bool>();
        private readonly bool _indent;
        private bool _afterName;

        public JsonWriter(bool indent = true)
        {
            _indent = indent;
        }

        public override string ToString() => _sb.ToString();

        public JsonWriter StartObject() => Open('{');
        public JsonWriter EndObject() => Close('}');
        public JsonWriter StartArray() => Open('[');
        public JsonWriter EndArray() => Close(']');

        public JsonWriter Name(string name)
        {
            BeforeValue();
            AppendString(name);
            _sb.Append(_indent ? ": " : ":");
            _afterName = true;
            return this;
        }

        public JsonWriter String(string? value)
        {
            if (value == null)
            {
                return Null();
            }
            BeforeValue();
            AppendString(value);
            return this;
        }

        public JsonWriter Number(long value)
        {
            BeforeValue();
            _sb.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Number(double value)
        {
            BeforeValue();
            _sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Bool(bool value)
        {
            BeforeValue();
            _sb.Append(value ? "true" : "false");
            return this;
        }

        public JsonWriter Null()
        {
            BeforeValue();
            _sb.Append("null");
            return this;
        }

        public JsonWriter Property(string name, string? value) => Name(name).String(value);
        public JsonWriter Property(string name, long value) => Name(name).Number(value);
        public JsonWriter Property(string name, bool value) => Name(name).Bool(value);

        private JsonWriter Open(char c)
        {
            BeforeValue();
            _sb.Append(c);
            _hasItems.Push(false);
            return this;
        }

        private JsonWriter Close(char c)
        {
            if (_hasItems.Count == 0)
            {
                throw new InvalidOperationException("no open object or array");
            }
            var had = _hasItems.Pop();
            if (had)
            {
                NewLine();
            }
            _sb.Append(c);
            return this;
        }

        private void BeforeValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }
            if (_hasItems.Count > 0)
            {
                if (_hasItems.Peek())
                {
                    _sb.Append(',');
                }
                else
                {
                    _hasItems.Pop();
                    _hasItems.Push(true);
                }
                NewLine();
            }
        }

        private void NewLine()
        {
            if (!_indent)
            {
                return;
            }
            _sb.Append('\n');
            _sb.Append(' ', _hasItems.Count * 2);
        }

        private void AppendString(string value)
        {
            _sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _sb.Append("\\\""); break;
                    case '\\': _sb.Append("\\\\"); break;
                    case '\n': _sb.Append("\\n"); break;
                    case '\r': _sb.Append("\\r"); break;
                    case '\t': _sb.Append("\\t"); break;
                    case '\b': _sb.Append("\\b"); break;
                    case '\f': _sb.Append("\\f"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029')
                        {
                            _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _sb.Append(c);
                        }
                        break;
                }
            }
            _sb.Append('"');
        }
    }
}
