using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>
    /// What a preflight needs to know about the app, from the <c>preflight:</c> section of
    /// <c>raxx-guardrails.yaml</c> and/or a Heroku-style <c>app.json</c> <c>env</c> block:
    /// <code>
    /// preflight:
    ///   health: /health            # default /health
    ///   timeout_seconds: 30        # per boot, default 30
    ///   max_parallel: 2            # default: the core count
    ///   app_json: app.json         # default: app.json beside the project, then at the repository root
    ///   env:                       # production config-var names with placeholder values
    ///     WEBAUTHN_RP_ID: raxx.app
    ///   discover: true             # read the app's endpoints through the probe (default true)
    ///   routes:                    # extra flag-gated routes: path -> flag name (discovered ones need no entry)
    ///     /api/users/42: user_admin
    /// </code>
    /// Values are placeholders: the preflight proves the app boots with the variables production
    /// declares, not that production's secrets are right.
    /// </summary>
    public sealed class PreflightSettings
    {
        public const string SectionName = "preflight";

        public string HealthPath { get; set; } = "/health";
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        public int MaxParallel { get; set; }

        /// <summary>Attach the endpoint probe and discover flag-gated routes from the app's endpoint metadata (default true).</summary>
        public bool Discover { get; set; } = true;

        /// <summary>Environment for every boot: declared production variables with placeholder values.</summary>
        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Flag-gated routes: path -> flag name.</summary>
        public Dictionary<string, string> GatedRoutes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Where the variables came from, for the report ("raxx-guardrails.yaml", "app.json").</summary>
        public List<string> Sources { get; } = new List<string>();

        /// <summary>The app.json path named in the config (relative to the repository root), if any.</summary>
        public string? AppJsonPath { get; set; }

        /// <summary>Reads the <c>preflight:</c> section; problems become RAXX001 findings at the line, never exceptions.</summary>
        public static PreflightSettings FromSection(YamlNode? section, string configPath, IFindingSink problems)
        {
            var settings = new PreflightSettings();
            if (section == null)
            {
                return settings;
            }
            if (!(section is YamlMappingNode map))
            {
                Problem(problems, configPath, section, "the 'preflight' section must be a mapping");
                return settings;
            }

            settings.Sources.Add(configPath);
            foreach (var entry in map.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                var value = entry.Value;
                switch (key)
                {
                    case "health":
                        var health = Scalar(value);
                        if (health == null || !health.StartsWith("/", StringComparison.Ordinal))
                        {
                            Problem(problems, configPath, value, "'preflight.health' must be a path starting with '/'");
                        }
                        else
                        {
                            settings.HealthPath = health;
                        }
                        break;
                    case "timeout_seconds":
                        if (double.TryParse(Scalar(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 600)
                        {
                            settings.Timeout = TimeSpan.FromSeconds(seconds);
                        }
                        else
                        {
                            Problem(problems, configPath, value, "'preflight.timeout_seconds' must be a number of seconds between 0 and 600");
                        }
                        break;
                    case "max_parallel":
                        if (int.TryParse(Scalar(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parallel) && parallel > 0)
                        {
                            settings.MaxParallel = parallel;
                        }
                        else
                        {
                            Problem(problems, configPath, value, "'preflight.max_parallel' must be a positive integer");
                        }
                        break;
                    case "discover":
                        switch (Scalar(value)?.ToLowerInvariant())
                        {
                            case "true":
                                settings.Discover = true;
                                break;
                            case "false":
                                settings.Discover = false;
                                break;
                            default:
                                Problem(problems, configPath, value, "'preflight.discover' must be true or false");
                                break;
                        }
                        break;
                    case "app_json":
                        settings.AppJsonPath = Scalar(value);
                        break;
                    case "env":
                        ReadMap(value, configPath, "preflight.env", problems, settings.Environment);
                        break;
                    case "routes":
                        ReadMap(value, configPath, "preflight.routes", problems, settings.GatedRoutes);
                        foreach (var path in settings.GatedRoutes.Keys)
                        {
                            if (!path.StartsWith("/", StringComparison.Ordinal))
                            {
                                Problem(problems, configPath, value, $"route '{path}' in 'preflight.routes' must start with '/'");
                            }
                        }
                        break;
                    default:
                        Problem(problems, configPath, entry.Key, $"unknown key 'preflight.{key}' (expected health, timeout_seconds, max_parallel, discover, app_json, env, routes)");
                        break;
                }
            }
            return settings;
        }

        /// <summary>
        /// Adds the variables of a Heroku-style app.json <c>env</c> block: <c>"NAME": "value"</c> or
        /// <c>"NAME": {"value": "…", "required": true, "generator": "secret"}</c>. A variable without a value
        /// gets a placeholder; variables already set by the config keep the config's value.
        /// </summary>
        public void AddAppJson(string text, string path, IFindingSink problems)
        {
            var parsed = JsonReader.Parse(text);
            if (!parsed.Success)
            {
                problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error,
                    $"{path} is not valid JSON: {parsed.Error!.Message}",
                    new FindingLocation(path, parsed.Error.Line, parsed.Error.Column, parsed.Error.Line, parsed.Error.Column + 1)));
                return;
            }
            if (!(parsed.Root?["env"] is JsonObject env))
            {
                return;
            }

            Sources.Add(path);
            foreach (var property in env.Properties)
            {
                if (Environment.ContainsKey(property.Name))
                {
                    continue;
                }
                string? value = property.Value.AsString();
                if (value == null && property.Value is JsonObject spec)
                {
                    value = spec["value"]?.AsString();
                }
                Environment[property.Name] = string.IsNullOrEmpty(value) ? Placeholder(property.Name) : value!;
            }
        }

        /// <summary>A placeholder shaped like what the name suggests, so URL/number parsers at boot accept it.</summary>
        public static string Placeholder(string name)
        {
            var upper = name.ToUpperInvariant();
            if (upper.EndsWith("_URL", StringComparison.Ordinal) || upper.EndsWith("_ORIGIN", StringComparison.Ordinal) || upper.EndsWith("_URI", StringComparison.Ordinal) || upper.EndsWith("_DSN", StringComparison.Ordinal))
            {
                return "https://preflight.invalid";
            }
            if (upper.EndsWith("_PORT", StringComparison.Ordinal) || upper.EndsWith("_COUNT", StringComparison.Ordinal) || upper.EndsWith("_SECONDS", StringComparison.Ordinal))
            {
                return "1";
            }
            return "preflight-placeholder";
        }

        private static void ReadMap(YamlNode node, string configPath, string name, IFindingSink problems, Dictionary<string, string> into)
        {
            if (!(node is YamlMappingNode map))
            {
                Problem(problems, configPath, node, $"'{name}' must be a mapping of name: value");
                return;
            }
            foreach (var entry in map.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value;
                var value = Scalar(entry.Value);
                if (string.IsNullOrEmpty(key) || value == null)
                {
                    Problem(problems, configPath, entry.Key, $"'{name}' entries must be scalar name: value pairs");
                    continue;
                }
                into[key!] = value;
            }
        }

        private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

        private static void Problem(IFindingSink problems, string path, YamlNode node, string message)
        {
            var start = node.Start;
            var end = node.End;
            problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error, $"{path}: {message}.",
                new FindingLocation(path, (int)start.Line, (int)start.Column, (int)end.Line, end.Line == start.Line ? (int)end.Column : (int)start.Column + 1)));
        }

        /// <summary>Locates the app.json to read: the configured path, else beside the project, else at the root.</summary>
        public string? FindAppJson(string repositoryRoot, string? projectDirectory)
        {
            if (!string.IsNullOrEmpty(AppJsonPath))
            {
                var configured = Path.IsPathRooted(AppJsonPath) ? AppJsonPath! : Path.Combine(repositoryRoot, AppJsonPath!);
                return File.Exists(configured) ? configured : null;
            }
            foreach (var dir in new[] { projectDirectory, repositoryRoot })
            {
                if (dir != null && File.Exists(Path.Combine(dir, "app.json")))
                {
                    return Path.Combine(dir, "app.json");
                }
            }
            return null;
        }
    }
}
