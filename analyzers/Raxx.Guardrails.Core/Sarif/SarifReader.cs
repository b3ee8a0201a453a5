using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Json;

namespace Raxx.Guardrails.Core.Sarif
{
    /// <summary>A SARIF file that could not be read, with the position of the problem.</summary>
    public sealed class SarifReadException : Exception
    {
        public SarifReadException(string path, int line, int column, string message)
            : base($"{path}({line},{column}): {message}")
        {
            Path = path;
            Line = line;
            Column = column;
        }

        public string Path { get; }
        public int Line { get; }
        public int Column { get; }
    }

    /// <summary>
    /// Reads SARIF 2.1.0 logs — ours and the compiler's <c>ErrorLog</c> (<c>-p:ErrorLog=file.sarif,version=2.1</c>) —
    /// into findings. Absolute <c>file://</c> URIs (the compiler's) and URIs relative to a base ID become
    /// repository-relative paths when they are inside <c>repositoryRoot</c>. Results suppressed in source
    /// (<c>#pragma</c>, <c>[SuppressMessage]</c>) are skipped, as the build skipped them.
    /// </summary>
    public static class SarifReader
    {
        public static IReadOnlyList<Finding> ReadFile(string path, string? repositoryRoot, Func<string, bool>? ruleFilter = null)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new SarifReadException(path, 1, 1, "cannot read SARIF file: " + ex.Message);
            }
            return Read(text, path, repositoryRoot, ruleFilter);
        }

        public static IReadOnlyList<Finding> Read(string text, string displayPath, string? repositoryRoot, Func<string, bool>? ruleFilter = null)
        {
            var parsed = JsonReader.Parse(text);
            if (!parsed.Success)
            {
                throw new SarifReadException(displayPath, parsed.Error!.Line, parsed.Error.Column, "invalid JSON: " + parsed.Error.Message);
            }
            var root = parsed.Root as JsonObject;
            if (root == null)
            {
                throw new SarifReadException(displayPath, parsed.Root!.Line, parsed.Root.Column, "a SARIF log must be a JSON object");
            }
            var version = root["version"]?.AsString();
            if (version != "2.1.0")
            {
                var at = (JsonNode?)root["version"] ?? root;
                throw new SarifReadException(displayPath, at.Line, at.Column,
                    $"SARIF version '{version ?? "(none)"}' is not supported; produce 2.1.0 (for the compiler: -p:ErrorLog=file.sarif%2Cversion=2.1)");
            }
            if (!(root["runs"] is JsonArray runs))
            {
                throw new SarifReadException(displayPath, root.Line, root.Column, "a SARIF log needs a 'runs' array");
            }

            var findings = new List<Finding>();
            foreach (var run in runs.Items.OfType<JsonObject>())
            {
                var ruleLevels = new List<(string? Id, string? Level)>();
                if (run["tool"]?["driver"]?["rules"] is JsonArray rules)
                {
                    foreach (var rule in rules.Items)
                    {
                        ruleLevels.Add((rule["id"]?.AsString(), rule["defaultConfiguration"]?["level"]?.AsString()));
                    }
                }
                var baseIds = new Dictionary<string, string>(StringComparer.Ordinal);
                if (run["originalUriBaseIds"] is JsonObject bases)
                {
                    foreach (var p in bases.Properties)
                    {
                        var uri = p.Value["uri"]?.AsString();
                        if (uri != null)
                        {
                            baseIds[p.Name] = uri;
                        }
                    }
                }

                if (!(run["results"] is JsonArray results))
                {
                    continue;
                }
                foreach (var result in results.Items.OfType<JsonObject>())
                {
                    var ruleIndex = result["ruleIndex"] is JsonNumber n && n.Value >= 0 && n.Value < ruleLevels.Count ? (int)n.Value : -1;
                    var ruleId = result["ruleId"]?.AsString() ?? result["rule"]?["id"]?.AsString() ?? (ruleIndex >= 0 ? ruleLevels[ruleIndex].Id : null);
                    if (ruleId == null || (ruleFilter != null && !ruleFilter(ruleId)))
                    {
                        continue;
                    }
                    if (IsSuppressed(result))
                    {
                        continue;
                    }

                    var levelWord = result["level"]?.AsString()
                        ?? (ruleIndex >= 0 ? ruleLevels[ruleIndex].Level : ruleLevels.FirstOrDefault(r => r.Id == ruleId).Level)
                        ?? "warning";
                    var severity = ParseLevel(levelWord);
                    var message = result["message"]?["text"]?.AsString() ?? string.Empty;
                    var location = ReadLocation(result, baseIds, repositoryRoot);
                    if (location == null)
                    {
                        continue; // no file to annotate (e.g. a compilation-wide diagnostic without location)
                    }

                    var fingerprint = (result["partialFingerprints"] as JsonObject)?.Properties.FirstOrDefault()?.Value.AsString();
                    findings.Add(new Finding(ruleId, severity, message, location, fingerprint));
                }
            }
            return findings;
        }

        public static FindingSeverity ParseLevel(string? level)
        {
            switch (level)
            {
                case "error": return FindingSeverity.Error;
                case "warning": return FindingSeverity.Warning;
                case "note": return FindingSeverity.Note;
                default: return FindingSeverity.None;
            }
        }

        private static bool IsSuppressed(JsonObject result)
        {
            if (result["suppressions"] is JsonArray suppressions)
            {
                foreach (var s in suppressions.Items)
                {
                    var status = s["status"]?.AsString();
                    if (status == null || status == "accepted")
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static FindingLocation? ReadLocation(JsonObject result, Dictionary<string, string> baseIds, string? repositoryRoot)
        {
            if (!(result["locations"] is JsonArray locations) || locations.Items.Count == 0)
            {
                return null;
            }
            var physical = locations.Items[0]["physicalLocation"];
            var artifact = physical?["artifactLocation"];
            var uri = artifact?["uri"]?.AsString();
            if (uri == null)
            {
                return null;
            }
            var path = ToPath(uri, artifact!["uriBaseId"]?.AsString(), baseIds, repositoryRoot);
            var region = physical!["region"];
            var startLine = Int(region?["startLine"], 1);
            var startColumn = Int(region?["startColumn"], 1);
            var endLine = Int(region?["endLine"], startLine);
            var endColumn = Int(region?["endColumn"], endLine == startLine ? startColumn : 1);
            return new FindingLocation(path, startLine, startColumn, endLine, endColumn);
        }

        /// <summary>A result URI as a path: repository-relative (forward slashes) when inside the root, else absolute.</summary>
        public static string ToPath(string uri, string? uriBaseId, IReadOnlyDictionary<string, string> baseIds, string? repositoryRoot)
        {
            string? absolute = null;
            if (Uri.TryCreate(uri, UriKind.Absolute, out var abs) && abs.IsFile)
            {
                absolute = abs.LocalPath;
            }
            else if (uriBaseId != null && baseIds.TryGetValue(uriBaseId, out var baseUri)
                && Uri.TryCreate(baseUri, UriKind.Absolute, out var b) && b.IsFile)
            {
                absolute = new Uri(b, uri).LocalPath;
            }

            if (absolute == null)
            {
                // relative to the repository root (our own logs without originalUriBaseIds)
                return Uri.UnescapeDataString(uri).Replace('\\', '/').TrimStart('/');
            }
            if (repositoryRoot == null)
            {
                return absolute;
            }
            var root = Path.GetFullPath(repositoryRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(absolute);
            return full.StartsWith(root, StringComparison.Ordinal)
                ? full.Substring(root.Length).Replace('\\', '/')
                : full;
        }

        private static int Int(JsonNode? node, int fallback) =>
            node is JsonNumber n && !double.IsNaN(n.Value) && n.Value >= 1 && n.Value < int.MaxValue ? (int)n.Value : fallback;
    }
}
