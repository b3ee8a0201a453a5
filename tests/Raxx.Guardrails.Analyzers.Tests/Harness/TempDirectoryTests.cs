using System;
using System.IO;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Harness
{
    /// <summary>The tests' temp-folder helper: created at once, deleted whole, links removed but never followed.</summary>
    public sealed class TempDirectoryTests
    {
        [Fact]
        public void Dispose_DeletesReadOnlyFilesAndLinks_NotTheLinkTargets()
        {
            using var outside = new TempDirectory("temp-outside");
            var kept = outside.Write("kept.txt", "kept\n");
            File.SetAttributes(kept, FileAttributes.ReadOnly);

            var temp = new TempDirectory("temp-test");
            Assert.True(Directory.Exists(temp.Path));
            Assert.StartsWith(Path.GetTempPath(), temp.Path, StringComparison.Ordinal);
            var file = temp.Write(Path.Combine("a", "b", "readonly.txt"), "x\n");
            File.SetAttributes(file, FileAttributes.ReadOnly);
            Directory.CreateSymbolicLink(temp.Combine("a", "outside"), outside.Path);
            Directory.CreateSymbolicLink(temp.Combine("a", "b", "loop"), temp.Path);

            temp.Dispose();
            temp.Dispose(); // twice is harmless

            Assert.False(Directory.Exists(temp.Path));
            Assert.Equal("kept\n", File.ReadAllText(kept));
            Assert.True((File.GetAttributes(kept) & FileAttributes.ReadOnly) != 0);
            File.SetAttributes(kept, FileAttributes.Normal);
        }

        [Fact]
        public void Git_RunsInTheFolder_AndFailsTheTestWhenGitFails()
        {
            using var temp = new TempDirectory("temp-git");
            temp.Git("init -q");
            Assert.True(Directory.Exists(temp.Combine(".git")));
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => temp.Git("no-such-git-command"));
        }
    }
}
