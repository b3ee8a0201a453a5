using System.Runtime.CompilerServices;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Options)]</c> on the small credential-engine methods called per candidate or per line that
    /// have no loop (so the runtime would compile them at tier 0 first): on .NET they are compiled optimised at once.
    /// A one-shot process (the CLI) scans a whole tree before tier-up ever happens — the runtime delays call counting
    /// while new methods keep being compiled — so these ran as unoptimised tier-0 code for the whole run (perf, 100 MB
    /// bench tree: ≈ 5 % of the process; docs/notes/secrets.md). netstandard2.0 (analyzer and MSBuild hosts, long-lived
    /// processes): no flag.
    /// </summary>
    internal static class HotPath
    {
#if NET8_0_OR_GREATER
        public const MethodImplOptions Options = MethodImplOptions.AggressiveOptimization;
#else
        public const MethodImplOptions Options = 0;
#endif
    }
}
