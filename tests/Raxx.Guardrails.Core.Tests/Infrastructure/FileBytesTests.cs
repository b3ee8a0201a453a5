using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

/// <summary>
/// FileBytes.ReadAll by path: through libc on Linux (open, pread, close) and through a SafeFileHandle elsewhere. Both ways
/// must read the same bytes and refuse the same files (RepositoryContext's ReadText tests cover it through the rules).
/// </summary>
public sealed class FileBytesTests : IDisposable
{
    private readonly TempDirectory _temp = new("filebytes");

    public void Dispose() => _temp.Dispose();

    /// <summary>The ways this machine has: libc where it is available, the handle always.</summary>
    public static TheoryData<bool> Ways()
    {
        var ways = new TheoryData<bool> { false };
        if (PosixFiles.Available)
        {
            ways.Add(true);
        }
        return ways;
    }

    [Fact]
    public void Libc_IsUsedOnLinuxX64AndArm64()
    {
        var expected = OperatingSystem.IsLinux()
            && (RuntimeInformation.ProcessArchitecture == Architecture.X64 || RuntimeInformation.ProcessArchitecture == Architecture.Arm64);
        Assert.Equal(expected, PosixFiles.Available);
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void ReadsEveryLength_WithTheListedLengthRight_Wrong_OrUnknown(bool posix)
    {
        // around the unknown-length first buffer (64 KiB) and the pool's bucket sizes
        foreach (var length in new[] { 0, 1, 4095, 4096, 65535, 65536, 65537, 200_000 })
        {
            var bytes = new byte[length];
            new Random(length).NextBytes(bytes);
            var path = _temp.Combine($"f{length}.bin");
            File.WriteAllBytes(path, bytes);
            foreach (var listed in new long[] { length, -1, length / 2, length + 10, 1L << 40 })
            {
                byte[]? buffer = null;
                var count = FileBytes.ReadAll(path, listed, 1 << 20, ref buffer, posix);
                Assert.True(count == length, $"length {length}, listed {listed}: read {count}");
                Assert.True(bytes.AsSpan().SequenceEqual(buffer.AsSpan(0, count)), $"length {length}, listed {listed}: other bytes");
                ArrayPool<byte>.Shared.Return(buffer!);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void ReusesTheBuffer_AndGrowsItForALargerFile(bool posix)
    {
        File.WriteAllBytes(_temp.Combine("small"), new byte[] { 1, 2, 3 });
        File.WriteAllBytes(_temp.Combine("large"), new byte[300_000]);
        byte[]? buffer = null;
        Assert.Equal(300_000, FileBytes.ReadAll(_temp.Combine("large"), -1, 1 << 20, ref buffer, posix));
        var kept = buffer;
        Assert.Equal(3, FileBytes.ReadAll(_temp.Combine("small"), -1, 1 << 20, ref buffer, posix));
        Assert.Same(kept, buffer);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer.AsSpan(0, 3).ToArray());
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void OverTheLimit_IsMinusOne_ListedOrNot(bool posix)
    {
        var path = _temp.Combine("big");
        File.WriteAllBytes(path, new byte[100_001]);
        foreach (var listed in new long[] { 100_001, -1, 10, 99_999 })
        {
            byte[]? buffer = null;
            Assert.Equal(-1, FileBytes.ReadAll(path, listed, 100_000, ref buffer, posix));
        }
        byte[]? exact = null;
        Assert.Equal(100_001, FileBytes.ReadAll(path, -1, 100_001, ref exact, posix));
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void MissingFile_IsFileNotFound(bool posix)
    {
        byte[]? buffer = null;
        Assert.Throws<FileNotFoundException>(() => FileBytes.ReadAll(_temp.Combine("nowhere.txt"), -1, 1 << 20, ref buffer, posix));
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void Directory_IsRefused_AsAnIOOrAccessError(bool posix)
    {
        Directory.CreateDirectory(_temp.Combine("dir"));
        foreach (var listed in new long[] { -1, 0, 4096 })
        {
            byte[]? buffer = null;
            var error = Record.Exception(() => FileBytes.ReadAll(_temp.Combine("dir"), listed, 1 << 20, ref buffer, posix));
            Assert.True(error is IOException || error is UnauthorizedAccessException, $"listed {listed}: {error?.GetType().Name ?? "no error"}");
        }
    }

    [Fact]
    public async Task Fifo_IsRefusedAtOnce_NotWaitedOn()
    {
        if (!PosixFiles.Available)
        {
            return; // the handle way opens a FIFO as .NET does (it waits for a writer)
        }
        var fifo = _temp.Combine("pipe");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var read = Task.Run(() =>
        {
            byte[]? buffer = null;
            return Record.Exception(() => FileBytes.ReadAll(fifo, -1, 1 << 20, ref buffer, posix: true));
        });
        Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))) == read, "reading a FIFO without a writer blocked");
        Assert.IsAssignableFrom<IOException>(await read);
    }

    [Fact]
    public void Errors_NameThePathAndTheReason()
    {
        if (!PosixFiles.Available)
        {
            return;
        }
        byte[]? buffer = null;
        var path = _temp.Combine("missing.env");
        var error = Assert.Throws<FileNotFoundException>(() => FileBytes.ReadAll(path, -1, 1 << 20, ref buffer, posix: true));
        Assert.Contains(path, error.Message);
        Assert.Contains("errno 2", error.Message);
    }
}
