using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Flags;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Tasks.Hosting;

namespace Raxx.Guardrails.Tasks.Flags
{
    /// <summary>
    /// RAXX306 (build/publish part): the canonical flags file must be in the build or publish output
    /// and identical to the canonical content; and (at build) no copy of it inside the project folder
    /// may differ from it. A missing or stale copy is what left the console's flags page empty in
    /// production (INCIDENTS.md §6). Findings are reported at the severity the repository config gives RAXX306
    /// (<see cref="RepositoryConfig.Configure"/>, as the repository checks and the other output checks do; strict mode
    /// through <see cref="FindingLogger"/>) when the task knows the project (<see cref="ProjectFolder"/> or
    /// <see cref="ProjectDirectory"/>); <c>none</c> turns the check off.
    /// </summary>
    public sealed class CheckFlagsFileOutput : RepositoryOutputCheckTask
    {
        /// <summary>The canonical flags file (RaxxFeatureFlagsFile).</summary>
        [Required]
        public string FlagsFile { get; set; } = string.Empty;

        /// <summary>The build output (OutDir) or the publish folder (PublishDir).</summary>
        [Required]
        public string OutputDirectory { get; set; } = string.Empty;

        /// <summary>"build" or "publish" (for messages).</summary>
        public string Stage { get; set; } = "build";

        /// <summary>Where the file is expected inside the output (default: its file name).</summary>
        public string? RelativeOutputPath { get; set; }

        /// <summary>When set, flags-like YAML files under this folder (bin/obj excluded) are compared too.</summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>Report as warnings instead of errors (the default severity; the repository config's severity wins).</summary>
        public bool AsWarnings { get; set; }

        /// <summary>
        /// $(MSBuildProjectDirectory): where the repository, and so its raxx-guardrails.yaml, is found from (RepositoryRoot,
        /// else the git root, else SolutionDirectory, else this folder). Defaults to <see cref="ProjectDirectory"/>; when
        /// both are empty no repository config is read.
        /// </summary>
        public string? ProjectFolder { get; set; }

        /// <summary>
        /// Set by the publish-list target ("false" when @(ResolvedFileToPublish) lacks the flags file): then only that is
        /// reported, and the output folder is not looked at (it is not written yet).
        /// </summary>
        public string? InPublishList { get; set; }

        /// <summary>True when the check reported a finding (at any severity): its target writes no stamp then.</summary>
        [Output]
        public bool Reported { get; private set; }

        public override bool Execute()
        {
            try
            {
                // without a project no repository: the defaults (every location logged is a full path)
                OpenRepository(string.IsNullOrWhiteSpace(ProjectFolder) ? ProjectDirectory : ProjectFolder);
                if (IsTurnedOff(RuleIds.Raxx306))
                {
                    return true;
                }
                ReportConfigProblems();
                Check();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                Log.LogWarning(null, RuleIds.Raxx001, null, FlagsFile, 0, 0, 0, 0, $"RAXX306 could not check the flags file: {ex.Message}");
            }
            return !Log.HasLoggedErrors;
        }

        private void Check()
        {
            if (string.IsNullOrWhiteSpace(FlagsFile) || !File.Exists(FlagsFile))
            {
                return;
            }
            var name = Path.GetFileName(FlagsFile);
            if (!string.IsNullOrEmpty(InPublishList))
            {
                if (!string.Equals(InPublishList, "true", StringComparison.OrdinalIgnoreCase))
                {
                    Report(FlagsFile, 1, 1, 1, 1, $"The canonical flags file {name} is not in the publish output: " + Missing(name));
                }
                return;
            }
            var canonicalText = File.ReadAllText(FlagsFile);
            var relative = string.IsNullOrWhiteSpace(RelativeOutputPath) ? name : RelativeOutputPath!;
            var output = Path.GetFullPath(Path.Combine(OutputDirectory, relative));

            if (!File.Exists(output))
            {
                Report(FlagsFile, 1, 1, 1, 1,
                    $"The canonical flags file {name} is not in the {Stage} output ({Path.Combine(OutputDirectory, relative)}): " + Missing(name));
            }
            else
            {
                var difference = FlagsFileComparison.Compare(canonicalText, File.ReadAllText(output));
                if (difference != null)
                {
                    Report(output, difference.Line, difference.Column, difference.Line, difference.Column,
                        $"The {Stage} output's {relative} differs from the canonical flags file {FlagsFile}: {difference.Description}; rebuild, and do not edit or generate the copy");
                }
            }

            if (!string.IsNullOrWhiteSpace(ProjectDirectory) && Directory.Exists(ProjectDirectory))
            {
                CheckProjectCopies(canonicalText, name);
            }
        }

        private void CheckProjectCopies(string canonicalText, string name)
        {
            var canonicalFull = Path.GetFullPath(FlagsFile);
            var canonicalKeys = new HashSet<string>(FlagsDocument.ParseYaml(FlagsFile, canonicalText).Flags.Select(f => f.Name), StringComparer.Ordinal);
            foreach (var file in EnumerateYaml(ProjectDirectory!))
            {
                if (string.Equals(Path.GetFullPath(file), canonicalFull, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var fileName = Path.GetFileName(file);
                if (fileName.IndexOf("flags", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }
                var text = File.ReadAllText(file);
                var sameName = string.Equals(fileName, name, StringComparison.OrdinalIgnoreCase);
                if (!sameName && !FlagsDocument.ParseYaml(file, text).Flags.Any(f => canonicalKeys.Contains(f.Name)))
                {
                    continue;
                }
                var difference = FlagsFileComparison.Compare(canonicalText, text);
                if (difference != null)
                {
                    Report(file, difference.Line, difference.Column, difference.Line, difference.Column + (difference.Flag?.Length ?? 1),
                        $"{MakeRelative(file)} is a copy of the canonical flags file {name} and differs from it: {difference.Description}; read the canonical file (shipped in the build output) instead of a copy, or delete the copy");
                }
            }
        }

        private string MakeRelative(string file)
        {
            var root = Path.GetFullPath(ProjectDirectory!).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(file);
            return full.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? full.Substring(root.Length).Replace('\\', '/') : full;
        }

        private static IEnumerable<string> EnumerateYaml(string root)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                string[] files, dirs;
                try
                {
                    files = Directory.GetFiles(dir);
                    dirs = Directory.GetDirectories(dir);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var f in files)
                {
                    if (f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    {
                        yield return f;
                    }
                }
                foreach (var d in dirs)
                {
                    var n = Path.GetFileName(d);
                    if (n == "bin" || n == "obj" || n == ".git" || n == "node_modules" || n.StartsWith(".", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    pending.Push(d);
                }
            }
        }

        private static string Missing(string name) =>
            $"the app will read no flags in production; add <None Update=\"{name}\" CopyToOutputDirectory=\"PreserveNewest\" CopyToPublishDirectory=\"PreserveNewest\" /> to the project";

        private FindingSeverity DefaultSeverity => AsWarnings ? FindingSeverity.Warning : FindingSeverity.Error;

        /// <summary>As every output check: the configured severity (<see cref="RepositoryConfig.Configure"/>), then <see cref="FindingLogger"/>. End column exclusive.</summary>
        private void Report(string file, int line, int column, int endLine, int endColumn, string message)
        {
            if (Report(new Finding(RuleIds.Raxx306, DefaultSeverity, message, new FindingLocation(Path.GetFullPath(file), line, column, endLine, endColumn))))
            {
                Reported = true;
            }
        }
    }
}
