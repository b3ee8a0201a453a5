using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Raxx.Guardrails.Testing
{
    /// <summary>
    /// Approved-file snapshots: compares text with <c>Snapshots/&lt;name&gt;.verified.txt</c> beside
    /// the calling test file. On mismatch writes <c>&lt;name&gt;.received.txt</c> next to it and fails
    /// with a diff hint; approve by renaming received to verified (or run with
    /// <c>RAXX_ACCEPT_SNAPSHOTS=1</c> to write verified files directly).
    /// </summary>
    public static class Snapshot
    {
        public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
        {
            var dir = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
            var verified = Path.Combine(dir, name + ".verified.txt");
            var received = Path.Combine(dir, name + ".received.txt");
            var normalized = Normalize(actual);

            if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == normalized)
            {
                if (File.Exists(received))
                {
                    File.Delete(received);
                }
                return;
            }

            Directory.CreateDirectory(dir);
            if (Environment.GetEnvironmentVariable("RAXX_ACCEPT_SNAPSHOTS") == "1")
            {
                File.WriteAllText(verified, normalized);
                return;
            }

            File.WriteAllText(received, normalized);
            if (!File.Exists(verified))
            {
                throw new XunitException($"No approved snapshot {verified}. Review {received} and rename it to .verified.txt.");
            }

            var expected = Normalize(File.ReadAllText(verified));
            throw new XunitException($"Snapshot {name} differs from {verified} (received written to {received}).\n" + FirstDifference(expected, normalized));
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

        private static string FirstDifference(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var el = i < e.Length ? e[i] : "<end>";
                var al = i < a.Length ? a[i] : "<end>";
                if (el != al)
                {
                    return $"line {i + 1}:\n  verified: {el}\n  received: {al}";
                }
            }
            return "(whitespace only)";
        }
    }
}
