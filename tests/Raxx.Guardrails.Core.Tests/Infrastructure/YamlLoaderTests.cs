using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

public class YamlLoaderTests
{
    [Fact]
    public void Load_ReturnsRootWith1BasedPositions()
    {
        var result = YamlLoader.Load("on:\n  push:\n    tags: ['v*']\n");
        Assert.True(result.Success);
        var root = Assert.IsType<YamlMappingNode>(result.Root);
        var on = (YamlMappingNode)root.Children[new YamlScalarNode("on")];
        var push = (YamlMappingNode)on.Children[new YamlScalarNode("push")];
        var tags = (YamlSequenceNode)push.Children[new YamlScalarNode("tags")];
        Assert.Equal((3, 12), YamlLoader.StartOf(tags.Children[0]));
        Assert.Equal((3, 16), YamlLoader.EndOf(tags.Children[0]));
    }

    [Fact]
    public void Load_Empty_IsSuccessWithoutRoot()
    {
        Assert.True(YamlLoader.Load("").Success);
        Assert.Null(YamlLoader.Load("# only a comment\n").Root);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 1)]
    [InlineData("a:\n  b: 1\n c: 2\n", 3)]
    [InlineData("a: 'unterminated\n", 1)]
    [InlineData("key: *missing\n", 1)]
    public void Load_BrokenYaml_ReturnsLocatedError(string text, int line)
    {
        var result = YamlLoader.Load(text);
        Assert.False(result.Success);
        Assert.Equal(line, result.Error!.Line);
        Assert.DoesNotContain("   at ", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasBomb_IsRefusedWithALocatedError()
    {
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        var previous = "a";
        for (var i = 0; i < 12; i++)
        {
            var name = "l" + i;
            sb.Append(name).Append(": &").Append(name).Append(" [");
            sb.Append(string.Join(", ", Enumerable.Repeat("*" + previous, 100)));
            sb.Append("]\n");
            previous = name;
        }
        var result = YamlLoader.Load(sb.ToString());
        Assert.False(result.Success);
        Assert.Contains("alias", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeText_IsRefused()
    {
        var result = YamlLoader.Load("a: " + new string('x', YamlLoader.MaxTextLength));
        Assert.False(result.Success);
        Assert.Equal(1, result.Error!.Line);
    }
}
