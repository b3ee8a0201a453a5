using System;
using System.Collections.Generic;
using System.IO;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>
    /// Reads <c>raxx-guardrails.yaml</c>:
    /// <code>
    /// include: [src/**]            # optional: only these files are checked
    /// exclude: [samples/incidents/**, tests/**/TestData/**]
    /// severities: { RAXX402: warning, RAXX504: none }   # error | warning | note | none
    /// flags: …                     # any other top-level key is a family section (RepositoryConfig.Sections)
    /// </code>
    /// Problems (invalid YAML, unknown severity, a bad glob) become RAXX001 findings located in the
    /// file; the rest of the file still applies.
    /// </summary>
    public static class RepositoryConfigLoader
    {
        /// <summary>Loads the configuration at the repository root, or the defaults when there is none.</summary>
        public static RepositoryConfig LoadFromRoot(string root, IFindingSink problems)
        {
            var path = Path.Combine(root, RepositoryConfig.FileName);
            if (!File.Exists(path))
            {
                return RepositoryConfig.Empty;
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error,
                    $"{RepositoryConfig.FileName} could not be read: {ex.Message}", FindingLocation.WholeFile(RepositoryConfig.FileName)));
                return RepositoryConfig.Empty;
            }

            return Parse(text, RepositoryConfig.FileName, problems);
        }

        /// <summary>Parses configuration text; <paramref name="sourcePath"/> is repository-relative.</summary>
        public static RepositoryConfig Parse(string text, string sourcePath, IFindingSink problems)
        {
            var config = new RepositoryConfig { SourcePath = sourcePath };
            var loaded = YamlLoader.Load(text);
            if (loaded.Error != null)
            {
                Report(problems, sourcePath, loaded.Error.Line, loaded.Error.Column, $"{sourcePath} is not valid YAML: {loaded.Error.Message}");
                return config;
            }

            if (loaded.Root == null)
            {
                return config;
            }

            if (!(loaded.Root is YamlMappingNode map))
            {
                Report(problems, sourcePath, loaded.Root, $"{sourcePath} must be a mapping (include, exclude, severities, family sections)");
                return config;
            }

            foreach (var entry in map.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value;
                if (key == null)
                {
                    Report(problems, sourcePath, entry.Key, "configuration keys must be plain names");
                    continue;
                }

                config.Sections[key] = entry.Value;
                switch (key)
                {
                    case "include":
                        ReadGlobs(entry.Value, config.Include, sourcePath, problems);
                        break;
                    case "exclude":
                        ReadGlobs(entry.Value, config.Exclude, sourcePath, problems);
                        break;
                    case "severities":
                        ReadSeverities(entry.Value, config, sourcePath, problems);
                        break;
                }
            }

            return config;
        }

        /// <summary>Reads a severity name: error, warning, note (info, suggestion), none (off, silent, hidden).</summary>
        public static bool TryParseSeverity(string? value, out FindingSeverity severity)
        {
            switch ((value ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "error":
                    severity = FindingSeverity.Error;
                    return true;
                case "warning":
                case "warn":
                    severity = FindingSeverity.Warning;
                    return true;
                case "note":
                case "info":
                case "suggestion":
                    severity = FindingSeverity.Note;
                    return true;
                case "none":
                case "off":
                case "silent":
                case "hidden":
                    severity = FindingSeverity.None;
                    return true;
                default:
                    severity = FindingSeverity.None;
                    return false;
            }
        }

        /// <summary>Reads a scalar or a sequence of scalars as strings (for family sections too).</summary>
        public static IReadOnlyList<YamlScalarNode> ReadScalarList(YamlNode node, string sourcePath, IFindingSink problems)
        {
            var result = new List<YamlScalarNode>();
            if (node is YamlScalarNode single)
            {
                if (!string.IsNullOrWhiteSpace(single.Value))
                {
                    result.Add(single);
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
                    {
                        result.Add(scalar);
                    }
                    else
                    {
                        Report(problems, sourcePath, item, "expected a path glob (a string)");
                    }
                }
            }
            else
            {
                Report(problems, sourcePath, node, "expected a path glob or a list of them");
            }
            return result;
        }

        private static void ReadGlobs(YamlNode node, List<PathGlob> target, string sourcePath, IFindingSink problems)
        {
            foreach (var scalar in ReadScalarList(node, sourcePath, problems))
            {
                try
                {
                    target.Add(new PathGlob(scalar.Value!));
                }
                catch (ArgumentException ex)
                {
                    Report(problems, sourcePath, scalar, $"'{scalar.Value}' is not a valid path glob: {ex.Message}");
                }
            }
        }

        private static void ReadSeverities(YamlNode node, RepositoryConfig config, string sourcePath, IFindingSink problems)
        {
            if (!(node is YamlMappingNode map))
            {
                Report(problems, sourcePath, node, "severities must map rule IDs to error, warning, note or none");
                return;
            }

            foreach (var entry in map.Children)
            {
                var id = (entry.Key as YamlScalarNode)?.Value;
                var value = (entry.Value as YamlScalarNode)?.Value;
                if (string.IsNullOrWhiteSpace(id))
                {
                    Report(problems, sourcePath, entry.Key, "severities keys must be rule IDs such as RAXX402");
                    continue;
                }
                if (RuleCatalog.Find(id!) == null)
                {
                    Report(problems, sourcePath, entry.Key, $"'{id}' is not a Raxx.Guardrails rule ID");
                    continue;
                }
                if (!TryParseSeverity(value, out var severity))
                {
                    Report(problems, sourcePath, entry.Value, $"'{value}' is not a severity for {id}: use error, warning, note or none");
                    continue;
                }
                config.Severities[id!] = severity;
            }
        }

        private static void Report(IFindingSink problems, string path, YamlNode node, string message) =>
            Report(problems, path, (int)node.Start.Line, (int)node.Start.Column, message);

        private static void Report(IFindingSink problems, string path, int line, int column, string message) =>
            problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error, message, new FindingLocation(path, line, column, line, column)));
    }
}
