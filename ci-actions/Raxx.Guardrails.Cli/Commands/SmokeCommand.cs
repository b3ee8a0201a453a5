using Raxx.Guardrails.Cli.Output;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary>
/// <c>smoke &lt;project-or-dll&gt;</c>: the boot preflight (RAXX601–603). Builds the project (unless
/// <c>--no-build</c> or a .dll is given), boots it under production configuration, then once per flag
/// flipped and once with every flag on, probing flag-gated routes. Progress to stderr, findings to stdout.
/// </summary>
internal static class SmokeCommand
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--flags", "--health", "--timeout", "--format", "--output", "-o", "-c", "--configuration", "--root",
    };

    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--no-build" };

    public static int Run(string[] args, CliHost host)
    {
        var parsed = ParsedArgs.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positionals.Count != 1)
        {
            throw new UsageException("smoke takes one project (.csproj or its folder) or a built .dll");
        }
        var format = FindingsReport.ParseFormat(parsed.Value("--format"));
        double? timeout = null;
        if (parsed.Value("--timeout") is { } t)
        {
            if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                throw new UsageException($"--timeout must be a number of seconds, not '{t}'");
            }
            timeout = seconds;
        }

        var target = host.ResolvePath(parsed.Positionals[0]);
        string? project = null;
        string app;
        if (target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || (File.Exists(target) && !target.EndsWith("proj", StringComparison.OrdinalIgnoreCase)))
        {
            if (!File.Exists(target))
            {
                throw new UsageException($"'{parsed.Positionals[0]}' does not exist");
            }
            app = target;
            project = ProjectOf(app);
        }
        else
        {
            project = Directory.Exists(target) ? Directory.GetFiles(target, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault() : target;
            if (project == null || !File.Exists(project))
            {
                throw new UsageException($"no project found at '{parsed.Positionals[0]}'");
            }
            var configuration = parsed.Value("-c") ?? parsed.Value("--configuration") ?? "Release";
            if (!parsed.Has("--no-build"))
            {
                host.Error.WriteLine($"raxx-guardrails: building {Path.GetFileName(project)} ({configuration})");
                var build = host.RunProcess("dotnet", new[] { "build", project, "-c", configuration, "-nologo", "-v:q" }, Path.GetDirectoryName(project)!);
                if (build.ExitCode != 0)
                {
                    host.Error.WriteLine(build.Output);
                    host.Error.WriteLine("raxx-guardrails: error: the build failed; nothing to boot");
                    return Cli.ExitUsage;
                }
            }
            app = SmokeRunner.FindBuiltAssembly(host, project, configuration, out var propertyOutput) ?? string.Empty;
            if (app.Length == 0)
            {
                host.Error.WriteLine(propertyOutput);
                throw new UsageException($"could not find the built assembly of '{parsed.Positionals[0]}'");
            }
        }

        var root = parsed.Value("--root") is { } r ? host.ResolvePath(r) : RepositoryLocator.FindGitRoot(Path.GetDirectoryName(Path.GetFullPath(project ?? app))!) ?? host.CurrentDirectory;
        var findings = SmokeRunner.Run(host, root, project, app, parsed.Value("--flags") is { } f ? host.ResolvePath(f) : null, parsed.Value("--health"), timeout);
        if (findings == null)
        {
            return Cli.ExitUsage;
        }
        FindingsReport.Write(host, findings, format, parsed.Value("--output") ?? parsed.Value("-o"), root, 3, null);
        return findings.Any(x => x.Severity == FindingSeverity.Error) ? Cli.ExitFindings : Cli.ExitClean;
    }

    /// <summary>The project a built dll came from (bin/&lt;config&gt;/&lt;tfm&gt;/Name.dll → Name.csproj above it), for app.json, flags and config.</summary>
    private static string? ProjectOf(string dll)
    {
        var name = Path.GetFileNameWithoutExtension(dll) + ".csproj";
        var dir = new DirectoryInfo(Path.GetDirectoryName(dll)!);
        for (var i = 0; i < 5 && dir != null; i++, dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
