using System.Reflection;
using Raxx.Guardrails.Cli.Commands;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Cli;

/// <summary>The command line: dispatch, usage, and the exit-code contract (0 clean, 1 findings, 2 usage/config).</summary>
public static class Cli
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static string Version => typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string Usage = """
        usage:
          raxx-guardrails check [path] [--build] [--build-target file] [-c|--configuration name]
                                [--format text|json|sarif|github] [--output file] [--config file]
                                [--fail-on error|warning|none] [--sarif-input file]... [--rules-assembly dll]...
          raxx-guardrails baseline [path] [--output file] [--config file]
          raxx-guardrails annotate <sarif>... [--root dir] [--all-rules] [--fail-on error|warning|none]
          raxx-guardrails samples [samples-dir] [--no-build] [-c|--configuration name]
          raxx-guardrails smoke <project-or-dll> [--no-build] [-c name] [--flags file] [--health path]
                                [--timeout seconds] [--format text|json|sarif|github] [--output file]
          raxx-guardrails --version

        exit codes: 0 clean, 1 findings at the fail-on level (default: error), 2 usage or config error
        """;

    public static int Run(string[] args, CliHost host)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                (args.Length == 0 ? host.Error : host.Out).WriteLine(Usage);
                return args.Length == 0 ? ExitUsage : ExitClean;
            }
            if (args[0] == "--version")
            {
                host.Out.WriteLine(Version);
                return ExitClean;
            }
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "check" => CheckCommand.Run(rest, host),
                "annotate" => AnnotateCommand.Run(rest, host),
                "baseline" => BaselineCommand.Run(rest, host),
                "samples" => SamplesCommand.Run(rest, host),
                "smoke" => SmokeCommand.Run(rest, host),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException ex)
        {
            host.Error.WriteLine("raxx-guardrails: error: " + ex.Message);
            host.Error.WriteLine(Usage);
            return ExitUsage;
        }
        catch (ConfigException ex)
        {
            host.Error.WriteLine(ex.Message);
            return ExitUsage;
        }
    }

    /// <summary>Loads extra repository rules (custom rules of a team) from assemblies, after the built-in ones.</summary>
    internal static IReadOnlyList<IRepositoryRule> RulesWith(CliHost host, IReadOnlyList<string> assemblies)
    {
        if (assemblies.Count == 0)
        {
            return host.Rules;
        }
        var rules = host.Rules.ToList();
        foreach (var path in assemblies)
        {
            var full = host.ResolvePath(path);
            if (!File.Exists(full))
            {
                throw new UsageException($"--rules-assembly '{path}' does not exist");
            }
            Type?[] types;
            try
            {
                types = Assembly.LoadFrom(full).GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types;
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
            {
                throw new UsageException($"--rules-assembly '{path}' could not be loaded: {ex.Message}");
            }
            foreach (var type in types)
            {
                if (type is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IRepositoryRule).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) != null)
                {
                    rules.Add((IRepositoryRule)Activator.CreateInstance(type)!);
                }
            }
        }
        return rules;
    }
}

/// <summary>A config file problem, already formatted with its location; exit code 2.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message) : base(message)
    {
    }
}
