using System;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// RAXX402 on files written the ways Windows editors and old tools write them: UTF-16/32 with a byte order mark (their
/// bytes hold NULs, which used to make them "binary" and unscanned) and CR-only line ends (which used to make the whole
/// file one line whose key was the first line's). Positions are those an editor shows.
/// </summary>
public sealed class CredentialFileEncodingTests : IDisposable
{
    private const string Uuid = "5b1d7f3e-2c4a-4e8b-9a6d-0f3c2e1b7a94";
    private const string Text = "# deploy settings\nAPP_NAME=raptor\nHEROKU_API_KEY=" + Uuid + "\n";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    private string[] Located() =>
        RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .Select(f => $"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}-{f.Location.EndColumn}")
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();

    private static byte[] WithBom(Encoding encoding, string text) => encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

    [Fact]
    public void Utf16And32FilesWithBom_AreScanned()
    {
        _repo.WriteBytes("utf16le.env", WithBom(new UnicodeEncoding(bigEndian: false, byteOrderMark: true), Text))
            .WriteBytes("utf16be.env", WithBom(new UnicodeEncoding(bigEndian: true, byteOrderMark: true), Text))
            .WriteBytes("utf32le.env", WithBom(new UTF32Encoding(bigEndian: false, byteOrderMark: true), Text))
            .WriteBytes("utf32be.env", WithBom(new UTF32Encoding(bigEndian: true, byteOrderMark: true), Text))
            .WriteBytes("utf8bom.env", WithBom(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Text));
        var end = 16 + Uuid.Length;
        Assert.Equal(new[]
        {
            $"utf16be.env:3:16-{end}",
            $"utf16le.env:3:16-{end}",
            $"utf32be.env:3:16-{end}",
            $"utf32le.env:3:16-{end}",
            $"utf8bom.env:3:16-{end}",
        }, Located());
    }

    [Fact]
    public void Utf16EnvCopiedToOutput_IsInspected_LikeInTheRepository()
    {
        // the RAXX403 output check reads copied files itself (no repository listing): same decoding
        _repo.WriteBytes("out/.env", WithBom(new UnicodeEncoding(bigEndian: false, byteOrderMark: true), Text));
        var matches = SecretBearingFiles.Inspect(System.IO.Path.Combine(_repo.Root, "out", ".env"), SecretBearingKind.EnvFile, SecretBaseline.Empty);
        Assert.NotNull(matches);
        Assert.Equal(3, Assert.Single(matches).Line);
    }

    [Fact]
    public void WideFilesThatAreBinary_OrWithoutBom_AreNotScanned()
    {
        // a UTF-16 BOM followed by NUL characters is binary data; UTF-16 without a BOM cannot be told from binary
        var binary = new byte[] { 0xFF, 0xFE }.Concat(new UnicodeEncoding(false, false).GetBytes("HEROKU_API_KEY=" + Uuid + "\0\0\0")).ToArray();
        _repo.WriteBytes("binary.env", binary)
            .WriteBytes("nobom.env", new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(Text));
        Assert.Empty(Located());
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void EveryLineEnd_FindsTheKeyOnItsLine(string newline)
    {
        _repo.Write("deploy.env", Text.Replace("\n", newline, StringComparison.Ordinal));
        Assert.Equal(new[] { $"deploy.env:3:16-{16 + Uuid.Length}" }, Located());
    }

    [Theory]
    [InlineData("A=1\rHEROKU_API_KEY=" + Uuid + "\r", 2, 16)]
    [InlineData("PORT=8080\rDEBUG=false\rSECRET_KEY=" + Uuid + "\r", 3, 12)]
    [InlineData("# settings\r\r  export HEROKU_API_KEY=" + Uuid, 3, 25)]
    public void CrOnlyLineEnds_AfterOtherAssignments_Report(string text, int line, int column)
    {
        _repo.Write("app.env", text);
        Assert.Equal(new[] { $"app.env:{line}:{column}-{column + Uuid.Length}" }, Located());
    }

    [Fact]
    public void CrOnlyLineEnds_KeepTheirOwnKeys_AndSuppressions()
    {
        // a non-secret key on the line before must not name the value; a suppression comment covers only its CR line
        _repo.Write("ids.env", "HEROKU_API_KEY=placeholder\rHEROKU_APP_ID=" + Uuid + "\r")
            .Write("suppressed.env", "# raxx:allow-credential sandbox\rHEROKU_API_KEY=" + Uuid + "\rHEROKU_API_TOKEN=" + Uuid + "\r");
        Assert.Equal(new[] { $"suppressed.env:3:18-{18 + Uuid.Length}" }, Located());
    }

    [Fact]
    public void MixedLineEnds_PositionsAsAnEditorShowsThem()
    {
        var text = "A=1\r\nB=2\rC=3\nHEROKU_API_KEY=" + Uuid + "\r";
        Assert.Equal(new[] { (4, 16) }, SecretScanner.Scan(text).Select(m => (m.Line, m.Column)).ToArray());
        // texts with no lone '\r' are scanned as they are (no copy)
        var unchanged = "A=1\r\nB=2\nC=3\r\n";
        Assert.Same(unchanged, SecretScanner.WithLoneCarriageReturnsAsLineFeeds(unchanged));
    }
}
