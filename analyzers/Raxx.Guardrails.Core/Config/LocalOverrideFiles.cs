using System;
using System.Collections.Generic;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Config
{
    /// <summary>
    /// Which files are local/instance override configuration (RAXX105): files that exist on one
    /// machine to override the deployed configuration, and must reach neither git nor an output
    /// folder. Defaults: <c>instance/**</c>, <c>appsettings.Local.json</c>, <c>appsettings.*.local.json</c>,
    /// <c>*.local.json</c>. More come from the repository config and the <c>RaxxLocalOverrideFile</c> items:
    /// <code>
    /// localOverrides:              # a list adds globs to the defaults
    ///   - config/secrets.*.yaml
    /// localOverrides:              # or a mapping
    ///   files: [config/dev-*.json]
    ///   defaults: false            # drop the default globs
    /// </code>
    /// A glob without a slash matches a file name at any depth; a glob with a slash matches below any
    /// folder too (<c>instance/**</c> matches <c>src/Api/instance/config.json</c>) unless it starts with
    /// <c>/</c>. Matching ignores case (Windows file systems do).
    /// </summary>
    public sealed class LocalOverrideFiles
    {
        public const string SectionName = "localOverrides";

        public static IReadOnlyList<string> DefaultPatterns { get; } = new[]
        {
            "instance/**",
            "appsettings.Local.json",
            "appsettings.*.local.json",
            "*.local.json",
        };

        private readonly List<(string Pattern, PathGlob Glob)> _globs = new List<(string, PathGlob)>();

        private LocalOverrideFiles()
        {
        }

        public IEnumerable<string> Patterns
        {
            get
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (pattern, _) in _globs)
                {
                    if (seen.Add(pattern))
                    {
                        yield return pattern;
                    }
                }
            }
        }

        /// <summary>The patterns in effect for a repository configuration plus extra patterns (MSBuild items).</summary>
        public static LocalOverrideFiles Create(RepositoryConfig config, IEnumerable<string>? extraPatterns = null, bool useDefaults = true, IFindingSink? problems = null)
        {
            var result = new LocalOverrideFiles();
            problems = problems ?? new FindingList();
            var sourcePath = config.SourcePath ?? RepositoryConfig.FileName;
            var configured = new List<string>();

            var section = config.GetSection(SectionName);
            if (section is YamlMappingNode map)
            {
                foreach (var entry in map.Children)
                {
                    var key = (entry.Key as YamlScalarNode)?.Value;
                    if (key == "files")
                    {
                        foreach (var scalar in RepositoryConfigLoader.ReadScalarList(entry.Value, sourcePath, problems))
                        {
                            configured.Add(scalar.Value!);
                        }
                    }
                    else if (key == "defaults")
                    {
                        var value = (entry.Value as YamlScalarNode)?.Value;
                        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                        {
                            useDefaults = false;
                        }
                        else if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                        {
                            problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error,
                                $"{SectionName}.defaults must be true or false, not '{value}'",
                                new FindingLocation(sourcePath, (int)entry.Value.Start.Line, (int)entry.Value.Start.Column, (int)entry.Value.Start.Line, (int)entry.Value.Start.Column)));
                        }
                    }
                    else
                    {
                        problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error,
                            $"unknown key '{key}' in {SectionName}: use files (a list of globs) and defaults (true/false)",
                            new FindingLocation(sourcePath, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column, (int)entry.Key.Start.Line, (int)entry.Key.Start.Column)));
                    }
                }
            }
            else if (section != null)
            {
                foreach (var scalar in RepositoryConfigLoader.ReadScalarList(section, sourcePath, problems))
                {
                    configured.Add(scalar.Value!);
                }
            }

            if (useDefaults)
            {
                foreach (var p in DefaultPatterns)
                {
                    result.Add(p);
                }
            }
            foreach (var p in configured)
            {
                result.Add(p);
            }
            if (extraPatterns != null)
            {
                foreach (var p in extraPatterns)
                {
                    if (!string.IsNullOrWhiteSpace(p))
                    {
                        result.Add(p);
                    }
                }
            }
            return result;
        }

        /// <summary>The pattern a (relative, any separator) path matches, or null.</summary>
        public string? Match(string relativePath)
        {
            if (string.IsNullOrEmpty(relativePath))
            {
                return null;
            }
            var path = RepositoryContext.NormalizeRelative(relativePath).ToLowerInvariant();
            foreach (var (pattern, glob) in _globs)
            {
                if (glob.IsMatch(path))
                {
                    return pattern;
                }
            }
            return null;
        }

        private void Add(string pattern)
        {
            var p = pattern.Trim().Replace('\\', '/');
            if (p.Length == 0)
            {
                return;
            }
            try
            {
                var lower = p.ToLowerInvariant();
                _globs.Add((p, new PathGlob(lower)));
                var body = lower.TrimEnd('/');
                if (!lower.StartsWith("/", StringComparison.Ordinal) && !lower.StartsWith("**/", StringComparison.Ordinal) && body.IndexOf('/') >= 0)
                {
                    _globs.Add((p, new PathGlob("**/" + lower)));
                }
            }
            catch (ArgumentException)
            {
                // an unusable glob matches nothing; the config loader reports malformed globs
            }
        }
    }
}
