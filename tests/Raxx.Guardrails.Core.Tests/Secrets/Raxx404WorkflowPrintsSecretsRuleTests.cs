using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Secrets;

public class Raxx404WorkflowPrintsSecretsRuleTests
{
    private static Finding[] Check(string yaml)
    {
        var sink = new FindingList();
        new Raxx404WorkflowPrintsSecretsRule().Check(".github/workflows/w.yml", yaml, sink);
        return sink.Items.ToArray();
    }

    [Fact]
    public void FixtureWorkflow_Reports()
    {
        var findings = RepositoryRunner.Run(SecretFixtures.Repo(), new IRepositoryRule[] { new Raxx404WorkflowPrintsSecretsRule() });
        Assert.Equal(new[] { "15:11", "18:14", "25:11" }, findings.Select(f => $"{f.Location.StartLine}:{f.Location.StartColumn}").ToArray());
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.StartsWith("`heroku config:set` prints every KEY=value", findings[0].Message);
        Assert.Equal("`echo` prints ${{ secrets.HEROKU_API_KEY }} to the CI log; log masking is best-effort (transformed or partial values are shown in clear): pass the secret to the command that needs it through env and never print it", findings[1].Message);
        Assert.StartsWith("`set -x` traces every command", findings[2].Message);
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Where(f => f.RuleId == RuleIds.Raxx404).Select(f => $"{f.Location} {f.Severity} {f.Fingerprint} {f.Message}"));

    [Fact]
    public void AfterRaxx402_SameFindingsAsAlone()
    {
        var alone = RepositoryRunner.Run(SecretFixtures.Repo(), new IRepositoryRule[] { new Raxx404WorkflowPrintsSecretsRule() });
        var after = RepositoryRunner.Run(SecretFixtures.Repo(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule(), new Raxx404WorkflowPrintsSecretsRule() });

        Assert.Equal(3, alone.Count);
        Assert.Equal(Describe(alone), Describe(after));
    }

    [Fact]
    public void AfterRaxx402_ChecksTheTextRaxx402Read_WithoutReadingTheWorkflowAgain()
    {
        using var temp = new TempDirectory("raxx404");
        temp.Write(".github/workflows/ci.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku config:set A=\"$A\" -a app\n");
        var context = RepositoryContext.Open(temp.Path);
        RepositoryRunner.Run(context, new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() });
        // changed on disk after RAXX402 read it: RAXX404 judges the text RAXX402 read (one read of each workflow per run)
        temp.Write(".github/workflows/ci.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n");

        var findings = RepositoryRunner.Run(context, new IRepositoryRule[] { new Raxx404WorkflowPrintsSecretsRule() });

        Assert.Equal(new[] { (RuleIds.Raxx404, 6, 14) }, findings.Select(f => (f.RuleId, f.Location.StartLine, f.Location.StartColumn)));
        // a new context (a new run) reads the file again
        Assert.Empty(RepositoryRunner.Run(RepositoryContext.Open(temp.Path), new IRepositoryRule[] { new Raxx404WorkflowPrintsSecretsRule() }));
    }

    [Fact]
    public void Raxx404ConfiguredOff_Raxx402KeepsNothingForIt()
    {
        using var temp = new TempDirectory("raxx404");
        temp.Write(".github/workflows/ci.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: heroku config:set A=\"$A\" -a app\n");
        var config = new RepositoryConfig();
        config.Severities[RuleIds.Raxx404] = FindingSeverity.None;
        var off = RepositoryContext.Open(temp.Path, config);
        var on = RepositoryContext.Open(temp.Path);

        RepositoryRunner.Run(off, new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() });
        RepositoryRunner.Run(on, new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() });

        Assert.Null(CredentialScanCache.RecallWorkflowFindings(off, off.GetFile(".github/workflows/ci.yml")!));
        Assert.Single(CredentialScanCache.RecallWorkflowFindings(on, on.GetFile(".github/workflows/ci.yml")!)!);
    }

    [Fact]
    public void HerokuConfigSetUnsilenced_Reports()
    {
        var findings = Check("""
            jobs:
              d:
                steps:
                  - run: heroku config:set KEY="$VALUE" -a app
            """);
        Assert.Single(findings);
        Assert.Equal(4, findings[0].Location.StartLine);
        Assert.Equal(14, findings[0].Location.StartColumn);
        Assert.Equal(14 + 17, findings[0].Location.EndColumn);
    }

    [Fact]
    public void HerokuConfigSetSilenced_NoReport()
    {
        Assert.Empty(Check("""
            jobs:
              d:
                steps:
                  - run: heroku config:set KEY="$VALUE" -a app >/dev/null 2>&1
                  - run: |
                      heroku config:set \
                        A="$A" B="$B" \
                        -a app > /dev/null
            """));
    }

    [Fact]
    public void EchoEnvBoundToSecret_Reports()
    {
        var findings = Check("""
            jobs:
              d:
                env:
                  TOKEN: ${{ secrets.TOKEN }}
                steps:
                  - run: |
                      ./build.sh && echo "using ${TOKEN}"
            """);
        Assert.Single(findings);
        Assert.Equal("`echo` prints $TOKEN to the CI log; log masking is best-effort (transformed or partial values are shown in clear): pass the secret to the command that needs it through env and never print it", findings[0].Message);
        Assert.Equal(7, findings[0].Location.StartLine);
    }

    [Fact]
    public void EchoRedirectedPipedMaskedOrNotSecret_NoReport()
    {
        Assert.Empty(Check("""
            jobs:
              d:
                env:
                  TOKEN: ${{ secrets.TOKEN }}
                  LEVEL: info
                steps:
                  - run: echo "TOKEN=${{ secrets.TOKEN }}" >> "$GITHUB_ENV"
                  - run: echo "$TOKEN" | docker login --password-stdin
                  - run: echo "::add-mask::$TOKEN"
                  - run: echo "level $LEVEL"
            """));
    }

    [Fact]
    public void SetXBeforeSecretUse_Reports_SetXOffBefore_NoReport()
    {
        var findings = Check("""
            jobs:
              d:
                steps:
                  - run: |
                      set -ex
                      deploy --token "${{ secrets.DEPLOY_TOKEN }}"
                  - run: |
                      set -x
                      make
                      set +x
                      deploy --token "${{ secrets.DEPLOY_TOKEN }}"
            """);
        Assert.Single(findings);
        Assert.Equal(5, findings[0].Location.StartLine);
    }
}
