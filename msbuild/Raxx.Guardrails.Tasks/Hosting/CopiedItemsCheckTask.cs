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
    /// The parameters every output check that judges copied items receives from its target (RAXX105's and RAXX403's): the
    /// project, and the items that can be copied to the build output (Content/None/ContentWithTargetPath) or the publish
    /// output (ResolvedFileToPublish); the copied items it judges (<see cref="CopiedItems"/>) and the RAXX001 error when it
    /// could not run (<see cref="CouldNotCheck"/>). The repository, severities and read files come from
    /// <see cref="RepositoryOutputCheckTask"/>; what each check does with them stays in its own task.
    /// </summary>
    public abstract class CopiedItemsCheckTask : RepositoryOutputCheckTask
    {
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>$(MSBuildProjectFullPath): findings point at the item's line in it when found.</summary>
        public string? ProjectFile { get; set; }

        public ITaskItem[] Content { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] None { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] ContentWithTargetPath { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>@(ResolvedFileToPublish), passed by the publish target only.</summary>
        public ITaskItem[] ResolvedFileToPublish { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project folder, normalised (set by <see cref="OpenRepository"/>).</summary>
        protected string ProjectFolder { get; private set; } = string.Empty;

        /// <summary>
        /// The project folder and its repository (<see cref="RepositoryOutputCheckTask.OpenRepository(string)"/>): what every
        /// copied-items check starts from.
        /// </summary>
        protected void OpenRepository()
        {
            ProjectFolder = RepositoryLocator.Normalize(ProjectDirectory);
            OpenRepository(ProjectFolder);
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
