using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Tasks.Hosting;

namespace Raxx.Guardrails.Tasks.Config
{
    /// <summary>
    /// RAXX105 (output part): a local/instance override configuration file is copied to the build output
    /// (Content/None/ContentWithTargetPath with CopyToOutputDirectory) or the publish output
    /// (CopyToPublishDirectory, ResolvedFileToPublish). Reports the file, the item type that carries it
    /// and the item's copy metadata, located at the item's line in the project file when it is declared
    /// there (else at the file itself). The git-tracked part is the repository rule
    /// Raxx105LocalOverrideTrackedRule.
    /// </summary>
    public sealed class Raxx105LocalOverrideOutputCheck : CopiedItemsCheckTask
    {
        private static readonly string[] ShownMetadata =
        {
            "CopyToOutputDirectory", "CopyToPublishDirectory", "Link", "TargetPath", "RelativePath", "DefiningProjectFullPath",
        };

        /// <summary>@(RaxxLocalOverrideFile): more globs (or paths, when MSBuild expanded the glob) of local override files.</summary>
        public ITaskItem[] LocalOverrideFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>$(RaxxLocalOverrideDefaults): false drops the default globs.</summary>
        public bool UseDefaultPatterns { get; set; } = true;

        [Output]
        public ITaskItem[] ShippedFiles { get; private set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            try
            {
                OpenRepository();
                if (IsTurnedOff(RuleIds.Raxx105))
                {
                    return true;
                }

                var extraGlobs = new List<string>();
                var extraPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var item in LocalOverrideFiles)
                {
                    var spec = item.ItemSpec;
                    if (spec.IndexOfAny(new[] { '*', '?', '[' }) >= 0)
                    {
                        extraGlobs.Add(spec);
                    }
                    else
                    {
                        extraPaths.Add(Path.GetFullPath(Path.Combine(ProjectFolder, spec)));
                        extraGlobs.Add(spec);
                    }
                }
                var patterns = Core.Config.LocalOverrideFiles.Create(Config, extraGlobs, UseDefaultPatterns, Problems);

                var shipped = new List<ITaskItem>();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (itemType, item, destinations, source, projectRelative, target) in CopiedItems())
                {
                    var pattern = patterns.Match(projectRelative)
                        ?? (target != null ? patterns.Match(target) : null)
                        ?? (extraPaths.Contains(source) ? source : null);
                    if (pattern == null)
                    {
                        continue;
                    }

                    // one finding per file and destination for the whole build (build + publish, several item types)
                    var claimKey = "Raxx.Guardrails.RAXX105|" + source + "|" + string.Join("+", destinations);
                    if (!seen.Add(claimKey) || !BuildSession.TryClaim(BuildEngine, claimKey, crossProcess: false))
                    {
                        continue;
                    }

                    shipped.Add(item);
                    Report(CreateFinding(itemType, item, source, projectRelative, pattern, destinations));
                }

                ReportConfigProblems();

                ShippedFiles = shipped.ToArray();
                return !Log.HasLoggedErrors;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return CouldNotCheck(RuleIds.Raxx105, ex);
            }
        }

        private Finding CreateFinding(string itemType, ITaskItem item, string source, string projectRelative, string pattern, List<string> destinations)
        {
            var metadata = new StringBuilder();
            foreach (var name in ShownMetadata)
            {
                var value = item.GetMetadata(name);
                if (string.IsNullOrEmpty(value) || (name == "DefiningProjectFullPath" && string.Equals(value, ProjectFile, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                if (name == "DefiningProjectFullPath")
                {
                    value = Path.GetFileName(value);
                    metadata.Append(metadata.Length > 0 ? ", " : string.Empty).Append("defined in ").Append(value);
                    continue;
                }
                metadata.Append(metadata.Length > 0 ? ", " : string.Empty).Append(name).Append('=').Append(value);
            }

            var message = $"{projectRelative} is a local override configuration file (matches '{pattern}') and is copied to {OutputItems.DescribeDestinations(destinations)} by {itemType} item '{item.ItemSpec}'"
                + (metadata.Length > 0 ? $" ({metadata})" : string.Empty)
                + $": wherever that output runs, it overrides the environment's configuration. Fix: {OutputItems.Fix(itemType, destinations)}, and keep the file out of git.";

            var location = LocateInProject(Root, item.ItemSpec) ?? FindingLocation.WholeFile(ToRootRelative(Root, source));
            var properties = new Dictionary<string, string>
            {
                ["how"] = string.Join("+", destinations),
                ["itemType"] = itemType,
                ["pattern"] = pattern,
            };
            return new Finding(RuleIds.Raxx105, FindingSeverity.Error, message, location,
                fingerprintMaterial: "output|" + ToRootRelative(Root, source) + "|" + string.Join("+", destinations), properties: properties);
        }

        /// <summary>The line of the project file whose Include/Update names the item, if any.</summary>
        private FindingLocation? LocateInProject(string root, string itemSpec)
        {
            if (string.IsNullOrEmpty(ProjectFile) || !File.Exists(ProjectFile))
            {
                return null;
            }
            string text;
            try
            {
                text = File.ReadAllText(ProjectFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }

            var candidates = new[] { itemSpec, itemSpec.Replace('\\', '/'), itemSpec.Replace('/', '\\') };
            foreach (var attribute in new[] { "Include=\"", "Update=\"" })
            {
                foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
                {
                    var needle = attribute + candidate + "\"";
                    var index = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
                    if (index < 0)
                    {
                        continue;
                    }
                    var map = new LineMap(text);
                    var start = index + attribute.Length;
                    var (line, column) = map.GetPosition(start);
                    var (endLine, endColumn) = map.GetPosition(start + candidate.Length);
                    return new FindingLocation(ToRootRelative(root, ProjectFile!), line, column, endLine, endColumn);
                }
            }
            return null;
        }

        private static string ToRootRelative(string root, string path)
        {
            var full = Path.GetFullPath(path);
            var prefix = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            return full.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? full.Substring(prefix.Length).Replace('\\', '/') : full;
        }
    }
}
