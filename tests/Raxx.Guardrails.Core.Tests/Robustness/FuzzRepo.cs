using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Robustness;

/// <summary>
/// A throwaway repository folder (not a git work tree) whose files the fuzzers rewrite between
/// iterations, and the checks every repository run must pass: no rule threw (RAXX001 "could not
/// complete"), every finding located at line ≥ 1 inside the repository.
/// </summary>
internal sealed class FuzzRepo : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly TempDirectory _directory = new("fuzz");

    public string Root => _directory.Path;

    public FuzzRepo Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, Utf8); // lone surrogates become U+FFFD, as an editor would save them
        return this;
    }

    public FuzzRepo WriteBytes(string relative, byte[] bytes)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public RepositoryContext Open(RepositoryConfig? config = null) => RepositoryContext.Open(Root, config);

    /// <summary>Runs every discovered repository rule and asserts the robustness contract.</summary>
    public IReadOnlyList<Finding> RunAll(RepositoryConfig? config = null)
    {
        var findings = RepositoryRunner.Run(Open(config));
        AssertWellFormed(findings);
        return findings;
    }

    public static void AssertWellFormed(IReadOnlyList<Finding> findings)
    {
        var crashed = findings.FirstOrDefault(f => f.RuleId == "RAXX001" && f.Message.Contains("could not complete"));
        Assert.True(crashed == null, "a rule threw: " + crashed);
        foreach (var f in findings)
        {
            var l = f.Location;
            Assert.True(l.StartLine >= 1 && l.StartColumn >= 1 && l.EndLine >= l.StartLine, $"bad location: {f}");
            Assert.False(string.IsNullOrEmpty(l.Path), $"finding without a path: {f}");
            Assert.False(Path.IsPathRooted(l.Path) || l.Path.Split('/', '\\').Contains(".."), $"path outside the repository: {f}");
        }
    }

    public void Dispose() => _directory.Dispose();
}
