using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class Raxx505ProductionDeployWithoutGateTests
{
    private static string Workflow(string on, string environment = "production", string jobIf = "") => $$"""
        on:
        {{on}}
        jobs:
          deploy:
            runs-on: ubuntu-latest
        {{(jobIf.Length > 0 ? "    if: " + jobIf : "")}}
            environment: {{environment}}
            steps: [{ run: ./deploy.sh }]
        """;

    [Fact]
    public void TagPushToProduction_Reports_AtTheEnvironment()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("  push:\n    tags: ['v*']"));
        var finding = Assert.Single(repo.Run("RAXX505"));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal((8, 18, 8, 28), (finding.Location.StartLine, finding.Location.StartColumn, finding.Location.EndLine, finding.Location.EndColumn));
        Assert.StartsWith("job 'deploy' in deploy.yml deploys to 'production' automatically on a tag push of a tag starting with 'v', with no manual gate.", finding.Message);
    }

    [Theory]
    [InlineData("  push:\n    branches: [main]", "production")]
    [InlineData("  release:\n    types: [published]", "prod-eu")]
    [InlineData("  push:\n    branches: [main]\n  workflow_dispatch:", "Production")]
    [InlineData("  push:\n    branches: [main]", "{ name: live, url: 'https://x' }")]
    public void AutomaticProductionDeploys_Report(string on, string environment)
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow(on, environment));
        Assert.Single(repo.Run("RAXX505"));
    }

    [Fact]
    public void DispatchOnlyJob_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml",
            Workflow("  push:\n    tags: ['v*']\n  workflow_dispatch:", jobIf: "github.event_name == 'workflow_dispatch'"));
        Assert.Empty(repo.Run("RAXX505"));
    }

    [Fact]
    public void DispatchOnlyWorkflow_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("  workflow_dispatch:"));
        Assert.Empty(repo.Run("RAXX505"));
    }

    [Fact]
    public void StagingEnvironment_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("  push:\n    tags: ['v*']", "staging"));
        Assert.Empty(repo.Run("RAXX505"));
    }

    [Fact]
    public void DeclaredProtectedEnvironment_NoReport()
    {
        using var repo = new DeployRepo().DeploySection("deploy:\n  protected_environments: [production]\n")
            .Workflow("deploy.yml", Workflow("  push:\n    tags: ['v*']"));
        Assert.Empty(repo.Run("RAXX505"));
    }

    [Fact]
    public void UnknownEnvironmentExpression_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy.yml", Workflow("  push:\n    tags: ['v*']", "${{ inputs.environment }}"));
        Assert.Empty(repo.Run("RAXX505"));
    }
}

public sealed class Raxx505ReusableWorkflowTests
{
    private const string Callee = """
        on:
          workflow_call:
        jobs:
          ship:
            runs-on: ubuntu-latest
            environment: production
            steps: [{ run: ./deploy.sh }]
        """;

    [Fact]
    public void LocalReusableWorkflowDeployingToProduction_Reports_AtTheCallersUses()
    {
        using var repo = new DeployRepo().Workflow("deploy-prod.yml", Callee).Workflow("release.yml", """
            on:
              push:
                tags: ['v*']
            jobs:
              prod:
                uses: ./.github/workflows/deploy-prod.yml
                secrets: inherit
            """);
        var finding = Assert.Single(repo.Run("RAXX505"));
        Assert.Equal(".github/workflows/release.yml", finding.Location.Path);
        Assert.Equal(6, finding.Location.StartLine);
        Assert.StartsWith("job 'prod' in release.yml calls deploy-prod.yml, whose job 'ship' deploys to 'production' automatically", finding.Message);
    }

    [Fact]
    public void GatedCall_NoReport()
    {
        using var repo = new DeployRepo().Workflow("deploy-prod.yml", Callee).Workflow("release.yml", """
            on:
              push:
                tags: ['v*']
              workflow_dispatch:
            jobs:
              prod:
                if: github.event_name == 'workflow_dispatch'
                uses: ./.github/workflows/deploy-prod.yml
            """);
        Assert.Empty(repo.Run("RAXX505"));
    }

    [Fact]
    public void OtherRepositoryWorkflow_NoReport()
    {
        using var repo = new DeployRepo().Workflow("release.yml", """
            on:
              push:
                tags: ['v*']
            jobs:
              prod:
                uses: raxx-app/shared/.github/workflows/deploy.yml@v1
            """);
        Assert.Empty(repo.Run("RAXX505"));
    }
}
