using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Secrets;

/// <summary>
/// Incident 4 end to end: the reproduction project's real build fails with RAXX401 at the line in
/// EXPECTED (analyzers from the solution build), the message is redacted, and the repository rules
/// report the rest of EXPECTED.
/// </summary>
[Collection(DotnetCollection.Name)]
public class Incident04CredentialLiteralsTests
{
    private static readonly string Folder = RepoPaths.Combine("samples", "incidents", "04-credential-literals");

    [Fact]
    public void Build_FailsWithRedactedRaxx401_AtExpectedLine_Reports()
    {
        var result = DotnetCli.Run(Folder, new[] { "build", "CredentialLiterals.csproj" }.Concat(DotnetCli.SampleBuildArgs), timeout: TimeSpan.FromMinutes(5));
        try
        {
            Assert.NotEqual(0, result.ExitCode);
            var expected = File.ReadAllLines(Path.Combine(Folder, "EXPECTED")).Single(l => l.StartsWith("RAXX401", StringComparison.Ordinal));
            var line = expected.Substring(expected.LastIndexOf(':') + 1);
            Assert.Contains($"AlpacaSettings.cs({line},", result.Output, StringComparison.Ordinal);
            Assert.Contains("error RAXX401: Credential literal: secret value 'Raxx…' (40 chars) assigned to 'ALPACA_PAPER_API_SECRET'", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("RaxxFake04Paper7Qm2", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            TryDelete(Path.Combine(Folder, "bin"));
            TryDelete(Path.Combine(Folder, "obj"));
        }
    }

    [Fact]
    public void RepositoryRules_MatchExpected_Reports()
    {
        var files = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(r => !r.StartsWith("bin/", StringComparison.Ordinal) && !r.StartsWith("obj/", StringComparison.Ordinal))
            .Select(r => new RepositoryFile(r, Path.Combine(Folder, r), new FileInfo(Path.Combine(Folder, r)).Length, true));
        var actual = RepositoryRunner.Run(RepositoryContext.FromFiles(Folder, files), RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX40", StringComparison.Ordinal)))
            .Select(f => $"{f.RuleId} {f.Location.Path}:{f.Location.StartLine}")
            .OrderBy(x => x, StringComparer.Ordinal);
        var expected = File.ReadAllLines(Path.Combine(Folder, "EXPECTED"))
            .Where(l => l.Length > 0 && !l.StartsWith("RAXX401", StringComparison.Ordinal))
            .OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
