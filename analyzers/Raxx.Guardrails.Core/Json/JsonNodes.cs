using System;
using System.Collections.Generic;
using System.Globalization;

namespace Raxx.Guardrails.Core.Json
{
    public enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A JSON value with its 1-based source position (for located diagnostics).</summary>
    public abstract class JsonNode
    {
        protected JsonNode(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public abstract JsonKind Kind { get; }
        public int Line { get; }
        public int Column { get; }

        /// <summary>Position just past the value (1-based line, exclusive column).</summary>
        public int EndLine { get; internal set; }
        public int EndColumn { get; internal set; }

        /// <summary>The string value, or null when this is not a string.</summary>
        public string? AsString() => (this as JsonString)?.Value;

        /// <summary>A bool value, or null when this is not true/false.</summary>
        public bool? AsBool() => Kind == JsonKind.True ? true : Kind == JsonKind.False ? false : (bool?)null;

        /// <summary>Property of an object, or null.</summary>
        public JsonNode? this[string name] => (this as JsonObject)?.Get(name);
    }

    public sealed class JsonProperty
    {
        public JsonProperty(string name, int line, int column, JsonNode value)
        {
            Name = name;
            Line = line;
            Column = column;
            Value = value;
        }

        public string Name { get; }

        /// <summary>Position of the property name's opening quote.</summary>
        public int Line { get; }
        public int Column { get; }
        public JsonNode Value { get; }
    }

    public sealed class JsonObject : JsonNode
    {
        public JsonObject(int line, int column) : base(line, column)
        {
        }

        public override JsonKind Kind => JsonKind.Object;

        /// <summary>Properties in document order, duplicates included.</summary>
        public List<JsonProperty> Properties { get; } = new List<JsonProperty>();

        /// <summary>Last property with this name (JSON's usual "last wins"), ordinal comparison.</summary>
        public JsonNode? Get(string name)
        {
            for (var i = Properties.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
                {
                    return Properties[i].Value;
                }
            }
            return null;
        }

        /// <summary>Last property with this name, ignoring case (as Microsoft.Extensions.Configuration does).</summary>
        public JsonProperty? GetPropertyIgnoreCase(string name)
        {
            for (var i = Properties.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Properties[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return Properties[i];
                }
            }
            return null;
        }
    }

    public sealed class JsonArray : JsonNode
    {
        public JsonArray(int line, int column) : base(line, column)
        {
        }

        public override JsonKind Kind => JsonKind.Array;
        public List<JsonNode> Items { get; } = new List<JsonNode>();
    }

    public sealed class JsonString : JsonNode
    {
        public JsonString(string value, int line, int column) : base(line, column)
        {
            Value = value;
        }

        public override JsonKind Kind => JsonKind.String;
        public string Value { get; }
    }

    public sealed class JsonNumber : JsonNode
    {
        public JsonNumber(string raw, int line, int column) : base(line, column)
        {
            Raw = raw;
        }

        public override JsonKind Kind => JsonKind.Number;
        public string Raw { get; }

        public double Value => double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }

    public sealed class JsonLiteral : JsonNode
    {
        public JsonLiteral(JsonKind kind, int line, int column) : base(line, column)
        {
            if (kind != JsonKind.True && kind != JsonKind.False && kind != JsonKind.Null)
            {
                throw new ArgumentOutOfRangeException(nameof(kind));
            }
            LiteralKind = kind;
        }

        private JsonKind LiteralKind { get; }
        public override JsonKind Kind => LiteralKind;
    }
}
