#if NET8_0_OR_GREATER
using System;
using System.Buffers;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Raxx.Guardrails.Core.Text
{
    /// <summary>
    /// How the hosts read a whole file into a buffer from the shared pool: the repository rules (one file at a time,
    /// <see cref="Repository.RepositoryContext"/>) and the CLI's text report (one buffer kept from file to file).
    /// </summary>
    public static class FileBytes
    {
        /// <summary>
        /// The file at <paramref name="path"/> read whole into <paramref name="buffer"/> (see
        /// <see cref="ReadAll(SafeFileHandle, long, long, ref byte[])"/>). On Linux this is three system calls (open, pread,
        /// close; when the length is not known, a second pread that reads 0 bytes) through <see cref="PosixFiles"/> instead of
        /// <see cref="File.OpenHandle"/>'s five (it also asks fstat twice): the credential rules read every file of the
        /// repository, and system calls were about a third of reading (docs/notes/secrets.md, "Reading a file in three
        /// system calls"). Elsewhere, and where libc cannot be called, a <see cref="SafeFileHandle"/>.
        /// Throws <see cref="IOException"/> (missing, a directory, a FIFO or device, unreadable) or
        /// <see cref="UnauthorizedAccessException"/> (no permission), as <see cref="File.OpenHandle"/> does.
        /// </summary>
        public static int ReadAll(string path, long expectedLength, long maxBytes, ref byte[]? buffer) =>
            ReadAll(path, expectedLength, maxBytes, ref buffer, PosixFiles.Available);

        /// <summary><paramref name="posix"/>: through libc (tests run both ways on Linux).</summary>
        internal static int ReadAll(string path, long expectedLength, long maxBytes, ref byte[]? buffer, bool posix)
        {
            if (posix)
            {
                var fd = PosixFiles.OpenForReading(path);
                try
                {
                    return ReadAll(new DescriptorReader(fd, path), expectedLength, maxBytes, ref buffer, askLength: false);
                }
                finally
                {
                    PosixFiles.Close(fd);
                }
            }
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                return ReadAll(handle, expectedLength, maxBytes, ref buffer);
            }
        }

        /// <summary>
        /// Reads the file behind <paramref name="handle"/> from its start into <paramref name="buffer"/>, renting it from
        /// <see cref="ArrayPool{T}.Shared"/> or a larger one as needed (the old one is returned; the caller returns the
        /// last). <paramref name="expectedLength"/> (the length listed for the file, or negative when unknown) sizes the
        /// buffer: a read that stops short at exactly that length is the end of the file (one byte more was asked for), so
        /// an unchanged file costs one read; a file that changed is read to a read of 0 bytes. Returns the byte count, or
        /// -1 when the file is, or grew while read, larger than <paramref name="maxBytes"/>.
        /// </summary>
        public static int ReadAll(SafeFileHandle handle, long expectedLength, long maxBytes, ref byte[]? buffer) =>
            ReadAll(new HandleReader(handle), expectedLength, maxBytes, ref buffer, askLength: true);

        private interface IPositionalReader
        {
            long Length();

            int Read(Span<byte> into, long offset);
        }

        private readonly struct HandleReader : IPositionalReader
        {
            private readonly SafeFileHandle _handle;

            public HandleReader(SafeFileHandle handle) => _handle = handle;

            public long Length() => RandomAccess.GetLength(_handle);

            public int Read(Span<byte> into, long offset) => RandomAccess.Read(_handle, into, offset);
        }

        private readonly struct DescriptorReader : IPositionalReader
        {
            private readonly int _fd;
            private readonly string _path;

            public DescriptorReader(int fd, string path)
            {
                _fd = fd;
                _path = path;
            }

            public long Length() => PosixFiles.Length(_fd, _path);

            public int Read(Span<byte> into, long offset) => PosixFiles.Read(_fd, _path, into, offset);
        }

        /// <summary>Rented for a file of unknown length (read to a read of 0 bytes; grown when full).</summary>
        private const int UnknownLengthStart = 64 * 1024;

        /// <param name="askLength">Ask the reader for the length when it is not known (else read to a read of 0 bytes).</param>
        private static int ReadAll<TReader>(TReader reader, long expectedLength, long maxBytes, ref byte[]? buffer, bool askLength)
            where TReader : struct, IPositionalReader
        {
            if (expectedLength > maxBytes || (expectedLength < 0 && askLength))
            {
                expectedLength = reader.Length();
                if (expectedLength > maxBytes)
                {
                    return -1;
                }
            }
            var size = expectedLength >= 0 ? expectedLength + 1 : Math.Max(buffer?.Length ?? 0, UnknownLengthStart);
            if (buffer == null || buffer.Length < size)
            {
                if (buffer != null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                buffer = ArrayPool<byte>.Shared.Rent((int)size);
            }
            var count = 0;
            while (true)
            {
                var n = reader.Read(buffer.AsSpan(count), count);
                if (n == 0)
                {
                    break;
                }
                count += n;
                if (count == expectedLength)
                {
                    break; // a short read at the expected length: the end
                }
                if (count == buffer.Length)
                {
                    if (count > maxBytes)
                    {
                        break; // grew past the limit while read (below)
                    }
                    var length = reader.Length();
                    if (length > maxBytes)
                    {
                        return -1;
                    }
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(2L * buffer.Length, length + 1), maxBytes + 2));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, count);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
            return count > maxBytes ? -1 : count;
        }
    }
}
#endif
