using System;
using System.Collections.Generic;
using System.IO;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>A problem in the repository config file, at a 1-based line and column.</summary>
    public sealed class RepositoryConfigError
    {
        public RepositoryConfigError(string path, int line, int column, string message)
        {
            Path = path;
            Line = Math.Max(1, line);
            Column = Math.Max(1, column);
            Message = message;
        }

        /// <summary>The config file as given (repository-relative when it is inside the repository).</summary>
        public string Path { get; }
        public int Line { get; }
        public int Column { get; }
        public string Message { get; }

        /// <summary>As a RAXX001 finding (for hosts that report config problems as findings).</summary>
        public Finding ToFinding() =>
            new Finding(Rules.RuleIds.Raxx001, FindingSeverity.Error, Message, new FindingLocation(Path, Line, Column, Line, Column));

        /// <summary>Compiler-style: <c>raxx-guardrails.yaml(3,5): error RAXX001: …</c>.</summary>
        public override string ToString() => $"{Path}({Line},{Column}): error {Rules.RuleIds.Raxx001}: {Message}";
    }

    /// <summary>The outcome of reading the config: a config (defaults when there is no file) or an error.</summary>
    public sealed class RepositoryConfigLoadResult
    {
        internal RepositoryConfigLoadResult(RepositoryConfig? config, RepositoryConfigError? error)
        {
            Config = config;
            Error = error;
        }

        public RepositoryConfig? Config { get; }
        public RepositoryConfigError? Error { get; }
        public bool Success => Error == null;
    }

    /// <summary>
    /// Reads <c>raxx-guardrails.yaml</c>, the one config file every host (CLI, MSBuild tasks) shares:
    /// <code>
    /// include: [ "src/**" ]                      # optional: only these files are checked
    /// exclude: [ "samples/incidents/**" ]        # never checked
    /// severity: { RAXX402: warning, RAXX505: none }   # error | warning | note | none
    /// flags: { files: [ config/flags.yaml ] }    # or file: …
    /// release: { configs: [ release-please-config.json ] }  # or config: …
    /// credentials: { allowlist: .raxx/allowlist.txt, baseline: .raxx/baseline.json }
    /// </code>
    /// Every other top-level section is kept in <see cref="RepositoryConfig.Sections"/> for the rule
    /// family that owns it. A malformed file is an error at its line, never a silent default.
    /// </summary>
    public static class RepositoryConfigLoader
    {
        /// <summary>Largest config file read (bytes).</summary>
        public const long MaxConfigBytes = 1024 * 1024;

        /// <summary>
        /// The files whose content or presence <see cref="Load"/> (without an explicit path) depends on for the
        /// repository at <paramref name="repositoryRoot"/>: the config file, and the misnamed <c>.yml</c> it reports.
        /// For incremental build hosts that must re-run when one appears, changes or goes.
        /// </summary>
        public static IReadOnlyList<string> FilesConsulted(string repositoryRoot)
        {
            var root = Path.GetFullPath(repositoryRoot);
            return new[] { Path.Combine(root, RepositoryConfig.FileName), Path.Combine(root, MisnamedFileName) };
        }

        private const string MisnamedFileName = "raxx-guardrails.yml";

        /// <summary>
        /// Reads the config of a repository: <paramref name="explicitPath"/> when given (it must exist),
        /// otherwise <c>raxx-guardrails.yaml</c> at the root when present, otherwise the defaults.
        /// </summary>
        public static RepositoryConfigLoadResult Load(string repositoryRoot, string? explicitPath = null)
        {
            var root = Path.GetFullPath(repositoryRoot);
            string fullPath;
            if (explicitPath != null)
            {
                fullPath = Path.GetFullPath(Path.IsPathRooted(explicitPath) ? explicitPath : Path.Combine(Directory.GetCurrentDirectory(), explicitPath));
                if (!File.Exists(fullPath))
                {
                    return Fail(explicitPath, 1, 1, $"config file '{explicitPath}' does not exist");
                }
            }
            else
            {
                fullPath = Path.Combine(root, RepositoryConfig.FileName);
                if (!File.Exists(fullPath))
                {
                    if (File.Exists(Path.Combine(root, MisnamedFileName)))
                    {
                        return Fail(MisnamedFileName, 1, 1, $"the config file must be named '{RepositoryConfig.FileName}' (found '{MisnamedFileName}', which no host reads)");
                    }
                    return new RepositoryConfigLoadResult(new RepositoryConfig(), null);
                }
            }

            var display = DisplayPath(root, fullPath);
            string text;
            try
            {
                var info = new FileInfo(fullPath);
                if (info.Length > MaxConfigBytes)
                {
                    return Fail(display, 1, 1, $"the config file is {info.Length:N0} bytes; more than {MaxConfigBytes:N0} is not read");
                }
                text = File.ReadAllText(fullPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return Fail(display, 1, 1, "the config file could not be read: " + ex.Message);
            }

            return Parse(text, display);
        }

        /// <summary>
        /// For build hosts: the repository's config, or the defaults with the problem reported as a
        /// RAXX001 finding (a broken config must not stop the other checks of a build).
        /// </summary>
        public static RepositoryConfig LoadFromRoot(string repositoryRoot, IFindingSink problems)
        {
            var loaded = Load(repositoryRoot);
            if (loaded.Success)
            {
                return loaded.Config!;
            }
            problems.Report(loaded.Error!.ToFinding());
            return new RepositoryConfig();
        }

        /// <summary>Reads a scalar or a sequence of scalars (for family sections); other shapes are RAXX001 at their line.</summary>
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
                        problems.Report(new RepositoryConfigError(sourcePath, (int)item.Start.Line, (int)item.Start.Column, "expected a path glob (a string)").ToFinding());
                    }
                }
            }
            else
            {
                problems.Report(new RepositoryConfigError(sourcePath, (int)node.Start.Line, (int)node.Start.Column, "expected a path glob or a list of them").ToFinding());
            }
            return result;
        }

        /// <summary>Parses config text; <paramref name="sourcePath"/> is used for error locations and <see cref="RepositoryConfig.SourcePath"/>.</summary>
        public static RepositoryConfigLoadResult Parse(string? text, string sourcePath)
        {
            var config = new RepositoryConfig { SourcePath = sourcePath };
            var yaml = YamlLoader.Load(text);
            if (!yaml.Success)
            {
                return Fail(sourcePath, yaml.Error!.Line, yaml.Error.Column, "invalid YAML: " + yaml.Error.Message);
            }
            if (yaml.Root == null || IsNull(yaml.Root))
            {
                return new RepositoryConfigLoadResult(config, null);
            }
            if (!(yaml.Root is YamlMappingNode map))
            {
                return At(sourcePath, yaml.Root, "the config must be a mapping of sections (include, exclude, severity, flags, release, credentials, …)");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in map.Children)
            {
                if (!(entry.Key is YamlScalarNode keyNode) || string.IsNullOrEmpty(keyNode.Value))
                {
                    return At(sourcePath, entry.Key, "section names must be plain words");
                }
                var key = keyNode.Value!;
                if (!seen.Add(key))
                {
                    return At(sourcePath, entry.Key, $"section '{key}' appears twice");
                }

                RepositoryConfigError? error;
                switch (key)
                {
                    case "include":
                        error = ReadGlobs(sourcePath, key, entry.Value, config.Include);
                        break;
                    case "exclude":
                        error = ReadGlobs(sourcePath, key, entry.Value, config.Exclude);
                        break;
                    case "severity":
                    case "severities":
                        error = ReadSeverities(sourcePath, key, entry.Value, config.Severities);
                        break;
                    case "flags":
                        error = ReadFamilySection(sourcePath, key, entry.Value, (name, value) =>
                            name == "file" || name == "files" ? ReadPaths(sourcePath, key + "." + name, value, config.FlagsFiles) : null);
                        break;
                    case "release":
                        error = ReadFamilySection(sourcePath, key, entry.Value, (name, value) =>
                            name == "config" || name == "configs" ? ReadPaths(sourcePath, key + "." + name, value, config.ReleaseConfigs) : null);
                        break;
                    case "credentials":
                        error = ReadFamilySection(sourcePath, key, entry.Value, (name, value) =>
                        {
                            if (name != "allowlist" && name != "baseline")
                            {
                                return null;
                            }
                            var paths = new List<string>();
                            var e = ReadPaths(sourcePath, key + "." + name, value, paths);
                            if (e == null && paths.Count != 1)
                            {
                                return At(sourcePath, value, $"'{key}.{name}' must be one path").Error;
                            }
                            if (e == null && name == "allowlist")
                            {
                                config.CredentialAllowlistPath = paths[0];
                            }
                            else if (e == null)
                            {
                                config.CredentialBaselinePath = paths[0];
                            }
                            return e;
                        });
                        break;
                    default:
                        error = null;
                        break;
                }
                if (error != null)
                {
                    return new RepositoryConfigLoadResult(null, error);
                }
                config.Sections[key] = entry.Value;
            }

            return new RepositoryConfigLoadResult(config, null);
        }

        /// <summary>Parses a severity word as used in the config (error, warning, note/info, none/off).</summary>
        public static bool TryParseSeverity(string? text, out FindingSeverity severity)
        {
            switch ((text ?? string.Empty).Trim().ToLowerInvariant())
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
                    severity = FindingSeverity.None;
                    return true;
                default:
                    severity = FindingSeverity.None;
                    return false;
            }
        }

        private static RepositoryConfigError? ReadGlobs(string path, string key, YamlNode node, List<PathGlob> target)
        {
            var items = new List<string>();
            var error = ReadStrings(path, key, node, items, out var nodes);
            if (error != null)
            {
                return error;
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(items[i]))
                {
                    return At(path, nodes[i], $"'{key}' has an empty glob").Error;
                }
                try
                {
                    target.Add(new PathGlob(items[i]));
                }
                catch (ArgumentException ex)
                {
                    return At(path, nodes[i], $"'{key}' glob '{items[i]}' is invalid: {ex.Message}").Error;
                }
            }
            return null;
        }

        private static RepositoryConfigError? ReadPaths(string path, string key, YamlNode node, List<string> target)
        {
            var items = new List<string>();
            var error = ReadStrings(path, key, node, items, out var nodes);
            if (error != null)
            {
                return error;
            }
            for (var i = 0; i < items.Count; i++)
            {
                var p = RepositoryContext.NormalizeRelative(items[i].Trim());
                if (p.Length == 0)
                {
                    return At(path, nodes[i], $"'{key}' has an empty path").Error;
                }
                if (Path.IsPathRooted(items[i].Trim()) || p == ".." || p.StartsWith("../", StringComparison.Ordinal) || p.Contains("/../"))
                {
                    return At(path, nodes[i], $"'{key}' path '{items[i]}' must be relative to the repository root and stay inside it").Error;
                }
                target.Add(p);
            }
            return null;
        }

        /// <summary>A string or a list of strings.</summary>
        private static RepositoryConfigError? ReadStrings(string path, string key, YamlNode node, List<string> target, out List<YamlNode> nodes)
        {
            nodes = new List<YamlNode>();
            if (node is YamlScalarNode scalar)
            {
                if (IsNull(scalar))
                {
                    return null;
                }
                target.Add(scalar.Value ?? string.Empty);
                nodes.Add(scalar);
                return null;
            }
            if (node is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                {
                    if (!(item is YamlScalarNode s) || IsNull(s))
                    {
                        return At(path, item, $"'{key}' must be a list of strings").Error;
                    }
                    target.Add(s.Value ?? string.Empty);
                    nodes.Add(s);
                }
                return null;
            }
            return At(path, node, $"'{key}' must be a string or a list of strings").Error;
        }

        private static RepositoryConfigError? ReadSeverities(string path, string key, YamlNode node, Dictionary<string, FindingSeverity> target)
        {
            if (node is YamlScalarNode empty && IsNull(empty))
            {
                return null;
            }
            if (!(node is YamlMappingNode map))
            {
                return At(path, node, $"'{key}' must map rule IDs to error, warning, note or none (RAXX402: warning)").Error;
            }
            foreach (var entry in map.Children)
            {
                var id = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                if (Rules.RuleCatalog.Find(id) == null)
                {
                    return At(path, entry.Key, $"'{key}' names unknown rule '{id}' (rule IDs look like RAXX402)").Error;
                }
                var word = (entry.Value as YamlScalarNode)?.Value;
                if (!TryParseSeverity(word, out var severity))
                {
                    return At(path, entry.Value, $"severity of {id} must be error, warning, note or none, not '{word}'").Error;
                }
                target[id.ToUpperInvariant()] = severity;
            }
            return null;
        }

        /// <summary>A family section must be a mapping; the known keys are read here, the rest belongs to the family.</summary>
        private static RepositoryConfigError? ReadFamilySection(string path, string key, YamlNode node, Func<string, YamlNode, RepositoryConfigError?> readKey)
        {
            if (node is YamlScalarNode empty && IsNull(empty))
            {
                return null;
            }
            if (!(node is YamlMappingNode map))
            {
                return At(path, node, $"'{key}' must be a mapping").Error;
            }
            foreach (var entry in map.Children)
            {
                var name = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                var error = readKey(name, entry.Value);
                if (error != null)
                {
                    return error;
                }
            }
            return null;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (string.IsNullOrEmpty(s.Value) || s.Value == "~" || s.Value == "null");

        private static RepositoryConfigLoadResult At(string path, YamlNode node, string message)
        {
            var (line, column) = YamlLoader.StartOf(node);
            return Fail(path, line, column, message);
        }

        private static RepositoryConfigLoadResult Fail(string path, int line, int column, string message) =>
            new RepositoryConfigLoadResult(null, new RepositoryConfigError(path, line, column, message));

        private static string DisplayPath(string root, string fullPath)
        {
            var rootWithSep = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            return fullPath.StartsWith(rootWithSep, StringComparison.Ordinal)
                ? fullPath.Substring(rootWithSep.Length).Replace('\\', '/')
                : fullPath;
        }
    }
}
