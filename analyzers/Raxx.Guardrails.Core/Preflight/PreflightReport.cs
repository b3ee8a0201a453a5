using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>Turns boot results into RAXX601–603 findings.</summary>
    public static class PreflightReport
    {
        /// <param name="results">Results in the order <see cref="FlagMatrix.Build"/> produced them (baseline first).</param>
        /// <param name="flags">The flags of the matrix (for locations and env names).</param>
        /// <param name="appLocation">Where to point findings that are about the app as a whole (its project file).</param>
        public static IReadOnlyList<Finding> ToFindings(IReadOnlyList<BootResult> results, IReadOnlyList<PreflightFlag> flags, FindingLocation appLocation)
        {
            var findings = new List<Finding>();
            var byName = flags.ToDictionary(f => f.Name, StringComparer.Ordinal);

            foreach (var result in results)
            {
                var spec = result.Spec;
                var flag = spec.FlippedFlag != null && byName.TryGetValue(spec.FlippedFlag, out var f) ? f : null;
                if (!result.IsHealthy)
                {
                    var why = Describe(result);
                    if (spec.FlippedFlag == null && spec.Name == "production")
                    {
                        findings.Add(new Finding(RuleIds.Raxx601, FindingSeverity.Error,
                            $"The app fails to boot under production configuration: {why}. Fix the boot path before any flag flip.",
                            appLocation, "production"));
                    }
                    else if (flag != null)
                    {
                        var value = flag.Default ? "0" : "1";
                        findings.Add(new Finding(RuleIds.Raxx602, FindingSeverity.Error,
                            $"The app fails to boot when flag '{flag.Name}' is flipped {(flag.Default ? "off" : "on")} ({flag.EnvName}={value}): {why}. Flipping it in production would crash-loop the app.",
                            flag.Location ?? appLocation, "flag " + flag.Name));
                    }
                    else
                    {
                        findings.Add(new Finding(RuleIds.Raxx602, FindingSeverity.Error,
                            $"The app fails to boot with {spec.Name} ({string.Join(", ", flags.Select(x => x.EnvName + "=1"))}): {why}.",
                            appLocation, spec.Name));
                    }
                    continue;
                }

                foreach (var (probe, status) in result.ProbeResults)
                {
                    var probeFlag = probe.Flag != null && byName.TryGetValue(probe.Flag, out var pf) ? pf : null;
                    var location = probeFlag?.Location ?? appLocation;
                    if (probe.ExpectFound && (status == 404 || status == 0))
                    {
                        findings.Add(new Finding(RuleIds.Raxx603, FindingSeverity.Error,
                            $"Route {probe.Path} is still {(status == 0 ? "unreachable" : "404")} with flag '{probe.Flag}' on ({spec.Name}): the route is not mapped or its gate reads another flag.",
                            location, "route " + probe.Path + " on"));
                    }
                    else if (!probe.ExpectFound && status != 404 && status != 0)
                    {
                        findings.Add(new Finding(RuleIds.Raxx603, FindingSeverity.Warning,
                            $"Route {probe.Path} answers {status.ToString(System.Globalization.CultureInfo.InvariantCulture)} with its gate closed (flag '{probe.Flag}' off, {spec.Name}): the route is not gated.",
                            location, "route " + probe.Path + " off"));
                    }
                }
            }

            return findings;
        }

        private static string Describe(BootResult result)
        {
            var line = result.FirstErrorLine;
            switch (result.Outcome)
            {
                case BootOutcome.Exited:
                    return $"exited with code {result.ExitCode} after {result.Elapsed.TotalSeconds:0.0}s" + (line != null ? $" — {line}" : string.Empty);
                case BootOutcome.TimedOut:
                    return $"{result.Spec.HealthPath} did not answer 200 within {result.Spec.Timeout.TotalSeconds:0}s" +
                        (result.LastHealthStatus.HasValue ? $" (last status {result.LastHealthStatus})" : " (never answered)") +
                        (line != null ? $"; last output: {line}" : string.Empty);
                case BootOutcome.FailedToStart:
                    return "could not start: " + result.Output.Trim();
                default:
                    return "unhealthy";
            }
        }
    }
}
