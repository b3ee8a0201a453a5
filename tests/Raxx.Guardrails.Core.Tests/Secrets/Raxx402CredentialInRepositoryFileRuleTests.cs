using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;

namespace Raxx.Guardrails.Core.Tests.Secrets;

public class Raxx402CredentialInRepositoryFileRuleTests
{
    private static Finding[] Run() =>
        RepositoryRunner.Run(SecretFixtures.Repo(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() }).ToArray();

    [Fact]
    public void CredentialsInConfigScriptsAndDockerfiles_Reports()
    {
        var findings = Run();
        var located = findings.Select(f => $"{f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}").ToArray();
        Assert.Equal(new[]
        {
            ".env:3:16",
            ".env:4:29",
            "appsettings.Production.json:5:19",
            "config/web.config:4:30",
            "deploy.sh:3:21",
            "Dockerfile:3:33",
            "instance/config.json:2:38",
        }.OrderBy(x => x, System.StringComparer.Ordinal), located.OrderBy(x => x, System.StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
    }

    [Fact]
    public void Message_IsRedacted_AndNamesKeyAndFix()
    {
        var finding = Run().Single(f => f.Location.Path == "deploy.sh");
        Assert.Equal("Credential in deploy.sh: github credential 'ghp_…' (40 chars) assigned to 'GITHUB_TOKEN'; remove it from the repository, set it as a deployment/CI secret read from the environment, and rotate it", finding.Message);
        Assert.Equal(3, finding.Location.StartLine);
        Assert.Equal(21 + 40, finding.Location.EndColumn);
    }

    [Fact]
    public void EveryMessage_IsThePathTheDescriptionAndTheFix()
    {
        // the message is built in one piece (no description string per finding); it must read as Describe() does, and
        // the per-file prefix must never carry over to the next file (.env has two findings, then other files)
        var advice = "; remove it from the repository, set it as a deployment/CI secret read from the environment, and rotate it";
        var findings = Run();
        Assert.Equal(2, findings.Count(f => f.Location.Path == ".env"));
        var context = SecretFixtures.Repo();
        foreach (var finding in findings)
        {
            var text = System.IO.File.ReadAllText(System.IO.Path.Combine(context.Root, finding.Location.Path));
            var match = Raxx.Guardrails.Core.Secrets.SecretScanner.Scan(text)
                .Single(m => m.Line == finding.Location.StartLine && m.Column == finding.Location.StartColumn);
            Assert.Equal($"Credential in {finding.Location.Path}: {match.Describe()}{advice}", finding.Message);
        }
    }

    [Fact]
    public void Properties_AreProviderKindAndFingerprint_InThatOrder()
    {
        var finding = Run().Single(f => f.Location.Path == "deploy.sh");
        var properties = finding.Properties;
        Assert.Equal(new[] { "provider", "kind", "fingerprint" }, properties.Select(p => p.Key));
        Assert.Equal(new[] { "provider", "kind", "fingerprint" }, properties.Keys);
        Assert.Equal(properties.Select(p => p.Value), properties.Values);
        Assert.Equal(3, properties.Count);
        Assert.Equal("github", properties["provider"]);
        Assert.Equal("Provider", properties["kind"]);
        Assert.Equal(32, properties["fingerprint"].Length);
        Assert.Equal("credential:github:" + properties["fingerprint"], finding.FingerprintMaterial);
        Assert.True(properties.ContainsKey("kind"));
        Assert.False(properties.ContainsKey("Kind")); // ordinal, as the dictionary it replaces
        Assert.False(properties.TryGetValue("tracked", out _));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => properties["tracked"]);
        Assert.Throws<System.ArgumentNullException>(() => properties.ContainsKey(null!));
    }

    [Fact]
    public void TemplatesPlaceholdersIdsCSharpDocsKeyFilesSuppressedAndBaselined_NoReport()
    {
        var paths = Run().Select(f => f.Location.Path).ToHashSet();
        Assert.DoesNotContain(".env.example", paths);
        Assert.DoesNotContain("appsettings.json", paths);
        Assert.DoesNotContain("src/Settings.cs", paths);
        Assert.DoesNotContain("docs/setup.md", paths);
        Assert.DoesNotContain("keys/deploy.pem", paths);
        Assert.DoesNotContain("certs/public.pem", paths);
        Assert.DoesNotContain("config/settings.yaml", paths);
        Assert.DoesNotContain("config/baselined.yaml", paths);
        Assert.DoesNotContain(".github/workflows/deploy.yml", paths);
    }

    [Fact]
    public void LargeFile_IsSkipped_NoReport()
    {
        var context = SecretFixtures.Repo();
        context.MaxTextFileBytes = 16;
        Assert.Empty(RepositoryRunner.Run(context, new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() }));
    }
}
