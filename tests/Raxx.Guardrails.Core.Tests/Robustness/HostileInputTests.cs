using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Yaml;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Robustness;

/// <summary>Inputs meant to hurt: bounded time and memory, a clear outcome, never an exception.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory _temp = new("hostile");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SymlinkLoop_InAPlainFolderWalk_Terminates()
    {
        Directory.CreateDirectory(_temp.Combine("a", "b"));
        File.WriteAllText(_temp.Combine("a", "b", "appsettings.json"), "{}");
        Directory.CreateSymbolicLink(_temp.Combine("a", "b", "loop"), _temp.Combine("a"));
        Directory.CreateSymbolicLink(_temp.Combine("self"), _temp.Path);

        var stopwatch = Stopwatch.StartNew();
        var context = RepositoryContext.Open(_temp.Path);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { "a/b/appsettings.json" }, context.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void FiftyMegabyteSingleLine_IsRefusedWithoutReadingIt()
    {
        var path = _temp.Combine("huge.json");
        using (var stream = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < 50; i++)
            {
                stream.Write(chunk, 0, chunk.Length);
            }
        }

        var context = RepositoryContext.Open(_temp.Path);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = context.ReadText(context.Files.Single(), out var failure);

        Assert.Null(text);
        Assert.Equal(ReadFailure.TooLarge, failure);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "the file was read into memory");
    }

    [Fact]
    public void BinaryFile_WithATextExtension_IsBinary()
    {
        File.WriteAllBytes(_temp.Combine("appsettings.json"), new byte[] { 0x7B, 0x22, 0x00, 0x01, 0xFF, 0xFE, 0x22, 0x7D });
        var context = RepositoryContext.Open(_temp.Path);
        Assert.Null(context.ReadText(context.Files.Single(), out var failure));
        Assert.Equal(ReadFailure.Binary, failure);
    }

    [Fact]
    public void InvalidUtf8_IsReadWithReplacementCharacters_AndStillParses()
    {
        File.WriteAllBytes(_temp.Combine("flags.yaml"), new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28, (byte)'\n', (byte)'b', (byte)':', (byte)' ', 0xFF, (byte)'\n' });
        var context = RepositoryContext.Open(_temp.Path);
        var text = context.ReadText(context.Files.Single());
        Assert.NotNull(text);
        Assert.Contains('\uFFFD', text!);
        Assert.True(YamlLoader.Load(text).Success);
    }

    [Fact]
    public void CrlfAndBom_KeepLinePositions()
    {
        File.WriteAllBytes(_temp.Combine("a.json"), Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\r\n  \"a\": 1,\r\n  \"b\": x\r\n}")).ToArray());
        var context = RepositoryContext.Open(_temp.Path);
        var result = JsonReader.Parse(context.ReadText(context.Files.Single()));
        Assert.False(result.Success);
        Assert.Equal(3, result.Error!.Line);
        Assert.Equal(8, result.Error.Column);
    }

    [Fact]
    public void YamlBillionLaughs_IsRefusedQuickly()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            sb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }
        var stopwatch = Stopwatch.StartNew();
        var result = YamlLoader.Load(sb.ToString());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.False(result.Success);
        Assert.True(result.Error!.Line >= 1);
    }
}
