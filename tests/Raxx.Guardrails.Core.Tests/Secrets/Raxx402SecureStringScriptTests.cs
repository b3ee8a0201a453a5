using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// RAXX402 on PowerShell that turns a plain-text literal into a SecureString (ConvertTo-SecureString … -AsPlainText): in a
/// script, a module and a workflow's pwsh step, reported at the literal's own line and column, redacted; the same step
/// reading a workflow secret is clean. Values are fake.
/// </summary>
public sealed class Raxx402SecureStringScriptTests : IDisposable
{
    private const string Password = "P@ssw0rd!2024";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void PlainTextSecureStrings_Report_AtTheLiteral_Redacted()
    {
        _repo.Write("scripts/deploy.ps1", "param([string]$Target)\n$sec = ConvertTo-SecureString `\n    -String '" + Password + "' `\n    -AsPlainText -Force\n$cred = [pscredential]::new('deploy', $sec)\n")
            .Write("modules/Lab.psm1", "function Get-LabCredential {\n    [pscredential]::new('lab', ('Tq4!zWm8Lp2x' | ConvertTo-SecureString -AsPlainText -Force))\n}\n")
            .Write(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n        run: |\n          $a = ConvertTo-SecureString '${{ secrets.DEPLOY_PASSWORD }}' -AsPlainText -Force\n          $b = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force\n          $c = ConvertTo-SecureString '" + Password + "' -AsPlainText -Force\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { (".github/workflows/deploy.yml", 9, 40), ("modules/Lab.psm1", 2, 34), ("scripts/deploy.ps1", 3, 14) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        foreach (var f in findings)
        {
            Assert.DoesNotContain(Password, f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Tq4!zWm8Lp2x", f.Message, StringComparison.Ordinal);
            Assert.Contains("assigned to 'ConvertTo-SecureString -AsPlainText'", f.Message, StringComparison.Ordinal);
        }
        Assert.Contains("'P@…' (13 chars)", findings[2].Message, StringComparison.Ordinal);
    }
}
