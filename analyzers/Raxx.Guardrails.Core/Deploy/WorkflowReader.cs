using System;
using System.Collections.Generic;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>A workflow read from a file: the model, or the located YAML error that prevented it.</summary>
    public sealed class WorkflowLoadResult
    {
        internal WorkflowLoadResult(string path, Workflow? workflow, YamlError? error)
        {
            Path = path;
            Workflow = workflow;
            Error = error;
        }

        public string Path { get; }
        public Workflow? Workflow { get; }
        public YamlError? Error { get; }
    }

    /// <summary>
    /// Reads GitHub Actions workflows into <see cref="Workflow"/> with positions for every scalar.
    /// Never throws: malformed YAML becomes a <see cref="YamlError"/> at its line; unexpected shapes
    /// (a list where a map belongs) are skipped, since GitHub reports those itself.
    /// </summary>
    public static class WorkflowReader
    {
        /// <summary>The folder GitHub reads workflows from (only at the repository root).</summary>
        public const string WorkflowsFolder = ".github/workflows/";

        /// <summary>Every <c>.github/workflows/*.yml|*.yaml</c> file of the repository, parsed.</summary>
        public static IReadOnlyList<WorkflowLoadResult> LoadAll(RepositoryContext context)
        {
            var results = new List<WorkflowLoadResult>();
            foreach (var file in context.AllFiles)
            {
                if (!IsWorkflowPath(file.RelativePath))
                {
                    continue;
                }
                var text = context.ReadText(file, out var failure);
                if (text == null)
                {
                    results.Add(new WorkflowLoadResult(file.RelativePath, null, new YamlError($"the workflow could not be read ({failure})", 1, 1)));
                    continue;
                }
                results.Add(Load(file.RelativePath, text));
            }
            return results;
        }

        public static bool IsWorkflowPath(string relativePath)
        {
            if (!relativePath.StartsWith(WorkflowsFolder, StringComparison.Ordinal))
            {
                return false;
            }
            var rest = relativePath.Substring(WorkflowsFolder.Length);
            return rest.IndexOf('/') < 0 &&
                   (rest.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || rest.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));
        }

        public static WorkflowLoadResult Load(string path, string text)
        {
            var loaded = YamlLoader.Load(text);
            if (!loaded.Success)
            {
                return new WorkflowLoadResult(path, null, loaded.Error);
            }
            var workflow = new Workflow(path);
            try
            {
                if (loaded.Root is YamlMappingNode root)
                {
                    ReadRoot(workflow, root);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is InvalidCastException)
            {
                return new WorkflowLoadResult(path, null, new YamlError("the workflow has an unexpected structure: " + ex.Message, 1, 1));
            }
            return new WorkflowLoadResult(path, workflow, null);
        }

        private static void ReadRoot(Workflow workflow, YamlMappingNode root)
        {
            foreach (var entry in root.Children)
            {
                if (!(entry.Key is YamlScalarNode key))
                {
                    continue;
                }
                switch (key.Value)
                {
                    case "name":
                        workflow.Name = Scalar(entry.Value);
                        break;
                    case "on":
                    case "true": // YAML 1.1 readers turn a bare `on` into true; be tolerant of generators that did
                        workflow.OnKey = Scalar(key);
                        ReadOn(workflow, entry.Value);
                        break;
                    case "if":
                        workflow.If = Scalar(entry.Value);
                        break;
                    case "permissions":
                        workflow.Permissions = ReadPermissions(entry.Value);
                        break;
                    case "env":
                        ReadScalarMap(entry.Value, workflow.Env);
                        break;
                    case "jobs":
                        if (entry.Value is YamlMappingNode jobs)
                        {
                            foreach (var j in jobs.Children)
                            {
                                var id = Scalar(j.Key);
                                if (id != null && j.Value is YamlMappingNode jobNode)
                                {
                                    workflow.Jobs.Add(ReadJob(id, jobNode));
                                }
                            }
                        }
                        break;
                }
            }
        }

        private static void ReadOn(Workflow workflow, YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode single:
                    var s = Scalar(single);
                    if (s != null && s.Value.Length > 0)
                    {
                        workflow.Triggers.Add(new WorkflowTrigger(s));
                    }
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        var e = Scalar(item);
                        if (e != null && e.Value.Length > 0)
                        {
                            workflow.Triggers.Add(new WorkflowTrigger(e));
                        }
                    }
                    break;
                case YamlMappingNode map:
                    foreach (var entry in map.Children)
                    {
                        var name = Scalar(entry.Key);
                        if (name == null)
                        {
                            continue;
                        }
                        var trigger = new WorkflowTrigger(name);
                        if (entry.Value is YamlMappingNode details)
                        {
                            ReadTriggerDetails(trigger, details);
                        }
                        workflow.Triggers.Add(trigger);
                    }
                    break;
            }
        }

        private static void ReadTriggerDetails(WorkflowTrigger trigger, YamlMappingNode details)
        {
            foreach (var entry in details.Children)
            {
                var key = Scalar(entry.Key);
                if (key == null)
                {
                    continue;
                }
                switch (key.Value)
                {
                    case "branches":
                        trigger.Branches = ReadFilter(key, entry.Value);
                        break;
                    case "branches-ignore":
                        trigger.BranchesIgnore = ReadFilter(key, entry.Value);
                        break;
                    case "tags":
                        trigger.Tags = ReadFilter(key, entry.Value);
                        break;
                    case "tags-ignore":
                        trigger.TagsIgnore = ReadFilter(key, entry.Value);
                        break;
                    case "paths":
                        trigger.Paths = ReadFilter(key, entry.Value);
                        break;
                    case "paths-ignore":
                        trigger.PathsIgnore = ReadFilter(key, entry.Value);
                        break;
                    case "types":
                        trigger.Types.AddRange(ScalarList(entry.Value));
                        break;
                    case "workflows":
                        trigger.Workflows.AddRange(ScalarList(entry.Value));
                        break;
                    case "inputs":
                        if (entry.Value is YamlMappingNode inputs)
                        {
                            foreach (var input in inputs.Children)
                            {
                                var n = Scalar(input.Key);
                                if (n != null)
                                {
                                    trigger.Inputs.Add(n);
                                }
                            }
                        }
                        break;
                }
            }
        }

        private static WorkflowFilter ReadFilter(WorkflowScalar key, YamlNode value) => new WorkflowFilter(key, ScalarList(value));

        private static WorkflowJob ReadJob(WorkflowScalar id, YamlMappingNode node)
        {
            var job = new WorkflowJob(id);
            foreach (var entry in node.Children)
            {
                var key = Scalar(entry.Key);
                if (key == null)
                {
                    continue;
                }
                switch (key.Value)
                {
                    case "name":
                        job.Name = Scalar(entry.Value);
                        break;
                    case "if":
                        job.If = Scalar(entry.Value);
                        break;
                    case "environment":
                        job.Environment = ReadEnvironment(entry.Value);
                        break;
                    case "uses":
                        job.Uses = Scalar(entry.Value);
                        break;
                    case "with":
                        ReadScalarMap(entry.Value, job.With);
                        break;
                    case "secrets":
                        if (entry.Value is YamlScalarNode inherit)
                        {
                            var s = Scalar(inherit);
                            if (s != null)
                            {
                                job.Secrets[s.Value] = s;
                            }
                        }
                        else
                        {
                            ReadScalarMap(entry.Value, job.Secrets);
                        }
                        break;
                    case "needs":
                        job.Needs.AddRange(ScalarList(entry.Value));
                        break;
                    case "permissions":
                        job.Permissions = ReadPermissions(entry.Value);
                        break;
                    case "steps":
                        if (entry.Value is YamlSequenceNode steps)
                        {
                            var index = 0;
                            foreach (var s in steps.Children)
                            {
                                if (s is YamlMappingNode stepNode)
                                {
                                    var step = ReadStep(stepNode);
                                    step.Index = index;
                                    job.Steps.Add(step);
                                }
                                index++;
                            }
                        }
                        break;
                }
            }
            return job;
        }

        private static WorkflowStep ReadStep(YamlMappingNode node)
        {
            var step = new WorkflowStep();
            foreach (var entry in node.Children)
            {
                var key = Scalar(entry.Key);
                if (key == null)
                {
                    continue;
                }
                step.Start ??= key;
                switch (key.Value)
                {
                    case "id":
                        step.Id = Scalar(entry.Value);
                        break;
                    case "name":
                        step.Name = Scalar(entry.Value);
                        break;
                    case "if":
                        step.If = Scalar(entry.Value);
                        break;
                    case "uses":
                        step.Uses = Scalar(entry.Value);
                        break;
                    case "run":
                        step.Run = Scalar(entry.Value);
                        break;
                    case "with":
                        ReadScalarMap(entry.Value, step.With);
                        break;
                    case "env":
                        ReadScalarMap(entry.Value, step.Env);
                        break;
                }
            }
            return step;
        }

        private static WorkflowEnvironment? ReadEnvironment(YamlNode node)
        {
            if (node is YamlScalarNode)
            {
                var name = Scalar(node);
                return name == null || name.Value.Length == 0 ? null : new WorkflowEnvironment(name, null);
            }
            if (node is YamlMappingNode map)
            {
                WorkflowScalar? name = null;
                WorkflowScalar? url = null;
                foreach (var entry in map.Children)
                {
                    var key = Scalar(entry.Key);
                    if (key?.Value == "name")
                    {
                        name = Scalar(entry.Value);
                    }
                    else if (key?.Value == "url")
                    {
                        url = Scalar(entry.Value);
                    }
                }
                return name == null ? null : new WorkflowEnvironment(name, url);
            }
            return null;
        }

        private static WorkflowPermissions? ReadPermissions(YamlNode node)
        {
            var permissions = new WorkflowPermissions();
            if (node is YamlScalarNode)
            {
                permissions.All = Scalar(node);
                return permissions;
            }
            ReadScalarMap(node, permissions.Scopes);
            return permissions;
        }

        private static void ReadScalarMap(YamlNode node, Dictionary<string, WorkflowScalar> into)
        {
            if (!(node is YamlMappingNode map))
            {
                return;
            }
            foreach (var entry in map.Children)
            {
                var key = Scalar(entry.Key);
                var value = Scalar(entry.Value);
                if (key != null && value != null)
                {
                    into[key.Value] = value;
                }
            }
        }

        private static List<WorkflowScalar> ScalarList(YamlNode node)
        {
            var list = new List<WorkflowScalar>();
            if (node is YamlSequenceNode seq)
            {
                foreach (var item in seq.Children)
                {
                    var s = Scalar(item);
                    if (s != null)
                    {
                        list.Add(s);
                    }
                }
            }
            else
            {
                var s = Scalar(node);
                if (s != null && !IsNull(node))
                {
                    list.Add(s);
                }
            }
            return list;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain &&
            (s.Value == null || s.Value.Length == 0 || s.Value == "~" || s.Value == "null");

        private static WorkflowScalar? Scalar(YamlNode node)
        {
            if (node is YamlScalarNode scalar)
            {
                return WorkflowScalar.From(node, scalar.Value ?? string.Empty);
            }
            return null;
        }
    }
}
