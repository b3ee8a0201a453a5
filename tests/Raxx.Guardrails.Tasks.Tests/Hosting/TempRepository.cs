using System;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Tasks.Tests.Hosting;

/// <summary>A temporary folder, optionally a git repository, deleted after the test.</summary>
public sealed class TempRepository : IDisposable
{
    private readonly TempDirectory _directory = new("tasks");

    public string Root => _directory.Path;

    public string Write(string relative, string text) => _directory.Write(relative, text);

    public string Path_(string relative) => _directory.Combine(relative);

    public void Git(string args) => _directory.Git(args);

    public void Dispose() => _directory.Dispose();
}
