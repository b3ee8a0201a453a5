using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using Raxx.Guardrails.Cli.Tests.Check;
using Raxx.Guardrails.Cli.Tests.Infrastructure;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Sarif;

namespace Raxx.Guardrails.Cli.Tests.Sarif;

public sealed class SarifTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    private static async Task<JsonSchema> Schema() =>
        await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif", "sarif-schema-2.1.0.json"));

    [Fact]
    public async Task CheckOutput_ValidatesAgainstSarif210Schema()
    {
        CheckCommandTests.Seed(_cli);
        var (_, sarif, _) = _cli.Run("check", "--format", "sarif");
        var errors = (await Schema()).Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} ({e.LineNumber},{e.LinePosition})")));
    }

    [Fact]
    public async Task WriterOutput_WithRootAndUnknownRule_Validates()
    {
        var sarif = SarifWriter.Write(new[]
        {
            new Finding("RAXX501", FindingSeverity.Error, "m", new FindingLocation("dir with space/ü:x.yml", 2, 3, 4, 1)),
            new Finding("CS0168", FindingSeverity.Warning, "w", new FindingLocation("a.cs", 1, 1, 1, 1)),
            new Finding("RAXX999", FindingSeverity.Note, "n", new FindingLocation("b.cs", 1, 1, 1, 2), properties: new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" }),
        }, new SarifToolInfo { RootPath = _cli.Root });
        var errors = (await Schema()).Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Contains("\"uri\": \"dir%20with%20space/%C3%BC%3Ax.yml\"", sarif, StringComparison.Ordinal);
        Assert.Contains("\"SRCROOT\": {", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaValidation_CatchesAnInvalidLog()
    {
        // the test can fail: a log missing runs[].tool is rejected
        var errors = (await Schema()).Validate("{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [] } ] }");
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void PartialFingerprint_StableWhenLineMoves_ChangesWithMaterial()
    {
        Finding At(int line, string material) => new("RAXX402", FindingSeverity.Error, "m", new FindingLocation("a.json", line, 3, line, 9), material);
        string Fingerprint(Finding f) => SarifReader.Read(SarifWriter.Write(new[] { f }), "x", null).Single().FingerprintMaterial!;
        Assert.Equal(Fingerprint(At(3, "sha:1")), Fingerprint(At(30, "sha:1")));
        Assert.NotEqual(Fingerprint(At(3, "sha:1")), Fingerprint(At(3, "sha:2")));
        Assert.Equal(At(3, "sha:1").Fingerprint, Fingerprint(At(3, "sha:1")));
    }

    [Fact]
    public void RoundTrip_OursThroughReader()
    {
        var original = new Finding("RAXX501", FindingSeverity.Warning, "msg \"quoted\"\nnext", new FindingLocation("a b/c.yml", 4, 5, 6, 7));
        var read = SarifReader.Read(SarifWriter.Write(new[] { original }), "x.sarif", "/nowhere").Single();
        Assert.Equal("RAXX501", read.RuleId);
        Assert.Equal(FindingSeverity.Warning, read.Severity);
        Assert.Equal(original.Message, read.Message);
        Assert.Equal("a b/c.yml", read.Location.Path);
        Assert.Equal((4, 5, 6, 7), (read.Location.StartLine, read.Location.StartColumn, read.Location.EndLine, read.Location.EndColumn));
    }

    [Fact]
    public void Reader_CompilerLog_AbsoluteUrisBecomeRelative_OutsideRootStaysAbsolute()
    {
        var text = CliFixture.CompilerSarif(_cli.Root);
        var inside = SarifReader.Read(text, "c.sarif", _cli.Root);
        Assert.Equal(new[] { "src/Api/Program.cs", "src/Api/Program.cs", "config/flags.yaml" }, inside.Select(f => f.Location.Path));
        var outside = SarifReader.Read(text, "c.sarif", Path.Combine(_cli.Root, "elsewhere"));
        Assert.All(outside, f => Assert.StartsWith(_cli.Root, f.Location.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_RelativeUriWithBaseId_ResolvesThroughOriginalUriBaseIds()
    {
        var sarif = SarifWriter.Write(new[] { new Finding("RAXX501", FindingSeverity.Error, "m", new FindingLocation("w/d.yml", 1, 1, 1, 2)) },
            new SarifToolInfo { RootPath = Path.Combine(_cli.Root, "repo") });
        Assert.Equal("repo/w/d.yml", SarifReader.Read(sarif, "x", _cli.Root).Single().Location.Path);
    }
}
