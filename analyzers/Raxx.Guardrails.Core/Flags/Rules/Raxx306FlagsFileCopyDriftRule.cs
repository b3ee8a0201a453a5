using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Flags.Rules
{
    /// <summary>
    /// RAXX306 (repository part): a tracked copy of the flags file differs from the canonical file.
    /// The console's flags page was empty because it read <c>console/config/feature_flags.yaml</c>, a
    /// copy of <c>backend_v2/api/feature_flags.yaml</c> (INCIDENTS.md §6).
    /// <para>
    /// Canonical files: <c>flags: { canonical: [paths] }</c> in raxx-guardrails.yaml, else every tracked
    /// feature_flags.yaml / feature-flags.yaml / flags.yaml at the repository root or next to a project
    /// file (*.csproj, pyproject.toml, package.json). Copies: every other tracked flags-like YAML file
    /// with the same file name as a canonical file or sharing a flag key with it; each copy is compared
    /// with the canonical file it shares most keys with (then the nearest one).
    /// </para>
    /// </summary>
    public sealed class Raxx306FlagsFileCopyDriftRule : IRepositoryRule
    {
        private static readonly string[] ProjectMarkers = { ".csproj", "pyproject.toml", "package.json", "setup.py" };

        public string RuleId => RuleIds.Raxx306;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var files = context.Files.Where(f => f.IsTracked != false).ToArray();
            var canonical = FindCanonical(context, files);
            if (canonical.Count == 0)
            {
                return;
            }

            var canonicalDocs = new List<(RepositoryFile File, string Text, HashSet<string> Keys)>();
            foreach (var file in canonical)
            {
                var text = context.ReadText(file);
                if (text == null)
                {
                    continue;
                }
                var keys = new HashSet<string>(FlagsDocument.ParseYaml(file.RelativePath, text).Flags.Select(f => f.Name), StringComparer.Ordinal);
                canonicalDocs.Add((file, text, keys));
            }

            var canonicalPaths = new HashSet<string>(canonical.Select(c => c.RelativePath), StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (canonicalPaths.Contains(file.RelativePath) || !IsYamlFlagsLike(file.RelativePath))
                {
                    continue;
                }
                var text = context.ReadText(file);
                if (text == null)
                {
                    continue;
                }
                var keys = FlagsDocument.ParseYaml(file.RelativePath, text).Flags.Select(f => f.Name).ToArray();
                var name = FlagNamesFile(file.RelativePath);
                var best = canonicalDocs
                    .Select(c => (Doc: c, Shared: keys.Count(c.Keys.Contains), SameName: string.Equals(FlagNamesFile(c.File.RelativePath), name, StringComparison.OrdinalIgnoreCase)))
                    .Where(x => x.Shared > 0 || x.SameName)
                    .OrderByDescending(x => x.Shared)
                    .ThenByDescending(x => CommonPrefix(x.Doc.File.RelativePath, file.RelativePath))
                    .Select(x => x.Doc)
                    .FirstOrDefault();
                if (best.File == null)
                {
                    continue;
                }

                var difference = FlagsFileComparison.Compare(best.Text, text);
                if (difference == null)
                {
                    continue;
                }
                sink.Report(new Finding(RuleIds.Raxx306, FindingSeverity.Error,
                    $"{file.RelativePath} is a copy of the canonical flags file {best.File.RelativePath} and differs from it: {difference.Description}; " +
                    "read the canonical file (shipped in the build output) instead of a copy, or delete the copy",
                    new FindingLocation(file.RelativePath, difference.Line, difference.Column, difference.Line, difference.Column + (difference.Flag?.Length ?? 1)),
                    fingerprintMaterial: best.File.RelativePath + "|" + (difference.Flag ?? "text")));
            }
        }

        private static List<RepositoryFile> FindCanonical(RepositoryContext context, IReadOnlyList<RepositoryFile> files)
        {
            var configured = new List<RepositoryFile>();
            if (context.Config.GetSection("flags") is YamlMappingNode section)
            {
                foreach (var entry in section.Children)
                {
                    if ((entry.Key as YamlScalarNode)?.Value != "canonical")
                    {
                        continue;
                    }
                    var values = entry.Value is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value)
                        : new[] { (entry.Value as YamlScalarNode)?.Value };
                    foreach (var v in values)
                    {
                        var f = v == null ? null : context.GetFile(RepositoryContext.NormalizeRelative(v));
                        if (f != null)
                        {
                            configured.Add(f);
                        }
                    }
                }
            }
            if (configured.Count > 0)
            {
                return configured;
            }

            var projectDirs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in files)
            {
                foreach (var marker in ProjectMarkers)
                {
                    if (f.RelativePath.EndsWith(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        projectDirs.Add(DirectoryOf(f.RelativePath));
                    }
                }
            }
            return files.Where(f => IsDefaultName(f.RelativePath)
                    && (DirectoryOf(f.RelativePath).Length == 0 || projectDirs.Contains(DirectoryOf(f.RelativePath))))
                .ToList();
        }

        private static bool IsDefaultName(string path) =>
            FlagNames.DefaultFileNames.Any(n => string.Equals(FlagNamesFile(path), n, StringComparison.OrdinalIgnoreCase));

        private static bool IsYamlFlagsLike(string path)
        {
            var name = FlagNamesFile(path).ToLowerInvariant();
            return name.Contains("flags") && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal));
        }

        private static string FlagNamesFile(string path) => FlagNames.FileName(path);

        private static string DirectoryOf(string path)
        {
            var i = path.LastIndexOf('/');
            return i < 0 ? string.Empty : path.Substring(0, i);
        }

        private static int CommonPrefix(string a, string b)
        {
            var n = Math.Min(a.Length, b.Length);
            var i = 0;
            while (i < n && a[i] == b[i])
            {
                i++;
            }
            return i;
        }
    }
}
