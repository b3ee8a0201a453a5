using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Sarif
{
    /// <summary>What the SARIF log says about the tool that produced it.</summary>
    public sealed class SarifToolInfo
    {
        public string Name { get; set; } = "raxx-guardrails";
        public string Version { get; set; } = "0.1.0";
        public string InformationUri { get; set; } = "https://github.com/raxx-app/raxx-guardrails";

        /// <summary>
        /// Absolute path of the repository root, written as <c>originalUriBaseIds.SRCROOT</c>; null leaves
        /// it out (results are then relative to wherever the consumer checks the repository out).
        /// </summary>
        public string? RootPath { get; set; }
    }

    /// <summary>
    /// Writes findings as a SARIF 2.1.0 log: one run, the rule catalog as <c>tool.driver.rules</c>
    /// (title, default level, category, help URI), results with repository-relative locations under
    /// <c>uriBaseId: SRCROOT</c> and a <c>partialFingerprints</c> entry from <see cref="Finding.Fingerprint"/>,
    /// which depends on rule, path and the rule's fingerprint material but not on the line, so it
    /// stays stable across runs and across unrelated edits above the finding.
    /// </summary>
    public static class SarifWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string RootBaseId = "SRCROOT";
        public const string FingerprintKey = "raxxFingerprint/v1";

        public static string Write(IEnumerable<Finding> findings, SarifToolInfo? tool = null)
        {
            tool = tool ?? new SarifToolInfo();
            var results = findings.ToList();

            // Every catalog rule, then any rule ID a result uses that the catalog lacks (e.g. from a merged log).
            var rules = RuleCatalog.All.Select(r => (r.Id, Info: (RuleInfo?)r)).ToList();
            foreach (var id in results.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal))
            {
                if (RuleCatalog.Find(id) == null)
                {
                    rules.Add((id, null));
                }
            }
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Count; i++)
            {
                ruleIndex[rules[i].Id] = i;
            }

            var w = new JsonWriter();
            w.StartObject();
            w.Property("$schema", SchemaUri);
            w.Property("version", "2.1.0");
            w.Name("runs").StartArray().StartObject();

            w.Name("tool").StartObject().Name("driver").StartObject();
            w.Property("name", tool.Name);
            w.Property("version", tool.Version);
            w.Property("semanticVersion", tool.Version);
            w.Property("informationUri", tool.InformationUri);
            w.Name("rules").StartArray();
            foreach (var (id, info) in rules)
            {
                w.StartObject();
                w.Property("id", id);
                if (info != null)
                {
                    w.Name("shortDescription").StartObject().Property("text", info.Title).EndObject();
                    w.Name("fullDescription").StartObject().Property("text", info.Title + ". See " + info.HelpUri).EndObject();
                    w.Property("helpUri", info.HelpUri);
                    w.Name("help").StartObject().Property("text", info.Title + ". Documentation: " + info.HelpUri).EndObject();
                    w.Name("defaultConfiguration").StartObject().Property("level", Level(info.DefaultSeverity)).EndObject();
                    w.Name("properties").StartObject()
                        .Property("category", info.Category)
                        .Name("tags").StartArray().String(info.Category).String(info.Host.ToString().ToLowerInvariant()).EndArray()
                        .EndObject();
                }
                else
                {
                    w.Name("shortDescription").StartObject().Property("text", id).EndObject();
                    if (id.StartsWith("RAXX", StringComparison.OrdinalIgnoreCase))
                    {
                        w.Property("helpUri", RuleCatalog.HelpUri(id.ToUpperInvariant()));
                    }
                }
                w.EndObject();
            }
            w.EndArray();
            w.EndObject().EndObject(); // driver, tool

            if (tool.RootPath != null)
            {
                w.Name("originalUriBaseIds").StartObject()
                    .Name(RootBaseId).StartObject().Property("uri", DirectoryUri(tool.RootPath)).EndObject()
                    .EndObject();
            }

            w.Name("results").StartArray();
            foreach (var f in results)
            {
                w.StartObject();
                w.Property("ruleId", f.RuleId);
                w.Property("ruleIndex", ruleIndex[f.RuleId]);
                w.Property("level", Level(f.Severity));
                w.Name("message").StartObject().Property("text", f.Message).EndObject();
                w.Name("locations").StartArray().StartObject()
                    .Name("physicalLocation").StartObject()
                    .Name("artifactLocation").StartObject();
                var uri = RelativeUri(f.Location.Path);
                w.Property("uri", uri);
                if (!IsAbsoluteUri(uri))
                {
                    w.Property("uriBaseId", RootBaseId);
                }
                w.EndObject();
                w.Name("region").StartObject()
                    .Property("startLine", f.Location.StartLine)
                    .Property("startColumn", f.Location.StartColumn)
                    .Property("endLine", f.Location.EndLine)
                    .Property("endColumn", f.Location.EndColumn)
                    .EndObject();
                w.EndObject().EndObject().EndArray(); // physicalLocation, location, locations
                w.Name("partialFingerprints").StartObject().Property(FingerprintKey, f.Fingerprint).EndObject();
                if (f.Properties.Count > 0)
                {
                    w.Name("properties").StartObject();
                    foreach (var pair in f.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        w.Property(pair.Key, pair.Value);
                    }
                    w.EndObject();
                }
                w.EndObject();
            }
            w.EndArray();
            w.Property("columnKind", "utf16CodeUnits");
            w.EndObject().EndArray(); // run, runs
            w.EndObject();
            return w.ToString() + "\n";
        }

        /// <summary>SARIF level word for a severity.</summary>
        public static string Level(FindingSeverity severity)
        {
            switch (severity)
            {
                case FindingSeverity.Error: return "error";
                case FindingSeverity.Warning: return "warning";
                case FindingSeverity.Note: return "note";
                default: return "none";
            }
        }

        /// <summary>A repository-relative path as a relative URI reference (segments percent-encoded).</summary>
        public static string RelativeUri(string path)
        {
            var normalized = path.Replace('\\', '/');
            if (System.IO.Path.IsPathRooted(path))
            {
                return new Uri(path).AbsoluteUri;
            }
            return string.Join("/", normalized.Split('/').Select(EscapeSegment));
        }

        private static bool IsAbsoluteUri(string uri) => uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

        private static string DirectoryUri(string root)
        {
            var full = System.IO.Path.GetFullPath(root);
            var uri = new Uri(full).AbsoluteUri;
            return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
        }

        private static string EscapeSegment(string segment)
        {
            var sb = new StringBuilder(segment.Length);
            foreach (var b in Encoding.UTF8.GetBytes(segment))
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~'
                    || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == '@')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            return sb.ToString();
        }
    }
}
