using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Flags
{
    /// <summary>
    /// The declared feature flags of a project: the Raxx flags file (YAML, <c>flags:</c> map) and/or
    /// Microsoft.FeatureManagement declarations in appsettings*.json, with the problems found while
    /// reading them. Parsing never throws: every problem is a located <see cref="FlagsProblem"/>.
    /// </summary>
    /// <remarks>
    /// Flags file format:
    /// <code>
    /// flags:
    ///   webauthn_registration:
    ///     default: false            # required, true/false
    ///     description: Passkey registration endpoints
    ///     risk: high                # low | medium | high
    ///     owner: auth-team
    ///     env: FLAG_WEBAUTHN_REGISTRATION   # optional; default FLAG_&lt;UPPER_SNAKE_NAME&gt;
    /// </code>
    /// </remarks>
    public sealed partial class FlagsDocument
    {
        /// <summary>Keys allowed in a flag's entry.</summary>
        public static IReadOnlyList<string> FlagKeys { get; } = new[] { "default", "description", "risk", "owner", "env" };

        private readonly List<FlagDeclaration> _flags = new List<FlagDeclaration>();
        private readonly List<FlagsProblem> _problems = new List<FlagsProblem>();
        private readonly List<string> _sources = new List<string>();

        public static FlagsDocument Empty { get; } = new FlagsDocument();

        /// <summary>Declared flags in document order (first declaration of a duplicated name only).</summary>
        public IReadOnlyList<FlagDeclaration> Flags => _flags;

        /// <summary>Problems found while reading (RAXX303 in the flags file).</summary>
        public IReadOnlyList<FlagsProblem> Problems => _problems;

        /// <summary>Paths read into this document.</summary>
        public IReadOnlyList<string> Sources => _sources;

        /// <summary>True when at least one flags source was read (even an empty or invalid one).</summary>
        public bool HasSources => _sources.Count > 0;

        // ---------------------------------------------------------------- lookup

        /// <summary>Finds a flag by its name or its env name (both case-insensitive, as configuration keys are).</summary>
        public FlagDeclaration? Find(string? nameOrEnvName)
        {
            if (string.IsNullOrEmpty(nameOrEnvName))
            {
                return null;
            }
            foreach (var flag in _flags)
            {
                if (string.Equals(flag.Name, nameOrEnvName, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(flag.EnvName, nameOrEnvName, StringComparison.OrdinalIgnoreCase))
                {
                    return flag;
                }
            }
            return null;
        }

        public bool IsDeclared(string? nameOrEnvName) => Find(nameOrEnvName) != null;

        /// <summary>
        /// The env var that overrides a flag: the declared <c>env:</c>, else <c>FLAG_&lt;UPPER_SNAKE_NAME&gt;</c>
        /// (also for a name that is not declared).
        /// </summary>
        public string EnvName(string name) => Find(name)?.EnvName ?? FlagNames.DefaultEnvName(name);

        /// <summary>
        /// The closest declared name (or env name, when <paramref name="name"/> is env-style) within
        /// a small edit distance, for "did you mean"; null when nothing is close.
        /// </summary>
        public string? Suggest(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }
            var envStyle = FlagNames.IsEnvStyleName(name);
            var max = FlagNames.MaxSuggestionDistance(name!.Length);
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var flag in _flags)
            {
                var candidate = envStyle ? flag.EnvName : flag.Name;
                var d = FlagNames.EditDistance(name, candidate);
                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                }
            }
            return best != null && bestDistance <= max ? best : null;
        }

        /// <summary>The flags as the boot preflight sees them (name, env name, default, declaration line).</summary>
        public IReadOnlyList<PreflightFlag> ToPreflightFlags() =>
            _flags.Select(f => new PreflightFlag(f.Name, f.EnvName, f.Default,
                new FindingLocation(f.Path, f.KeySpan.Line, f.KeySpan.Column, f.KeySpan.EndLine, f.KeySpan.EndColumn))).ToArray();

        /// <summary>Combines several sources (flags file first); a name declared twice keeps its first declaration.</summary>
        public static FlagsDocument Combine(IEnumerable<FlagsDocument> documents)
        {
            var result = new FlagsDocument();
            foreach (var doc in documents)
            {
                if (doc == null)
                {
                    continue;
                }
                result._sources.AddRange(doc._sources);
                result._problems.AddRange(doc._problems);
                foreach (var flag in doc._flags)
                {
                    if (result.Find(flag.Name) == null)
                    {
                        result._flags.Add(flag);
                    }
                }
            }
            return result;
        }

        // ---------------------------------------------------------------- YAML

        /// <summary>Reads a flags file from disk (a read failure is a problem, not an exception).</summary>
        public static FlagsDocument LoadYamlFile(string path, string? displayPath = null)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                var doc = new FlagsDocument();
                doc._sources.Add(displayPath ?? path);
                doc._problems.Add(new FlagsProblem("the flags file could not be read: " + ex.Message, displayPath ?? path, new FlagSpan(1, 1, 1, 1)));
                return doc;
            }
            return ParseYaml(displayPath ?? path, text);
        }

        /// <summary>Parses the Raxx flags file format.</summary>
        public static FlagsDocument ParseYaml(string path, string? text) => ParseYaml(path, text, plainReader: true);

        /// <summary>For tests: <paramref name="plainReader"/> false reads every file with YamlDotNet.</summary>
        internal static FlagsDocument ParseYaml(string path, string? text, bool plainReader)
        {
            var doc = new FlagsDocument();
            doc._sources.Add(path ?? string.Empty);
            try
            {
                doc.ReadYaml(path ?? string.Empty, text ?? string.Empty, plainReader);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                doc._problems.Add(new FlagsProblem("the flags file could not be read: " + ex.Message, path ?? string.Empty, new FlagSpan(1, 1, 1, 1)));
            }
            return doc;
        }

        private void ReadYaml(string path, string text, bool plainReader)
        {
            if (plainReader && TryReadPlainYaml(path, text))
            {
                return; // a valid file in plain YAML: read without YamlDotNet (FlagsDocument.PlainYaml.cs)
            }
            // Duplicate keys stop YamlDotNet's model at the first one; find them all on the event stream first.
            var duplicates = FindDuplicateKeys(text);
            if (duplicates.Count > 0)
            {
                foreach (var (key, span, isFlag) in duplicates)
                {
                    _problems.Add(new FlagsProblem(isFlag
                        ? $"duplicate flag '{key}': it is already declared above; remove or rename one of them"
                        : $"duplicate key '{key}' in a flag's entry", path, span));
                }
                return;
            }

            var loaded = YamlLoader.Load(text);
            if (!loaded.Success)
            {
                var e = loaded.Error!;
                _problems.Add(new FlagsProblem("YAML syntax error: " + e.Message, path, new FlagSpan(e.Line, e.Column, e.Line, e.Column + 1)));
                return;
            }

            if (loaded.Root == null)
            {
                _problems.Add(new FlagsProblem("the flags file is empty; expected a 'flags:' map of flag name -> { default: true|false }", path, new FlagSpan(1, 1, 1, 1)));
                return;
            }

            if (!(loaded.Root is YamlMappingNode root))
            {
                _problems.Add(new FlagsProblem("the flags file must be a map with a 'flags:' key", path, SpanOf(loaded.Root)));
                return;
            }

            YamlNode? flagsNode = null;
            var unknown = 0;
            foreach (var entry in root.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                if (key == "flags")
                {
                    flagsNode = entry.Value;
                }
                else if (key != "version")
                {
                    unknown++;
                    _problems.Add(new FlagsProblem($"unknown top-level key '{key}'; the flags file has a 'flags:' map (and optionally 'version:')", path, SpanOf(entry.Key)));
                }
            }

            if (flagsNode == null)
            {
                if (unknown > 0)
                {
                    return;
                }
                _problems.Add(new FlagsProblem("the flags file has no 'flags:' key", path, SpanOf(root)));
                return;
            }

            if (flagsNode is YamlScalarNode emptyScalar && string.IsNullOrEmpty(emptyScalar.Value))
            {
                return; // "flags:" with nothing declared yet
            }

            if (!(flagsNode is YamlMappingNode flags))
            {
                _problems.Add(new FlagsProblem("'flags:' must be a map of flag name -> { default: true|false, ... }", path, SpanOf(flagsNode)));
                return;
            }

            foreach (var entry in flags.Children)
            {
                ReadFlag(path, entry.Key, entry.Value);
            }
        }

        private void ReadFlag(string path, YamlNode keyNode, YamlNode valueNode)
        {
            var keySpan = SpanOf(keyNode);
            var name = (keyNode as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(name))
            {
                _problems.Add(new FlagsProblem("a flag name must be a non-empty string", path, keySpan));
                return;
            }

            if (!(valueNode is YamlMappingNode entry))
            {
                var shown = valueNode is YamlScalarNode s ? $"'{s.Value}'" : "a list";
                _problems.Add(new FlagsProblem($"flag '{name}' must be a map with a boolean 'default' (found {shown}); write '{name}: {{ default: false }}'",
                    path, valueNode is YamlScalarNode ? SpanOf(valueNode) : keySpan));
                return;
            }

            bool? defaultValue = null;
            var valid = true;
            var risk = FlagRisk.Unspecified;
            string? description = null, owner = null, env = null;
            foreach (var child in entry.Children)
            {
                var key = (child.Key as YamlScalarNode)?.Value ?? string.Empty;
                var scalar = child.Value as YamlScalarNode;
                switch (key)
                {
                    case "default":
                        defaultValue = ReadBool(scalar);
                        if (defaultValue == null)
                        {
                            valid = false;
                            var shown = scalar != null ? $"'{scalar.Value}'" : "a map or list";
                            _problems.Add(new FlagsProblem($"flag '{name}': 'default' must be true or false (found {shown})", path, SpanOf(child.Value)));
                        }
                        break;
                    case "risk":
                        var r = scalar?.Value?.Trim().ToLowerInvariant();
                        if (r == "low")
                        {
                            risk = FlagRisk.Low;
                        }
                        else if (r == "medium")
                        {
                            risk = FlagRisk.Medium;
                        }
                        else if (r == "high")
                        {
                            risk = FlagRisk.High;
                        }
                        else
                        {
                            _problems.Add(new FlagsProblem($"flag '{name}': risk '{scalar?.Value}' is not one of low, medium, high", path, SpanOf(child.Value)));
                        }
                        break;
                    case "description":
                        description = ReadString(path, name!, key, child.Value);
                        break;
                    case "owner":
                        owner = ReadString(path, name!, key, child.Value);
                        break;
                    case "env":
                        env = ReadString(path, name!, key, child.Value);
                        if (env != null && env.Trim().Length == 0)
                        {
                            _problems.Add(new FlagsProblem($"flag '{name}': 'env' is empty", path, SpanOf(child.Value)));
                            env = null;
                        }
                        break;
                    default:
                        _problems.Add(new FlagsProblem($"flag '{name}': unknown key '{key}'; allowed keys are {string.Join(", ", FlagKeys)}", path, SpanOf(child.Key)));
                        break;
                }
            }

            if (defaultValue == null && valid)
            {
                _problems.Add(new FlagsProblem($"flag '{name}' has no 'default'; add 'default: false' (or true)", path, keySpan));
            }

            var declaration = new FlagDeclaration(name!, defaultValue ?? false, env?.Trim() ?? FlagNames.DefaultEnvName(name!), path, keySpan, FlagDeclarationKind.FlagsFile)
            {
                Description = description,
                Risk = risk,
                Owner = owner,
                HasExplicitEnv = env != null,
            };
            // An invalid entry is still a declaration: code naming it is not also "undeclared".
            _flags.Add(declaration);
        }

        private string? ReadString(string path, string flag, string key, YamlNode node)
        {
            if (node is YamlScalarNode s)
            {
                return s.Value;
            }
            _problems.Add(new FlagsProblem($"flag '{flag}': '{key}' must be a string", path, SpanOf(node)));
            return null;
        }

        private static bool? ReadBool(YamlScalarNode? scalar)
        {
            if (scalar == null || scalar.Style == ScalarStyle.SingleQuoted || scalar.Style == ScalarStyle.DoubleQuoted)
            {
                return null;
            }
            switch (scalar.Value)
            {
                case "true":
                case "True":
                case "TRUE":
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    return false;
                default:
                    return null;
            }
        }

        private static FlagSpan SpanOf(YamlNode node)
        {
            var (line, column) = YamlLoader.StartOf(node);
            var (endLine, endColumn) = YamlLoader.EndOf(node);
            if (!(node is YamlScalarNode))
            {
                // a map or list: the first line only
                endLine = line;
                endColumn = column + 1;
            }
            return new FlagSpan(line, column, endLine, endColumn);
        }

        /// <summary>Duplicate keys of the flags map (depth 2) and of each flag's entry (depth 3).</summary>
        private static List<(string Key, FlagSpan Span, bool IsFlag)> FindDuplicateKeys(string text)
        {
            var result = new List<(string, FlagSpan, bool)>();
            try
            {
                var parser = new Parser(new StringReader(text));
                // stack of open containers: for mappings, the keys seen and whether the next scalar is a key
                var stack = new Stack<Frame>();
                while (parser.MoveNext())
                {
                    var ev = parser.Current;
                    if (ev is MappingStart || ev is SequenceStart)
                    {
                        ConsumeValue(stack);
                        stack.Push(new Frame(ev is MappingStart, CurrentPath(stack)));
                    }
                    else if (ev is MappingEnd || ev is SequenceEnd)
                    {
                        if (stack.Count > 0)
                        {
                            stack.Pop();
                        }
                    }
                    else if (ev is Scalar scalar || ev is AnchorAlias)
                    {
                        var top = stack.Count > 0 ? stack.Peek() : null;
                        if (top != null && top.IsMapping && top.ExpectKey)
                        {
                            var key = (ev as Scalar)?.Value ?? string.Empty;
                            top.PendingKey = key;
                            var depth = stack.Count;
                            var isFlagsMap = depth == 2 && top.ParentKey == "flags";
                            var isFlagEntry = depth == 3 && top.GrandParentIsFlags;
                            if ((isFlagsMap || isFlagEntry) && !top.Keys.Add(key))
                            {
                                result.Add((key, new FlagSpan((int)ev.Start.Line, (int)ev.Start.Column, (int)ev.End.Line, (int)ev.End.Column), isFlagsMap));
                            }
                            top.ExpectKey = false;
                        }
                        else
                        {
                            ConsumeValue(stack);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is YamlException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // syntax errors are reported by the loader
            }
            return result;
        }

        private static void ConsumeValue(Stack<Frame> stack)
        {
            if (stack.Count > 0 && stack.Peek().IsMapping)
            {
                stack.Peek().ExpectKey = true;
            }
        }

        private static (string? Key, bool ParentIsFlags) CurrentPath(Stack<Frame> stack)
        {
            if (stack.Count == 0)
            {
                return (null, false);
            }
            var top = stack.Peek();
            return (top.IsMapping ? top.PendingKey : null, top.ParentKey == "flags" && stack.Count == 2);
        }

        private sealed class Frame
        {
            public Frame(bool isMapping, (string? Key, bool ParentIsFlags) parent)
            {
                IsMapping = isMapping;
                ExpectKey = isMapping;
                ParentKey = parent.Key;
                GrandParentIsFlags = parent.ParentIsFlags;
            }

            public bool IsMapping { get; }
            public bool ExpectKey { get; set; }
            public string? PendingKey { get; set; }
            public string? ParentKey { get; }
            public bool GrandParentIsFlags { get; }
            public HashSet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal);
        }

        // ---------------------------------------------------------------- Microsoft.FeatureManagement (JSON)

        /// <summary>
        /// Reads Microsoft.FeatureManagement declarations from an appsettings*.json: the
        /// <c>FeatureManagement</c> section (each property a flag: <c>true</c>/<c>false</c> or
        /// <c>{ "EnabledFor": [...] }</c>) and <c>feature_management.feature_flags[]</c> (<c>id</c>,
        /// <c>enabled</c>). A file without either declares nothing and is not counted as a source.
        /// </summary>
        public static FlagsDocument ParseFeatureManagementJson(string path, string? text)
        {
            var doc = new FlagsDocument();
            JsonParseResult parsed;
            try
            {
                parsed = JsonReader.Parse(text ?? string.Empty);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return doc;
            }
            if (!(parsed.Root is JsonObject root))
            {
                return doc; // an unreadable appsettings file is not ours to report
            }

            var fm = root.GetPropertyIgnoreCase("FeatureManagement");
            if (fm != null && fm.Value is JsonObject section)
            {
                doc._sources.Add(path);
                foreach (var p in section.Properties)
                {
                    bool defaultValue;
                    if (p.Value.AsBool() is bool b)
                    {
                        defaultValue = b;
                    }
                    else if (p.Value is JsonObject filters)
                    {
                        defaultValue = IsAlwaysOn(filters);
                    }
                    else
                    {
                        continue;
                    }
                    doc.AddJsonFlag(path, p.Name, defaultValue, p.Line, p.Column, p.Name.Length + 2);
                }
            }

            var snake = root.GetPropertyIgnoreCase("feature_management");
            if (snake != null && snake.Value is JsonObject snakeSection
                && snakeSection.GetPropertyIgnoreCase("feature_flags")?.Value is JsonArray list)
            {
                if (!doc._sources.Contains(path))
                {
                    doc._sources.Add(path);
                }
                foreach (var item in list.Items)
                {
                    if (!(item is JsonObject flag) || !(flag.Get("id") is JsonString id) || string.IsNullOrEmpty(id.Value))
                    {
                        continue;
                    }
                    var enabled = flag.Get("enabled")?.AsBool() ?? false;
                    doc.AddJsonFlag(path, id.Value, enabled, id.Line, id.Column, id.Value.Length + 2);
                }
            }
            return doc;
        }

        private void AddJsonFlag(string path, string name, bool defaultValue, int line, int column, int length)
        {
            if (Find(name) != null)
            {
                return;
            }
            _flags.Add(new FlagDeclaration(name, defaultValue, "FeatureManagement__" + name, path,
                new FlagSpan(line, column, line, column + length), FlagDeclarationKind.FeatureManagement));
        }

        private static bool IsAlwaysOn(JsonObject filters)
        {
            var enabledFor = filters.GetPropertyIgnoreCase("EnabledFor")?.Value as JsonArray;
            if (enabledFor == null)
            {
                return false;
            }
            foreach (var f in enabledFor.Items)
            {
                var name = (f as JsonObject)?.GetPropertyIgnoreCase("Name")?.Value.AsString();
                if (string.Equals(name, "AlwaysOn", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "Microsoft.AlwaysOn", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True for appsettings.json and appsettings.{Environment}.json.</summary>
        public static bool IsAppSettingsFile(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }
            var name = FlagNames.FileName(path!);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }
    }
}
