using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Diagnostics;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Infrastructure;

public sealed class RepositoryTests : IDisposable
{
    private readonly TempDirectory _temp = new("repo");

    public void Dispose() => _temp.Dispose();

    private void Write(string relative, string text) => _temp.Write(relative, text);

    private void Git(string args) => _temp.Git(args);

    [Fact]
    public void Open_MidMergeConflict_ListsTheConflictedFileOnce()
    {
        Write("a.txt", "base\n");
        Git("init -q -b main");
        Git("add a.txt");
        Git("commit -qm base");
        Git("checkout -q -b other");
        Write("a.txt", "other\n");
        Git("commit -qam other");
        Git("checkout -q main");
        Write("a.txt", "main\n");
        Git("commit -qam main");
        var psi = new ProcessStartInfo("git", "merge other") { WorkingDirectory = _temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        using (var merge = Process.Start(psi)!)
        {
            merge.WaitForExit();
            Assert.NotEqual(0, merge.ExitCode);
        }

        var context = RepositoryContext.Open(_temp.Path);

        Assert.Equal(new[] { "a.txt" }, context.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Open_GitRepository_ListsTrackedAndUntrackedButNotIgnored()
    {
        Write(".gitignore", "instance/\n");
        Write("a.txt", "a");
        Write("instance/config.json", "{}");
        Write("new.txt", "n");
        Git("init -q");
        Git("add .gitignore a.txt");
        Git("commit -qm init");

        var context = RepositoryContext.Open(_temp.Path);

        Assert.True(context.IsGitRepository);
        Assert.Equal(new[] { ".gitignore", "a.txt", "new.txt" }, context.Files.Select(f => f.RelativePath));
        Assert.True(context.GetFile("a.txt")!.IsTracked);
        Assert.False(context.GetFile("new.txt")!.IsTracked);
        Assert.True(context.IsIgnored("instance/config.json"));
        Assert.False(context.IsIgnored("a.txt"));
    }

    [Fact]
    public void Open_PlainFolder_WalksWithoutFollowingLinksOrBuildOutput()
    {
        Write("src/a.cs", "x");
        Write("src/.env", "KEY=value");
        Write("bin/Debug/a.dll", "x");
        Write("web/node_modules/lib/index.js", "x");
        Write("web/Obj/x.txt", "x"); // skipped folder names match in any case, as before
        Directory.CreateSymbolicLink(_temp.Combine("src", "loop"), _temp.Path);
        File.CreateSymbolicLink(_temp.Combine("src", "link.cs"), _temp.Combine("src", "a.cs"));
        File.CreateSymbolicLink(_temp.Combine("src", "dangling.cs"), _temp.Combine("nowhere.cs"));

        var context = RepositoryContext.Open(_temp.Path);

        Assert.False(context.IsGitRepository);
        Assert.Equal(new[] { "src/.env", "src/a.cs" }, context.Files.Select(f => f.RelativePath));
        Assert.Null(context.GetFile("src/a.cs")!.IsTracked);
        // the length is asked when first used (the walk does not stat every file)
        Assert.Equal(9, context.GetFile("src/.env")!.Length);
        File.Delete(_temp.Combine("src", "a.cs"));
        Assert.Equal(0, context.GetFile("src/a.cs")!.Length);
    }

    [Fact]
    public void MayBeInGitWorkTree_NoGitMarker_AgreesWithGit_AndAGitFolderOrFileAnywhereAboveSaysMaybe()
    {
        Write("a/b/c.txt", "x");
        var nested = _temp.Combine("a", "b");
        // without a .git entry above it, the shortcut must never skip a folder git calls a work tree
        var gitSaysInside = RepositoryContext.RunGit(nested, "rev-parse --is-inside-work-tree")?.Trim() == "true";
        Assert.Equal(gitSaysInside, RepositoryContext.MayBeInGitWorkTree(nested));

        Write("a/.git", "gitdir: /elsewhere/.git/worktrees/a\n"); // a linked work tree's or submodule's .git file
        Assert.True(RepositoryContext.MayBeInGitWorkTree(nested));

        File.Delete(_temp.Combine("a", ".git"));
        Git("init -q");
        Assert.True(RepositoryContext.MayBeInGitWorkTree(nested));
        Assert.True(RepositoryContext.Open(nested).IsGitRepository);
    }

    [Fact]
    public void ReadText_RefusesBinaryAndLargeFiles_AndStripsBom()
    {
        Write("bom.txt", "\uFEFFhello");
        File.WriteAllBytes(_temp.Combine("bin.json"), new byte[] { 0x7b, 0x00, 0x7d });
        Write("big.txt", new string('x', 2048));
        var context = RepositoryContext.Open(_temp.Path);
        context.MaxTextFileBytes = 1024;

        Assert.Equal("hello", context.ReadText(context.GetFile("bom.txt")!));
        Assert.Null(context.ReadText(context.GetFile("bin.json")!, out var binary));
        Assert.Equal(ReadFailure.Binary, binary);
        Assert.Null(context.ReadText(context.GetFile("big.txt")!, out var large));
        Assert.Equal(ReadFailure.TooLarge, large);
    }

    [Fact]
    public void ReadText_FileGrewSinceListing_ReadsItWhole()
    {
        Write("a.txt", "short");
        var context = RepositoryContext.Open(_temp.Path);
        var file = context.GetFile("a.txt")!;
        Assert.Equal(5, file.Length);
        var grown = "short and then much longer: " + new string('y', 100_000) + " end";
        Write("a.txt", grown);

        Assert.Equal(grown, context.ReadText(file, out var failure));
        Assert.Equal(ReadFailure.None, failure);
    }

    [Fact]
    public void ReadText_FileGrewPastTheLimitSinceListing_IsTooLarge()
    {
        Write("a.txt", "short");
        var context = RepositoryContext.Open(_temp.Path);
        context.MaxTextFileBytes = 1024;
        var file = context.GetFile("a.txt")!;
        Write("a.txt", new string('x', 1025));

        Assert.Null(context.ReadText(file, out var failure));
        Assert.Equal(ReadFailure.TooLarge, failure);
    }

    [Fact]
    public void ReadText_FileShrankOrVanishedSinceListing_ReadsWhatIsThere()
    {
        Write("a.txt", new string('x', 4096));
        Write("b.txt", "b");
        Write("big.txt", new string('x', 2048));
        var context = RepositoryContext.Open(_temp.Path);
        context.MaxTextFileBytes = 1024;
        Write("a.txt", "now short");
        Write("big.txt", "now small"); // listed over the limit, read as it is now
        File.Delete(_temp.Combine("b.txt"));

        Assert.Equal("now short", context.ReadText(context.GetFile("a.txt")!));
        Assert.Equal("now small", context.ReadText(context.GetFile("big.txt")!));
        Assert.Null(context.ReadText(context.GetFile("b.txt")!, out var failure));
        Assert.Equal(ReadFailure.IoError, failure);
    }

    [Fact]
    public void ReadTextIntoABuffer_GivesReadTextsTextAndFailures_ReusingOneBufferFromFileToFile()
    {
        // RAXX402 decodes every file into one reused buffer: each file's span must be exactly ReadText's string, whatever
        // the file before it left in the buffer (a long file first, then shorter ones, encodings, refusals)
        Write("0-long.txt", new string('a', 100_000) + "\nend");
        Write("1-bom.txt", "\uFEFFhello");
        File.WriteAllBytes(_temp.Combine("2-utf16.txt"), System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("KEY=välue\r\n")).ToArray());
        File.WriteAllBytes(_temp.Combine("3-invalid.txt"), new byte[] { 0x61, 0xC3, 0x28, 0xFF, 0x62, 0xE2, 0x82 });
        File.WriteAllBytes(_temp.Combine("4-bin.json"), new byte[] { 0x7b, 0x00, 0x7d });
        Write("5-big.txt", new string('x', 200_001));
        Write("6-empty.txt", "");
        Write("7-short.txt", "x=1");
        var context = RepositoryContext.Open(_temp.Path);
        context.MaxTextFileBytes = 200_000;

        char[]? buffer = null;
        var files = context.Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        Assert.Equal(8, files.Count);
        foreach (var file in files)
        {
            var expected = context.ReadText(file, out var expectedFailure);
            var text = context.ReadText(file, ref buffer, out var failure);
            Assert.Equal((file.RelativePath, expectedFailure), (file.RelativePath, failure));
            Assert.Equal(expected ?? "", text.ToString());
        }
        Assert.Equal(ReadFailure.Binary, context.ReadText(context.GetFile("4-bin.json")!, ref buffer, out var binary).Length == 0 ? binary : ReadFailure.None);
        Assert.Equal("x=1", context.ReadText(context.GetFile("7-short.txt")!, ref buffer, out _).ToString());
    }

    [Fact]
    public void ReadTextIntoABuffer_FilesChangedSinceListing_ReadAsTheyAreNow()
    {
        Write("grew.txt", "short");
        Write("grew-past-limit.txt", "short");
        Write("shrank.txt", new string('x', 4096));
        Write("listed-too-big.txt", new string('x', 2048));
        Write("same-length.txt", "abcde");
        Write("gone.txt", "b");
        var context = RepositoryContext.Open(_temp.Path);
        context.MaxTextFileBytes = 120_000;
        var grown = "short and then much longer: " + new string('y', 100_000) + " end";
        Write("grew.txt", grown);
        Write("grew-past-limit.txt", new string('x', 120_001));
        Write("shrank.txt", "now short");
        Write("listed-too-big.txt", "now small");
        Write("same-length.txt", "vwxyz"); // same length, other bytes: read, not assumed
        File.Delete(_temp.Combine("gone.txt"));

        char[]? buffer = null;
        string Read(string name, ReadFailure expected)
        {
            var text = context.ReadText(context.GetFile(name)!, ref buffer, out var failure);
            Assert.Equal((name, expected), (name, failure));
            return text.ToString();
        }
        Assert.Equal(grown, Read("grew.txt", ReadFailure.None));
        Assert.Equal("", Read("grew-past-limit.txt", ReadFailure.TooLarge));
        Assert.Equal("now short", Read("shrank.txt", ReadFailure.None));
        Assert.Equal("now small", Read("listed-too-big.txt", ReadFailure.None));
        Assert.Equal("vwxyz", Read("same-length.txt", ReadFailure.None));
        Assert.Equal("", Read("gone.txt", ReadFailure.IoError));
    }

    [Fact]
    public void Runner_AppliesSeverities_Excludes_Dedupes_AndContainsExceptions()
    {
        Write("keep/a.yml", "x");
        Write("fixtures/b.yml", "x");
        var config = new RepositoryConfig();
        config.Exclude.Add(new PathGlob("fixtures/**"));
        config.Severities[RuleIds.Raxx504] = FindingSeverity.Error;
        var context = RepositoryContext.Open(_temp.Path, config);

        var findings = RepositoryRunner.Run(context, new IRepositoryRule[] { new EveryFileRule(), new ThrowingRule() });

        // sorted by path: keep/a.yml, then the config file that names the failing rule
        Assert.Collection(findings,
            f => Assert.Equal(("keep/a.yml", RuleIds.Raxx504, FindingSeverity.Error), (f.Location.Path, f.RuleId, f.Severity)),
            f => Assert.Equal((RuleIds.Raxx001, "RAXX505 could not complete: InvalidOperationException: boom"), (f.RuleId, f.Message)));
    }

    [Fact]
    public void Runner_OrdersByPathLineColumnAndRule_KeepsReportOrderAmongEquals_AndDropsEachRepeatWhereverItComes()
    {
        Write("a.yml", "x");
        var reported = new List<Finding>();
        var random = new Random(7);
        string[] paths = { "b/x.yml", "a.yml", "a/z.yml", "b/x.yml" }; // (a path string reported again as another object below)
        string[] rules = { RuleIds.Raxx402, RuleIds.Raxx401, RuleIds.Raxx504 };
        for (var k = 0; k < 400; k++)
        {
            // few places and messages: many findings share rule and place, repeats of a message come apart from each other
            var path = new string(paths[random.Next(paths.Length)].AsSpan());
            var line = 1 + random.Next(3);
            reported.Add(new Finding(rules[random.Next(rules.Length)], FindingSeverity.Warning, "m" + random.Next(3),
                new FindingLocation(path, line, 1 + random.Next(2), line, 9)));
        }

        var findings = RepositoryRunner.Run(RepositoryContext.Open(_temp.Path), new IRepositoryRule[] { new ReplayRule(reported) });

        // the reference: the first of each (rule, path, line, column, message) in report order, then a stable sort
        var seen = new HashSet<(string, string, int, int, string)>();
        var expected = reported
            .Where(f => seen.Add((f.RuleId, f.Location.Path, f.Location.StartLine, f.Location.StartColumn, f.Message)))
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine).ThenBy(f => f.Location.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.Count < reported.Count / 2); // (repeats were there to drop: 162 of 400 are first of their kind)
        Assert.Equal(expected.Count, findings.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            Assert.Same(expected[k], findings[k]);
        }
    }

    [Fact]
    public void Runner_SkipsRulesConfiguredOff()
    {
        Write("a.yml", "x");
        var config = new RepositoryConfig();
        config.Severities[RuleIds.Raxx505] = FindingSeverity.None;
        var findings = RepositoryRunner.Run(RepositoryContext.Open(_temp.Path, config), new IRepositoryRule[] { new ThrowingRule() });
        Assert.Empty(findings);
    }

    [Fact]
    public void Fingerprint_IsStableAndIgnoresLine()
    {
        var a = new Finding(RuleIds.Raxx501, FindingSeverity.Error, "m", new FindingLocation("w.yml", 3, 1, 3, 5), "pattern v*");
        var b = new Finding(RuleIds.Raxx501, FindingSeverity.Error, "m2", new FindingLocation("w.yml", 9, 1, 9, 5), "pattern v*");
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(32, a.Fingerprint.Length);
    }

    private sealed class EveryFileRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx504;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            foreach (var file in context.AllFiles)
            {
                // reported twice and for excluded files: the runner must dedupe and filter
                sink.Report(new Finding(RuleId, FindingSeverity.Warning, "m", new FindingLocation(file.RelativePath, 1, 1, 1, 2)));
                sink.Report(new Finding(RuleId, FindingSeverity.Warning, "m", new FindingLocation(file.RelativePath, 1, 1, 1, 2)));
            }
        }
    }

    private sealed class ReplayRule : IRepositoryRule
    {
        private readonly IReadOnlyList<Finding> _findings;

        public ReplayRule(IReadOnlyList<Finding> findings) => _findings = findings;

        public string RuleId => RuleIds.Raxx504;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            foreach (var finding in _findings)
            {
                sink.Report(finding);
            }
        }
    }

    private sealed class ThrowingRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx505;

        public void Run(RepositoryContext context, IFindingSink sink) => throw new InvalidOperationException("boom");
    }
}
