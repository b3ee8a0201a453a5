using System;
using System.IO;
using System.Security.Cryptography;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>
    /// The contract with the endpoint probe (msbuild/Raxx.Guardrails.Preflight.Probe), and where to find it. The probe
    /// is attached with <c>DOTNET_STARTUP_HOOKS</c>; it serves the app's endpoints on <see cref="EndpointsPath"/> to a
    /// loopback caller that sends the boot's random token in <see cref="TokenHeader"/>.
    /// </summary>
    public static class PreflightProbe
    {
        public const string AssemblyFileName = "Raxx.Guardrails.Preflight.Probe.dll";
        public const string TokenVariable = "RAXX_PREFLIGHT_TOKEN";
        public const string TokenHeader = "X-Raxx-Preflight-Token";
        public const string EndpointsPath = "/__raxx/preflight/endpoints";
        public const string StartupHooksVariable = "DOTNET_STARTUP_HOOKS";

        /// <summary>Overrides where the probe is looked for (a path to the dll).</summary>
        public const string LocationVariable = "RAXX_PREFLIGHT_PROBE";

        /// <summary>
        /// The probe assembly: <c>$RAXX_PREFLIGHT_PROBE</c>, else beside this assembly (the CLI tool's folder, the package's
        /// <c>tasks/netstandard2.0/</c>), else in a <c>preflight-probe/</c> folder beside it. Null when it is nowhere.
        /// </summary>
        public static string? Find()
        {
            var configured = Environment.GetEnvironmentVariable(LocationVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return File.Exists(configured) ? Path.GetFullPath(configured) : null;
            }
            string? here;
            try
            {
                here = Path.GetDirectoryName(typeof(PreflightProbe).Assembly.Location);
            }
            catch (NotSupportedException)
            {
                here = null;
            }
            if (string.IsNullOrEmpty(here))
            {
                here = AppContext.BaseDirectory;
            }
            foreach (var candidate in new[] { Path.Combine(here, AssemblyFileName), Path.Combine(here, "preflight-probe", AssemblyFileName) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return null;
        }

        /// <summary>A fresh random token for one boot (so nothing but this preflight can read the endpoint list).</summary>
        public static string NewToken()
        {
            var bytes = new byte[24];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }
            return BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        }

        /// <summary>True when a boot died because the runtime could not load a startup hook (then boot again without the probe).</summary>
        public static bool IsStartupHookFailure(string output) =>
            output.IndexOf("Startup hook assembly", StringComparison.OrdinalIgnoreCase) >= 0
            || output.IndexOf("StartupHook", StringComparison.Ordinal) >= 0 && output.IndexOf("Unhandled exception", StringComparison.Ordinal) >= 0;
    }
}
