using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>Opens a fixture folder as a repository whose files are all tracked.</summary>
internal static class SecretFixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine(new[] { AppContext.BaseDirectory, "TestData" }.Concat(parts).ToArray());

    public static RepositoryContext Open(string root, Func<string, bool?>? tracked = null)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Rel: System.IO.Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Rel, StringComparer.Ordinal)
            .Select(f => new RepositoryFile(f.Rel, f.Full, new FileInfo(f.Full).Length, tracked == null ? true : tracked(f.Rel)));
        return RepositoryContext.FromFiles(root, files);
    }

    public static RepositoryContext Repo() => Open(Path("secrets", "repo"));
}
