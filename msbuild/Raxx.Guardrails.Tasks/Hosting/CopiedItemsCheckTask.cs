using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Tasks.Hosting
{
    /// <summary>
    /// The parameters every output check that judges copied items receives from its target (RAXX105's and
    /// RAXX403's): where the project and repository are, the analysis mode, and the items that can be copied to
    /// the build output (Content/None/ContentWithTargetPath) or the publish output (ResolvedFileToPublish); and
    /// what each check starts and ends with: the repository it belongs to (<see cref="OpenRepository"/>), the
    /// copied items it judges (<see cref="CopiedItems"/>), how a finding is reported (<see cref="Report"/>: at the
    /// severity the repository config gives the rule, as the repository checks do), the files the result depends on
    /// (<see cref="ReadFiles"/>, for the incremental targets) and the RAXX001 error when it could not run
    /// (<see cref="CouldNotCheck"/>). What each check does with them stays in its own task; <see cref="OutputItems"/>
    /// walks the items.
    /// </summary>
    public abstract class CopiedItemsCheckTask : Task
    {
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>$(MSBuildProjectFullPath): findings point at the item's line in it when found.</summary>
        public string? ProjectFile { get; set; }

        public string? SolutionDirectory { get; set; }
        public string? RepositoryRoot { get; set; }
        public string? AnalysisMode { get; set; }

        public ITaskItem[] Content { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] None { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] ContentWithTargetPath { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>@(ResolvedFileToPublish), passed by the publish target only.</summary>
        public ITaskItem[] ResolvedFileToPublish { get; set; } = Array.Empty<ITaskItem>();

        private readonly List<string> _read = new List<string>();

        /// <summary>
        /// The files whose content or presence decided the result (full paths, whether they exist or not): the
        /// repository config files the loader consults (<see cref="RepositoryConfigLoader.FilesConsulted"/>: the config
        /// and the misnamed <c>.yml</c> it refuses), and what the check adds with <see cref="AddRead"/>. The targets keep
        /// them with their times in the check's description, so a skipped check re-runs when one appears, changes or goes.
        /// </summary>
        [Output]
        public ITaskItem[] ReadFiles => _read.Distinct(StringComparer.Ordinal).Select(p => (ITaskItem)new TaskItem(p)).ToArray();

        /// <summary>The project folder, normalised (set by <see cref="OpenRepository"/>).</summary>
        protected string ProjectFolder { get; private set; } = string.Empty;

        /// <summary>The repository root the project belongs to (set by <see cref="OpenRepository"/>).</summary>
        protected string Root { get; private set; } = string.Empty;

        /// <summary>Logs findings relative to <see cref="Root"/> (set by <see cref="OpenRepository"/>).</summary>
        protected FindingLogger Logger { get; private set; } = null!;

        /// <summary>The repository config at <see cref="Root"/> (set by <see cref="OpenRepository"/>).</summary>
        protected RepositoryConfig Config { get; private set; } = null!;

        /// <summary>Problems reading the config (RAXX001), for the check to log when it runs.</summary>
        protected FindingList Problems { get; } = new FindingList();

        /// <summary>
        /// What every check starts from: the project folder, the repository root (<see cref="RepositoryLocator.FindRoot"/>:
        /// RepositoryRoot, else the git root, else the solution folder, else the project folder), a finding logger for
        /// that root, and the repository config read from it (its problems in <see cref="Problems"/>).
        /// </summary>
        protected void OpenRepository()
        {
            ProjectFolder = RepositoryLocator.Normalize(ProjectDirectory);
            Root = RepositoryLocator.FindRoot(RepositoryRoot, ProjectFolder, SolutionDirectory);
            Logger = new FindingLogger(Log, Root, AnalysisMode);
            _read.Clear();
            _read.AddRange(RepositoryConfigLoader.FilesConsulted(Root));
            Config = RepositoryConfigLoader.LoadFromRoot(Root, Problems);
        }

        /// <summary>A file the result depends on (see <see cref="ReadFiles"/>).</summary>
        protected void AddRead(string path) => _read.Add(path);

        /// <summary>True when the repository config turns <paramref name="ruleId"/> off (<c>none</c>): the check reports nothing.</summary>
        protected bool IsTurnedOff(string ruleId) =>
            Config.EffectiveSeverity(ruleId, RuleCatalog.Find(ruleId)?.DefaultSeverity ?? FindingSeverity.Error) == FindingSeverity.None;

        /// <summary>
        /// Logs a finding of the check's rule exactly as the repository checks log theirs: at the severity the repository
        /// config gives its rule (<see cref="RepositoryConfig.Configure"/>, shared with the repository runner), then
        /// through <see cref="FindingLogger"/> (strict mode: warnings and notes become errors). A warning or note does not
        /// fail the task; the check still returns the file, so its target writes no stamp and the finding comes back on
        /// every build until fixed.
        /// </summary>
        protected void Report(Finding finding)
        {
            var configured = Config.Configure(finding);
            if (configured != null)
            {
                Logger.Log(configured);
            }
        }

        /// <summary>
        /// The items that are copied somewhere (Destinations: "build" and/or "publish"), in MSBuild's copy order, with the
        /// full path of the file (Source), that path relative to the project folder (ProjectRelative) and the path in the
        /// output (Target: RelativePath, TargetPath or Link metadata, or null).
        /// </summary>
        protected IEnumerable<(string ItemType, ITaskItem Item, List<string> Destinations, string Source, string ProjectRelative, string? Target)> CopiedItems()
        {
            foreach (var (itemType, item) in OutputItems.Candidates(Content, None, ContentWithTargetPath, ResolvedFileToPublish))
            {
                var destinations = OutputItems.Destinations(itemType, item);
                if (destinations.Count == 0)
                {
                    continue;
                }
                var source = OutputItems.FullPath(ProjectFolder, item.ItemSpec);
                yield return (itemType, item, destinations, source, OutputItems.RelativeTo(ProjectFolder, source), OutputItems.TargetPath(item));
            }
        }

        /// <summary>The check could not run (an exception): RAXX001 at the project file, and the task fails.</summary>
        protected bool CouldNotCheck(string ruleId, Exception ex)
        {
            Log.LogError("Raxx.Guardrails", "RAXX001", "RAXX001", RuleCatalog.HelpUri("RAXX001"), ProjectFile ?? ProjectDirectory, 0, 0, 0, 0,
                "{0}", ruleId + " could not check the build output: " + ex.GetType().Name + ": " + ex.Message);
            return false;
        }
    }
}
