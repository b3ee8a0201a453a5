using System;
using System.Collections.Generic;
using System.Linq;

namespace Raxx.Guardrails.Benchmarks;

/// <summary>
/// Prints the figures the README's Performance section quotes. Usage:
///   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- [all|analyzers|repository|incremental] [--files N] [--megabytes N] [--flag-apis [--unmarked]]
///   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- secrets generate|scan|once &lt;dir&gt; … (see SecretsThroughput)
/// Build the solution in Release first (./build.sh test or dotnet build -c Release): the analyzer
/// benchmark loads the analyzers from their Release output.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        if (which == "secrets")
        {
            return SecretsThroughput.Run(args.Skip(1).ToArray());
        }
        var files = IntOption(args, "--files", 2000);
        var megabytes = IntOption(args, "--megabytes", 100);
        var benchmarks = new Dictionary<string, Func<int>>(StringComparer.OrdinalIgnoreCase)
        {
            ["analyzers"] = () => AnalyzerOverhead.Run(files, args.Contains("--flag-apis"), args.Contains("--unmarked")),
            ["repository"] = () => RepositoryCheck.Run(megabytes),
            ["incremental"] = () => IncrementalBuild.Run(),
        };

        if (which == "all")
        {
            var status = 0;
            foreach (var benchmark in benchmarks)
            {
                Console.WriteLine($"== {benchmark.Key} ==");
                status |= benchmark.Value();
                Console.WriteLine();
            }
            return status;
        }
        if (!benchmarks.TryGetValue(which, out var run))
        {
            Console.Error.WriteLine($"unknown benchmark '{which}'; expected all, {string.Join(", ", benchmarks.Keys)}");
            return 2;
        }
        return run();
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
