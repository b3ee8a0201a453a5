using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>How release tags are produced in this repository.</summary>
    public enum ReleaseToolKind
    {
        /// <summary>release-please with <c>release-please-config.json</c> + manifest.</summary>
        ReleasePleaseManifest,

        /// <summary>release-please configured through the action's inputs (<c>release-type</c>, <c>package-name</c>).</summary>
        ReleasePleaseActionInputs,

        /// <summary>A tag format declared in <c>raxx-guardrails.yaml</c> (<c>deploy: tag_format:</c>).</summary>
        DeclaredTagFormat,
    }

    /// <summary>One releasable package and the tags it produces.</summary>
    public sealed class ReleasePackage
    {
        public ReleasePackage(ReleaseToolKind tool, string path, FindingLocation location)
        {
            Tool = tool;
            Path = path;
            Location = location;
        }

        public ReleaseToolKind Tool { get; }

        /// <summary>Package path in the config (<c>.</c> for the root).</summary>
        public string Path { get; }

        /// <summary>Where the package is declared (the package key in the config, the action input, the tag format).</summary>
        public FindingLocation Location { get; }

        public string ReleaseType { get; set; } = "simple";

        /// <summary>The component (from <c>component</c>, <c>package-name</c> or the release type's default); empty when none.</summary>
        public string Component { get; set; } = string.Empty;

        /// <summary>Where the component came from (for messages): "package-name", "component", "package.json", …</summary>
        public string ComponentSource { get; set; } = "none";

        public string Separator { get; set; } = "-";
        public bool IncludeV { get; set; } = true;
        public bool IncludeComponentInTag { get; set; } = true;
        public bool SkipGitHubRelease { get; set; }
        public bool Draft { get; set; }

        /// <summary>Current version from the manifest (or 1.0.0 when unknown).</summary>
        public string Version { get; set; } = "1.0.0";

        /// <summary>For <see cref="ReleaseToolKind.DeclaredTagFormat"/>: the format with <c>{version}</c>.</summary>
        public string? TagFormat { get; set; }

        /// <summary>False when the tool creates no tag for this package (release-please <c>skip-github-release</c>).</summary>
        public bool CreatesTags => !SkipGitHubRelease;

        /// <summary>The tag for a version, as release-please names it: [component + separator] + ['v'] + version.</summary>
        public string TagFor(string version)
        {
            if (TagFormat != null)
            {
                return TagFormat.Replace("{version}", version);
            }
            var v = (IncludeV ? "v" : string.Empty) + version;
            return IncludeComponentInTag && Component.Length > 0 ? Component + Separator + v : v;
        }

        /// <summary>The tag of the current version: what the message shows.</summary>
        public string ExampleTag => TagFor(Version);

        /// <summary>The tag without its version (e.g. <c>trademaster-api-v</c>): what a trigger pattern must start with.</summary>
        public string TagPrefix => TagFor("\u0001").Split('\u0001')[0];

        /// <summary>Tags of a few versions (current, 0.1.0, 1.0.0, 1.10.1, 2.0.0, 10.20.30): a trigger admitting none of them admits none.</summary>
        public IReadOnlyList<string> SampleTags
        {
            get
            {
                var versions = new[] { Version, "0.1.0", "1.0.0", "1.10.1", "2.0.0", "10.20.30" };
                return versions.Distinct(StringComparer.Ordinal).Select(TagFor).ToArray();
            }
        }

        /// <summary>A short description for messages.</summary>
        public string Describe()
        {
            switch (Tool)
            {
                case ReleaseToolKind.DeclaredTagFormat:
                    return $"tag_format '{TagFormat}'";
                case ReleaseToolKind.ReleasePleaseActionInputs:
                    return "action inputs" + (Component.Length > 0 ? $", package-name '{Component}'" : string.Empty) + ", no component in tags";
                default:
                    return $"package '{Path}'" + (Component.Length > 0 ? $", {ComponentSource} '{Component}'" : string.Empty);
            }
        }
    }

    /// <summary>A problem reading release configuration (reported as RAXX001).</summary>
    public sealed class ReleaseConfigError
    {
        public ReleaseConfigError(FindingLocation location, string message)
        {
            Location = location;
            Message = message;
        }

        public FindingLocation Location { get; }
        public string Message { get; }
    }

    /// <summary>Everything known about how this repository creates release tags.</summary>
    public sealed class ReleaseModel
    {
        public List<ReleasePackage> Packages { get; } = new List<ReleasePackage>();
        public List<ReleaseConfigError> Errors { get; } = new List<ReleaseConfigError>();

        /// <summary>Packages that create tags.</summary>
        public IEnumerable<ReleasePackage> TaggingPackages => Packages.Where(p => p.CreatesTags);

        public bool HasTags => TaggingPackages.Any();

        /// <summary>The name of the tool for messages: "release-please" or "the declared tag format".</summary>
        public string ToolName => Packages.Count > 0 && Packages.All(p => p.Tool == ReleaseToolKind.DeclaredTagFormat) ? "the declared tag format" : "release-please";
    }
}
