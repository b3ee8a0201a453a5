using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Visual Basic sources are RAXX402's (RAXX401 is a C# analyzer, so no other rule reads them): provider tokens, a
/// NetworkCredential password (VB's <c>password:=</c> too), <c>password = "…"</c> assignments and typed declarations
/// (<c>Private Const ApiSecret As String = "…"</c>) are reported, redacted. Values are fake.
/// </summary>
public sealed class Raxx402VisualBasicFileTests : IDisposable
{
    private const string Password = "Xk9#mP2$vL8qR4wZ";
    private const string GitHubToken = "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";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void VisualBasicSource_Reports()
    {
        _repo.Write("src/Mailer.vb", "Imports System.Net\nModule Mailer\n    Dim Cred As New NetworkCredential(userName:=\"mailer\",\n        password:=\"" + Password + "\")\n    Const Token = \"" + GitHubToken + "\"\n    Private Const ApiSecret As String = \"k7QpL2mZx9RtWv4YbN8cJ3\"\nEnd Module\n")
            .Write("src/Clean.vb", "Module Clean\n    Dim Cred As New NetworkCredential(\"mailer\", Environment.GetEnvironmentVariable(\"SMTP_PASSWORD\"))\nEnd Module\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.StartLine).ToArray();
        Assert.Equal(new[] { ("src/Mailer.vb", 4, 20), ("src/Mailer.vb", 5, 20), ("src/Mailer.vb", 6, 42) }, findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        Assert.All(findings, f => Assert.DoesNotContain(Password, f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain(GitHubToken, f.Message, StringComparison.Ordinal));
        Assert.Contains("assigned to 'ApiSecret'", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VisualBasicSource_IsAScannedTextFile_CSharpIsNot()
    {
        Assert.True(CredentialRuleSupport.IsScannedTextFile("src/Mailer.vb"));
        Assert.True(CredentialRuleSupport.IsScannedTextFile("src/MAILER.VB"));
        Assert.False(CredentialRuleSupport.IsScannedTextFile("src/Mailer.cs"));
    }
}
