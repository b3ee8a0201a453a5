using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>
    /// One boot of the application under test: what to start, with which environment, and which
    /// health endpoint must answer 200 before <see cref="Timeout"/>.
    /// </summary>
    public sealed class BootSpec
    {
        public BootSpec(string name, string fileName, IReadOnlyList<string> arguments)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
            Arguments = arguments ?? Array.Empty<string>();
        }

        /// <summary>Human-readable name of this boot ("production", "flag webauthn_registration on").</summary>
        public string Name { get; }

        /// <summary>Executable (usually <c>dotnet</c>) and its arguments (usually the app's dll).</summary>
        public string FileName { get; }
        public IReadOnlyList<string> Arguments { get; }

        public string? WorkingDirectory { get; set; }

        /// <summary>Environment variables set for the process (the production config-var names with placeholders, flags).</summary>
        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Path of the health endpoint, requested on the bound loopback port.</summary>
        public string HealthPath { get; set; } = "/health";

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The flag this boot flips (null for the production baseline or the all-on boot).</summary>
        public string? FlippedFlag { get; set; }

        /// <summary>Each flag's value in this boot (name, case-insensitive), for deciding which gates are open.</summary>
        public Dictionary<string, bool> FlagValues { get; } = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Extra requests to make once healthy: path and whether it must not be 404 (gated route checks).</summary>
        public List<RouteProbe> Probes { get; } = new List<RouteProbe>();

        /// <summary>
        /// The endpoint probe to attach (<see cref="PreflightProbe"/>): when set, the boot runs with
        /// <c>DOTNET_STARTUP_HOOKS</c> naming it and a random token, and the app's endpoints are read once it is healthy.
        /// </summary>
        public string? ProbeAssemblyPath { get; set; }

        /// <summary>Why no probe is attached (for the report), when <see cref="ProbeAssemblyPath"/> is null.</summary>
        public string? ProbeUnavailableReason { get; set; }

        /// <summary>Plans the gated-route requests once the app is healthy, from the endpoints it reported (may be null).</summary>
        public GatedRoutePlanner? RoutePlanner { get; set; }
    }

    /// <summary>A request made after the app is healthy, to check a flag-gated route.</summary>
    public sealed class RouteProbe
    {
        /// <param name="path">The path requested.</param>
        /// <param name="expectFound">True where the route's gate is open in this boot.</param>
        /// <param name="flag">The flag (or comma-separated flags) gating it.</param>
        public RouteProbe(string path, bool expectFound, string? flag)
        {
            Path = path;
            ExpectFound = expectFound;
            Flag = flag;
        }

        public string Path { get; }

        /// <summary>True: anything but 404 passes (the route exists). False: 404 expected (the gate holds).</summary>
        public bool ExpectFound { get; }
        public string? Flag { get; }
    }
}
