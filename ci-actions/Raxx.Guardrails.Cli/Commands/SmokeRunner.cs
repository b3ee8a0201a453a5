using System.Threading;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;

namespace Raxx.Guardrails.Cli.Commands;

/// <summary>
/// The host side of the boot preflight, shared by <c>smoke</c> and <c>samples</c>: finds a project's built
/// assembly, then plans and runs the preflight in Core (<see cref="PreflightPlanner"/>, <see cref="PreflightRunner"/>),
/// with progress and the per-boot report on stderr and Ctrl+C stopping every booted process.
/// </summary>
internal static class SmokeRunner
{
    /// <summary>The project's built assembly (<c>dotnet msbuild -getProperty:TargetPath</c>), or null with the tool's output.</summary>
    public static string? FindBuiltAssembly(CliHost host, string project, string configuration, out string output)
    {
        var property = host.RunProcess("dotnet", new[] { "msbuild", project, "-getProperty:TargetPath", $"-p:Configuration={configuration}", "-nologo" }, Path.GetDirectoryName(project)!);
        output = property.Output;
        var app = property.Output.Trim().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        return property.ExitCode != 0 || string.IsNullOrEmpty(app) ? null : app;
    }

    /// <summary>
    /// Preflights <paramref name="app"/> (RAXX601–603) with <paramref name="root"/> as the repository root; returns the
    /// planner's problems followed by the run's findings (paths relative to the root), or null when canceled. Both come out of
    /// Core at the severities the repository root's config gives them (<c>severities:</c>; a rule set to <c>none</c> is absent).
    /// </summary>
    public static IReadOnlyList<Finding>? Run(CliHost host, string root, string? project, string app, string? flagsFile = null, string? healthPath = null, double? timeoutSeconds = null)
    {
        var problems = new FindingList();
        var request = PreflightPlanner.Plan(root, project, app, flagsFile, problems, healthPath, timeoutSeconds);
        host.Error.WriteLine($"raxx-guardrails: preflight of {Path.GetFileName(app)}: {request.Flags.Count} flag(s), health {request.Settings.HealthPath}, variables from {(request.Settings.Sources.Count == 0 ? "nothing declared" : string.Join(", ", request.Settings.Sources))}");

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        PreflightRun run;
        try
        {
            run = PreflightRunner.RunAsync(request, cancel.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            host.Error.WriteLine("raxx-guardrails: canceled; every booted process was stopped");
            return null;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        foreach (var line in run.Describe())
        {
            host.Error.WriteLine(line);
        }
        return problems.Items.Concat(run.Findings).ToArray();
    }
}
