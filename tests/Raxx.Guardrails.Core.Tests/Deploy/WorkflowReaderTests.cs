using System.Linq;
using Raxx.Guardrails.Core.Deploy;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class WorkflowReaderTests
{
    [Fact]
    public void OnAsString()
    {
        var w = WorkflowReader.Load("a.yml", "on: push\njobs: {}\n").Workflow!;
        Assert.Equal(new[] { "push" }, w.Triggers.Select(t => t.Name));
        Assert.Equal(1, w.Triggers[0].Event.Line);
        Assert.Equal(5, w.Triggers[0].Event.Column);
    }

    [Fact]
    public void OnAsList()
    {
        var w = WorkflowReader.Load("a.yml", "on: [push, workflow_dispatch]\n").Workflow!;
        Assert.Equal(new[] { "push", "workflow_dispatch" }, w.Triggers.Select(t => t.Name));
        Assert.False(w.IsTagTriggered);
    }

    [Fact]
    public void OnAsMap_AllShapes()
    {
        const string yaml = """
            name: Deploy
            on:
              push:
                tags:
                  - 'v*.*.*'
                branches: main
                paths-ignore: ['docs/**']
              release:
                types: [published]
              workflow_dispatch:
                inputs:
                  environment:
                    type: string
              workflow_run:
                workflows: [CI]
                types: [completed]
              create:
            permissions:
              contents: read
            jobs:
              build:
                uses: ./.github/workflows/build.yml
                with:
                  config: Release
                secrets: inherit
              deploy:
                needs: [build]
                if: startsWith(github.ref, 'refs/tags/v')
                environment:
                  name: production
                  url: https://example.com
                permissions: write-all
                steps:
                  - uses: actions/checkout@v4
                  - name: Ship
                    if: ${{ github.ref_type == 'tag' }}
                    run: ./ship.sh
                    env:
                      TOKEN: ${{ secrets.TOKEN }}
            """;
        var w = WorkflowReader.Load("d.yml", yaml).Workflow!;
        Assert.Equal("Deploy", w.Name!.Value);
        Assert.Equal(new[] { "push", "release", "workflow_dispatch", "workflow_run", "create" }, w.Triggers.Select(t => t.Name));
        var push = w.GetTrigger("push")!;
        var tag = push.Tags!.Patterns.Single();
        Assert.Equal("v*.*.*", tag.Value);
        Assert.Equal((5, 9, 5, 17), (tag.Line, tag.Column, tag.EndLine, tag.EndColumn));
        Assert.Equal("main", push.Branches!.Patterns.Single().Value);
        Assert.Equal(FilterPatternKind.Path, push.PathsIgnore!.Kind);
        Assert.Equal("published", w.GetTrigger("release")!.Types.Single().Value);
        Assert.Equal("environment", w.GetTrigger("workflow_dispatch")!.Inputs.Single().Value);
        Assert.Equal("CI", w.GetTrigger("workflow_run")!.Workflows.Single().Value);
        Assert.True(w.IsTagTriggered);
        Assert.Equal("read", w.Permissions!.Scopes["contents"].Value);

        var build = w.Jobs[0];
        Assert.True(build.IsReusableCall);
        Assert.Equal("Release", build.With["config"].Value);
        Assert.True(build.Secrets.ContainsKey("inherit"));

        var deploy = w.Jobs[1];
        Assert.Equal("startsWith(github.ref, 'refs/tags/v')", deploy.If!.Value);
        Assert.Equal(28, deploy.If.Line);
        Assert.Equal("production", deploy.Environment!.Name.Value);
        Assert.Equal("https://example.com", deploy.Environment.Url!.Value);
        Assert.Equal("write-all", deploy.Permissions!.All!.Value);
        Assert.Equal("build", deploy.Needs.Single().Value);
        Assert.Equal("actions/checkout", deploy.Steps[0].ActionName);
        Assert.Equal("${{ github.ref_type == 'tag' }}", deploy.Steps[1].If!.Value);
        Assert.Equal("./ship.sh", deploy.Steps[1].Run!.Value);
        Assert.Equal("${{ secrets.TOKEN }}", deploy.Steps[1].Env["TOKEN"].Value);
    }

    [Fact]
    public void EnvironmentAsString()
    {
        var w = WorkflowReader.Load("a.yml", "on: push\njobs:\n  d:\n    environment: staging\n    runs-on: x\n").Workflow!;
        Assert.Equal("staging", w.Jobs[0].Environment!.Name.Value);
    }

    [Theory]
    [InlineData("on: [push\njobs: {}\n")]
    [InlineData("on:\n  push:\n    tags: ['v*'\n")]
    [InlineData("on:\n\tpush:\n")]
    [InlineData("jobs: *nope\n")]
    public void MalformedYaml_LocatedError_NoException(string yaml)
    {
        var result = WorkflowReader.Load("bad.yml", yaml);
        Assert.Null(result.Workflow);
        Assert.NotNull(result.Error);
        Assert.True(result.Error!.Line >= 1);
    }

    [Theory]
    [InlineData("- just\n- a list\n")]
    [InlineData("on:\n  push:\n    tags:\n      nested: map\njobs: [1, 2]\n")]
    [InlineData("")]
    public void UnexpectedShapes_NoException(string yaml)
    {
        var result = WorkflowReader.Load("odd.yml", yaml);
        Assert.Null(result.Error);
        Assert.NotNull(result.Workflow);
    }
}
