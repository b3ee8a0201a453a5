using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;

namespace Raxx.Guardrails.Tasks.Hosting
{
    /// <summary>Where an MSBuild item is copied (build and/or publish output) and its paths, for output checks.</summary>
    public static class OutputItems
    {
        /// <summary>The items an output check looks at, with their item type, in MSBuild's copy order.</summary>
        public static IEnumerable<(string ItemType, ITaskItem Item)> Candidates(
            ITaskItem[] content, ITaskItem[] none, ITaskItem[] contentWithTargetPath, ITaskItem[] resolvedFileToPublish)
        {
            foreach (var item in content)
            {
                yield return ("Content", item);
            }
            foreach (var item in none)
            {
                yield return ("None", item);
            }
            foreach (var item in contentWithTargetPath)
            {
                yield return ("ContentWithTargetPath", item);
            }
            foreach (var item in resolvedFileToPublish)
            {
                yield return ("ResolvedFileToPublish", item);
            }
        }

        /// <summary>"build" and/or "publish": ResolvedFileToPublish is published unless CopyToPublishDirectory=Never; other items by their copy metadata.</summary>
        public static List<string> Destinations(string itemType, ITaskItem item)
        {
            var result = new List<string>();
            if (itemType == "ResolvedFileToPublish")
            {
                if (!string.Equals(item.GetMetadata("CopyToPublishDirectory"), "Never", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add("publish");
                }
                return result;
            }
            if (Copies(item.GetMetadata("CopyToOutputDirectory")))
            {
                result.Add("build");
            }
            if (Copies(item.GetMetadata("CopyToPublishDirectory")))
            {
                result.Add("publish");
            }
            return result;
        }

        private static bool Copies(string value) =>
            string.Equals(value, "Always", StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "PreserveNewest", StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "IfDifferent", StringComparison.OrdinalIgnoreCase);

        /// <summary>"the build output", "the publish output" or both, for messages.</summary>
        public static string DescribeDestinations(IEnumerable<string> destinations) =>
            string.Join(" and ", destinations.Select(d => d == "build" ? "the build output" : "the publish output"));

        /// <summary>How to stop an item of <paramref name="itemType"/> from copying a file to <paramref name="destinations"/>.</summary>
        public static string Fix(string itemType, IEnumerable<string> destinations) =>
            itemType == "ResolvedFileToPublish"
                ? "exclude it from publishing (CopyToPublishDirectory=\"Never\" on its item, or remove it from ResolvedFileToPublish)"
                : $"remove the {itemType} item or set {string.Join(" and ", destinations.Select(d => d == "build" ? "CopyToOutputDirectory" : "CopyToPublishDirectory"))}=\"Never\"";

        /// <summary>The path in the output (RelativePath, TargetPath or Link metadata), '/'-separated, or null.</summary>
        public static string? TargetPath(ITaskItem item)
        {
            foreach (var name in new[] { "RelativePath", "TargetPath", "Link" })
            {
                var value = item.GetMetadata(name);
                if (!string.IsNullOrEmpty(value))
                {
                    return value.Replace('\\', '/');
                }
            }
            return null;
        }

        /// <summary>Item specs are relative to the project folder (also for items from imported files).</summary>
        public static string FullPath(string projectDirectory, string itemSpec)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(projectDirectory, itemSpec));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return itemSpec;
            }
        }

        /// <summary><paramref name="fullPath"/> relative to <paramref name="directory"/> ('/'-separated), or its file name when outside.</summary>
        public static string RelativeTo(string directory, string fullPath)
        {
            var prefix = directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;
            return fullPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                ? fullPath.Substring(prefix.Length).Replace('\\', '/')
                : Path.GetFileName(fullPath);
        }
    }
}
