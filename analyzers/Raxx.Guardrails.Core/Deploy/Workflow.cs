using System;
using System.Collections.Generic;
using Raxx.Guardrails.Core.Findings;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>A scalar of a workflow file with its exact position (1-based; end column exclusive).</summary>
    public sealed class WorkflowScalar
    {
        public WorkflowScalar(string value, int line, int column, int endLine, int endColumn)
        {
            Value = value;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public string Value { get; }
        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        public FindingLocation ToLocation(string path) => new FindingLocation(path, Line, Column, EndLine, EndColumn);

        public override string ToString() => Value;

        internal static WorkflowScalar From(YamlNode node, string value) =>
            new WorkflowScalar(value, (int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column);
    }

    /// <summary>A <c>branches</c>/<c>tags</c>/<c>paths</c> list (or an <c>-ignore</c> form) under a trigger.</summary>
    public sealed class WorkflowFilter
    {
        public WorkflowFilter(WorkflowScalar key, IReadOnlyList<WorkflowScalar> patterns)
        {
            Key = key;
            Patterns = patterns;
        }

        /// <summary>The key as written: <c>tags</c>, <c>branches-ignore</c>, …</summary>
        public WorkflowScalar Key { get; }
        public IReadOnlyList<WorkflowScalar> Patterns { get; }

        public bool IsIgnore => Key.Value.EndsWith("-ignore", StringComparison.Ordinal);
        public FilterPatternKind Kind => Key.Value.StartsWith("paths", StringComparison.Ordinal) ? FilterPatternKind.Path : FilterPatternKind.Ref;

        public FilterList Compile()
        {
            var texts = new List<string>();
            foreach (var p in Patterns)
            {
                texts.Add(p.Value);
            }
            return new FilterList(texts, Kind);
        }
    }

    /// <summary>One event under <c>on:</c> with its filters.</summary>
    public sealed class WorkflowTrigger
    {
        public WorkflowTrigger(WorkflowScalar eventName)
        {
            Event = eventName;
        }

        /// <summary>The event name as written (push, release, workflow_dispatch, workflow_run, create, …).</summary>
        public WorkflowScalar Event { get; }
        public string Name => Event.Value;

        public WorkflowFilter? Branches { get; internal set; }
        public WorkflowFilter? BranchesIgnore { get; internal set; }
        public WorkflowFilter? Tags { get; internal set; }
        public WorkflowFilter? TagsIgnore { get; internal set; }
        public WorkflowFilter? Paths { get; internal set; }
        public WorkflowFilter? PathsIgnore { get; internal set; }

        /// <summary><c>types:</c> (release: published, created, …); empty = the event's defaults.</summary>
        public List<WorkflowScalar> Types { get; } = new List<WorkflowScalar>();

        /// <summary><c>workflows:</c> of a <c>workflow_run</c> trigger.</summary>
        public List<WorkflowScalar> Workflows { get; } = new List<WorkflowScalar>();

        /// <summary><c>inputs:</c> names of <c>workflow_dispatch</c>/<c>workflow_call</c>.</summary>
        public List<WorkflowScalar> Inputs { get; } = new List<WorkflowScalar>();

        public IEnumerable<WorkflowFilter> Filters
        {
            get
            {
                foreach (var f in new[] { Branches, BranchesIgnore, Tags, TagsIgnore, Paths, PathsIgnore })
                {
                    if (f != null)
                    {
                        yield return f;
                    }
                }
            }
        }

        /// <summary>
        /// For <c>push</c> (and <c>pull_request</c>): whether a push of this ref runs the workflow, as
        /// GitHub documents it. Only tag filters defined ⇒ branch pushes do not run; only branch
        /// filters defined ⇒ tag pushes do not run; neither ⇒ every branch and tag runs. Paths
        /// filters are not evaluated for tag pushes; for branch pushes they are treated as satisfied
        /// (the changed files are unknown here).
        /// </summary>
        public bool AdmitsPushRef(string fullRef)
        {
            var isTag = fullRef.StartsWith("refs/tags/", StringComparison.Ordinal);
            var isBranch = fullRef.StartsWith("refs/heads/", StringComparison.Ordinal);
            var name = isTag ? fullRef.Substring("refs/tags/".Length) : isBranch ? fullRef.Substring("refs/heads/".Length) : fullRef;
            var hasBranchFilter = Branches != null || BranchesIgnore != null;
            var hasTagFilter = Tags != null || TagsIgnore != null;

            if (isTag)
            {
                if (!hasTagFilter)
                {
                    return !hasBranchFilter;
                }
                return Tags != null ? Tags.Compile().Includes(name) : !TagsIgnore!.Compile().Ignores(name);
            }

            if (isBranch)
            {
                if (!hasBranchFilter)
                {
                    return !hasTagFilter;
                }
                return Branches != null ? Branches.Compile().Includes(name) : !BranchesIgnore!.Compile().Ignores(name);
            }
            return false;
        }

        /// <summary>True when this push trigger can run for tag pushes at all.</summary>
        public bool CanRunForTags => Tags != null || TagsIgnore != null || (Branches == null && BranchesIgnore == null);

        /// <summary>True when this push trigger can run for branch pushes at all.</summary>
        public bool CanRunForBranches => Branches != null || BranchesIgnore != null || (Tags == null && TagsIgnore == null);

        /// <summary>For <c>release</c>: true when one of the listed activity types (or the default: all) is present.</summary>
        public bool HasType(string type)
        {
            if (Types.Count == 0)
            {
                return true;
            }
            foreach (var t in Types)
            {
                if (string.Equals(t.Value, type, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary><c>permissions:</c> at workflow or job level.</summary>
    public sealed class WorkflowPermissions
    {
        /// <summary><c>read-all</c>, <c>write-all</c> or <c>{}</c> written as a scalar; null when a map.</summary>
        public WorkflowScalar? All { get; internal set; }
        public Dictionary<string, WorkflowScalar> Scopes { get; } = new Dictionary<string, WorkflowScalar>(StringComparer.Ordinal);
    }

    /// <summary><c>environment:</c> of a job, written as a name or as <c>{ name, url }</c>.</summary>
    public sealed class WorkflowEnvironment
    {
        public WorkflowEnvironment(WorkflowScalar name, WorkflowScalar? url)
        {
            Name = name;
            Url = url;
        }

        public WorkflowScalar Name { get; }
        public WorkflowScalar? Url { get; }
    }

    /// <summary>One step of a job.</summary>
    public sealed class WorkflowStep
    {
        public int Index { get; internal set; }
        public WorkflowScalar? Id { get; internal set; }
        public WorkflowScalar? Name { get; internal set; }
        public WorkflowScalar? If { get; internal set; }
        public WorkflowScalar? Uses { get; internal set; }
        public WorkflowScalar? Run { get; internal set; }
        public Dictionary<string, WorkflowScalar> With { get; } = new Dictionary<string, WorkflowScalar>(StringComparer.Ordinal);
        public Dictionary<string, WorkflowScalar> Env { get; } = new Dictionary<string, WorkflowScalar>(StringComparer.Ordinal);

        /// <summary>Where the step starts (its first key), for findings about the step as a whole.</summary>
        public WorkflowScalar? Start { get; internal set; }

        /// <summary>The action name of <c>uses:</c> without its <c>@ref</c>, lower-cased; null for run steps.</summary>
        public string? ActionName
        {
            get
            {
                if (Uses == null)
                {
                    return null;
                }
                var at = Uses.Value.IndexOf('@');
                return (at >= 0 ? Uses.Value.Substring(0, at) : Uses.Value).Trim().ToLowerInvariant();
            }
        }

        public string DisplayName => Name?.Value ?? Id?.Value ?? Uses?.Value ?? $"step {Index + 1}";
    }

    /// <summary>One job: normal (steps) or a reusable workflow call (<c>uses:</c> at job level).</summary>
    public sealed class WorkflowJob
    {
        public WorkflowJob(WorkflowScalar id)
        {
            Id = id;
        }

        public WorkflowScalar Id { get; }
        public WorkflowScalar? Name { get; internal set; }
        public WorkflowScalar? If { get; internal set; }
        public WorkflowEnvironment? Environment { get; internal set; }

        /// <summary>Reusable workflow called by this job (<c>owner/repo/.github/workflows/x.yml@ref</c> or <c>./.github/workflows/x.yml</c>).</summary>
        public WorkflowScalar? Uses { get; internal set; }
        public Dictionary<string, WorkflowScalar> With { get; } = new Dictionary<string, WorkflowScalar>(StringComparer.Ordinal);

        /// <summary><c>secrets:</c> entries, or <c>inherit</c> as the single key "inherit".</summary>
        public Dictionary<string, WorkflowScalar> Secrets { get; } = new Dictionary<string, WorkflowScalar>(StringComparer.Ordinal);
        public List<WorkflowScalar> Needs { get; } = new List<WorkflowScalar>();
        public WorkflowPermissions? Permissions { get; internal set; }
        public List<WorkflowStep> Steps { get; } = new List<WorkflowStep>();

        public bool IsReusableCall => Uses != null;
    }

    /// <summary>A GitHub Actions workflow file (<c>.github/workflows/*.yml</c>).</summary>
    public sealed class Workflow
    {
        public Workflow(string path)
        {
            Path = path;
        }

        /// <summary>Repository-relative path.</summary>
        public string Path { get; }

        /// <summary>File name (what users call the workflow in messages).</summary>
        public string FileName
        {
            get
            {
                var slash = Path.LastIndexOf('/');
                return slash >= 0 ? Path.Substring(slash + 1) : Path;
            }
        }

        public WorkflowScalar? Name { get; internal set; }

        /// <summary>The <c>on</c> key itself (where to report "this workflow has no trigger").</summary>
        public WorkflowScalar? OnKey { get; internal set; }
        public List<WorkflowTrigger> Triggers { get; } = new List<WorkflowTrigger>();

        /// <summary>A top-level <c>if:</c> (GitHub has none at workflow level; kept so a rule can point at it).</summary>
        public WorkflowScalar? If { get; internal set; }
        public WorkflowPermissions? Permissions { get; internal set; }
        public Dictionary<string, WorkflowScalar> Env { get; } = new Dictionary<string, WorkflowScalar>(StringComparer.Ordinal);
        public List<WorkflowJob> Jobs { get; } = new List<WorkflowJob>();

        public WorkflowTrigger? GetTrigger(string eventName)
        {
            foreach (var t in Triggers)
            {
                if (string.Equals(t.Name, eventName, StringComparison.Ordinal))
                {
                    return t;
                }
            }
            return null;
        }

        /// <summary>True when a tag push or a release event can start this workflow.</summary>
        public bool IsTagTriggered
        {
            get
            {
                var push = GetTrigger("push");
                if (push != null && (push.Tags != null || push.TagsIgnore != null))
                {
                    return true;
                }
                return GetTrigger("release") != null;
            }
        }

        /// <summary>All steps of all jobs.</summary>
        public IEnumerable<(WorkflowJob Job, WorkflowStep Step)> AllSteps
        {
            get
            {
                foreach (var job in Jobs)
                {
                    foreach (var step in job.Steps)
                    {
                        yield return (job, step);
                    }
                }
            }
        }
    }
}
