using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Raxx.Guardrails.Tasks.Hosting
{
    /// <summary>
    /// The parameters every output check that judges copied items receives from its target (RAXX105's and
    /// RAXX403's): where the project and repository are, the analysis mode, and the items that can be copied to
    /// the build output (Content/None/ContentWithTargetPath) or the publish output (ResolvedFileToPublish).
    /// What each check does with them stays in its own task; <see cref="OutputItems"/> walks the items.
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
    }
}
