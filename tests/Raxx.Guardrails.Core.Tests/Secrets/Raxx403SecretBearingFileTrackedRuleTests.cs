using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;

namespace Raxx.Guardrails.Core.Tests.Secrets;

public class Raxx403SecretBearingFileTrackedRuleTests
{
    private static Finding[] Run(RepositoryContext context) =>
        RepositoryRunner.Run(context, new IRepositoryRule[] { new Raxx403SecretBearingFileTrackedRule() }).ToArray();

    [Fact]
    public void EnvWithValues_PrivateKeyFile_InstanceConfig_Reports()
    {
        var findings = Run(SecretFixtures.Repo());
        Assert.Equal(new[] { ".env", "instance/config.json", "keys/deploy.pem" }, findings.Select(f => f.Location.Path).ToArray());
        Assert.All(findings, f => Assert.Equal(1, f.Location.StartLine));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        var env = findings[0];
        Assert.Equal(".env file .env is tracked by git and holds 2 secret values ('5b1d…' (36 chars), '9c4e…' (64 chars)); remove it (git rm --cached), ignore it, track a .env.example with placeholders instead and rotate the values", env.Message);
    }

    [Fact]
    public void EnvExampleWithPlaceholders_PublicKey_PlainConfig_NoReport()
    {
        var paths = Run(SecretFixtures.Repo()).Select(f => f.Location.Path).ToArray();
        Assert.DoesNotContain(".env.example", paths);
        Assert.DoesNotContain("certs/public.pem", paths);
        Assert.DoesNotContain("appsettings.Production.json", paths);
    }

    [Fact]
    public void UntrackedButNotIgnored_Reports_WithState()
    {
        var context = SecretFixtures.Open(SecretFixtures.Path("secrets", "repo"), rel => rel == ".env" ? false : true);
        var env = Run(context).Single(f => f.Location.Path == ".env");
        Assert.Contains("is not git-ignored", env.Message);
    }

    [Fact]
    public void OutsideAGitWorkTree_Reports_WithoutClaimingGitState()
    {
        var context = SecretFixtures.Open(SecretFixtures.Path("secrets", "repo"), _ => null);
        var findings = Run(context);
        Assert.Equal(new[] { ".env", "instance/config.json", "keys/deploy.pem" }, findings.Select(f => f.Location.Path).ToArray());
        Assert.All(findings, f => Assert.DoesNotContain("tracked by git", f.Message, System.StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("is not git-ignored", f.Message, System.StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains("not a git work tree", f.Message, System.StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal("unknown", f.Properties["tracked"]));
    }
}
