using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Preflight
{
    public enum BootOutcome
    {
        /// <summary>The health endpoint answered 200.</summary>
        Healthy,

        /// <summary>The process exited before it became healthy.</summary>
        Exited,

        /// <summary>No healthy answer within the time allowed.</summary>
        TimedOut,

        /// <summary>The process could not be started at all.</summary>
        FailedToStart,
    }

    /// <summary>What happened to one boot.</summary>
    public sealed class BootResult
    {
        public BootResult(BootSpec spec, BootOutcome outcome, TimeSpan elapsed, int? exitCode, string output, int? lastHealthStatus)
        {
            Spec = spec;
            Outcome = outcome;
            Elapsed = elapsed;
            ExitCode = exitCode;
            Output = output;
            LastHealthStatus = lastHealthStatus;
        }

        public BootSpec Spec { get; }
        public BootOutcome Outcome { get; }
        public TimeSpan Elapsed { get; }
        public int? ExitCode { get; }

        /// <summary>Captured stdout+stderr (bounded), for the first exception line.</summary>
        public string Output { get; }

        /// <summary>Last HTTP status seen from the health endpoint (null when it never answered).</summary>
        public int? LastHealthStatus { get; }

        /// <summary>Results of the route probes made once healthy: (probe, status code).</summary>
        public List<(RouteProbe Probe, int Status)> ProbeResults { get; } = new List<(RouteProbe, int)>();

        public bool IsHealthy => Outcome == BootOutcome.Healthy;

        /// <summary>The endpoints the app reported through the probe (null when discovery was not available in this boot).</summary>
        public EndpointInventory? Endpoints { get; set; }

        /// <summary>Why this boot has no endpoint list (probe missing, not attached, failed to load).</summary>
        public string? DiscoveryNote { get; set; }

        /// <summary>The first line of the app's output that describes an exception, or the last non-empty line.</summary>
        public string? FirstErrorLine => OutputScanner.FirstErrorLine(Output);
    }

    /// <summary>Finds the line that explains a failed boot in an app's console output.</summary>
    public static class OutputScanner
    {
        public static string? FirstErrorLine(string output)
        {
            if (string.IsNullOrEmpty(output))
            {
                return null;
            }

            var lines = output.Replace("\r\n", "\n").Split('\n');
            string? lastNonEmpty = null;
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }
                lastNonEmpty = line;

                // "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: msg"
                const string unhandled = "Unhandled exception. ";
                if (line.StartsWith(unhandled, StringComparison.Ordinal))
                {
                    return line.Substring(unhandled.Length);
                }

                // "System.InvalidOperationException: msg" or "crit: ...[0] ... Exception: msg"
                var idx = line.IndexOf("Exception: ", StringComparison.Ordinal);
                if (idx > 0 && !line.StartsWith("at ", StringComparison.Ordinal))
                {
                    var start = line.LastIndexOf(' ', idx) + 1;
                    return line.Substring(start);
                }
            }
            return lastNonEmpty;
        }
    }
}
