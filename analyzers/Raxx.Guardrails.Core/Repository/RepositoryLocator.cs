using System;
using System.IO;

namespace Raxx.Guardrails.Core.Repository
{
    /// <summary>Finds the repository a project belongs to (every host: MSBuild tasks, CLI): the git work tree root, else the solution folder, else the project folder.</summary>
    public static class RepositoryLocator
    {
        public static string FindRoot(string? explicitRoot, string projectDirectory, string? solutionDirectory)
        {
            if (!string.IsNullOrWhiteSpace(explicitRoot))
            {
                return Normalize(explicitRoot!);
            }

            var git = FindGitRoot(projectDirectory);
            if (git != null)
            {
                return git;
            }

            if (!string.IsNullOrWhiteSpace(solutionDirectory) && solutionDirectory != "*Undefined*" && Directory.Exists(solutionDirectory))
            {
                return Normalize(solutionDirectory!);
            }

            return Normalize(projectDirectory);
        }

        /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.git</c> (a folder, or a file in worktrees and submodules).</summary>
        public static string? FindGitRoot(string start)
        {
            try
            {
                var dir = new DirectoryInfo(Path.GetFullPath(start));
                while (dir != null)
                {
                    var dotGit = Path.Combine(dir.FullName, ".git");
                    if (Directory.Exists(dotGit) || File.Exists(dotGit))
                    {
                        return Normalize(dir.FullName);
                    }
                    dir = dir.Parent;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
            }
            return null;
        }

        public static string Normalize(string path)
        {
            var full = Path.GetFullPath(path);
            return full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
        }
    }
}
