using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Cli;

/// <summary>
/// What a CLI run talks to: output streams, environment, working directory, the repository rules and
/// the process runner. Tests build one in-process with string writers and fake rules.
/// </summary>
public sealed class CliHost
{
    public CliHost(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
    }

    /// <summary>Results (text, JSON, SARIF, workflow commands).</summary>
    public TextWriter Out { get; }

    /// <summary>Progress, build output on failure, usage and config errors.</summary>
    public TextWriter Error { get; }

    public string CurrentDirectory { get; set; } = Directory.GetCurrentDirectory();

    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>The repository rules to run (default: every rule discovered in Core).</summary>
    public IReadOnlyList<IRepositoryRule> Rules { get; set; } = RepositoryRules.All;

    /// <summary>Runs a process (dotnet build) and returns exit code and combined output.</summary>
    public Func<string, IReadOnlyList<string>, string, (int ExitCode, string Output)> RunProcess { get; set; } = Build.ProcessRunner.Run;

    public static CliHost CreateDefault()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return new CliHost(stdout, stderr);
    }

    public string ResolvePath(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(CurrentDirectory, path));
}
