using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;

namespace Raxx.Guardrails.Core.Tests.Preflight;

/// <summary>
/// The preflight's input problems (RAXX001: the preflight section, a project's config, app.json) at the severity the
/// repository config gives RAXX001, as every other host reports them (RepositoryConfig.ConfigureProblem); a root config
/// that cannot be parsed cannot tell its severities, so its own problem stays an error.
/// </summary>
public sealed class PreflightPlannerConfigProblemsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("raxx-planner-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Finding[] Plan(string rootConfig, string? projectConfig = null)
    {
        File.WriteAllText(Path.Combine(_root, "raxx-guardrails.yaml"), rootConfig);
        File.WriteAllText(Path.Combine(_root, "app.json"), "{ \"env\": ");
        var project = Path.Combine(_root, "src", "Api");
        Directory.CreateDirectory(project);
        if (projectConfig != null)
        {
            File.WriteAllText(Path.Combine(project, "raxx-guardrails.yaml"), projectConfig);
        }
        var problems = new FindingList();
        PreflightPlanner.Plan(_root, project, Path.Combine(project, "bin", "Api.dll"), null, problems);
        return problems.Items.ToArray();
    }

    [Fact]
    public void Raxx001Warning_SectionProjectConfigAndAppJsonProblemsAreWarnings()
    {
        var problems = Plan("severities:\n  RAXX001: warning\npreflight: [oops]\n", projectConfig: "preflight: {health: [\n");

        Assert.Equal(3, problems.Length); // the project config (root config governs), the root's preflight section, app.json
        Assert.All(problems, p => Assert.Equal(("RAXX001", FindingSeverity.Warning), (p.RuleId, p.Severity)));
    }

    [Fact]
    public void Raxx001None_NoProblem()
    {
        Assert.Empty(Plan("severities:\n  RAXX001: none\npreflight: [oops]\n", projectConfig: "preflight: {health: [\n"));
    }

    [Fact]
    public void DefaultSeverity_ProblemsAreErrors()
    {
        var problems = Plan("preflight: [oops]\n");

        Assert.Equal(2, problems.Length);
        Assert.All(problems, p => Assert.Equal(("RAXX001", FindingSeverity.Error), (p.RuleId, p.Severity)));
    }

    [Fact]
    public void UnparsableRootConfig_StaysAnError_WhateverItSays()
    {
        var problems = Plan("severities:\n  RAXX001: none\n  RAXX105: [warning\n");

        // the broken config's own problem and app.json's, both errors: the defaults hold
        Assert.Equal(2, problems.Length);
        Assert.All(problems, p => Assert.Equal(("RAXX001", FindingSeverity.Error), (p.RuleId, p.Severity)));
        Assert.Contains(problems, p => p.Location.Path == "raxx-guardrails.yaml");
    }
}
