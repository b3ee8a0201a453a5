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
    }

    /// <summary>
    /// The boots of a flag-flip preflight: production as configured, then each flag flipped alone to
    /// its non-default value, then every flag on at once (the SEV-1 flipped two flags together). Each boot
    /// records its flag values; which gated routes a boot requests is decided once the app has told which
    /// endpoints it maps (<see cref="GatedRoutePlanner"/>).
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
                Set(baseline, flag, flag.Default);
            }
            boots.Add(baseline);

            foreach (var flag in flags)
            {
                var on = !flag.Default;
                var boot = createBoot($"flag {flag.Name} {(on ? "on" : "off")}");
                boot.FlippedFlag = flag.Name;
                foreach (var other in flags)
                {
                    Set(boot, other, ReferenceEquals(other, flag) ? on : other.Default);
                }
                boots.Add(boot);
            }

            if (flags.Count > 1)
            {
                var all = createBoot("every flag on");
                foreach (var flag in flags)
                {
                    Set(all, flag, true);
                }
                boots.Add(all);
            }

            return boots;
        }

        private static void Set(BootSpec boot, PreflightFlag flag, bool on)
        {
            boot.Environment[flag.EnvName] = on ? "1" : "0";
            boot.FlagValues[flag.Name] = on;
        }
    }
}
