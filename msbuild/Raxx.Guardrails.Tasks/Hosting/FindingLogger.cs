using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Tasks.Hosting
{
    /// <summary>
    /// Logs findings as MSBuild errors/warnings/messages: rule ID as the code, absolute file, line,
    /// column, end line/column (MSBuild's end column is inclusive; findings' is exclusive) and the
    /// rule's documentation as help link. In strict mode (RaxxAnalysisMode=strict/ci) warnings and
    /// notes are logged as errors.
    /// </summary>
    public sealed class FindingLogger
    {
        private readonly TaskLoggingHelper _log;
        private readonly string _root;
        private readonly bool _strict;

        public FindingLogger(TaskLoggingHelper log, string root, string? analysisMode)
        {
            _log = log;
            _root = root;
            _strict = IsStrict(analysisMode);
        }

        public static bool IsStrict(string? analysisMode) =>
            string.Equals(analysisMode, "strict", StringComparison.OrdinalIgnoreCase) || string.Equals(analysisMode, "ci", StringComparison.OrdinalIgnoreCase);

        public int Errors { get; private set; }
        public int Warnings { get; private set; }

        /// <summary>
        /// Logs <paramref name="finding"/> unless a task of this build already logged the same problem (rule, file, line,
        /// column, message): one report per distinct problem per build, however many checks read the file that has it.
        /// Used for the problems every check meets in the same shared input — the repository config (RAXX001) — which
        /// the repository check, each output check and the preflight read for themselves. Claimed through
        /// <see cref="BuildSession"/> (per node, and across the nodes of one build unless <paramref name="crossProcess"/>
        /// is false), so where a build cannot be told from the next one a problem is reported once per node, never zero
        /// times. Returns true when this call logged it.
        /// </summary>
        public bool LogOncePerBuild(Finding finding, IBuildEngine engine, bool crossProcess)
        {
            var location = finding.Location;
            var key = "Raxx.Guardrails.Problem|" + finding.RuleId + "|" + FullPath(location) + "|" + location.StartLine + "|" + location.StartColumn
                + "|" + location.EndLine + "|" + location.EndColumn + "|" + finding.Message;
            if (!BuildSession.TryClaim(engine, key, crossProcess))
            {
                return false;
            }
            Log(finding);
            return true;
        }

        /// <summary>
        /// A problem met reading the repository config or another input (RAXX001), as every task reports it: at the severity
        /// <paramref name="config"/> gives RAXX001 (<see cref="RepositoryConfig.ConfigureProblem"/>; the defaults when the
        /// config itself could not be parsed, so that problem stays an error), then <see cref="LogOncePerBuild"/>. Returns
        /// false when the config turns RAXX001 off: the problem is not met (the task may stamp, as for any finding turned off).
        /// </summary>
        public bool LogConfigProblem(Finding problem, RepositoryConfig config, IBuildEngine engine, bool crossProcess)
        {
            var configured = config.ConfigureProblem(problem);
            if (configured == null)
            {
                return false;
            }
            LogOncePerBuild(configured, engine, crossProcess);
            return true;
        }

        private string FullPath(FindingLocation location) =>
            Path.IsPathRooted(location.Path) ? location.Path : Path.GetFullPath(Path.Combine(_root, location.Path));

        public void Log(Finding finding)
        {
            var location = finding.Location;
            var file = FullPath(location);
            var line = location.StartLine;
            var column = location.StartColumn;
            int endLine = 0, endColumn = 0;
            if (location.EndLine > location.StartLine || location.EndColumn > location.StartColumn + 1)
            {
                endLine = location.EndLine;
                endColumn = Math.Max(1, location.EndColumn - 1);
            }
            var wholeFile = line == 1 && column == 1 && endLine == 0;
            if (wholeFile)
            {
                line = 0; // no line: MSBuild prints "file : error CODE: …"
                column = 0;
            }

            var helpLink = RuleCatalog.HelpUri(finding.RuleId);
            var severity = finding.Severity;
            if (_strict && severity != FindingSeverity.None)
            {
                severity = FindingSeverity.Error;
            }

            switch (severity)
            {
                case FindingSeverity.Error:
                    Errors++;
                    _log.LogError("Raxx.Guardrails", finding.RuleId, finding.RuleId, helpLink, file, line, column, endLine, endColumn, "{0}", finding.Message);
                    break;
                case FindingSeverity.Warning:
                    Warnings++;
                    _log.LogWarning("Raxx.Guardrails", finding.RuleId, finding.RuleId, helpLink, file, line, column, endLine, endColumn, "{0}", finding.Message);
                    break;
                case FindingSeverity.Note:
                    _log.LogMessage("Raxx.Guardrails", finding.RuleId, finding.RuleId, file, line, column, endLine, endColumn, MessageImportance.High, "{0}", finding.Message);
                    break;
            }
        }
    }
}
