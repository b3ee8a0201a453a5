using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Text;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

public class TextTests
{
    [Fact]
    public void LineMap_HandlesLfCrLfAndCr()
    {
        var map = new LineMap("ab\r\ncd\ref\ngh");
        Assert.Equal((1, 1), map.GetPosition(0));
        Assert.Equal((2, 1), map.GetPosition(4));
        Assert.Equal((3, 2), map.GetPosition(8));
        Assert.Equal((4, 3), map.GetPosition(12));
        Assert.Equal(4, map.LineCount);
        Assert.Equal(7, map.GetLineStart(3));
    }

    [Theory]
    [InlineData("*.local.json", "appsettings.local.json", true)]
    [InlineData("*.local.json", "src/app/x.local.json", true)]
    [InlineData("*.local.json", "x.local.json.bak", false)]
    [InlineData("instance/**", "instance/config.json", true)]
    [InlineData("instance/**", "src/instance/config.json", false)]
    [InlineData("**/instance/**", "src/instance/config.json", true)]
    [InlineData("samples/incidents/**", "samples/incidents/01/Program.cs", true)]
    [InlineData("samples/incidents/", "samples/incidents/01/Program.cs", true)]
    [InlineData("tests/**/TestData/**", "tests/A.Tests/TestData/x/y.txt", true)]
    [InlineData("tests/**/TestData/**", "tests/A.Tests/Other/y.txt", false)]
    [InlineData("docs", "docs/rules/RAXX101.md", true)]
    [InlineData("appsettings.?.json", "appsettings.A.json", true)]
    [InlineData("[ab].txt", "b.txt", true)]
    [InlineData("[!ab].txt", "b.txt", false)]
    public void PathGlob_Matches(string glob, string path, bool expected) =>
        Assert.Equal(expected, new PathGlob(glob).IsMatch(path));
}
