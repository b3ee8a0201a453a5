using System;
using System.IO;

namespace Raxx.Guardrails.Testing.Process
{
    /// <summary>Locations in this repository, found from the running test assembly, so tests need nothing outside the clone.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Raxx.Guardrails.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Raxx.Guardrails.sln not found above " + AppContext.BaseDirectory);
        });

        /// <summary>The repository root (the folder holding Raxx.Guardrails.sln).</summary>
        public static string Root => RootPath.Value;

        /// <summary>The configuration the tests were built in ("Release" under ./build.sh test), so tests
        /// build samples against the analyzers already built in that configuration.</summary>
        public static string Configuration =>
            AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/") ? "Debug" : "Release";

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        /// <summary>The stand-in web app (tests/Raxx.Guardrails.FakeApp) the preflight tests boot; built by the solution build.</summary>
        public static string FakeApp => Combine("tests", "Raxx.Guardrails.FakeApp", "bin", Configuration, "net10.0", "Raxx.Guardrails.FakeApp.dll");
    }
}
