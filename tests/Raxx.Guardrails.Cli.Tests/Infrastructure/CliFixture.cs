using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Core.Text;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Cli.Tests.Infrastructure;

/// <summary>A temp repository, fake rules and an in-process CLI run with captured stdout/stderr.</summary>
public sealed class CliFixture : IDisposable
{
    private readonly TempDirectory _directory = new("cli");

    public string Root => _directory.Path;

    public List<IRepositoryRule> Rules { get; } = new();

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces `dotnet` (build): receives the arguments and the working directory.</summary>
    public Func<IReadOnlyList<string>, string, (int, string)>? Dotnet { get; set; }

    public List<IReadOnlyList<string>> DotnetCalls { get; } = new();

    public string Write(string relative, string text) => _directory.Write(relative, text);

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var host = new CliHost(stdout, stderr)
        {
            CurrentDirectory = Root,
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out var v) ? v : null,
            Rules = Rules,
            RunProcess = (file, a, dir) =>
            {
                DotnetCalls.Add(a);
                if (Dotnet == null)
                {
                    throw new InvalidOperationException("unexpected process: " + file + " " + string.Join(" ", a));
                }
                return Dotnet(a, dir);
            },
        };
        var exit = Cli.Run(args, host);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A fake `dotnet build` that writes the given compiler SARIF (with {ROOT} replaced) into the error-log folder.</summary>
    public static Func<IReadOnlyList<string>, string, (int, string)> BuildWritingSarif(Func<string, string?> sarifForTarget, int exitCode = 0)
    {
        return (args, dir) =>
        {
            var targetsArg = args.FirstOrDefault(a => a.StartsWith("-p:CustomAfterMicrosoftCommonTargets=", StringComparison.Ordinal));
            if (args[0] != "build" || targetsArg == null)
            {
                return (0, "prebuild");
            }
            var targets = targetsArg.Substring(targetsArg.IndexOf('=', StringComparison.Ordinal) + 1).Replace("%2C", ",", StringComparison.Ordinal).Replace("%3B", ";", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
            var text = sarifForTarget(args[1]);
            if (text != null)
            {
                var logDir = Path.GetDirectoryName(targets)!;
                File.WriteAllText(Path.Combine(logDir, Path.GetFileNameWithoutExtension(args[1]) + ".net10.0.sarif"), text);
                // a second project reporting the same diagnostic (shared file): must be deduplicated
                File.WriteAllText(Path.Combine(logDir, Path.GetFileNameWithoutExtension(args[1]) + ".Tests.net10.0.sarif"), text);
            }
            return (exitCode, exitCode == 0 ? "Build succeeded." : "Program.cs(4,23): error RAXX101: …\nBuild FAILED.");
        };
    }

    public static string CompilerSarif(string root) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif", "compiler-errorlog.sarif")).Replace("{ROOT}", root.TrimEnd('/'), StringComparison.Ordinal);

    public void Dispose() => _directory.Dispose();
}

/// <summary>A repository rule for tests: reports every line of matching files that contains a marker.</summary>
public sealed class MarkerRule : IRepositoryRule
{
    private readonly string _glob;
    private readonly string _marker;
    private readonly string _message;

    public MarkerRule(string ruleId, string glob, string marker, string message)
    {
        RuleId = ruleId;
        _glob = glob;
        _marker = marker;
        _message = message;
    }

    public string RuleId { get; }

    public void Run(RepositoryContext context, IFindingSink sink)
    {
        var glob = new PathGlob(_glob);
        foreach (var file in context.Files.Where(f => glob.IsMatch(f.RelativePath)))
        {
            var lines = (context.ReadText(file) ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var col = lines[i].IndexOf(_marker, StringComparison.Ordinal);
                if (col >= 0)
                {
                    var severity = RuleCatalog.Find(RuleId)?.DefaultSeverity ?? FindingSeverity.Warning;
                    sink.Report(new Finding(RuleId, severity, _message, new FindingLocation(file.RelativePath, i + 1, col + 1, i + 1, col + 1 + _marker.Length), fingerprintMaterial: _marker));
                }
            }
        }
    }
}
