using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Json;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>A flag gate found in an endpoint's metadata (FeatureGateAttribute, or a *FlagAttribute/*FlagMetadata/FeatureGate* type).</summary>
    public sealed class EndpointGate
    {
        public EndpointGate(string type, IReadOnlyList<string> flags, bool requireAny, bool negate)
        {
            Type = type;
            Flags = flags;
            RequireAny = requireAny;
            Negate = negate;
        }

        /// <summary>The metadata type that expressed the gate (for messages).</summary>
        public string Type { get; }

        public IReadOnlyList<string> Flags { get; }

        /// <summary>FeatureGate's <c>RequirementType.Any</c>: one flag on opens it; otherwise every flag must be on.</summary>
        public bool RequireAny { get; }

        /// <summary>FeatureGate's <c>Negate</c>: the gate opens when its flags are off.</summary>
        public bool Negate { get; }

        /// <summary>Short type name ("FeatureGateAttribute").</summary>
        public string ShortType => Type.Substring(Type.LastIndexOfAny(new[] { '.', '+' }) + 1);

        /// <summary>Whether the gate lets requests through, given each flag's value (an unknown flag is off, as in Microsoft.FeatureManagement).</summary>
        public bool IsOpen(Func<string, bool> isOn)
        {
            if (Flags.Count == 0)
            {
                return true;
            }
            var open = RequireAny ? Flags.Any(isOn) : Flags.All(isOn);
            return Negate ? !open : open;
        }
    }

    /// <summary>One endpoint of the running app, as the preflight probe reported it.</summary>
    public sealed class DiscoveredEndpoint
    {
        public DiscoveredEndpoint(string? route, IReadOnlyList<string> parameters, IReadOnlyList<string> methods, string? displayName, IReadOnlyList<EndpointGate> gates)
        {
            Route = route;
            Parameters = parameters;
            Methods = methods;
            DisplayName = displayName;
            Gates = gates;
        }

        /// <summary>The route pattern with a leading '/' ("/api/users/{id}"); null for endpoints without one.</summary>
        public string? Route { get; }
        public IReadOnlyList<string> Parameters { get; }

        /// <summary>HTTP methods; empty means any method.</summary>
        public IReadOnlyList<string> Methods { get; }
        public string? DisplayName { get; }
        public IReadOnlyList<EndpointGate> Gates { get; }

        public bool IsGated => Gates.Count > 0;

        public bool AnswersGet => Methods.Count == 0 || Methods.Any(m => string.Equals(m, "GET", StringComparison.OrdinalIgnoreCase));

        /// <summary>Every flag any gate of this endpoint names.</summary>
        public IEnumerable<string> GateFlags => Gates.SelectMany(g => g.Flags).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The app's endpoints as dumped by the preflight probe (msbuild/Raxx.Guardrails.Preflight.Probe) on
    /// <see cref="PreflightProbe.EndpointsPath"/>. Parsing never throws: a malformed dump is a <see cref="Error"/>.
    /// </summary>
    public sealed class EndpointInventory
    {
        private EndpointInventory(IReadOnlyList<DiscoveredEndpoint> endpoints, string? error)
        {
            Endpoints = endpoints;
            Error = error;
        }

        public IReadOnlyList<DiscoveredEndpoint> Endpoints { get; }

        /// <summary>Why the dump could not be read (null when it was).</summary>
        public string? Error { get; }

        public bool Success => Error == null;

        public IEnumerable<DiscoveredEndpoint> Gated => Endpoints.Where(e => e.IsGated && e.Route != null);

        public static EndpointInventory Failed(string error) => new EndpointInventory(Array.Empty<DiscoveredEndpoint>(), error);

        public static EndpointInventory Parse(string? json)
        {
            var parsed = JsonReader.Parse(json);
            if (!parsed.Success)
            {
                return Failed("the endpoint list is not valid JSON: " + parsed.Error);
            }
            if (!(parsed.Root is JsonObject root))
            {
                return Failed("the endpoint list is not a JSON object");
            }
            if (root["error"]?.AsString() is { } error)
            {
                return Failed("the probe could not read the app's endpoints: " + error);
            }
            if (!(root["endpoints"] is JsonArray items))
            {
                return Failed("the endpoint list has no 'endpoints' array");
            }

            var endpoints = new List<DiscoveredEndpoint>();
            foreach (var item in items.Items.OfType<JsonObject>())
            {
                var route = item["route"]?.AsString();
                if (route != null && !route.StartsWith("/", StringComparison.Ordinal))
                {
                    route = "/" + route; // MVC attribute routes come without the leading slash
                }
                var gates = new List<EndpointGate>();
                if (item["gates"] is JsonArray gateItems)
                {
                    foreach (var gate in gateItems.Items.OfType<JsonObject>())
                    {
                        gates.Add(new EndpointGate(
                            gate["type"]?.AsString() ?? "gate",
                            Strings(gate["flags"]),
                            string.Equals(gate["requirement"]?.AsString(), "Any", StringComparison.OrdinalIgnoreCase),
                            gate["negate"]?.AsBool() == true));
                    }
                }
                endpoints.Add(new DiscoveredEndpoint(route, Strings(item["parameters"]), Strings(item["methods"]), item["displayName"]?.AsString(), gates));
            }
            return new EndpointInventory(endpoints, null);
        }

        /// <summary>The endpoints whose route pattern matches a concrete request path.</summary>
        public IEnumerable<DiscoveredEndpoint> Matching(string path) =>
            Endpoints.Where(e => e.Route != null && RouteTemplate.Matches(e.Route, path));

        private static IReadOnlyList<string> Strings(JsonNode? node) =>
            node is JsonArray array ? array.Items.Select(i => i.AsString()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList() : (IReadOnlyList<string>)Array.Empty<string>();
    }

    /// <summary>Just enough of ASP.NET Core's route template syntax to tell whether a concrete path matches a pattern.</summary>
    public static class RouteTemplate
    {
        public static bool HasParameters(string template) => template.IndexOf('{') >= 0;

        public static bool Matches(string template, string path)
        {
            var query = path.IndexOfAny(new[] { '?', '#' });
            if (query >= 0)
            {
                path = path.Substring(0, query);
            }
            var t = Split(template);
            var p = Split(path);
            for (var i = 0; i < t.Length; i++)
            {
                var segment = t[i];
                if (segment.StartsWith("{*", StringComparison.Ordinal))
                {
                    return true; // catch-all: the rest, even nothing
                }
                if (i >= p.Length)
                {
                    // only optional or defaulted parameters may be left over
                    return t.Skip(i).All(s => s.StartsWith("{", StringComparison.Ordinal) && (s.EndsWith("?}", StringComparison.Ordinal) || s.Contains("=")));
                }
                if (segment.IndexOf('{') >= 0)
                {
                    if (p[i].Length == 0)
                    {
                        return false;
                    }
                    continue; // a parameter (or a complex segment) takes any non-empty segment
                }
                if (!string.Equals(segment, p[i], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            return p.Length == t.Length;
        }

        private static string[] Split(string value) => value.Trim('/').Length == 0 ? new string[0] : value.Trim('/').Split('/');
    }
}
