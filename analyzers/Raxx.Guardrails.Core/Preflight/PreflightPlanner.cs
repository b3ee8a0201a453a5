using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Flags;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>
    /// Assembles a <see cref="PreflightRequest"/> the same way for every host (CLI <c>smoke</c>,
    /// MSBuild <c>RaxxPreflight</c>): the repository config's <c>preflight:</c> section, the app's
    /// <c>app.json</c>, and the flags file (explicit, configured, or found beside the project / at the
    /// root). Problems in any of them are findings, never exceptions.
    /// </summary>
    public static class PreflightPlanner
    {
        public static PreflightRequest Plan(string repositoryRoot, string? projectPath, string appPath, string? flagsFile, IFindingSink problems,
            string? healthPath = null, double? timeoutSeconds = null)
        {
            var root = Path.GetFullPath(repositoryRoot);
            var projectDirectory = projectPath == null ? null
                : Directory.Exists(projectPath) ? Path.GetFullPath(projectPath) : Path.GetDirectoryName(Path.GetFullPath(projectPath));

            var config = RepositoryConfigLoader.LoadFromRoot(root, problems); // (its own problem: the defaults hold, an error)
            // every later problem (RAXX001: the project's config, the preflight section, app.json; RAXX303: the flags file) at the
            // severity the root config gives its rule
            problems = config.ConfiguredProblems(problems);
            var preflightSection = config.GetSection(PreflightSettings.SectionName);
            var preflightSource = config.SourcePath ?? RepositoryConfig.FileName;
            // The preflight is per app: a raxx-guardrails.yaml beside the project (not the root's) may hold its own section.
            if (projectDirectory != null && !string.Equals(projectDirectory.TrimEnd('/', '\\'), root.TrimEnd('/', '\\'), StringComparison.Ordinal)
                && File.Exists(Path.Combine(projectDirectory, RepositoryConfig.FileName)))
            {
                var projectConfig = RepositoryConfigLoader.Load(root, Path.Combine(projectDirectory, RepositoryConfig.FileName));
                if (!projectConfig.Success)
                {
                    problems.Report(projectConfig.Error!.ToFinding());
                }
                else if (projectConfig.Config!.GetSection(PreflightSettings.SectionName) is { } projectSection)
                {
                    preflightSection = projectSection;
                    preflightSource = Relative(root, Path.Combine(projectDirectory, RepositoryConfig.FileName));
                }
            }
            var settings = PreflightSettings.FromSection(preflightSection, preflightSource, problems);
            if (!string.IsNullOrEmpty(healthPath))
            {
                settings.HealthPath = healthPath!;
            }
            if (timeoutSeconds.HasValue && timeoutSeconds.Value > 0)
            {
                settings.Timeout = TimeSpan.FromSeconds(timeoutSeconds.Value);
            }

            var appJson = settings.FindAppJson(root, projectDirectory);
            if (appJson != null)
            {
                try
                {
                    settings.AddAppJson(File.ReadAllText(appJson), Relative(root, appJson), problems);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    problems.Report(new Finding(RuleIds.Raxx001, FindingSeverity.Error, $"{Relative(root, appJson)} could not be read: {ex.Message}", FindingLocation.WholeFile(Relative(root, appJson))));
                }
            }

            var flags = Array.Empty<PreflightFlag>() as IReadOnlyList<PreflightFlag>;
            var flagsPath = FindFlagsFile(root, projectDirectory, flagsFile, config);
            if (flagsPath != null)
            {
                var document = FlagsDocument.LoadYamlFile(flagsPath, Relative(root, flagsPath));
                foreach (var problem in document.Problems)
                {
                    problems.Report(new Finding(RuleIds.Raxx303, FindingSeverity.Error, problem.Message,
                        new FindingLocation(problem.Path, problem.Span.Line, problem.Span.Column, problem.Span.EndLine, problem.Span.EndColumn)));
                }
                flags = document.ToPreflightFlags();
            }

            var appLocation = FindingLocation.WholeFile(projectPath != null && File.Exists(projectPath) ? Relative(root, Path.GetFullPath(projectPath)) : Relative(root, Path.GetFullPath(appPath)));
            // the run's RAXX601–603 at the severities the same root config gives them
            return new PreflightRequest(appPath, settings, flags, appLocation) { Config = config };
        }

        /// <summary>The flags file: explicit, else configured (<c>flags.file</c>), else a default name beside the project, else at the root.</summary>
        public static string? FindFlagsFile(string root, string? projectDirectory, string? explicitPath, RepositoryConfig config)
        {
            if (!string.IsNullOrEmpty(explicitPath))
            {
                var full = Path.IsPathRooted(explicitPath) ? explicitPath! : Path.Combine(root, explicitPath!);
                return File.Exists(full) ? full : null;
            }
            foreach (var configured in config.FlagsFiles)
            {
                var full = Path.Combine(root, configured);
                if (File.Exists(full))
                {
                    return full;
                }
            }
            foreach (var dir in new[] { projectDirectory, root })
            {
                if (dir == null)
                {
                    continue;
                }
                var found = FlagNames.DefaultFileNames.Select(name => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
                if (found != null)
                {
                    return found;
                }
            }
            return null;
        }

        private static string Relative(string root, string fullPath)
        {
            var relative = fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length).TrimStart('/', '\\') : fullPath;
            return relative.Replace('\\', '/');
        }
    }
}
