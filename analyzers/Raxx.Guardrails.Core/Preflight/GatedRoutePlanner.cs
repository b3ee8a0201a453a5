using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>
    /// Decides, per boot, which flag-gated routes to request and what to expect (RAXX603), from the endpoints the running
    /// app reported (<see cref="EndpointInventory"/>) plus the routes declared in <c>preflight.routes</c>:
    /// <list type="bullet">
    /// <item>a gated GET route without parameters is requested in every boot that touches one of its flags (the baseline
    /// and the all-on boot touch all): it must not be 404 where its gates are open, and must be 404 where they are closed;</item>
    /// <item>a gate naming a flag the flags file does not declare is RAXX603 (it can never be opened: a silent 404);</item>
    /// <item>a declared route that no endpoint matches in the boot where its flag is on is RAXX603 (never mapped);</item>
    /// <item>parameterised and non-GET gated routes are skipped with a note (declare a concrete path to probe one).</item>
    /// </list>
    /// Without an inventory (the probe could not attach) only declared routes are requested, and a note says so.
    /// One planner serves every boot of a run (boots run in parallel): findings and notes are de-duplicated.
    /// </summary>
    public sealed class GatedRoutePlanner
    {
        private readonly Dictionary<string, PreflightFlag> _flags;
        private readonly IReadOnlyDictionary<string, string> _declared;
        private readonly FindingLocation _appLocation;
        private readonly object _gate = new object();
        private readonly List<Finding> _findings = new List<Finding>();
        private readonly HashSet<string> _findingKeys = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _notes = new List<string>();

        public GatedRoutePlanner(IReadOnlyList<PreflightFlag> flags, IReadOnlyDictionary<string, string> declaredRoutes, FindingLocation appLocation)
        {
            _flags = new Dictionary<string, PreflightFlag>(StringComparer.OrdinalIgnoreCase);
            foreach (var flag in flags)
            {
                _flags[flag.Name] = flag;
            }
            _declared = declaredRoutes;
            _appLocation = appLocation;
        }

        /// <summary>Findings of the planning itself (gates on undeclared flags, declared routes never mapped).</summary>
        public IReadOnlyList<Finding> Findings
        {
            get
            {
                lock (_gate)
                {
                    return _findings.ToArray();
                }
            }
        }

        /// <summary>What the report should say about discovery (not failures): fallbacks, skipped routes, what was found.</summary>
        public IReadOnlyList<string> Notes
        {
            get
            {
                lock (_gate)
                {
                    return _notes.ToArray();
                }
            }
        }

        /// <param name="boot">The boot (its <see cref="BootSpec.FlagValues"/> and <see cref="BootSpec.FlippedFlag"/>).</param>
        /// <param name="inventory">The endpoints the app reported, or null when discovery was not available.</param>
        /// <param name="unavailableReason">Why there is no inventory (for the report).</param>
        public IReadOnlyList<RouteProbe> Plan(BootSpec boot, EndpointInventory? inventory, string? unavailableReason)
        {
            if (boot == null)
            {
                throw new ArgumentNullException(nameof(boot));
            }

            bool IsOn(string flag) => boot.FlagValues.TryGetValue(flag, out var on) && on;
            bool Relevant(IEnumerable<string> flags) => boot.FlippedFlag == null || flags.Contains(boot.FlippedFlag, StringComparer.OrdinalIgnoreCase);

            var probes = new List<RouteProbe>();
            var probed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var discovered = inventory != null && inventory.Success;
            if (discovered)
            {
                var gated = inventory!.Gated.ToList();
                Note($"endpoint discovery: the app reported {inventory.Endpoints.Count} endpoint(s), {gated.Count} flag-gated" +
                    (gated.Count == 0 ? string.Empty : ": " + string.Join(", ", gated.Select(e => $"{e.Route} ({string.Join(", ", e.GateFlags)})"))));
                foreach (var endpoint in gated)
                {
                    var route = endpoint.Route!;
                    var flags = endpoint.GateFlags.ToList();
                    if (flags.Count == 0)
                    {
                        Note($"{route}: gate metadata {string.Join(", ", endpoint.Gates.Select(g => g.ShortType))} names no flag; not probed");
                        continue;
                    }
                    var undeclared = flags.Where(f => !_flags.ContainsKey(f)).ToList();
                    foreach (var flag in undeclared)
                    {
                        var gate = endpoint.Gates.First(g => g.Flags.Contains(flag, StringComparer.OrdinalIgnoreCase));
                        Report("gate " + route + " " + flag, new Finding(RuleIds.Raxx603, FindingSeverity.Error,
                            $"Route {route} is gated by flag '{flag}' ({gate.ShortType}), which the flags file does not declare: no flag flip can open the gate, so the route is a silent 404 in production. Declare the flag or fix the name in the gate.",
                            _appLocation, "gate " + route + " " + flag));
                    }
                    if (undeclared.Count > 0 || !Relevant(flags))
                    {
                        continue;
                    }
                    if (!endpoint.AnswersGet)
                    {
                        Note($"{route}: gated by {string.Join(", ", flags)} but answers only {string.Join("/", endpoint.Methods)}; not probed (the preflight sends GET only)");
                        continue;
                    }
                    if (RouteTemplate.HasParameters(route))
                    {
                        if (!_declared.Keys.Any(path => RouteTemplate.Matches(route, path)))
                        {
                            Note($"{route}: gated by {string.Join(", ", flags)} but has route parameters; not probed (declare a concrete path in preflight.routes to probe it)");
                        }
                        continue;
                    }
                    var open = endpoint.Gates.All(g => g.IsOpen(IsOn));
                    if (probed.Add(route))
                    {
                        probes.Add(new RouteProbe(route, expectFound: open, string.Join(", ", flags)));
                    }
                }
            }
            else
            {
                Note("endpoint discovery not available (" + (unavailableReason ?? "no endpoint list") + "): only the routes declared in preflight.routes are probed");
            }

            foreach (var declared in _declared)
            {
                var path = declared.Key;
                var flag = declared.Value;
                if (!_flags.ContainsKey(flag) || !Relevant(new[] { flag }) || probed.Contains(path))
                {
                    continue; // an undeclared flag is reported once by the runner
                }
                var open = IsOn(flag);
                if (discovered)
                {
                    var matches = inventory!.Matching(path).ToList();
                    if (matches.Count == 0)
                    {
                        if (open)
                        {
                            Report("unmapped " + path, new Finding(RuleIds.Raxx603, FindingSeverity.Error,
                                $"Route {path} is declared in preflight.routes as gated by flag '{flag}', but with the flag on ({boot.Name}) the app maps no endpoint that matches it: the route was never mapped, so it is 404 whatever the flag says.",
                                _flags[flag].Location ?? _appLocation, "unmapped " + path));
                        }
                        continue;
                    }
                    open = open && matches.Any(m => m.Gates.All(g => g.IsOpen(IsOn)));
                }
                probed.Add(path);
                probes.Add(new RouteProbe(path, expectFound: open, flag));
            }
            return probes;
        }

        private void Note(string note)
        {
            lock (_gate)
            {
                if (!_notes.Contains(note))
                {
                    _notes.Add(note);
                }
            }
        }

        private void Report(string key, Finding finding)
        {
            lock (_gate)
            {
                if (_findingKeys.Add(key))
                {
                    _findings.Add(finding);
                }
            }
        }
    }
}
