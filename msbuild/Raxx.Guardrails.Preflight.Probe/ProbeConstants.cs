namespace Raxx.Guardrails.Preflight.Probe
{
    /// <summary>The contract between the preflight (Raxx.Guardrails.Core's EndpointInventory) and the probe.</summary>
    internal static class ProbeConstants
    {
        /// <summary>Environment variable holding the per-boot random token; without it the probe does nothing.</summary>
        public const string TokenVariable = "RAXX_PREFLIGHT_TOKEN";

        /// <summary>Request header that must carry the token.</summary>
        public const string TokenHeader = "X-Raxx-Preflight-Token";

        /// <summary>The private path serving the endpoint list (loopback callers with the token only).</summary>
        public const string EndpointsPath = "/__raxx/preflight/endpoints";

        /// <summary>Version of the JSON shape.</summary>
        public const int FormatVersion = 1;
    }
}
