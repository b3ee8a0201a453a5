using System;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Core.Yaml;

namespace Raxx.Guardrails.Core.Tests.Robustness;

/// <summary>Thousands of mutated inputs per parser (fixed seeds): a result or a located error, never an exception.</summary>
public class ParserFuzzTests
{
    private static readonly string[] YamlSeeds =
    {
        "flags:\n  webauthn_registration:\n    default: false\n    risk: high\n    owner: auth\n",
        "on:\n  push:\n    tags: ['v*.*.*']\njobs:\n  deploy:\n    if: startsWith(github.ref, 'refs/tags/v')\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku config:set A=b\n",
        "base: &a {x: 1, y: [1, 2]}\nderived:\n  <<: *a\n  z: |\n    text\n    more\n",
        "- a\n- b: c\n  d: [e, {f: g}]\n- \"quoted \\u00e9\"\n- 'single ''q'''\n",
    };

    private static readonly string[] JsonSeeds =
    {
        "{\"packages\":{\".\":{\"package-name\":\"trademaster-api\",\"release-type\":\"python\"}},\"include-component-in-tag\":true}",
        "{\n  // comment\n  \"FeatureManagement\": { \"Beta\": true, \"Gamma\": { \"EnabledFor\": [ { \"Name\": \"Percentage\", \"Parameters\": { \"Value\": 50 } } ] } },\n}",
        "[1, -2.5e3, true, false, null, \"\\u00e9\\n\", [], {}]",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void YamlLoader_NeverThrows(int seed) =>
        Fuzz.Run(YamlSeeds, 1500, seed, text =>
        {
            var result = YamlLoader.Load(text);
            if (!result.Success)
            {
                Assert.True(result.Error!.Line >= 1 && result.Error.Column >= 1, $"error without a location: {result.Error}");
            }
        });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void JsonReader_NeverThrows(int seed) =>
        Fuzz.Run(JsonSeeds, 2000, seed, text =>
        {
            var result = JsonReader.Parse(text);
            if (!result.Success)
            {
                Assert.True(result.Error!.Line >= 1 && result.Error.Column >= 1, $"error without a location: {result.Error}");
            }
        });

    [Fact]
    public void PathGlob_NeverThrows_OnMutatedPatternsAndPaths()
    {
        var patterns = new[] { "samples/incidents/**", "tests/**/TestData/**", "**/*.local.json", "instance/**", "src/[a-z]*.cs", "a?b/**/c" };
        var random = new Random(7);
        Fuzz.Run(patterns, 3000, 7, pattern =>
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                Assert.Throws<ArgumentException>(() => new PathGlob(pattern)); // the documented contract; config loading reports it at the line
                return;
            }
            var glob = new PathGlob(pattern);
            glob.IsMatch(Fuzz.Mutate("samples/incidents/01/instance/config.local.json", random));
        });
    }

    [Theory]
    [InlineData("src/[a-c]x.cs", "src/bx.cs", true)]
    [InlineData("src/[a-c]x.cs", "src/dx.cs", false)]
    [InlineData("src/[!a-c]x.cs", "src/dx.cs", true)]
    [InlineData("src/[!a-c]x.cs", "src/ax.cs", false)]
    [InlineData("src/[z-a]x.cs", "src/[z-a]x.cs", true)] // reversed range: the bracket is literal (found by the fuzzer)
    [InlineData("src/[.*]x.cs", "src/.x.cs", true)]
    [InlineData("src/[.*]x.cs", "src/ax.cs", false)]
    public void PathGlob_CharacterClasses(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new PathGlob(pattern).IsMatch(path));

    [Fact]
    public void JsonReader_DeepNesting_IsALocatedError()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var result = JsonReader.Parse(text);
        Assert.False(result.Success);
        Assert.Equal(1, result.Error!.Line);
    }

    [Fact]
    public void YamlLoader_DeepNesting_IsBounded()
    {
        var text = new string('[', 20_000) + new string(']', 20_000);
        var result = YamlLoader.Load(text);
        Assert.True(result.Success || result.Error!.Line >= 1);
    }

    [Fact]
    public void Parsers_HandleCrlfBomAndLoneSurrogates()
    {
        var yaml = "\uFEFFflags:\r\n  a:\r\n    default: true\r\n  b\uD800: x\r\n";
        var loaded = YamlLoader.Load(yaml);
        Assert.True(loaded.Success || loaded.Error!.Line >= 1);
        var json = JsonReader.Parse("\uFEFF{\r\n \"a\": \"\uD800\",\r\n \"b\": 1\r\n}");
        Assert.True(json.Success || json.Error!.Line >= 1);
    }
}
