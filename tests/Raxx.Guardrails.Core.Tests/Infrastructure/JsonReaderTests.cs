using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Json;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

public class JsonReaderTests
{
    [Fact]
    public void Parse_KeepsPositionsOfPropertiesAndValues()
    {
        var result = JsonReader.Parse("{\n  \"a\": [1, true],\n  \"b\": \"x\"\n}");
        Assert.True(result.Success);
        var obj = Assert.IsType<JsonObject>(result.Root);
        Assert.Equal(2, obj.Properties.Count);
        Assert.Equal((2, 3), (obj.Properties[0].Line, obj.Properties[0].Column));
        var b = obj.Properties[1];
        Assert.Equal((3, 3), (b.Line, b.Column));
        Assert.Equal((3, 8), (b.Value.Line, b.Value.Column));
        Assert.Equal("x", b.Value.AsString());
        var array = Assert.IsType<JsonArray>(obj.Get("a"));
        Assert.Equal(JsonKind.True, array.Items[1].Kind);
    }

    [Fact]
    public void Parse_AcceptsCommentsTrailingCommasAndBom()
    {
        var result = JsonReader.Parse("\uFEFF{ // c\n \"a\": 1, /* b */ \"c\": [1,2,], }");
        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(1, ((JsonNumber)result.Root!["a"]!).Value);
    }

    [Fact]
    public void Parse_DecodesEscapes()
    {
        var result = JsonReader.Parse("\"a\\u0041\\n\\\"\"");
        Assert.Equal("aA\n\"", result.Root!.AsString());
    }

    [Fact]
    public void Parse_KeepsDuplicateKeys_LastWins()
    {
        var obj = (JsonObject)JsonReader.Parse("{\"a\":1,\"a\":2}").Root!;
        Assert.Equal(2, obj.Properties.Count);
        Assert.Equal("2", ((JsonNumber)obj.Get("a")!).Raw);
    }

    [Theory]
    [InlineData("{\"a\": }", 1, 7, "expected a value")]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ','")]
    [InlineData("[1, 2", 1, 6, "expected ']'")]
    [InlineData("\"abc", 1, 1, "unterminated string")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("{} x", 1, 4, "after the end")]
    [InlineData("{'a': 1}", 1, 2, "double quotes")]
    [InlineData("tru", 1, 1, "expected 'true'")]
    public void Parse_BadInput_ReturnsLocatedError(string text, int line, int column, string fragment)
    {
        var result = JsonReader.Parse(text);
        Assert.False(result.Success);
        Assert.Contains(fragment, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (result.Error.Line, result.Error.Column));
    }

    [Fact]
    public void Parse_DeepNesting_IsAnErrorNotAStackOverflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var result = JsonReader.Parse(text);
        Assert.False(result.Success);
        Assert.Contains("deeper", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_RoundTripsThroughReader()
    {
        var w = new JsonWriter();
        w.StartObject().Property("s", "q\"\\\n\u0001").Name("n").Number(3).Name("arr").StartArray().Bool(true).Null().EndArray().EndObject();
        var back = (JsonObject)JsonReader.Parse(w.ToString()).Root!;
        Assert.Equal("q\"\\\n\u0001", back.Get("s")!.AsString());
        Assert.Equal(2, ((JsonArray)back.Get("arr")!).Items.Count);
    }
}
