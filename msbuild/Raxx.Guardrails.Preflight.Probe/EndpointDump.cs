using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Raxx.Guardrails.Preflight.Probe
{
    /// <summary>
    /// Writes the app's endpoints as JSON: route pattern, parameter names, HTTP methods, display name, and the
    /// flag gates found in the endpoint metadata:
    /// <code>
    /// {"version":1,"endpoints":[{"route":"/api/x/{id}","parameters":["id"],"methods":["GET"],"displayName":"…",
    ///   "gates":[{"type":"FeatureGateAttribute","flags":["beta"],"requirement":"All","negate":false}]}]}
    /// </code>
    /// Gate metadata is recognised by type name, so no flag library is referenced: Microsoft.FeatureManagement's
    /// <c>FeatureGateAttribute</c> (its <c>Features</c>, <c>RequirementType</c>, <c>Negate</c>), and any metadata
    /// whose type (or a base type) is named <c>*FlagAttribute</c>, <c>*FlagMetadata</c> or <c>FeatureGate*</c> with a
    /// string (or string list) property <c>Features</c>, <c>Flags</c>, <c>Flag</c>, <c>FeatureName</c> or <c>Name</c>.
    /// </summary>
    internal static class EndpointDump
    {
        private static readonly string[] FlagProperties = { "Features", "Flags", "Flag", "FeatureName", "Name" };

        public static byte[] Write(IReadOnlyList<Endpoint>? endpoints)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteNumber("version", ProbeConstants.FormatVersion);
                json.WriteStartArray("endpoints");
                foreach (var endpoint in endpoints ?? Array.Empty<Endpoint>())
                {
                    WriteEndpoint(json, endpoint);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return stream.ToArray();
        }

        private static void WriteEndpoint(Utf8JsonWriter json, Endpoint endpoint)
        {
            json.WriteStartObject();
            if (endpoint is RouteEndpoint route)
            {
                json.WriteString("route", route.RoutePattern.RawText);
                json.WriteStartArray("parameters");
                foreach (var parameter in route.RoutePattern.Parameters)
                {
                    json.WriteStringValue(parameter.Name);
                }
                json.WriteEndArray();
            }
            json.WriteString("displayName", endpoint.DisplayName);

            json.WriteStartArray("methods");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>();
            if (methods != null)
            {
                foreach (var method in methods.HttpMethods)
                {
                    json.WriteStringValue(method);
                }
            }
            json.WriteEndArray();

            json.WriteStartArray("gates");
            foreach (var item in endpoint.Metadata)
            {
                if (item != null && IsGateType(item.GetType()))
                {
                    WriteGate(json, item);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        internal static bool IsGateType(Type type)
        {
            for (var t = type; t != null && t != typeof(object); t = t.BaseType)
            {
                var name = t.Name;
                var tick = name.IndexOf('`');
                if (tick >= 0)
                {
                    name = name.Substring(0, tick);
                }
                if (name.StartsWith("FeatureGate", StringComparison.Ordinal)
                    || name.EndsWith("FlagAttribute", StringComparison.Ordinal)
                    || name.EndsWith("FlagMetadata", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }

        private static void WriteGate(Utf8JsonWriter json, object gate)
        {
            var type = gate.GetType();
            json.WriteStartObject();
            json.WriteString("type", type.FullName ?? type.Name);
            json.WriteStartArray("flags");
            foreach (var flag in Flags(gate, type))
            {
                json.WriteStringValue(flag);
            }
            json.WriteEndArray();
            json.WriteString("requirement", Read(gate, type, "RequirementType")?.ToString() ?? "All");
            json.WriteBoolean("negate", Read(gate, type, "Negate") is true);
            json.WriteEndObject();
        }

        private static List<string> Flags(object gate, Type type)
        {
            var flags = new List<string>();
            foreach (var name in FlagProperties)
            {
                switch (Read(gate, type, name))
                {
                    case string single when single.Length > 0:
                        flags.Add(single);
                        break;
                    case IEnumerable many:
                        foreach (var value in many)
                        {
                            // FeatureGate also takes enum members: the feature is the member's name.
                            var text = value is Enum ? value.ToString() : value as string;
                            if (!string.IsNullOrEmpty(text))
                            {
                                flags.Add(text!);
                            }
                        }
                        break;
                }
                if (flags.Count > 0)
                {
                    break;
                }
            }
            return flags;
        }

        private static object? Read(object target, Type type, string property)
        {
            try
            {
                var info = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
                return info == null || info.GetIndexParameters().Length > 0 ? null : info.GetValue(target);
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }
    }
}
