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

            // When the production boot itself fails (RAXX601), a flip boot that fails the same way is not the flag's doing:
            // it says that flipping the flag alone does not change how the app fails, not that the flip would crash-loop it.
            var production = results.FirstOrDefault(IsProductionBoot);
            var productionFailure = production != null && !production.IsHealthy ? FailureSignature(production) : null;

            foreach (var result in results)
            {
                var spec = result.Spec;
                var flag = spec.FlippedFlag != null && byName.TryGetValue(spec.FlippedFlag, out var f) ? f : null;
                if (!result.IsHealthy)
                {
                    var why = Describe(result);
                    if (IsProductionBoot(result))
                    {
                        findings.Add(new Finding(RuleIds.Raxx601, FindingSeverity.Error,
                            $"The app fails to boot under production configuration: {why}. Fix the boot path before any flag flip.",
                            appLocation, "production"));
                        continue;
                    }

                    // null: production boots; true: this boot fails as the production boot does; false: it fails otherwise
                    bool? asProduction = productionFailure == null ? (bool?)null : string.Equals(FailureSignature(result), productionFailure, StringComparison.Ordinal);
                    if (flag != null)
                    {
                        var value = flag.Default ? "0" : "1";
                        var flip = $"flag '{flag.Name}' is flipped {(flag.Default ? "off" : "on")} ({flag.EnvName}={value})";
                        findings.Add(new Finding(RuleIds.Raxx602, FindingSeverity.Error,
                            asProduction == true
                                ? $"The app also fails to boot when {flip}, the same way as the production boot (RAXX601): {why}. Flipping the flag alone does not change how the app fails; fix the production boot first."
                                : $"The app fails to boot when {flip}: {why}. " + (asProduction == false
                                    ? "This is not the production boot's failure (RAXX601): flipping the flag fails the app another way, so fixing the production boot does not make the flip safe."
                                    : "Flipping it in production would crash-loop the app."),
                            flag.Location ?? appLocation, "flag " + flag.Name));
                    }
                    else
                    {
                        var boot = $"{spec.Name} ({string.Join(", ", flags.Select(x => x.EnvName + "=1"))})";
                        findings.Add(new Finding(RuleIds.Raxx602, FindingSeverity.Error,
                            asProduction == true
                                ? $"The app also fails to boot with {boot}, the same way as the production boot (RAXX601): {why}. Turning the flags on does not change how the app fails; fix the production boot first."
                                : $"The app fails to boot with {boot}: {why}." + (asProduction == false
                                    ? " This is not the production boot's failure (RAXX601): fixing the production boot does not make this boot safe."
                                    : string.Empty),
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

        private static bool IsProductionBoot(BootResult result) => result.Spec.FlippedFlag == null && result.Spec.Name == "production";

        /// <summary>
        /// What a failed boot's failure is, without what differs from boot to boot: the outcome, the exit code (exited) or the
        /// last health status (timed out), and the explaining output line (<see cref="BootResult.FirstErrorLine"/>; all output
        /// when the process could not start) with its free-standing numbers — ports, process ids, durations, addresses — masked
        /// (<see cref="MaskNumbers"/>). Elapsed times are not part of it. Two boots with the same signature fail the same way.
        /// </summary>
        internal static string FailureSignature(BootResult result)
        {
            switch (result.Outcome)
            {
                case BootOutcome.Exited:
                    return "exited " + result.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + MaskNumbers(result.FirstErrorLine);
                case BootOutcome.TimedOut:
                    return "timed out " + result.LastHealthStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + MaskNumbers(result.FirstErrorLine);
                case BootOutcome.FailedToStart:
                    return "failed to start\n" + MaskNumbers(result.Output.Trim());
                default:
                    return result.Outcome.ToString();
            }
        }

        /// <summary>
        /// Each number that stands alone (not part of a name such as <c>v2</c> or <c>FLAG_NAV_V2</c>) becomes '#', hexadecimal
        /// ones (<c>0x7f3a…</c>) included: "127.0.0.1:41234" → "#.#.#.#:#", "pid 4242" → "pid #", "0.7s" → "#.#s".
        /// </summary>
        internal static string MaskNumbers(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }
            var sb = new System.Text.StringBuilder(text!.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var partOfName = i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_');
                if (c >= '0' && c <= '9' && !partOfName)
                {
                    var hex = c == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X');
                    var j = hex ? i + 2 : i + 1;
                    while (j < text.Length && (hex ? Uri.IsHexDigit(text[j]) : text[j] >= '0' && text[j] <= '9'))
                    {
                        j++;
                    }
                    sb.Append('#');
                    i = j - 1;
                    continue;
                }
                sb.Append(c);
            }
            return sb.ToString();
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
