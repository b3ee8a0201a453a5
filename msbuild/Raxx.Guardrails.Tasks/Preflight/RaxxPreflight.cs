using System;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Tasks.Hosting;

namespace Raxx.Guardrails.Tasks.Preflight
{
    /// <summary>
    /// Boots the built app under production configuration, then once per flag flipped and once with
    /// every flag on, probing flag-gated routes (RAXX601–603). Thin host over
    /// <see cref="PreflightPlanner"/> and <see cref="PreflightRunner"/>. Cancelable: Ctrl+C stops every
    /// booted process.
    /// </summary>
    public sealed class RaxxPreflight : Task, ICancelableTask
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The built app: $(TargetDir)$(TargetName).dll or an executable.</summary>
        [Required]
        public string AppPath { get; set; } = string.Empty;

        [Required]
        public string ProjectPath { get; set; } = string.Empty;

        public string? SolutionDirectory { get; set; }
        public string? RepositoryRoot { get; set; }

        /// <summary>$(RaxxFeatureFlagsFile); when empty the flags file is found like the analyzers find it.</summary>
        public string? FlagsFile { get; set; }

        public string? HealthPath { get; set; }
        public string? TimeoutSeconds { get; set; }
        public string? AnalysisMode { get; set; }

        /// <summary>Set to true (inside Visual Studio) to claim config problems only within one MSBuild node.</summary>
        public bool DisableCrossProcessDeduplication { get; set; }

        [Output]
        public int ErrorCount { get; private set; }

        public void Cancel() => _cancel.Cancel();

        public override bool Execute()
        {
            try
            {
                var projectDirectory = System.IO.Path.GetDirectoryName(ProjectPath) ?? ".";
                var root = RepositoryLocator.FindRoot(RepositoryRoot, projectDirectory, SolutionDirectory);
                var logger = new FindingLogger(Log, root, AnalysisMode);
                var problems = new FindingList();
                double? timeout = double.TryParse(TimeoutSeconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : (double?)null;
                var request = PreflightPlanner.Plan(root, ProjectPath, AppPath, string.IsNullOrWhiteSpace(FlagsFile) ? null : FlagsFile, problems, HealthPath, timeout);
                // the repository config's problems are the repository check's and output checks' too: once per build
                foreach (var problem in problems.Items)
                {
                    logger.LogOncePerBuild(problem, BuildEngine, crossProcess: !DisableCrossProcessDeduplication);
                }

                Log.LogMessage(MessageImportance.High, $"Raxx preflight: {request.AppPath} with {request.Flags.Count} flag(s), health {request.Settings.HealthPath}, variables from {(request.Settings.Sources.Count == 0 ? "nothing declared" : string.Join(", ", request.Settings.Sources))}");
                var run = PreflightRunner.RunAsync(request, _cancel.Token).GetAwaiter().GetResult();
                foreach (var line in run.Describe())
                {
                    Log.LogMessage(MessageImportance.High, line);
                }
                // RAXX601–603 (and the planner's RAXX303 above) already at the severities the repository config gives them (Core)
                foreach (var finding in run.Findings)
                {
                    logger.Log(finding);
                }
                ErrorCount = logger.Errors;
                return !Log.HasLoggedErrors;
            }
            catch (OperationCanceledException)
            {
                Log.LogWarning("Raxx preflight canceled; every booted process was stopped.");
                return false;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                Log.LogError(null, "RAXX001", null, ProjectPath, 0, 0, 0, 0, "the preflight could not run: {0}: {1}", ex.GetType().Name, ex.Message);
                return false;
            }
        }
    }
}
