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
    /// What every output check (RAXX105, RAXX306, RAXX403) shares with the repository checks: the repository a project
    /// belongs to (<see cref="OpenRepository"/>), how a finding is reported (<see cref="Report"/>: at the severity the
    /// repository config gives the rule), and the files the result depends on (<see cref="ReadFiles"/>, for the
    /// incremental targets). <see cref="CopiedItemsCheckTask"/> adds the copied items for the checks that judge them.
    /// </summary>
    public abstract class RepositoryOutputCheckTask : Task
    {
        public string? SolutionDirectory { get; set; }
        public string? RepositoryRoot { get; set; }

        /// <summary>$(RaxxAnalysisMode): strict/ci logs warnings and notes as errors.</summary>
        public string? AnalysisMode { get; set; }

        /// <summary>
        /// Set to true (inside Visual Studio, as the repository check) to claim config problems only within one MSBuild node
        /// (see <see cref="ReportConfigProblems"/>).
        /// </summary>
        public bool DisableCrossProcessDeduplication { get; set; }

        /// <summary>
        /// True when the repository config had a problem (RAXX001), whether this check logged it or another task of the
        /// build already had (<see cref="ReportConfigProblems"/>). Its target writes no stamp then: every check that meets
        /// the problem runs again on the next build, so whichever runs first reports it again until it is fixed.
        /// </summary>
        [Output]
        public bool HasConfigProblems { get; private set; }

        private readonly List<string> _read = new List<string>();

        /// <summary>
        /// The files whose content or presence decided the result (full paths, whether they exist or not): the
        /// repository config files the loader consults (<see cref="RepositoryConfigLoader.FilesConsulted"/>: the config
        /// and the misnamed <c>.yml</c> it refuses), and what the check adds with <see cref="AddRead"/>. The targets keep
        /// them with their times in the check's description, so a skipped check re-runs when one appears, changes or goes.
        /// </summary>
        [Output]
        public ITaskItem[] ReadFiles => _read.Distinct(StringComparer.Ordinal).Select(p => (ITaskItem)new TaskItem(p)).ToArray();

        /// <summary>The repository root the project belongs to (set by <see cref="OpenRepository"/>; empty without a project).</summary>
        protected string Root { get; private set; } = string.Empty;

        /// <summary>Logs findings relative to <see cref="Root"/> (set by <see cref="OpenRepository"/>).</summary>
        protected FindingLogger Logger { get; private set; } = null!;

        /// <summary>The repository config at <see cref="Root"/> (set by <see cref="OpenRepository"/>; the defaults without a project).</summary>
        protected RepositoryConfig Config { get; private set; } = new RepositoryConfig();

        /// <summary>Problems reading the config (RAXX001), for the check to log when it runs.</summary>
        protected FindingList Problems { get; } = new FindingList();

        /// <summary>
        /// What every check starts from: the repository root of <paramref name="projectFolder"/>
        /// (<see cref="RepositoryLocator.FindRoot"/>: RepositoryRoot, else the git root, else the solution folder, else the
        /// project folder), a finding logger for that root, and the repository config read from it (its problems in
        /// <see cref="Problems"/>). Without a project folder: no repository, the default config, full paths in messages.
        /// </summary>
        protected void OpenRepository(string? projectFolder)
        {
            _read.Clear();
            if (string.IsNullOrWhiteSpace(projectFolder))
            {
                Root = string.Empty;
                Logger = new FindingLogger(Log, Root, AnalysisMode);
                Config = new RepositoryConfig();
                return;
            }
            Root = RepositoryLocator.FindRoot(RepositoryRoot, RepositoryLocator.Normalize(projectFolder!), SolutionDirectory);
            Logger = new FindingLogger(Log, Root, AnalysisMode);
            _read.AddRange(RepositoryConfigLoader.FilesConsulted(Root));
            Config = RepositoryConfigLoader.LoadFromRoot(Root, Problems);
        }

        /// <summary>
        /// Logs the config problems (<see cref="Problems"/>, RAXX001) once per build: the repository check and every output
        /// check read the same config, and a broken one would otherwise be reported by each of them
        /// (<see cref="FindingLogger.LogOncePerBuild"/>: the first task to meet a problem logs it, the others stay silent
        /// about it). A check that stayed silent does not fail for it (the build fails on the one report) but sets
        /// <see cref="HasConfigProblems"/>, so its target writes no stamp and it cannot be skipped while the problem lasts.
        /// Each problem at the severity the config gives RAXX001 (a warning, or nothing when it is <c>none</c>), as every host.
        /// </summary>
        protected void ReportConfigProblems()
        {
            foreach (var problem in Problems.Items)
            {
                // at the severity the config gives RAXX001, as the repository check (FindingLogger.LogConfigProblem)
                if (Logger.LogConfigProblem(problem, Config, BuildEngine, crossProcess: !DisableCrossProcessDeduplication))
                {
                    HasConfigProblems = true;
                }
            }
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
        /// fail the task; the check still reports it, so its target writes no stamp and the finding comes back on every
        /// build until fixed. Returns false when the config turns the rule off.
        /// </summary>
        protected bool Report(Finding finding)
        {
            var configured = Config.Configure(finding);
            if (configured == null)
            {
                return false;
            }
            Logger.Log(configured);
            return true;
        }
    }
}
