using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Deploy;

/// <summary>
/// Runs the deploy rules on the sample repositories: the incident 05 reproduction (exactly its
/// EXPECTED findings), its fixed twin and the companion layout under samples/ (no findings).
/// </summary>
public sealed class Incident05DeployTagMismatchTests
{
    private static readonly string IncidentRoot = RepoPaths.Combine("samples", "incidents", "05-deploy-tag-mismatch");

    private static Finding[] RunDeployRules(string root)
    {
        var problems = new FindingList();
        var config = RepositoryConfigLoader.LoadFromRoot(root, problems);
        Assert.Empty(problems.Items);
        var context = RepositoryContext.Open(root, config);
        var rules = RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX50", StringComparison.Ordinal));
        return RepositoryRunner.Run(context, rules).ToArray();
    }

    [Fact]
    public void Incident05_Reports_ExactlyTheExpectedFindings()
    {
        var expected = File.ReadAllLines(Path.Combine(IncidentRoot, "EXPECTED"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();
        var findings = RunDeployRules(IncidentRoot);
        var actual = findings.Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.StartLine}").ToArray();
        Assert.True(expected.SequenceEqual(actual), "expected:\n" + string.Join("\n", expected) + "\nactual:\n" + DeployRepo.Show(findings));
        Assert.Contains("'trademaster-api-v1.10.1'", findings[0].Message);
        Assert.Contains("'v*.*.*'", findings[0].Message);
        Assert.Contains("startsWith(github.ref, 'refs/tags/v')", findings[1].Message);
    }

    [Fact]
    public void Incident05Fixed_NoReport()
    {
        var findings = RunDeployRules(Path.Combine(IncidentRoot, "fixed"));
        Assert.True(findings.Length == 0, DeployRepo.Show(findings));
    }

    [Fact]
    public void Companion_NoReport()
    {
        var findings = RunDeployRules(RepoPaths.Combine("samples"));
        Assert.True(findings.Length == 0, DeployRepo.Show(findings));
    }

    [Fact]
    public void Companion_AllRepositoryRules_NoReport()
    {
        // the whole companion repository (every family's repository rules, with samples/raxx-guardrails.yaml)
        var root = RepoPaths.Combine("samples");
        var problems = new FindingList();
        var config = RepositoryConfigLoader.LoadFromRoot(root, problems);
        var findings = RepositoryRunner.Run(RepositoryContext.Open(root, config)).Concat(problems.Items).ToArray();
        Assert.True(findings.Length == 0, DeployRepo.Show(findings));
    }

    [Fact]
    public void Companion_DeployWorkflowIsCheckedAgainstItsReleaseTags()
    {
        // guard against the companion passing only because nothing was read
        var context = RepositoryContext.Open(RepoPaths.Combine("samples"));
        var model = Raxx.Guardrails.Core.Deploy.DeployModel.For(context);
        Assert.Contains(model.Workflows, w => w.FileName == "deploy.yml" && w.IsTagTriggered);
        var package = Assert.Single(model.Release.Packages);
        Assert.Equal("raxx-companion-v0.1.0", package.ExampleTag);
    }
}
