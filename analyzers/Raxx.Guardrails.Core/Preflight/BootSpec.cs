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

        /// <summary>Extra requests to make once healthy: path and whether it must not be 404 (gated route checks).</summary>
        public List<RouteProbe> Probes { get; } = new List<RouteProbe>();
    }

    /// <summary>A request made after the app is healthy, to check a flag-gated route.</summary>
    public sealed class RouteProbe
    {
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
