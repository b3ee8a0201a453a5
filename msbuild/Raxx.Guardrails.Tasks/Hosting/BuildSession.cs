using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.Build.Framework;

namespace Raxx.Guardrails.Tasks.Hosting
{
    /// <summary>
    /// "Once per build" for repository-level work (DESIGN.md: a solution build reports each repository
    /// finding once, not once per project).
    /// <list type="number">
    /// <item>Within one MSBuild node: an object registered with <see cref="RegisteredTaskObjectLifetime.Build"/>,
    /// which the engine drops when the build ends.</item>
    /// <item>Across the worker nodes of one <c>dotnet build</c>/<c>msbuild</c> invocation (Linux): a marker file in
    /// the temp folder, keyed by the repository root, holding the identity (PID + start time) of the
    /// process that started the build (the node's parent for worker nodes). Where that identity is not
    /// available (Windows, macOS, worker nodes whose parent exited, Visual Studio, the MSBuild server) only the per-node
    /// registration applies: a finding may then be reported once per node, never zero times.</item>
    /// </list>
    /// </summary>
    public static class BuildSession
    {
        private static readonly object Gate = new object();

        /// <summary>True the first time <paramref name="key"/> is claimed in this build; false for every later claim.</summary>
        public static bool TryClaim(IBuildEngine engine, string key, bool crossProcess)
        {
            lock (Gate)
            {
                if (engine is IBuildEngine4 engine4)
                {
                    if (engine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) != null)
                    {
                        return false;
                    }
                    engine4.RegisterTaskObject(key, new object(), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                }

                if (!crossProcess)
                {
                    return true;
                }

                var session = CurrentSessionIdentity();
                return session == null || ClaimMarker(key, session);
            }
        }

        /// <summary>PID and start time of the process that started this build, or null when unknown.</summary>
        internal static string? CurrentSessionIdentity()
        {
            try
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || UsesMSBuildServer())
                {
                    return null;
                }

                var self = ReadStat("/proc/self/stat");
                if (self == null)
                {
                    return null;
                }

                var isWorkerNode = false;
                foreach (var arg in Environment.GetCommandLineArgs())
                {
                    if (arg.IndexOf("nodemode:", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        isWorkerNode = true;
                        break;
                    }
                }

                var pid = isWorkerNode ? self.Value.ParentPid : self.Value.Pid;
                if (pid <= 1)
                {
                    return null; // parent gone (a reused node was re-parented): no reliable session
                }

                var target = isWorkerNode ? ReadStat($"/proc/{pid}/stat") : self;
                return target == null ? null : $"{pid}:{target.Value.StartTime}";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is OverflowException || ex is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The MSBuild server runs many builds in one long-lived process: its identity is not a build's.</summary>
        private static bool UsesMSBuildServer()
        {
            var value = Environment.GetEnvironmentVariable("DOTNET_CLI_USE_MSBUILD_SERVER");
            if (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            foreach (var arg in Environment.GetCommandLineArgs())
            {
                if (arg.IndexOf("nodemode:8", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        private static (int Pid, int ParentPid, string StartTime)? ReadStat(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var text = File.ReadAllText(path);
            // "pid (comm) state ppid … starttime(22nd field) …"; comm may contain spaces and parentheses
            var close = text.LastIndexOf(')');
            var open = text.IndexOf(' ');
            if (close < 0 || open < 0)
            {
                return null;
            }
            var fields = text.Substring(close + 2).Split(' ');
            if (fields.Length < 20)
            {
                return null;
            }
            return (int.Parse(text.Substring(0, open), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[19]);
        }

        /// <summary>Writes the session into the key's marker file unless it is already there (then false).</summary>
        private static bool ClaimMarker(string key, string session)
        {
            string path;
            try
            {
                var dir = Path.Combine(Path.GetTempPath(), "raxx-guardrails");
                Directory.CreateDirectory(dir);
                path = Path.Combine(dir, Hash(key) + ".session");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return true;
            }

            for (var attempt = 0; attempt < 40; attempt++)
            {
                try
                {
                    using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                    {
                        var buffer = new byte[256];
                        var read = stream.Read(buffer, 0, buffer.Length);
                        var existing = Encoding.UTF8.GetString(buffer, 0, read).Trim();
                        if (existing == session)
                        {
                            return false;
                        }
                        var bytes = Encoding.UTF8.GetBytes(session);
                        stream.SetLength(0);
                        stream.Position = 0;
                        stream.Write(bytes, 0, bytes.Length);
                        return true;
                    }
                }
                catch (IOException)
                {
                    Thread.Sleep(50); // another node holds the marker
                }
                catch (UnauthorizedAccessException)
                {
                    return true;
                }
            }
            return true; // never skip a check because the marker is unavailable
        }

        internal static string Hash(string text)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                var sb = new StringBuilder();
                for (var i = 0; i < 12; i++)
                {
                    sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
                return sb.ToString();
            }
        }
    }
}
