using System.Linq;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class Raxx502RefConditionContradictsTriggerTests
{
    private const string TrademasterConfig = """{ "packages": { ".": { "package-name": "trademaster-api" } } }""";

    private static string Workflow(string tags, string jobIf, string extraTriggers = "", string stepIf = "true", string environment = "production") => $$"""
        on:
          push:
            tags: ['{{tags}}']
        {{extraTriggers}}
        jobs:
          deploy:
            if: {{jobIf}}
            runs-on: ubuntu-latest
            environment: {{environment}}
            steps:
              - name: Ship
                if: {{stepIf}}
                run: ./ship.sh
        """;

    [Fact]
    public void IncidentCondition_WithReleaseTool_Reports_AtTheIf()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*.*.*", "startsWith(github.ref, 'refs/tags/v')"));
        var finding = Assert.Single(repo.Run("RAXX502"));
        Assert.Equal((7, 9, 7, 46), (finding.Location.StartLine, finding.Location.StartColumn, finding.Location.EndLine, finding.Location.EndColumn));
        Assert.Equal(
            "job 'deploy' in deploy.yml never runs: its condition 'startsWith(github.ref, 'refs/tags/v')' is false for a push of release tag 'trademaster-api-v1.10.1'. " +
            "Compare with the release tags, e.g. startsWith(github.ref, 'refs/tags/trademaster-api-v').",
            finding.Message);
    }

    [Fact]
    public void IncidentCondition_EvenWhenTriggerIsAlsoWrong_Reports()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("v*.*.*", "${{ startsWith(github.ref, 'refs/tags/v') }}"));
        Assert.Single(repo.Run("RAXX502"));
    }

    [Fact]
    public void FixedCondition_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*.*.*", "startsWith(github.ref, 'refs/tags/trademaster-api-v')"));
        Assert.Empty(repo.Run("RAXX502"));
    }

    [Fact]
    public void WithoutReleaseTool_ConditionAgreesWithTrigger_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("v*.*.*", "startsWith(github.ref, 'refs/tags/v')"));
        Assert.Empty(repo.Run("RAXX502"));
    }

    [Fact]
    public void WithoutReleaseTool_ConditionContradictsTrigger_Reports()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("release-*", "startsWith(github.ref_name, 'v')"));
        var finding = Assert.Single(repo.Run("RAXX502"));
        Assert.Contains("a tag push of a tag starting with 'release-'", finding.Message);
    }

    [Fact]
    public void WithoutReleaseTool_NarrowerCondition_IsUnknown_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("v*", "startsWith(github.ref, 'refs/tags/v2.')"));
        Assert.Empty(repo.Run("RAXX502"));
    }

    [Fact]
    public void BranchCondition_OnTagOnlyTrigger_Reports()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("v*", "github.ref == 'refs/heads/main'"));
        Assert.Single(repo.Run("RAXX502"));
    }

    [Fact]
    public void OtherTriggerWithUnknownRef_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*", "startsWith(github.ref, 'refs/tags/v')", "  workflow_dispatch:"));
        Assert.Empty(repo.Run("RAXX502"));
    }

    [Fact]
    public void UnknownOperand_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*", "inputs.force || startsWith(github.ref, 'refs/tags/v')"));
        Assert.Empty(repo.Run("RAXX502"));
    }

    [Fact]
    public void StepCondition_Reports_AtTheStepIf()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*", "github.ref_type == 'tag'", stepIf: "github.ref_type == 'branch'"));
        var finding = Assert.Single(repo.Run("RAXX502"));
        Assert.Equal(12, finding.Location.StartLine);
        Assert.StartsWith("step 'Ship' of job 'deploy' in deploy.yml never runs", finding.Message);
    }

    [Fact]
    public void EnvironmentExpression_AlwaysNonProduction_Reports()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*", "true",
                environment: "${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}"));
        var finding = Assert.Single(repo.Run("RAXX502"));
        Assert.Equal(9, finding.Location.StartLine);
        Assert.StartsWith("job 'deploy' in deploy.yml always deploys to 'staging', never to 'production'", finding.Message);
    }

    [Fact]
    public void EnvironmentExpression_ChoosesProduction_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig)
            .Workflow("deploy.yml", Workflow("trademaster-api-v*", "true",
                environment: "${{ startsWith(github.ref, 'refs/tags/trademaster-api-v') && 'production' || 'staging' }}"));
        Assert.Empty(repo.Run("RAXX502"));
    }

    [Fact]
    public void ReleaseEvent_TagNameCondition_Reports()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("deploy.yml", """
            on:
              release:
                types: [published]
            jobs:
              deploy:
                if: startsWith(github.event.release.tag_name, 'v')
                runs-on: ubuntu-latest
                steps: [{ run: x }]
            """);
        var finding = Assert.Single(repo.Run("RAXX502"));
        Assert.Contains("a release of release tag 'trademaster-api-v1.10.1'", finding.Message);
    }

    [Fact]
    public void NotTagTriggered_NoReport()
    {
        using var repo = new DeployRepo().ReleasePlease(TrademasterConfig).Workflow("ci.yml", """
            on: [push]
            jobs:
              deploy:
                if: startsWith(github.ref, 'refs/tags/v')
                runs-on: ubuntu-latest
                steps: [{ run: x }]
            """);
        Assert.Empty(repo.Run("RAXX502"));
    }
}

public sealed class Raxx502NonRefConditionTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("${{ false }}")]
    [InlineData("github.event_name == 'schedule'")]
    [InlineData("false && startsWith(github.ref, 'refs/tags/v')")]
    public void ConstantOrNonRefCondition_NoReport(string condition)
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", $"on:\n  push:\n    tags: ['api-v*']\njobs:\n  d:\n    if: {condition}\n    runs-on: x\n    steps: [{{ run: x }}]\n");
        Assert.Empty(repo.Run("RAXX502"));
    }
}
