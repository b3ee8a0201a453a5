using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>Why a file's text could not be read.</summary>
    public enum ReadFailure
    {
        None,
        TooLarge,
        Binary,
        IoError,
    }

    /// <summary>
    /// The repository a run checks: its root, its configuration and its files (tracked and
    /// untracked-but-not-ignored files when git is available; otherwise every file below the root
    /// except build output and VCS folders). Built once per run and shared by every repository rule.
    /// </summary>
    public sealed class RepositoryContext
    {
        /// <summary>Files larger than this are not read as text by default (bytes).</summary>
        public const long DefaultMaxTextFileBytes = 5 * 1024 * 1024;

        private static readonly HashSet<string> SkippedDirectories = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".git", "bin", "obj", "node_modules", ".vs", ".idea", "TestResults", "artifacts",
        };

        private readonly Dictionary<string, RepositoryFile> _byPath;
        private HashSet<string>? _ignored;

        private RepositoryContext(string root, RepositoryConfig config, IReadOnlyList<RepositoryFile> files, bool isGit)
        {
            Root = root;
            Config = config;
            // git lists an unmerged path once per stage (mid-merge); a file is one file.
            files = files.GroupBy(f => f.RelativePath, StringComparer.Ordinal).Select(g => g.First()).ToArray();
            AllFiles = files;
            IsGitRepository = isGit;
            _byPath = files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
            Files = files.Where(f => config.IsIncluded(f.RelativePath)).ToArray();
        }

        /// <summary>Absolute path of the repository root.</summary>
        public string Root { get; }
        public RepositoryConfig Config { get; }
        public bool IsGitRepository { get; }

        /// <summary>Files selected by the configuration's include/exclude globs.</summary>
        public IReadOnlyList<RepositoryFile> Files { get; }

        /// <summary>Every file found, before include/exclude (for rules that compare copies).</summary>
        public IReadOnlyList<RepositoryFile> AllFiles { get; }

        public long MaxTextFileBytes { get; set; } = DefaultMaxTextFileBytes;

        /// <summary>Opens a repository: lists its files through git when possible.</summary>
        public static RepositoryContext Open(string root, RepositoryConfig? config = null)
        {
            var fullRoot = Path.GetFullPath(root);
            config = config ?? RepositoryConfig.Empty;

            var gitFiles = TryListWithGit(fullRoot);
            if (gitFiles != null)
            {
                return new RepositoryContext(fullRoot, config, gitFiles, isGit: true);
            }

            return new RepositoryContext(fullRoot, config, Walk(fullRoot), isGit: false);
        }

        /// <summary>A context over an explicit file list (tests, MSBuild item groups).</summary>
        public static RepositoryContext FromFiles(string root, IEnumerable<RepositoryFile> files, RepositoryConfig? config = null, bool isGit = false) =>
            new RepositoryContext(Path.GetFullPath(root), config ?? RepositoryConfig.Empty, files.ToArray(), isGit);

        public RepositoryFile? GetFile(string relativePath)
        {
            var key = NormalizeRelative(relativePath);
            return _byPath.TryGetValue(key, out var f) ? f : null;
        }

        public string GetFullPath(string relativePath) => Path.GetFullPath(Path.Combine(Root, NormalizeRelative(relativePath)));

        /// <summary>Repository-relative, forward-slash form of a path (absolute or relative).</summary>
        public string ToRelative(string path)
        {
            var full = Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(Root, path));
            var rootWithSep = Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
            if (full.StartsWith(rootWithSep, StringComparison.Ordinal))
            {
                full = full.Substring(rootWithSep.Length);
            }
            return full.Replace('\\', '/');
        }

        public static string NormalizeRelative(string path)
        {
            var p = path.Replace('\\', '/');
            while (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }
            return p.TrimStart('/');
        }

        /// <summary>True when git ignores this path (false outside a git work tree).</summary>
        public bool IsIgnored(string relativePath)
        {
            if (!IsGitRepository)
            {
                return false;
            }
            if (_ignored == null)
            {
                var output = RunGit(Root, "ls-files -z --others --ignored --exclude-standard --directory");
                _ignored = new HashSet<string>(StringComparer.Ordinal);
                if (output != null)
                {
                    foreach (var p in output.Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        _ignored.Add(p.TrimEnd('/'));
                    }
                }
            }

            var path = NormalizeRelative(relativePath);
            // a path is ignored when it or one of its parent directories is listed
            while (path.Length > 0)
            {
                if (_ignored.Contains(path))
                {
                    return true;
                }
                var slash = path.LastIndexOf('/');
                if (slash < 0)
                {
                    break;
                }
                path = path.Substring(0, slash);
            }
            return false;
        }

        /// <summary>
        /// Reads a file as text (UTF-8 with BOM detection). Returns null and a reason for files
        /// that are too large, binary (a NUL byte in the first 8 KiB) or unreadable.
        /// </summary>
        public string? ReadText(RepositoryFile file, out ReadFailure failure)
        {
            failure = ReadFailure.None;
            try
            {
#if NET8_0_OR_GREATER
                return ReadTextPooled(file, out failure);
#else
                var info = new FileInfo(file.FullPath);
                if (!info.Exists)
                {
                    failure = ReadFailure.IoError;
                    return null;
                }
                if (info.Length > MaxTextFileBytes)
                {
                    failure = ReadFailure.TooLarge;
                    return null;
                }

                var bytes = File.ReadAllBytes(file.FullPath);
                var text = Text.TextDecoding.Decode(bytes, bytes.Length);
                failure = text == null ? ReadFailure.Binary : ReadFailure.None;
                return text;
#endif
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                failure = ReadFailure.IoError;
                return null;
            }
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// <see cref="ReadText(RepositoryFile, out ReadFailure)"/> on .NET: the same checks and decoding, with the bytes
        /// read into a pooled buffer (one handle, no FileInfo, no byte array per file: the credential rules read every file).
        /// </summary>
        private string? ReadTextPooled(RepositoryFile file, out ReadFailure failure)
        {
            var bytes = ReadBytesPooled(file, out var count, out failure);
            if (bytes == null)
            {
                return null;
            }
            try
            {
                var text = Text.TextDecoding.Decode(bytes, count);
                failure = text == null ? ReadFailure.Binary : ReadFailure.None;
                return text;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        /// <summary>
        /// <see cref="ReadText(RepositoryFile, out ReadFailure)"/> into <paramref name="chars"/>, a buffer the caller keeps
        /// from file to file (grown as needed): the same checks and decoding, without a string per file. RAXX402 reads
        /// every file of the repository; a string each meant allocating, zeroing and collecting twice the tree's size
        /// (docs/notes/secrets.md, "Scanning a reused buffer"). The span is valid until the next call with the buffer.
        /// Empty with a failure for files that are too large, binary or unreadable.
        /// </summary>
        public ReadOnlySpan<char> ReadText(RepositoryFile file, ref char[]? chars, out ReadFailure failure)
        {
            try
            {
                var bytes = ReadBytesPooled(file, out var count, out failure);
                if (bytes == null)
                {
                    return default;
                }
                try
                {
                    var length = Text.TextDecoding.DecodeInto(bytes, count, ref chars);
                    if (length < 0)
                    {
                        failure = ReadFailure.Binary;
                        return default;
                    }
                    return chars.AsSpan(0, length);
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                failure = ReadFailure.IoError;
                return default;
            }
        }

        /// <summary>The file's bytes in a buffer rented from the shared pool (the caller returns it), or null and why not.</summary>
        private byte[]? ReadBytesPooled(RepositoryFile file, out int count, out ReadFailure failure)
        {
            failure = ReadFailure.None;
            // the length listed for the file (-1 when the listing did not ask)
            byte[]? buffer = null;
            count = Text.FileBytes.ReadAll(file.FullPath, file.KnownLength, MaxTextFileBytes, ref buffer);
            if (count < 0)
            {
                if (buffer != null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
                count = 0;
                failure = ReadFailure.TooLarge;
                return null;
            }
            return buffer;
        }
#endif

        public string? ReadText(RepositoryFile file) => ReadText(file, out _);

        private static IReadOnlyList<RepositoryFile>? TryListWithGit(string root)
        {
            if (!MayBeInGitWorkTree(root))
            {
                return null;
            }
            var inside = RunGit(root, "rev-parse --is-inside-work-tree");
            if (inside == null || inside.Trim() != "true")
            {
                return null;
            }

            var tracked = RunGit(root, "ls-files -z --cached --full-name -- .");
            var others = RunGit(root, "ls-files -z --others --exclude-standard --full-name -- .");
            var top = RunGit(root, "rev-parse --show-toplevel");
            if (tracked == null || others == null || top == null)
            {
                return null;
            }

            // git prints paths relative to the top level; make them relative to `root`.
            var topFull = Path.GetFullPath(top.Trim());
            var prefix = Path.GetFullPath(root).Length > topFull.Length
                ? Path.GetFullPath(root).Substring(topFull.Length).Replace('\\', '/').Trim('/') + "/"
                : string.Empty;

            var files = new List<RepositoryFile>();
            void Add(string list, bool isTracked)
            {
                foreach (var p in list.Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (prefix.Length > 0 && !p.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var rel = p.Substring(prefix.Length);
                    var full = Path.Combine(root, rel);
                    FileInfo info;
                    try
                    {
                        info = new FileInfo(full);
                        if (!info.Exists)
                        {
                            continue; // deleted in the work tree
                        }
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
                    {
                        continue;
                    }
                    files.Add(new RepositoryFile(rel, full, info.Length, isTracked));
                }
            }

            Add(tracked, true);
            Add(others, false);
            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return files;
        }

        /// <summary>
        /// False when git cannot see a work tree here: no <c>.git</c> entry (folder, or file of a linked work tree or
        /// submodule) in the folder or any parent, and no <c>GIT_DIR</c> / <c>GIT_WORK_TREE</c> in the environment — git's
        /// own discovery looks for exactly these. Saves starting git (a process, pipes, and the code behind them) for a
        /// plain folder; when in doubt, git is asked.
        /// </summary>
        internal static bool MayBeInGitWorkTree(string root)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GIT_DIR")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GIT_WORK_TREE")))
            {
                return true;
            }
            try
            {
                for (var dir = new DirectoryInfo(root); dir != null; dir = dir.Parent)
                {
                    var marker = Path.Combine(dir.FullName, ".git");
                    if (Directory.Exists(marker) || File.Exists(marker))
                    {
                        return true;
                    }
                }
                return false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is System.Security.SecurityException)
            {
                return true;
            }
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// The files under <paramref name="root"/> outside git: symbolic links (files and folders: a link loop must not
        /// hang the walk) and the skipped folders are left out, as in the walk below. Links are known from the directory
        /// entries (skipping the ReparsePoint attribute needs no stat); a file's length is not asked here (no stat per
        /// file: the listing was half the time of reading on the 100 MB bench tree) but when it is first used.
        /// </summary>
        private static IReadOnlyList<RepositoryFile> Walk(string root)
        {
            var rootLength = root.TrimEnd(Path.DirectorySeparatorChar).Length + 1;
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                AttributesToSkip = FileAttributes.ReparsePoint,
                IgnoreInaccessible = true,
                ReturnSpecialDirectories = false,
            };
            var entries = new System.IO.Enumeration.FileSystemEnumerable<RepositoryFile>(
                root,
                (ref System.IO.Enumeration.FileSystemEntry entry) =>
                {
                    var full = entry.ToFullPath();
                    return new RepositoryFile(full.Substring(Math.Min(rootLength, full.Length)).Replace('\\', '/'), full, RepositoryFile.UnknownLength, null);
                },
                options)
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
                ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !SkippedDirectories.Contains(entry.FileName.ToString()),
            };
            var files = new List<RepositoryFile>(entries);
            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return files;
        }
#else
        private static IReadOnlyList<RepositoryFile> Walk(string root)
        {
            var files = new List<RepositoryFile>();
            var pending = new Stack<DirectoryInfo>();
            pending.Push(new DirectoryInfo(root));
            var rootLength = root.TrimEnd(Path.DirectorySeparatorChar).Length + 1;
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                FileSystemInfo[] entries;
                try
                {
                    entries = dir.GetFileSystemInfos();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    // never follow links: a symlink loop must not hang the walk
                    if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }
                    if (entry is DirectoryInfo sub)
                    {
                        if (!SkippedDirectories.Contains(sub.Name))
                        {
                            pending.Push(sub);
                        }
                    }
                    else if (entry is FileInfo file)
                    {
                        var rel = file.FullName.Substring(Math.Min(rootLength, file.FullName.Length)).Replace('\\', '/');
                        files.Add(new RepositoryFile(rel, file.FullName, file.Length, null));
                    }
                }
            }
            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return files;
        }
#endif

        /// <summary>Runs git and returns stdout, or null when git is missing or fails.</summary>
        internal static string? RunGit(string workingDirectory, string arguments)
        {
            try
            {
                var psi = new ProcessStartInfo("git", "-c core.quotepath=off " + arguments)
                {
                    WorkingDirectory = workingDirectory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    CreateNoWindow = true,
                    StandardOutputEncoding = Encoding.UTF8,
                };
                using (var process = Process.Start(psi))
                {
                    if (process == null)
                    {
                        return null;
                    }
                    var stderrTask = process.StandardError.ReadToEndAsync();
                    var output = process.StandardOutput.ReadToEnd();
                    if (!process.WaitForExit(60_000))
                    {
                        try
                        {
                            process.Kill();
                        }
                        catch (InvalidOperationException)
                        {
                        }
                        return null;
                    }
                    stderrTask.Wait(1000);
                    return process.ExitCode == 0 ? output : null;
                }
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is IOException)
            {
                return null;
            }
        }
    }
}
