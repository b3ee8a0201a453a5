#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Raxx.Guardrails.Core.Text
{
    /// <summary>
    /// Reading a file through libc on Linux (x64, Arm64): open, pread, close, and nothing else (<see cref="FileBytes"/>).
    /// <see cref="File.OpenHandle"/> also asks fstat (is it a directory?) and the length (fstat again), and wraps the
    /// descriptor in a SafeHandle; for the credential rules, which read every file of a repository, those calls were a
    /// third of reading. What fstat guarded is still refused: a directory fails its first pread (EISDIR), and a FIFO or
    /// socket is opened without blocking (O_NONBLOCK) and fails its pread (ESPIPE, EAGAIN), where
    /// <see cref="File.OpenHandle"/> would wait for a writer. Errors are the exceptions .NET throws for them.
    /// </summary>
    internal static class PosixFiles
    {
        // Linux's generic values (x86-64 and Arm64 alike)
        private const int ReadOnly = 0;
        private const int NonBlocking = 0x800;
        private const int CloseOnExec = 0x80000;
        private const int SeekEnd = 2;
        private const int Interrupted = 4; // EINTR
        private const int NotFound = 2; // ENOENT
        private const int NotPermitted = 1; // EPERM
        private const int AccessDenied = 13; // EACCES

        /// <summary>libc can be called here: Linux on x64 or Arm64, and its functions load (checked once).</summary>
        public static readonly bool Available = Probe();

        private static bool Probe()
        {
            if (!OperatingSystem.IsLinux()
                || (RuntimeInformation.ProcessArchitecture != Architecture.X64 && RuntimeInformation.ProcessArchitecture != Architecture.Arm64))
            {
                return false;
            }
            try
            {
                // loads libc and binds the three functions: a descriptor that is not open fails with EBADF
                Marshal.PrelinkAll(typeof(Native));
                return Native.close(-1) == -1;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is MarshalDirectiveException)
            {
                return false;
            }
        }

        /// <summary>A descriptor of <paramref name="path"/> open for reading (the caller closes it).</summary>
        public static int OpenForReading(string path)
        {
            while (true)
            {
                var fd = Native.open(path, ReadOnly | NonBlocking | CloseOnExec);
                if (fd >= 0)
                {
                    return fd;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interrupted)
                {
                    throw Error(errno, path);
                }
            }
        }

        /// <summary>Up to <paramref name="into"/>'s length of bytes at <paramref name="offset"/>; 0 at the end.</summary>
        public static int Read(int fd, string path, Span<byte> into, long offset)
        {
            if (into.IsEmpty)
            {
                return 0;
            }
            while (true)
            {
                var n = Native.pread(fd, ref MemoryMarshal.GetReference(into), into.Length, offset);
                if (n >= 0)
                {
                    return (int)n;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interrupted)
                {
                    throw Error(errno, path);
                }
            }
        }

        /// <summary>The file's length now (lseek to its end; reads are positional, so the offset does not matter).</summary>
        public static long Length(int fd, string path)
        {
            var length = Native.lseek(fd, 0, SeekEnd);
            if (length < 0)
            {
                throw Error(Marshal.GetLastPInvokeError(), path);
            }
            return length;
        }

        public static void Close(int fd) => Native.close(fd);

        private static Exception Error(int errno, string path)
        {
            var message = $"Could not read '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).";
            return errno switch
            {
                NotFound => new FileNotFoundException(message, path),
                AccessDenied or NotPermitted => new UnauthorizedAccessException(message),
                _ => new IOException(message, errno),
            };
        }

        private static class Native
        {
            [DllImport("libc", SetLastError = true)]
            public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

            [DllImport("libc", SetLastError = true)]
            public static extern nint pread(int fd, ref byte buffer, nint count, long offset);

            [DllImport("libc", SetLastError = true)]
            public static extern long lseek(int fd, long offset, int whence);

            [DllImport("libc", SetLastError = true)]
            public static extern int close(int fd);
        }
    }
}
#endif
