using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>A flag as the preflight sees it: its name, the env var that flips it, and its default.</summary>
    public sealed class PreflightFlag
    {
        public PreflightFlag(string name, string envName, bool defaultValue, FindingLocation? location = null)
        {
            Name = name;
            EnvName = envName;
            Default = defaultValue;
            Location = location;
        }

        /// <summary>Where the flag is declared (the flags file line), for findings.</summary>
        public FindingLocation? Location { get; }

        public string Name { get; }
        public string EnvName { get; }
        public bool Default { get; }

        /// <summary>Routes gated by this flag (from the app's endpoint metadata or a route inventory).</summary>
        public List<string> GatedRoutes { get; } = new List<string>();
    }

    /// <summary>
    /// The boots of a flag-flip preflight: production as configured, then each flag flipped alone to
    /// its non-default value, then every flag on at once (the SEV-1 flipped two flags together).
    /// </summary>
    public static class FlagMatrix
    {
        public static IReadOnlyList<BootSpec> Build(Func<string, BootSpec> createBoot, IReadOnlyList<PreflightFlag> flags)
        {
            if (createBoot == null)
            {
                throw new ArgumentNullException(nameof(createBoot));
            }

            var boots = new List<BootSpec>();
            var baseline = createBoot("production");
            foreach (var flag in flags)
            {
                baseline.Environment[flag.EnvName] = flag.Default ? "1" : "0";
                foreach (var route in flag.GatedRoutes)
                {
                    // with the flag at its default OFF the route must be gated (404)
                    if (!flag.Default)
                    {
                        baseline.Probes.Add(new RouteProbe(route, expectFound: false, flag.Name));
                    }
                }
            }
            boots.Add(baseline);

            foreach (var flag in flags)
            {
                var on = !flag.Default;
                var boot = createBoot($"flag {flag.Name} {(on ? "on" : "off")}");
                boot.FlippedFlag = flag.Name;
                foreach (var other in flags)
                {
                    boot.Environment[other.EnvName] = (ReferenceEquals(other, flag) ? on : other.Default) ? "1" : "0";
                }
                if (on)
                {
                    foreach (var route in flag.GatedRoutes)
                    {
                        boot.Probes.Add(new RouteProbe(route, expectFound: true, flag.Name));
                    }
                }
                boots.Add(boot);
            }

            if (flags.Count > 1)
            {
                var all = createBoot("every flag on");
                foreach (var flag in flags)
                {
                    all.Environment[flag.EnvName] = "1";
                    foreach (var route in flag.GatedRoutes)
                    {
                        all.Probes.Add(new RouteProbe(route, expectFound: true, flag.Name));
                    }
                }
                boots.Add(all);
            }

            return boots;
        }
    }
}
