using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Flags;
using Raxx.Guardrails.Core.Flags.Rules;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Flags;

public sealed class Raxx306FlagsFileCopyDriftRuleTests : IDisposable
{
    private const string Canonical = "flags:\n  console_nav_v2:\n    default: false\n  webauthn_registration:\n    default: false\n";
    private readonly TempDirectory _temp = new("flags");

    public void Dispose() => _temp.Dispose();

    private RepositoryContext Repo(params (string Path, string Text)[] files)
    {
        var list = files.Select(f =>
        {
            var full = _temp.Combine(f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, f.Text);
            return new RepositoryFile(f.Path, full, f.Text.Length, isTracked: true);
        });
        return RepositoryContext.FromFiles(_temp.Path, list, isGit: true);
    }

    private static Finding[] Run(RepositoryContext context)
    {
        var sink = new FindingList();
        new Raxx306FlagsFileCopyDriftRule().Run(context, sink);
        return sink.Items.ToArray();
    }

    [Fact]
    public void StaleCopy_Reports_FirstDifferingFlagWithLine()
    {
        var stale = "flags:\n  console_nav_v2:\n    default: true\n";
        var findings = Run(Repo(("api/Api.csproj", "<Project />"), ("api/feature_flags.yaml", Canonical), ("console/config/feature_flags.yaml", stale)));
        var finding = Assert.Single(findings);
        Assert.Equal("RAXX306", finding.RuleId);
        Assert.Equal("console/config/feature_flags.yaml", finding.Location.Path);
        Assert.Equal(2, finding.Location.StartLine);
        Assert.Contains("api/feature_flags.yaml", finding.Message, StringComparison.Ordinal);
        Assert.Contains("flag 'console_nav_v2' has default true in the copy but false in the canonical file", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyMissingAFlag_Reports()
    {
        var copy = "flags:\n  console_nav_v2:\n    default: false\n";
        var finding = Assert.Single(Run(Repo(("feature_flags.yaml", Canonical), ("deploy/toggles-flags.yml", copy))));
        Assert.Contains("flag 'webauthn_registration' (canonical line 4) is missing from the copy", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdenticalCopyOrUnrelatedYaml_NoReport()
    {
        var findings = Run(Repo(
            ("api/Api.csproj", "<Project />"),
            ("api/feature_flags.yaml", Canonical),
            ("console/config/feature_flags.yaml", Canonical.Replace("\n", "\r\n")),
            ("ops/other-flags.yaml", "flags:\n  unrelated:\n    default: true\n"),
            (".github/workflows/ci.yaml", "on: push\n")));
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_SameFlagsDifferentText_FirstDifferingLine()
    {
        var d = FlagsFileComparison.Compare(Canonical, "# copy\n" + Canonical.Substring(0));
        Assert.NotNull(d);
        Assert.Null(d!.Flag);
        Assert.Equal(1, d.Line);
        Assert.Null(FlagsFileComparison.Compare(Canonical, "\uFEFF" + Canonical));
    }
}
