using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>The repository rules on samples/incidents/04-credential-literals (EXPECTED) and on the companion (clean).</summary>
public class Raxx40xIncidentTests
{
    private static readonly string Incident = RepoPaths.Combine("samples", "incidents", "04-credential-literals");

    private static string[] Run(string root) =>
        RepositoryRunner.Run(SecretFixtures.Open(root), RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX40", StringComparison.Ordinal)))
            .Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.StartLine}")
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Incident04_RepositoryRules_Reports_AsExpected()
    {
        var expected = File.ReadAllLines(Path.Combine(Incident, "EXPECTED"))
            .Where(l => l.Length > 0 && !l.StartsWith("RAXX401", StringComparison.Ordinal))
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, Run(Incident));
    }

    [Fact]
    public void Incident04_Findings_AreRedacted()
    {
        var findings = RepositoryRunner.Run(SecretFixtures.Open(Incident), RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX40", StringComparison.Ordinal)));
        Assert.All(findings, f => Assert.DoesNotContain("1873b7f9e0709b0e5cd0", f.Message, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == "RAXX402" && f.Message.Contains("'1873…' (64 chars) assigned to 'BOOTSTRAP_TOKEN_SIGNING_KEY'", StringComparison.Ordinal));
    }

    [Fact]
    public void Companion_RepositoryRules_NoReport() =>
        Assert.Empty(Run(RepoPaths.Combine("samples", "Raxx.Companion")));
}
