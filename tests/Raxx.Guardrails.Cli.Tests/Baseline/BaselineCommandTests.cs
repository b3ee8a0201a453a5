using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Cli.Tests.Infrastructure;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Cli.Tests.Baseline;

/// <summary>
/// <c>baseline</c> with the real credential rules: the written file holds fingerprints only, a re-check is
/// clean, and a credential added afterwards still fails the check.
/// </summary>
public sealed class BaselineCommandTests : IDisposable
{
    // fake values shaped like the incident's credentials (context: a 64-hex signing key, a UUID Heroku key)
    private const string SigningKey = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string HerokuKey = "3f2c9a4e-7b1d-4e8a-9c6f-0d5e8b7a1c24";
    private const string NewSecret = "7c4a8d09ca3762af61e59520943dc26494f8941b7c4a8d09ca3762af61e59520";

    private readonly CliFixture _cli = new();

    public BaselineCommandTests()
    {
        _cli.Rules.AddRange(RepositoryRules.All.Where(r => r.RuleId is "RAXX402" or "RAXX403"));
        _cli.Write("deploy/app.yaml", "env:\n  BOOTSTRAP_TOKEN_SIGNING_KEY: " + SigningKey + "\n");
        _cli.Write(".env", "HEROKU_API_KEY=" + HerokuKey + "\n");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Baseline_WritesFingerprintsOnly_ThenCheckIsClean_AndANewSecretStillFails()
    {
        var (before, _, _) = _cli.Run("check");
        Assert.Equal(1, before);

        var (exit, stdout, stderr) = _cli.Run("baseline");
        Assert.Equal(0, exit);
        Assert.Contains("wrote 2 credential fingerprint(s) from 2 file(s) to .raxx-credentials.baseline", stderr, StringComparison.Ordinal);
        var written = File.ReadAllText(Path.Combine(_cli.Root, ".raxx-credentials.baseline"));
        foreach (var text in new[] { written, stdout, stderr })
        {
            Assert.DoesNotContain(SigningKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(HerokuKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SigningKey.Substring(8, 16), text, StringComparison.Ordinal);
        }
        var entries = written.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Contains(entries, e => e.Contains("deploy/app.yaml:2", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains(".env:1", StringComparison.Ordinal));

        var (after, afterOut, _) = _cli.Run("check");
        Assert.True(after == 0, afterOut);

        _cli.Write("deploy/worker.yaml", "env:\n  WORKER_API_TOKEN: " + NewSecret + "\n");
        var (again, againOut, _) = _cli.Run("check");
        Assert.Equal(1, again);
        Assert.Contains("deploy/worker.yaml", againOut, StringComparison.Ordinal);
        Assert.DoesNotContain("deploy/app.yaml", againOut, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, againOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_ConfiguredPath_IsWhereItWritesAndWhatCheckReads()
    {
        _cli.Write("raxx-guardrails.yaml", "credentials:\n  baseline: .raxx/credentials.baseline\n");
        var (exit, _, stderr) = _cli.Run("baseline");
        Assert.Equal(0, exit);
        Assert.Contains("to .raxx/credentials.baseline", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_cli.Root, ".raxx", "credentials.baseline")));
        var (after, afterOut, _) = _cli.Run("check");
        Assert.True(after == 0, afterOut);
    }

    [Fact]
    public void Baseline_OutputElsewhere_SaysCheckDoesNotReadIt()
    {
        var (exit, _, stderr) = _cli.Run("baseline", ".", "--output", "other.baseline");
        Assert.Equal(0, exit);
        Assert.Contains("check reads .raxx-credentials.baseline", stderr, StringComparison.Ordinal);
        var (after, _, _) = _cli.Run("check");
        Assert.Equal(1, after);
    }

    [Fact]
    public void Baseline_MissingDirectory_IsAUsageError()
    {
        var (exit, _, stderr) = _cli.Run("baseline", "no-such-dir");
        Assert.Equal(2, exit);
        Assert.Contains("is not a directory", stderr, StringComparison.Ordinal);
    }
}
