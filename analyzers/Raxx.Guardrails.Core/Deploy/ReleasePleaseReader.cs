using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>
    /// Reads how release-please names tags, from the same inputs release-please uses:
    /// <list type="bullet">
    /// <item>manifest mode: <c>release-please-config.json</c> + <c>.release-please-manifest.json</c> at the
    /// root, or the paths given to the action as <c>config-file</c> / <c>manifest-file</c>;</item>
    /// <item>action-input mode: the action's <c>release-type</c> (+ <c>package-name</c>) inputs: one root
    /// package whose tags carry no component (<c>include-component-in-tag</c> is false there);</item>
    /// <item>a tag format declared in <c>raxx-guardrails.yaml</c> (<c>deploy: tag_format: "v{version}"</c>)
    /// for repositories that tag some other way.</item>
    /// </list>
    /// Tag names follow release-please's TagName: <c>[component + tag-separator] + ['v'] + version</c>,
    /// with <c>include-component-in-tag</c> (default true), <c>include-v-in-tag</c> (default true) and
    /// <c>tag-separator</c> (default <c>-</c>), top-level defaults overridden per package.
    /// </summary>
    public static class ReleasePleaseReader
    {
        public const string DefaultConfigFile = "release-please-config.json";
        public const string DefaultManifestFile = ".release-please-manifest.json";

        private static readonly string[] ActionNames =
        {
            "googleapis/release-please-action",
            "google-github-actions/release-please-action",
        };

        /// <summary>True for a step running the release-please action (either repository name).</summary>
        public static bool IsReleasePleaseStep(WorkflowStep step)
        {
            var name = step.ActionName;
            return name != null && ActionNames.Contains(name, StringComparer.Ordinal);
        }

        public static ReleaseModel Load(RepositoryContext context, IEnumerable<Workflow> workflows, DeploySettings settings)
        {
            var model = new ReleaseModel();
            var configPaths = new List<(string Config, string Manifest)>();
            var sawAction = false;

            foreach (var workflow in workflows)
            {
                foreach (var (_, step) in workflow.AllSteps)
                {
                    if (!IsReleasePleaseStep(step))
                    {
                        continue;
                    }
                    sawAction = true;
                    if (step.With.TryGetValue("release-type", out var releaseType) && releaseType.Value.Trim().Length > 0)
                    {
                        model.Packages.Add(FromActionInputs(context, workflow, step, releaseType));
                        continue;
                    }
                    var config = step.With.TryGetValue("config-file", out var c) ? c.Value.Trim() : DefaultConfigFile;
                    var manifest = step.With.TryGetValue("manifest-file", out var m) ? m.Value.Trim() : DefaultManifestFile;
                    if (!configPaths.Contains((config, manifest)))
                    {
                        configPaths.Add((config, manifest));
                    }
                }
            }

            foreach (var configured in context.Config.ReleaseConfigs)
            {
                // raxx-guardrails.yaml `release: { configs: [...] }`: the manifest sits next to its config
                var config = RepositoryContext.NormalizeRelative(configured);
                var slash = config.LastIndexOf('/');
                var manifest = (slash >= 0 ? config.Substring(0, slash + 1) : string.Empty) + DefaultManifestFile;
                if (!configPaths.Contains((config, manifest)))
                {
                    configPaths.Add((config, manifest));
                }
            }

            if (!sawAction && configPaths.Count == 0 && context.GetFile(DefaultConfigFile) != null)
            {
                // release-please run from somewhere else (a CLI, another repository's workflow): the default files still name the tags
                configPaths.Add((DefaultConfigFile, DefaultManifestFile));
            }

            foreach (var (config, manifest) in configPaths)
            {
                ReadManifestConfig(context, config, manifest, model);
            }

            foreach (var format in settings.TagFormats)
            {
                var package = new ReleasePackage(ReleaseToolKind.DeclaredTagFormat, ".", format.ToLocation(settings.ConfigPath))
                {
                    TagFormat = format.Value,
                    ComponentSource = "tag_format",
                };
                model.Packages.Add(package);
            }
            return model;
        }

        private static ReleasePackage FromActionInputs(RepositoryContext context, Workflow workflow, WorkflowStep step, WorkflowScalar releaseType)
        {
            var package = new ReleasePackage(ReleaseToolKind.ReleasePleaseActionInputs, ".", releaseType.ToLocation(workflow.Path))
            {
                ReleaseType = releaseType.Value.Trim(),
                IncludeComponentInTag = false,
            };
            if (step.With.TryGetValue("package-name", out var name) && name.Value.Trim().Length > 0)
            {
                package.Component = NormalizeComponent(package.ReleaseType, name.Value.Trim());
                package.ComponentSource = "package-name";
            }
            else
            {
                ApplyDefaultComponent(context, package);
            }
            if (step.With.TryGetValue("skip-github-release", out var skip))
            {
                package.SkipGitHubRelease = IsTrue(skip.Value);
            }
            if (package.ReleaseType == "ruby-yoshi")
            {
                package.Separator = "/";
            }
            // the version comes from the manifest when one exists; otherwise the sample versions are used
            package.Version = ReadManifestVersions(context, DefaultManifestFile, null).TryGetValue(".", out var v) ? v : "1.0.0";
            return package;
        }

        private static void ReadManifestConfig(RepositoryContext context, string configPath, string manifestPath, ReleaseModel model)
        {
            var configFile = context.GetFile(configPath);
            if (configFile == null)
            {
                return;
            }
            var text = context.ReadText(configFile, out var failure);
            if (text == null)
            {
                model.Errors.Add(new ReleaseConfigError(FindingLocation.WholeFile(configFile.RelativePath), $"the release-please config could not be read ({failure})"));
                return;
            }
            var parsed = JsonReader.Parse(text);
            if (!parsed.Success)
            {
                var e = parsed.Error!;
                model.Errors.Add(new ReleaseConfigError(new FindingLocation(configFile.RelativePath, e.Line, e.Column, e.Line, e.Column + 1),
                    $"{configFile.RelativePath} is not valid JSON: {e.Message}; release-please cannot read it and the deploy checks cannot tell which tags it creates"));
                return;
            }
            if (!(parsed.Root is JsonObject root))
            {
                return;
            }

            var versions = ReadManifestVersions(context, manifestPath, model);
            var packages = root.Get("packages") as JsonObject;
            if (packages == null || packages.Properties.Count == 0)
            {
                return;
            }

            foreach (var entry in packages.Properties)
            {
                var path = NormalizePackagePath(entry.Name);
                var location = new FindingLocation(configFile.RelativePath, entry.Line, entry.Column, entry.Line, entry.Column + entry.Name.Length + 2);
                var package = new ReleasePackage(ReleaseToolKind.ReleasePleaseManifest, path, location);
                var own = entry.Value as JsonObject;

                package.ReleaseType = Str(own, root, "release-type") ?? "node";
                package.Separator = Str(own, root, "tag-separator") ?? (package.ReleaseType == "ruby-yoshi" ? "/" : "-");
                package.IncludeV = Bool(own, root, "include-v-in-tag") ?? true;
                package.IncludeComponentInTag = Bool(own, root, "include-component-in-tag") ?? true;
                package.SkipGitHubRelease = Bool(own, root, "skip-github-release") ?? false;
                package.Draft = Bool(own, root, "draft") ?? false;

                var component = own?.Get("component")?.AsString();
                var packageName = own?.Get("package-name")?.AsString() ?? (path == "." ? root.Get("package-name")?.AsString() : null);
                if (!string.IsNullOrEmpty(component))
                {
                    package.Component = component!;
                    package.ComponentSource = "component";
                }
                else if (!string.IsNullOrEmpty(packageName))
                {
                    package.Component = NormalizeComponent(package.ReleaseType, packageName!);
                    package.ComponentSource = "package-name";
                }
                else
                {
                    ApplyDefaultComponent(context, package);
                }

                if (versions.TryGetValue(path, out var version) && version.Length > 0)
                {
                    package.Version = version;
                }
                model.Packages.Add(package);
            }
        }

        private static Dictionary<string, string> ReadManifestVersions(RepositoryContext context, string manifestPath, ReleaseModel? model)
        {
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            var file = context.GetFile(manifestPath);
            if (file == null)
            {
                return versions;
            }
            var text = context.ReadText(file);
            var parsed = JsonReader.Parse(text);
            if (!parsed.Success)
            {
                var e = parsed.Error!;
                model?.Errors.Add(new ReleaseConfigError(new FindingLocation(file.RelativePath, e.Line, e.Column, e.Line, e.Column + 1),
                    $"{file.RelativePath} is not valid JSON: {e.Message}"));
                return versions;
            }
            if (parsed.Root is JsonObject manifest)
            {
                foreach (var p in manifest.Properties)
                {
                    var v = p.Value.AsString();
                    if (v != null)
                    {
                        versions[NormalizePackagePath(p.Name)] = v.Trim();
                    }
                }
            }
            return versions;
        }

        private static string? Str(JsonObject? own, JsonObject root, string name) =>
            own?.Get(name)?.AsString() ?? root.Get(name)?.AsString();

        private static bool? Bool(JsonObject? own, JsonObject root, string name) =>
            own?.Get(name)?.AsBool() ?? root.Get(name)?.AsBool();

        private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        internal static string NormalizePackagePath(string path)
        {
            var p = path.Replace('\\', '/').Trim();
            while (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }
            p = p.Trim('/');
            return p.Length == 0 ? "." : p;
        }

        /// <summary>release-please strips an npm scope from node package names (<c>@raxx/api</c> → <c>api</c>).</summary>
        internal static string NormalizeComponent(string releaseType, string name)
        {
            if (releaseType == "node" || releaseType == "expo")
            {
                var slash = name.IndexOf('/');
                if (name.StartsWith("@", StringComparison.Ordinal) && slash > 0)
                {
                    return name.Substring(slash + 1);
                }
            }
            return name;
        }

        /// <summary>The component a release type derives from the repository when none is configured.</summary>
        private static void ApplyDefaultComponent(RepositoryContext context, ReleasePackage package)
        {
            string Under(string file) => package.Path == "." ? file : package.Path + "/" + file;
            string? name = null;
            string source = "none";
            switch (package.ReleaseType)
            {
                case "node":
                case "expo":
                    name = ReadJsonName(context, Under("package.json"));
                    source = "package.json name";
                    break;
                case "rust":
                    name = ReadCargoName(context, Under("Cargo.toml"));
                    source = "Cargo.toml name";
                    break;
                case "helm":
                    name = ReadYamlName(context, Under("Chart.yaml"));
                    source = "Chart.yaml name";
                    break;
                case "dart":
                    name = ReadYamlName(context, Under("pubspec.yaml"));
                    source = "pubspec.yaml name";
                    break;
                case "dotnet-yoshi":
                    if (package.Path != ".")
                    {
                        var last = package.Path.Substring(package.Path.LastIndexOf('/') + 1);
                        name = last;
                        source = "package path";
                    }
                    break;
            }
            if (!string.IsNullOrEmpty(name))
            {
                package.Component = NormalizeComponent(package.ReleaseType, name!);
                package.ComponentSource = source;
            }
        }

        private static string? ReadJsonName(RepositoryContext context, string path)
        {
            var file = context.GetFile(path);
            var text = file == null ? null : context.ReadText(file);
            if (text == null)
            {
                return null;
            }
            return (JsonReader.Parse(text).Root as JsonObject)?.Get("name")?.AsString();
        }

        private static readonly Regex CargoName = new Regex(@"^\s*name\s*=\s*[""']([^""']+)[""']", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static string? ReadCargoName(RepositoryContext context, string path)
        {
            var file = context.GetFile(path);
            var text = file == null ? null : context.ReadText(file);
            if (text == null)
            {
                return null;
            }
            var section = text.IndexOf("[package]", StringComparison.Ordinal);
            if (section < 0)
            {
                return null;
            }
            var rest = text.Substring(section + "[package]".Length);
            var next = Regex.Match(rest, @"^\s*\[", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
            if (next.Success)
            {
                rest = rest.Substring(0, next.Index);
            }
            var m = CargoName.Match(rest);
            return m.Success ? m.Groups[1].Value : null;
        }

        private static string? ReadYamlName(RepositoryContext context, string path)
        {
            var file = context.GetFile(path);
            var text = file == null ? null : context.ReadText(file);
            if (text == null)
            {
                return null;
            }
            var loaded = YamlLoader.Load(text);
            if (loaded.Root is YamlMappingNode map)
            {
                foreach (var entry in map.Children)
                {
                    if (entry.Key is YamlScalarNode k && k.Value == "name" && entry.Value is YamlScalarNode v)
                    {
                        return v.Value;
                    }
                }
            }
            return null;
        }
    }
}
