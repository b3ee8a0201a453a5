using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Action;

/// <summary>
/// Runs the composite action's steps (ci-actions/guardrails/run.sh) as a script, the way the runner would:
/// inputs as INPUT_* variables, GITHUB_STEP_SUMMARY / GITHUB_OUTPUT / GITHUB_ENV pointing at temp files,
/// with the CLI the solution build produced.
/// </summary>
[Collection(DotnetCollection.Name)]
public sealed class ActionScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new("action");
    private readonly string _repo;

    public ActionScriptTests()
    {
        _repo = _temp.Combine("repo");
        Directory.CreateDirectory(Path.Combine(_repo, "notes"));
        File.WriteAllText(Path.Combine(_repo, "notes", "deploy.txt"), "release notes\n  TAG-MISMATCH here\nand DEPLOY-ON-PUSH there\n");
        File.WriteAllText(Path.Combine(_repo, "README.md"), "fixture\n");
    }

    public void Dispose() => _temp.Dispose();

    private static string Cli => RepoPaths.Combine("ci-actions", "Raxx.Guardrails.Cli", "bin", RepoPaths.Configuration, "net10.0", "raxx-guardrails.dll");

    private (ProcessResult Result, string Summary, string Outputs) RunAction(string failOn)
    {
        var summary = _temp.Combine("summary.md");
        var outputs = _temp.Combine("output.txt");
        var env = _temp.Combine("env.txt");
        File.WriteAllText(summary, string.Empty);
        File.WriteAllText(outputs, string.Empty);
        var environment = new Dictionary<string, string?>
        {
            ["RAXX_GUARDRAILS_CLI"] = Cli,
            ["INPUT_PATH"] = _repo,
            ["INPUT_BUILD"] = "false",
            ["INPUT_FAIL_ON"] = failOn,
            ["INPUT_SARIF_OUTPUT"] = Path.Combine(_repo, "out.sarif"),
            ["INPUT_ARGS"] = "--rules-assembly " + typeof(ActionFixtureRule).Assembly.Location,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_OUTPUT"] = outputs,
            ["GITHUB_ENV"] = env,
            ["GITHUB_WORKSPACE"] = _repo,
            ["RUNNER_TEMP"] = _temp.Path,
        };
        var result = DotnetCli.RunProcess("bash", _repo, new[] { RepoPaths.Combine("ci-actions", "guardrails", "run.sh"), "all" }, environment, TimeSpan.FromMinutes(3));
        return (result, File.ReadAllText(summary), File.ReadAllText(outputs));
    }

    [Fact]
    public void Action_Annotates_Summarizes_SetsOutputs_FailsOnError()
    {
        Assert.True(File.Exists(Cli), "the CLI is built by the solution build: " + Cli);
        var (result, summary, outputs) = RunAction("error");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            "::error file=notes/deploy.txt,line=2,col=3,endLine=2,endColumn=15,title=RAXX501::100%25 of tags, e.g. 'v1.2.3': none match%0Asecond line%0ADocs: https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX501.md\n",
            result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("::warning file=notes/deploy.txt,line=3,col=5,endLine=3,endColumn=19,title=RAXX505::production deploy runs on push without a manual gate", result.StandardOutput, StringComparison.Ordinal);

        Assert.Contains("| [RAXX501](https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX501.md) | error | 1 |", summary, StringComparison.Ordinal);
        Assert.Contains("| [RAXX505](https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/RAXX505.md) | warning | 1 |", summary, StringComparison.Ordinal);

        var sarif = Path.Combine(_repo, "out.sarif");
        Assert.Contains("sarif=" + sarif + "\n", outputs, StringComparison.Ordinal);
        Assert.Contains("failed=true\n", outputs, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"RAXX501\"", File.ReadAllText(sarif), StringComparison.Ordinal);
        Assert.Contains("RAXX_GUARDRAILS_CLI=" + Cli, File.ReadAllText(_temp.Combine("env.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Action_FailOnNone_Passes_ButStillAnnotates()
    {
        var (result, summary, outputs) = RunAction("none");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("title=RAXX501::", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("**2 findings (1 error, 1 warning) in 1 file.**", summary, StringComparison.Ordinal);
        Assert.Contains("failed=false\n", outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_MalformedConfig_FailsWithLocatedError()
    {
        File.WriteAllText(Path.Combine(_repo, "raxx-guardrails.yaml"), "exclude: notes/**\nseverity: [ RAXX501 ]\n");
        var (result, _, _) = RunAction("none");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("raxx-guardrails.yaml(2,11): error RAXX001: 'severity' must map rule IDs", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("::error title=raxx-guardrails::check failed with exit code 2", result.StandardOutput, StringComparison.Ordinal);
    }
}

/// <summary>
/// The action on the bundled incidents whose rules are all repository rules (no build needed): every
/// EXPECTED finding becomes an annotation at the workspace-relative path and line, the summary counts it,
/// and the step fails (fail-on: error).
/// </summary>
[Collection(DotnetCollection.Name)]
public sealed class ActionOnIncidentsTests : IDisposable
{
    private readonly TempDirectory _temp = new("action-incidents");

    public void Dispose() => _temp.Dispose();

    /// <summary>Repository rules; RAXX105 and RAXX306 also have an MSBuild-task half (build/publish output) that needs a build.</summary>
    private static bool IsFoundWithoutBuild(string ruleId) =>
        Raxx.Guardrails.Core.Rules.RuleCatalog.Find(ruleId)?.Host == Raxx.Guardrails.Core.Rules.RuleHost.Repository
        && ruleId != "RAXX105" && ruleId != "RAXX306";

    [Fact]
    public void Action_OnRepositoryRuleIncidents_AnnotatesEveryExpectedFinding()
    {
        var incidents = Directory.GetDirectories(RepoPaths.Combine("samples", "incidents"))
            .Where(d => File.Exists(Path.Combine(d, "EXPECTED")))
            .Select(d => (Dir: d, Expected: File.ReadAllLines(Path.Combine(d, "EXPECTED")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()))
            .Where(i => i.Expected.Length > 0 && i.Expected.All(l => IsFoundWithoutBuild(l.Split(' ')[0])))
            .ToArray();
        Assert.NotEmpty(incidents);

        foreach (var (dir, expected) in incidents)
        {
            var summary = _temp.Combine("summary.md");
            var outputs = _temp.Combine("output.txt");
            File.WriteAllText(summary, string.Empty);
            File.WriteAllText(outputs, string.Empty);
            var result = DotnetCli.RunProcess("bash", RepoPaths.Root, new[] { RepoPaths.Combine("ci-actions", "guardrails", "run.sh"), "all" }, new Dictionary<string, string?>
            {
                ["RAXX_GUARDRAILS_CLI"] = RepoPaths.Combine("ci-actions", "Raxx.Guardrails.Cli", "bin", RepoPaths.Configuration, "net10.0", "raxx-guardrails.dll"),
                ["INPUT_PATH"] = dir,
                ["INPUT_SARIF_OUTPUT"] = _temp.Combine("incident.sarif"),
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["GITHUB_OUTPUT"] = outputs,
                ["GITHUB_WORKSPACE"] = RepoPaths.Root,
                ["RUNNER_TEMP"] = _temp.Path,
            }, TimeSpan.FromMinutes(3));

            Assert.True(result.ExitCode == 1, result.ToString());
            var relative = Path.GetRelativePath(RepoPaths.Root, dir).Replace('\\', '/');
            var text = File.ReadAllText(summary);
            foreach (var line in expected)
            {
                var rule = line.Split(' ')[0];
                var location = line.Substring(rule.Length).Trim();
                var colon = location.LastIndexOf(':');
                var file = location.Substring(0, colon);
                var lineNumber = location.Substring(colon + 1);
                Assert.Contains($" file={relative}/{file},line={lineNumber},", result.StandardOutput, StringComparison.Ordinal);
                Assert.Contains($",title={rule}::", result.StandardOutput, StringComparison.Ordinal);
                Assert.Contains($"| [{rule}](https://github.com/raxx-app/raxx-guardrails/blob/main/docs/rules/{rule}.md) |", text, StringComparison.Ordinal);
                Assert.Contains($"`{relative}/{file}:{lineNumber}` {rule}", text, StringComparison.Ordinal);
            }
            Assert.Contains("sarif=" + _temp.Combine("incident.sarif") + "\n", File.ReadAllText(outputs), StringComparison.Ordinal);
            Assert.Contains("failed=true\n", File.ReadAllText(outputs), StringComparison.Ordinal);
        }
    }
}
