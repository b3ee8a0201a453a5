using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// RAXX402 on a PowerShell script building a NetworkCredential over several lines: reported at the password's own line
/// and column, redacted. C# sources are RAXX401's (the analyzer reads the syntax), so the same call in a .cs file is not
/// RAXX402's. Values are fake.
/// </summary>
public sealed class Raxx402NetworkCredentialScriptTests : IDisposable
{
    private const string Password = "q8ZxL2mVt7RwN4pYk9HbJ3sC";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void MultiLineCallInAScript_Reports_AtThePasswordLine_Redacted()
    {
        _repo.Write("scripts/deploy.ps1", "param([string]$Target)\n$cred = New-Object System.Net.NetworkCredential( `\n    'deploy', `\n    '" + Password + "')\nInvoke-Deploy -Credential $cred\n")
            .Write("src/Mailer.cs", "var cred = new NetworkCredential(\n    \"deploy\",\n    \"" + Password + "\");\n");
        var finding = Assert.Single(RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() }));
        Assert.Equal("scripts/deploy.ps1", finding.Location.Path);
        Assert.Equal((4, 6, 4, 6 + Password.Length), (finding.Location.StartLine, finding.Location.StartColumn, finding.Location.EndLine, finding.Location.EndColumn));
        Assert.DoesNotContain(Password, finding.Message, StringComparison.Ordinal);
        Assert.Contains("'q8Zx…' (24 chars) assigned to 'password'", finding.Message, StringComparison.Ordinal);
    }
}
