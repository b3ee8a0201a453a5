using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Deploy;

/// <summary>samples/incidents/08-release-pipeline-hygiene: RAXX503–506 exactly as its EXPECTED lists; the fixed twin passes every repository rule.</summary>
public sealed class Incident08ReleasePipelineHygieneTests
{
    private static readonly string IncidentRoot = RepoPaths.Combine("samples", "incidents", "08-release-pipeline-hygiene");

    private static Finding[] RunAllRules(string root) =>
        RepositoryRunner.Run(RepositoryContext.Open(root, RepositoryConfigLoader.LoadFromRoot(root, new FindingList()))).ToArray();

    [Fact]
    public void Incident08_Reports_ExactlyTheExpectedFindings()
    {
        var expected = File.ReadAllLines(Path.Combine(IncidentRoot, "EXPECTED")).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var findings = RunAllRules(IncidentRoot);
        var actual = findings.Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.StartLine}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(actual), "expected:\n" + string.Join("\n", expected) + "\nactual:\n" + DeployRepo.Show(findings));
    }

    [Fact]
    public void Incident08Fixed_AllRepositoryRules_NoReport()
    {
        var findings = RunAllRules(Path.Combine(IncidentRoot, "fixed"));
        Assert.True(findings.Length == 0, DeployRepo.Show(findings));
    }
}
