using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Xunit;

namespace Raxx.Guardrails.Testing
{
    /// <summary>
    /// A fresh folder under the system temp folder (<c>raxx-&lt;prefix&gt;-&lt;12 hex&gt;</c>), created at once and
    /// deleted on <see cref="Dispose"/>. The delete never fails a test: it follows no links, clears read-only
    /// attributes (git objects, copied packages), retries briefly while another process (a build node just
    /// exiting, an antivirus scan) still holds a file, and leaves what it cannot remove behind.
    /// </summary>
    public sealed class TempDirectory : IDisposable
    {
        public TempDirectory(string prefix)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "raxx-" + prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        /// <summary>The folder's full path.</summary>
        public string Path { get; }

        /// <summary>A path below the folder (not created).</summary>
        public string Combine(params string[] relative) => System.IO.Path.Combine(Path, System.IO.Path.Combine(relative));

        /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a file below the folder, creating its folders; returns the full path.</summary>
        public string Write(string relative, string text)
        {
            var full = Combine(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            return full;
        }

        /// <summary>Runs <c>git <paramref name="args"/></c> in the folder (fixed author, no user config needed); fails the test when git fails.</summary>
        public void Git(string args)
        {
            var psi = new ProcessStartInfo("git", args) { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "t";
            psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "t@example.invalid";
            var stderr = new System.Text.StringBuilder();
            using var p = new System.Diagnostics.Process { StartInfo = psi };
            p.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
            p.OutputDataReceived += (_, _) => { };
            p.Start();
            p.BeginErrorReadLine();
            p.BeginOutputReadLine();
            p.WaitForExit();
            lock (stderr)
            {
                Assert.True(p.ExitCode == 0, $"git {args}: {stderr}");
            }
        }

        public void Dispose() => Delete(Path);

        /// <summary>Deletes <paramref name="path"/> and everything below it as far as possible; never throws.</summary>
        public static void Delete(string path)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    if (!Directory.Exists(path))
                    {
                        return;
                    }
                    if (attempt > 0)
                    {
                        ClearReadOnly(new DirectoryInfo(path));
                    }
                    Directory.Delete(path, recursive: true);
                    return;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Thread.Sleep(100 * (attempt + 1));
                }
            }
        }

        private static void ClearReadOnly(DirectoryInfo directory)
        {
            try
            {
                foreach (var entry in directory.EnumerateFileSystemInfos())
                {
                    // a link (a symlink loop in a robustness test) is removed as a link, never followed or changed
                    if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }
                    if ((entry.Attributes & FileAttributes.ReadOnly) != 0)
                    {
                        entry.Attributes &= ~FileAttributes.ReadOnly;
                    }
                    if (entry is DirectoryInfo sub)
                    {
                        ClearReadOnly(sub);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }
}
