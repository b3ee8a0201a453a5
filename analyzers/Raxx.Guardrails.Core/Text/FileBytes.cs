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
        /// Reads the file behind <paramref name="handle"/> from its start into <paramref name="buffer"/>, renting it from
        /// <see cref="ArrayPool{T}.Shared"/> or a larger one as needed (the old one is returned; the caller returns the
        /// last). <paramref name="expectedLength"/> (the length listed for the file, or negative when unknown) sizes the
        /// buffer: a read that stops short at exactly that length is the end of the file (one byte more was asked for), so
        /// an unchanged file costs one read; a file that changed is read to a read of 0 bytes. Returns the byte count, or
        /// -1 when the file is, or grew while read, larger than <paramref name="maxBytes"/>.
        /// </summary>
        public static int ReadAll(SafeFileHandle handle, long expectedLength, long maxBytes, ref byte[]? buffer)
        {
            if (expectedLength < 0 || expectedLength > maxBytes)
            {
                expectedLength = RandomAccess.GetLength(handle);
                if (expectedLength > maxBytes)
                {
                    return -1;
                }
            }
            if (buffer == null || buffer.Length < expectedLength + 1)
            {
                if (buffer != null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                buffer = ArrayPool<byte>.Shared.Rent((int)expectedLength + 1);
            }
            var count = 0;
            while (true)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(count), count);
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
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(2L * buffer.Length, RandomAccess.GetLength(handle) + 1), maxBytes + 2));
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
