using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Flags;

namespace Raxx.Guardrails.Core.Tests.Flags;

/// <summary>
/// The plain-YAML reader of flags files (FlagsDocument.PlainYaml.cs) is a shortcut past YamlDotNet: it must read the
/// files flags files really are, and give exactly what the YamlDotNet reader gives, or leave the file to it.
/// </summary>
public class FlagsPlainYamlTests
{
    private const string Typical = """
        # Feature flags of the app: one entry per flag.
        version: 1
        flags:
          webauthn_registration:
            default: false            # off until the rollout
            description: Passkey registration endpoints
            risk: high
            owner: auth-team
          auth_webauthn_login:
            default: true
            env: FLAG_PASSKEY_LOGIN

          console-nav.v2:
            default: FALSE
            description: "Console navigation: v2"
            owner: 'ops'
        """;

    public static IEnumerable<object[]> TypicalFiles()
    {
        yield return new object[] { "typical", Typical };
        yield return new object[] { "typical, CRLF", Typical.Replace("\n", "\r\n") };
        yield return new object[] { "companion", File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "Raxx.Companion", "feature_flags.yaml")) };
        var bench = new StringBuilder("flags:\n");
        for (var f = 0; f < 20; f++)
        {
            bench.Append($"  flag_{f}:\n    default: false\n    description: generated flag {f}\n    risk: low\n    owner: bench\n");
        }
        yield return new object[] { "benchmark", bench.ToString() };
    }

    [Theory]
    [MemberData(nameof(TypicalFiles))]
    public void TypicalFlagsFiles_AreReadWithoutYamlDotNet(string name, string text)
    {
        var plain = FlagsDocument.ParseYaml("feature_flags.yaml", text, plainReader: true);
        Assert.True(new FlagsDocumentProbe().TakesPlainPath(text), name);
        Assert.Equal(Describe(FlagsDocument.ParseYaml("feature_flags.yaml", text, plainReader: false)), Describe(plain));
        Assert.NotEmpty(plain.Flags);
    }

    [Theory]
    [InlineData("flags:\n  a:\n    default: yes\n")]
    [InlineData("flags:\n  a:\n    default: \"true\"\n")]
    [InlineData("flags:\n  a:\n    description: x\n")]
    [InlineData("flags:\n  a:\n    default: true\n    colour: red\n")]
    [InlineData("flags:\n  a:\n    default: true\n  a:\n    default: false\n")]
    [InlineData("flags:\n  a:\n    default: true\n    default: false\n")]
    [InlineData("flags:\n  a:\n    default: true\n    risk: extreme\n")]
    [InlineData("flags:\n  a:\n    default: true\n    env: \"  \"\n")]
    [InlineData("flags:\n  a: true\n")]
    [InlineData("flags:\n")]
    [InlineData("flag:\n  a:\n    default: true\n")]
    [InlineData("flags:\n  a:\n    default: true\nother: 1\n")]
    [InlineData("flags:\n  a:\n\tdefault: true\n")]
    [InlineData("flags:\n  a:\n    default: true\n     description: x\n")]
    [InlineData("flags:\n  a:\n    default: true\n   b:\n    default: true\n")]
    [InlineData("flags:\n  a:\n    default: &d true\n")]
    [InlineData("flags:\n  a: {default: true}\n")]
    [InlineData("\uFEFFflags:\n  a:\n    default: true\n")]
    [InlineData("flags:\n  a:\n    default: true\n    description: a: b\n")]
    [InlineData("flags:\n  a:\n    default: true\n    description: |\n      text\n")]
    [InlineData("flags:\n  a:\n    default: true\n    description: \"esc\\\"aped\"\n")]
    [InlineData("flags:\n  a:\n    default: true\n    description: 'it''s'\n")]
    [InlineData("flags:\n  a:\n    default: true\n    description: two\n      lines\n")]
    [InlineData("---\nflags:\n  a:\n    default: true\n")]
    [InlineData("flags:\r  a:\r    default: true\r")]
    public void FilesOutsideThePlainSubsetOrWithProblems_AreLeftToYamlDotNet(string text)
    {
        Assert.False(new FlagsDocumentProbe().TakesPlainPath(text));
        Assert.Equal(Describe(FlagsDocument.ParseYaml("f.yaml", text, plainReader: false)), Describe(FlagsDocument.ParseYaml("f.yaml", text, plainReader: true)));
    }

    [Fact]
    public void GeneratedFiles_PlainReaderEqualsYamlDotNet()
    {
        var random = new Random(20261201);
        var plainCount = 0;
        for (var n = 0; n < 3000; n++)
        {
            var text = Generate(random);
            var expected = Describe(FlagsDocument.ParseYaml("f.yaml", text, plainReader: false));
            var actual = Describe(FlagsDocument.ParseYaml("f.yaml", text, plainReader: true));
            Assert.True(expected == actual, $"case {n}:\n{text}\n--- YamlDotNet:\n{expected}\n--- plain:\n{actual}");
            if (new FlagsDocumentProbe().TakesPlainPath(text))
            {
                plainCount++;
            }
        }
        // both readers are exercised: many generated files are plain and valid, many are not
        Assert.InRange(plainCount, 150, 2850); // 229 of 3,000 with this seed
    }

    private static readonly string[] Names = { "a", "flag_1", "console-nav.v2", "Auth_WebAuthn", "x/y", "9lives", "_hidden", "true", "null" };
    private static readonly string[] Values =
    {
        "text", "two words", "trailing spaces   ", "C# and F#", "see #42", "issue # 42", "a:b", "a: b", "ends:", "url https://x.invalid",
        "\"double quoted\"", "\"with # and : inside\"", "'single'", "'it''s'", "\"esc\\n\"", "\"\"", "''", "(paren)", "./path", "/abs",
        "-dash", "[list]", "{map}", "&anchor x", "*alias", "!tag x", "|", ">", "%pct", "@at", "`tick`", "café — ünïcode", "~", "null",
        "true", "yes", "\"x\" # after", "\"x\"#tight", "'x' trailing", "a\tb", "0x1F", "1.5",
    };
    private static readonly string[] Defaults = { "true", "false", "True", "FALSE", "yes", "\"true\"", "'false'", "1", "true # on", "false  " };
    private static readonly string[] Risks = { "low", "medium", "high", "High", " HIGH", "extreme", "\"low\"" };

    private static string Generate(Random random)
    {
        var nl = random.Next(8) == 0 ? "\r\n" : "\n";
        var step = random.Next(6) == 0 ? 3 : random.Next(4) == 0 ? 4 : 2;
        var sb = new StringBuilder();
        void Line(string line) => sb.Append(line).Append(nl);
        string Pick(string[] from) => from[random.Next(from.Length)];
        if (random.Next(5) == 0)
        {
            Line("# comment at the top");
        }
        if (random.Next(4) == 0)
        {
            Line("version: " + Pick(new[] { "1", "\"2\"", "x" }));
        }
        Line(random.Next(30) == 0 ? "flags: # the map" : random.Next(40) == 0 ? "flagz:" : "flags:");
        var flags = random.Next(0, 4);
        var used = new List<string>();
        for (var f = 0; f < flags; f++)
        {
            var name = Pick(Names);
            if (used.Contains(name) && random.Next(3) != 0)
            {
                name += f;
            }
            used.Add(name);
            var indent = new string(' ', step + (random.Next(25) == 0 ? 1 : 0));
            Line(indent + name + ":" + (random.Next(10) == 0 ? "   # flag" : random.Next(30) == 0 ? " true" : string.Empty));
            if (random.Next(12) == 0)
            {
                Line(string.Empty);
            }
            var entry = indent + new string(' ', step + (random.Next(30) == 0 ? 1 : 0));
            var keys = new List<string>();
            if (random.Next(10) != 0)
            {
                keys.Add("default: " + Pick(Defaults));
            }
            if (random.Next(2) == 0)
            {
                keys.Add("description: " + Pick(Values));
            }
            if (random.Next(3) == 0)
            {
                keys.Add("risk: " + Pick(Risks));
            }
            if (random.Next(3) == 0)
            {
                keys.Add("owner: " + Pick(Values));
            }
            if (random.Next(4) == 0)
            {
                keys.Add("env: " + Pick(new[] { "FLAG_X", "\"  \"", "custom_env", "'FLAG_Y'" }));
            }
            if (random.Next(15) == 0)
            {
                keys.Add(Pick(new[] { "colour: red", "default: true", "env:", "description:", "risk:\n" + entry + "  nested: 1" }));
            }
            keys = keys.OrderBy(_ => random.Next()).ToList();
            foreach (var key in keys)
            {
                if (random.Next(15) == 0)
                {
                    Line(new string(' ', random.Next(8)) + "# a comment line");
                }
                Line(entry + key + (random.Next(12) == 0 ? "  # why" : string.Empty));
            }
        }
        if (random.Next(20) == 0)
        {
            Line("other: 1");
        }
        var text = sb.ToString();
        return random.Next(10) == 0 ? text.TrimEnd('\r', '\n') : text;
    }

    private static string Describe(FlagsDocument doc)
    {
        var sb = new StringBuilder();
        foreach (var f in doc.Flags)
        {
            sb.Append($"flag {f.Name}|{f.Default}|{f.EnvName}|{f.HasExplicitEnv}|{f.Path}|{f.Kind}|{f.Description}|{f.Risk}|{f.Owner}|");
            sb.Append($"{f.KeySpan.Line},{f.KeySpan.Column},{f.KeySpan.EndLine},{f.KeySpan.EndColumn}\n");
        }
        foreach (var p in doc.Problems)
        {
            sb.Append($"problem {p.Path}|{p.Span.Line},{p.Span.Column},{p.Span.EndLine},{p.Span.EndColumn}|{p.Message}\n");
        }
        sb.Append("sources ").Append(string.Join(";", doc.Sources));
        return sb.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Raxx.Guardrails.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found");
    }

    /// <summary>Whether the plain reader accepts a text (it adds nothing when it does not).</summary>
    private sealed class FlagsDocumentProbe
    {
        public bool TakesPlainPath(string text) => FlagsDocument.ParseYaml("probe.yaml", string.Empty, plainReader: false).TryReadPlainYaml("probe.yaml", text);
    }
}
