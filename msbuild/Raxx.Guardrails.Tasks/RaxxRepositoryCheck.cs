using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Tasks.Hosting;

namespace Raxx.Guardrails.Tasks
{
    /// <summary>
    /// Runs every repository rule (<see cref="RepositoryRules.All"/>) over the repository holding the
    /// project (git root, else the solution folder, else the project folder) with its
    /// <c>raxx-guardrails.yaml</c>, and logs the findings. Repository findings are reported once per build:
    /// the second project of a solution build that reaches this task for the same repository skips it
    /// (see <see cref="BuildSession"/>).
    /// </summary>
    public sealed class RaxxRepositoryCheck : Task
    {
        /// <summary>The project's folder ($(MSBuildProjectDirectory)).</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>$(SolutionDir) when built from a solution; used when the project is not in a git work tree.</summary>
        public string? SolutionDirectory { get; set; }

        /// <summary>Overrides the repository root ($(RaxxRepositoryRoot)).</summary>
        public string? RepositoryRoot { get; set; }

        /// <summary>$(RaxxAnalysisMode): strict/ci logs warnings as errors.</summary>
        public string? AnalysisMode { get; set; }

        /// <summary>Only these rule IDs run when set (e.g. RAXX501;RAXX502).</summary>
        public string[]? Rules { get; set; }

        /// <summary>Set to true (e.g. inside Visual Studio) to deduplicate only within one MSBuild node.</summary>
        public bool DisableCrossProcessDeduplication { get; set; }

        /// <summary>Set to false to run even if another project of this build already checked the repository (tests).</summary>
        public bool OncePerBuild { get; set; } = true;

        [Output]
        public string ResolvedRepositoryRoot { get; private set; } = string.Empty;

        [Output]
        public int ErrorCount { get; private set; }

        [Output]
        public int WarningCount { get; private set; }

        /// <summary>
        /// True when the check met a RAXX001 problem (the config, a workflow or release config it could not read), whether it
        /// logged it or another task of the build (an output check, the preflight) already had: problems are logged once
        /// per build (<see cref="FindingLogger.LogOncePerBuild"/>). The target writes no stamp then, as after an error.
        /// </summary>
        [Output]
        public bool HasConfigProblems { get; private set; }

        /// <summary>False when another project of this build already ran the check for this repository.</summary>
        [Output]
        public bool Ran { get; private set; }

        public override bool Execute()
        {
            try
            {
                ResolvedRepositoryRoot = RepositoryLocator.FindRoot(RepositoryRoot, ProjectDirectory, SolutionDirectory);
                var key = "Raxx.Guardrails.RepositoryCheck|" + ResolvedRepositoryRoot + "|" + string.Join(";", Rules ?? Array.Empty<string>());
                if (OncePerBuild && !BuildSession.TryClaim(BuildEngine, key, crossProcess: !DisableCrossProcessDeduplication))
                {
                    Log.LogMessage(MessageImportance.Low, "Raxx.Guardrails: repository {0} was already checked in this build; skipping.", ResolvedRepositoryRoot);
                    return true;
                }

                Ran = true;
                var stopwatch = Stopwatch.StartNew();
                var logger = new FindingLogger(Log, ResolvedRepositoryRoot, AnalysisMode);
                var problems = new FindingList();
                var config = RepositoryConfigLoader.LoadFromRoot(ResolvedRepositoryRoot, problems);
                var crossProcess = !DisableCrossProcessDeduplication;
                foreach (var problem in problems.Items)
                {
                    // the config could not be read: the defaults hold, so this stays an error (the shared mapping all hosts use)
                    if (logger.LogConfigProblem(problem, config, BuildEngine, crossProcess))
                    {
                        HasConfigProblems = true;
                    }
                }

                var context = RepositoryContext.Open(ResolvedRepositoryRoot, config);
                IEnumerable<IRepositoryRule> rules = RepositoryRules.All;
                if (Rules != null && Rules.Length > 0)
                {
                    var wanted = new HashSet<string>(Rules, StringComparer.OrdinalIgnoreCase);
                    rules = System.Linq.Enumerable.Where(RepositoryRules.All, r => wanted.Contains(r.RuleId));
                }

                foreach (var finding in RepositoryRunner.Run(context, rules))
                {
                    // RAXX001: an input the output checks may read too (the config's localOverrides section)
                    if (finding.RuleId == Core.Rules.RuleIds.Raxx001)
                    {
                        HasConfigProblems = true;
                        logger.LogOncePerBuild(finding, BuildEngine, crossProcess);
                    }
                    else
                    {
                        logger.Log(finding);
                    }
                }

                ErrorCount = logger.Errors;
                WarningCount = logger.Warnings;
                Log.LogMessage(MessageImportance.Normal, "Raxx.Guardrails: checked {0} files of {1} with {2} repository rules in {3} ms: {4} error(s), {5} warning(s).",
                    context.Files.Count, ResolvedRepositoryRoot, RepositoryRules.All.Count, stopwatch.ElapsedMilliseconds, ErrorCount, WarningCount);
                return !Log.HasLoggedErrors;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                Log.LogError("Raxx.Guardrails", "RAXX001", "RAXX001", Core.Rules.RuleCatalog.HelpUri("RAXX001"), ProjectDirectory, 0, 0, 0, 0,
                    "{0}", "the repository checks could not run: " + ex.GetType().Name + ": " + ex.Message);
                return false;
            }
        }
    }
}
