using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Secrets.Rules;

namespace Raxx.Guardrails.Benchmarks;

/// <summary>
/// Credential-engine throughput (RAXX402's scanner) on a generated mixed tree, one thread.
/// Usage: ./build.sh bench secrets generate|scan|report|once &lt;dir&gt; …
/// </summary>
internal static class SecretsThroughput
{
    /// <summary>The prefilter's searches (they take the engine's text, a span on .NET).</summary>
    private delegate void CollectHits(ReadOnlySpan<char> text, List<int> hits);
    private delegate bool CollectHitsWidth(ReadOnlySpan<char> text, List<int> hits, bool wide);

    public static int Run(string[] args)
    {

        // Usage:
        //   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- secrets generate <dir> [megabytes=100]
        //   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- secrets scan <dir> [repeat=3] [--no-context]
        //   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- secrets report <dir>  (RAXX402-404 findings, redacted)
        //   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- secrets once <dir> [--phases] [--read-only]
        //       (one CLI-like pass; time the process; --phases: CPU per step on stderr; --read-only: list and read only)
        //   dotnet run -c Release --project benchmarks/Raxx.Guardrails.Benchmarks -- secrets prefilter <dir>   (the two candidate searches alone)
        // scan reads every file RAXX402 would read and runs the credential engine on one thread.
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: generate <dir> [MB] | scan <dir> [repeat]");
            return 2;
        }

        var dir = Path.GetFullPath(args[1]);
        if (args[0] == "generate")
        {
            var megabytes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100;
            var (files, bytes, planted) = TreeGenerator.Generate(dir, megabytes * 1024L * 1024L);
            Console.WriteLine($"generated {files} files, {bytes / 1048576.0:0.0} MB, {planted} planted credentials in {dir}");
            return 0;
        }

        if (args[0] == "report")
        {
            // redacted findings of the repository rules on a folder (git-aware), for spot checks
            var context = Raxx.Guardrails.Core.Repository.RepositoryContext.Open(dir);
            foreach (var f in Raxx.Guardrails.Core.Repository.RepositoryRunner.Run(context,
                         Raxx.Guardrails.Core.Repository.RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX40", StringComparison.Ordinal))))
            {
                Console.WriteLine(f.ToString());
            }
            return 0;
        }

        if (args[0] == "once")
        {
            // its own method: `once` times a whole process, so it should not pay for compiling the other commands' code
            return RunOnce(dir, args);
        }

        if (args[0] == "prefilter")
        {
            // the prefilter alone: the one-pass candidate search vs the SearchValues groups (internal, reached by reflection)
            var type = typeof(SecretScanner).Assembly.GetType("Raxx.Guardrails.Core.Secrets.SecretPrefilter")!;
            var flags = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
            var texts = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
            var groups = (CollectHits)Delegate.CreateDelegate(typeof(CollectHits), type.GetMethod("CollectGroupHits", flags, new[] { typeof(ReadOnlySpan<char>), typeof(List<int>) })!);
            var boundary = (CollectHitsWidth)Delegate.CreateDelegate(typeof(CollectHitsWidth), type.GetMethod("CollectBoundaryHits", flags, new[] { typeof(ReadOnlySpan<char>), typeof(List<int>), typeof(bool) })!);
            var searches = new (string Name, CollectHits Run)[]
            {
                ("CollectGroupHits", groups),
                ("CollectBoundaryHits, AVX2 steps", (text, h) => boundary(text, h, false)),
                ("CollectBoundaryHits, AVX-512 steps", (text, h) => boundary(text, h, true)),
            };
            var wideSupported = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported;
            foreach (var (name, run) in searches.Concat(searches))
            {
                if (name.Contains("512", StringComparison.Ordinal) && !wideSupported)
                {
                    continue;
                }
                var hits = new List<int>();
                var best = double.MaxValue;
                long count = 0;
                for (var r = 0; r < 5; r++)
                {
                    count = 0;
                    var sw = Stopwatch.StartNew();
                    foreach (var t in texts)
                    {
                        // each text 4 times in a row: in cache after the first, as in a scan (decoded just before)
                        for (var k = 0; k < 4; k++)
                        {
                            hits.Clear();
                            run(t, hits);
                        }
                        count += hits.Count;
                    }
                    best = Math.Min(best, sw.Elapsed.TotalSeconds / 4);
                }
                Console.WriteLine($"{name}: {best:0.000}s per pass over the tree (best of 5), {count} hits");
            }
            return 0;
        }

        if (args[0] == "scan")
        {
            var repeat = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
            var options = new SecretScanOptions { IncludeContext = !args.Contains("--no-context") };
            var paths = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(p => CredentialRuleSupport.IsScannedTextFile(Path.GetRelativePath(dir, p)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            var texts = paths.Select(File.ReadAllText).ToArray();
            long chars = texts.Sum(t => (long)t.Length);
            long bytes = paths.Sum(p => new FileInfo(p).Length);

            // warm-up
            foreach (var t in texts.Take(200))
            {
                SecretScanner.Scan(t);
            }

            var best = double.MaxValue;
            var bestCpu = double.MaxValue;
            var findings = 0;
            var process = Process.GetCurrentProcess();
            for (var r = 0; r < repeat; r++)
            {
                findings = 0;
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                foreach (var t in texts)
                {
                    findings += SecretScanner.Scan(t, options).Count;
                }
                sw.Stop();
                process.Refresh();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
            }

            var swRead = Stopwatch.StartNew();
            var withRead = 0;
            foreach (var p in paths)
            {
                withRead += SecretScanner.Scan(File.ReadAllText(p)).Count;
            }
            swRead.Stop();

            var mb = bytes / 1048576.0;
            Console.WriteLine($"files={paths.Length} size={mb:0.0}MB findings={findings}");
            Console.WriteLine($"scan (in memory, best of {repeat}, 1 thread): {best:0.000}s wall = {mb / best:0.0} MB/s; {bestCpu:0.000}s CPU = {mb / bestCpu:0.0} MB/s per CPU-second");
            Console.WriteLine($"read+scan (1 thread): {swRead.Elapsed.TotalSeconds:0.00}s = {mb / swRead.Elapsed.TotalSeconds:0.0} MB/s");
            return 0;
        }

        Console.Error.WriteLine("unknown command " + args[0]);
        return 2;
    }
    /// <summary>
    /// One pass like <c>raxx-guardrails check</c> restricted to the credential rules (RAXX402-404): list the files, read
    /// them, scan; the process is timed from outside (benchmarks/secrets-compare.sh).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int RunOnce(string dir, string[] args)
    {
        // one pass like `raxx-guardrails check` restricted to the credential rules (RAXX402-404): list the
        // files, read them, scan; time the whole process from outside (benchmarks/secrets-compare.sh)
        // --phases: CPU seconds of each step inside the process (listing, then each rule), on stderr
        var phases = args.Contains("--phases");
        var exceptions = 0;
        if (phases)
        {
            AppDomain.CurrentDomain.FirstChanceException += (_, _) => exceptions++;
        }
        var process = Process.GetCurrentProcess();
        var mark = process.TotalProcessorTime;
        void Phase(string what)
        {
            if (phases)
            {
                process.Refresh();
                var now = process.TotalProcessorTime;
                // JIT: time and methods compiled so far (System.Runtime.JitInfo); GC: collections and pauses so far
                Console.Error.WriteLine($"  {what}: {(now - mark).TotalSeconds:0.000}s CPU (so far: JIT {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000}s, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections, {GC.GetTotalPauseDuration().TotalSeconds:0.000}s paused, {GC.GetTotalAllocatedBytes() / 1048576.0:0.00} MB allocated; {exceptions} exceptions thrown)");
                mark = now;
            }
        }
        Phase("process start to Main (runtime start, JIT of Main)");
        var context = Raxx.Guardrails.Core.Repository.RepositoryContext.Open(dir);
        Phase("list files");
        if (args.Contains("--read-only"))
        {
            // what reading alone costs: every file RAXX402 would scan, read and decoded as it reads them (into one buffer)
            long chars = 0;
            char[]? buffer = null;
            foreach (var file in context.Files.Where(f => CredentialRuleSupport.IsScannedTextFile(f.RelativePath)))
            {
                chars += context.ReadText(file, ref buffer, out _).Length;
            }
            Phase("read and decode");
            Console.WriteLine($"{chars} characters read");
            return 0;
        }
        var rules = Raxx.Guardrails.Core.Repository.RepositoryRules.All.Where(r => r.RuleId.StartsWith("RAXX40", StringComparison.Ordinal)).ToArray();
        Phase("discover rules");
        var findings = new List<Raxx.Guardrails.Core.Findings.Finding>();
        foreach (var rule in phases ? rules : Array.Empty<Raxx.Guardrails.Core.Repository.IRepositoryRule>())
        {
            findings.AddRange(Raxx.Guardrails.Core.Repository.RepositoryRunner.Run(context, new[] { rule }));
            Phase(rule.RuleId);
        }
        if (!phases)
        {
            findings.AddRange(Raxx.Guardrails.Core.Repository.RepositoryRunner.Run(context, rules));
        }
        if (phases)
        {
            // what the process keeps until it reports: every finding (message, location, properties, fingerprint
            // material), the file listing, the scan cache RAXX403 reads (docs/notes/secrets.md, "What a finding keeps")
            GC.Collect();
            Console.Error.WriteLine($"  kept after a full collection: {GC.GetTotalMemory(true) / 1048576.0:0.00} MB ({findings.Count} findings, {context.Files.Count} files listed)");
            GC.KeepAlive(context);
        }
        var warm = Array.IndexOf(args, "--warm");
        if (warm >= 0)
        {
            // --warm N: the same whole pass (list, read and decode, RAXX402-404) again in this process, N times, after
            // the first: what the pipeline costs once compiled — file reading included, as secretlint's time includes
            // it (the `scan` command's steady state is the engine over texts already in memory). --warm-phases: each
            // part of every warm pass on stderr (a separate listing, a read-only pass, then each rule alone).
            var repeat = warm + 1 < args.Length && int.TryParse(args[warm + 1], out var n) ? n : 5;
            var best = double.MaxValue;
            var bestWall = double.MaxValue;
            var passes = new List<double>();
            for (var r = 0; r < repeat; r++)
            {
                if (args.Contains("--warm-phases"))
                {
                    WarmPhases(dir, rules);
                }
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var again = Raxx.Guardrails.Core.Repository.RepositoryContext.Open(dir);
                var count = Raxx.Guardrails.Core.Repository.RepositoryRunner.Run(again, rules).Count;
                sw.Stop();
                process.Refresh();
                passes.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
                best = Math.Min(best, passes[^1]);
                bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
                if (count != findings.Count)
                {
                    Console.Error.WriteLine($"a warm pass found {count} findings, the first pass {findings.Count}");
                    return 1;
                }
            }
            var mb = context.Files.Sum(f => f.Length) / 1048576.0;
            // the median too: the best pass is the figure least disturbed by this VM's neighbours, the median is what
            // a pass usually costs (BenchmarkDotNet's central figure); secretlint-warm.mjs prints both as well
            passes.Sort();
            var median = passes.Count % 2 == 1 ? passes[passes.Count / 2] : (passes[passes.Count / 2 - 1] + passes[passes.Count / 2]) / 2;
            Console.WriteLine($"warm pass (list, read, scan RAXX402-404; best of {repeat}): {bestWall:0.000}s wall, {best:0.000}s CPU = {mb / best:0.0} MB/s per CPU-second; median {median:0.000}s CPU");
        }
        Console.WriteLine($"{findings.Count} findings ({findings.Count(f => f.RuleId == "RAXX402")} RAXX402) in {context.Files.Count} files");
        return 0;
    }

    /// <summary>One warm pass in parts, CPU seconds on stderr: listing, reading and decoding alone, then each rule alone.</summary>
    private static void WarmPhases(string dir, Raxx.Guardrails.Core.Repository.IRepositoryRule[] rules)
    {
        var process = Process.GetCurrentProcess();
        double Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalSeconds;
        }
        var t = Cpu();
        var context = Raxx.Guardrails.Core.Repository.RepositoryContext.Open(dir);
        var parts = new List<string> { $"list {Cpu() - t:0.000}" };
        t = Cpu();
        char[]? buffer = null;
        foreach (var file in context.Files.Where(f => CredentialRuleSupport.IsScannedTextFile(f.RelativePath)))
        {
            context.ReadText(file, ref buffer, out _); // as RAXX402 reads: into one reused buffer
        }
        parts.Add($"read+decode {Cpu() - t:0.000}");
        foreach (var rule in rules)
        {
            t = Cpu();
            Raxx.Guardrails.Core.Repository.RepositoryRunner.Run(context, new[] { rule });
            parts.Add($"{rule.RuleId} {Cpu() - t:0.000}");
        }
        Console.Error.WriteLine("  warm phases (CPU s): " + string.Join(", ", parts));
    }
}

/// <summary>Deterministic mixed tree: .env, appsettings, YAML/workflows, scripts, JS, XML, lock-like hashes.</summary>
internal static class TreeGenerator
{
    private const string B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Hex = "0123456789abcdef";

    public static (int Files, long Bytes, int Planted) Generate(string dir, long targetBytes)
    {
        var rng = new Random(42);
        Directory.CreateDirectory(dir);
        long total = 0;
        var files = 0;
        var planted = 0;
        var kinds = new[] { "config/app{0}.env", "src/svc{0}/appsettings.Production.json", "deploy/k8s{0}.yaml", ".github/workflows/ci{0}.yml", "scripts/deploy{0}.sh", "web/app{0}.js", "conf/web{0}.config", "data/lock{0}.txt" };
        while (total < targetBytes)
        {
            var kind = kinds[files % kinds.Length];
            var path = Path.Combine(dir, string.Format(System.Globalization.CultureInfo.InvariantCulture, kind, files));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var sb = new StringBuilder(64 * 1024);
            while (sb.Length < 48 * 1024)
            {
                planted += Line(sb, kind, rng);
            }
            File.WriteAllText(path, sb.ToString());
            total += sb.Length;
            files++;
        }
        return (files, total, planted);
    }

    private static string Rand(Random rng, string alphabet, int n)
    {
        var c = new char[n];
        for (var i = 0; i < n; i++)
        {
            c[i] = alphabet[rng.Next(alphabet.Length)];
        }
        return new string(c);
    }

    private static string Uuid(Random rng) => $"{Rand(rng, Hex, 8)}-{Rand(rng, Hex, 4)}-4{Rand(rng, Hex, 3)}-a{Rand(rng, Hex, 3)}-{Rand(rng, Hex, 12)}";

    private static int Line(StringBuilder sb, string kind, Random rng)
    {
        var roll = rng.Next(1000);
        var secret = roll < 2; // 0.2% of lines carry a fake credential
        string key, value;
        switch (rng.Next(8))
        {
            case 0: key = "LOG_LEVEL"; value = "information"; break;
            case 1: key = "REQUEST_ID"; value = Uuid(rng); break;
            case 2: key = "CONTENT_HASH"; value = Rand(rng, Hex, 64); break;
            case 3: key = "SERVICE_URL"; value = "https://api.example.com/v1/" + Rand(rng, B62, 12); break;
            case 4: key = "DESCRIPTION"; value = "the quick brown fox jumps over the lazy dog " + rng.Next(); break;
            case 5: key = "INTEGRITY"; value = "sha512-" + Rand(rng, B62, 86) + "=="; break;
            case 6: key = "API_TOKEN"; value = "${{ secrets.API_TOKEN }}"; break;
            default: key = "TIMEOUT_SECONDS"; value = rng.Next(1, 600).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
        }
        if (secret)
        {
            key = "HEROKU_API_KEY";
            value = Uuid(rng);
        }

        if (kind.EndsWith(".json", StringComparison.Ordinal))
        {
            sb.Append("    \"").Append(key).Append("\": \"").Append(value).Append("\",\n");
        }
        else if (kind.EndsWith(".yaml", StringComparison.Ordinal) || kind.EndsWith(".yml", StringComparison.Ordinal))
        {
            sb.Append("      ").Append(key).Append(": ").Append(value).Append('\n');
        }
        else if (kind.EndsWith(".config", StringComparison.Ordinal))
        {
            sb.Append("    <add key=\"").Append(key).Append("\" value=\"").Append(value).Append("\" />\n");
        }
        else if (kind.EndsWith(".js", StringComparison.Ordinal))
        {
            sb.Append("export const ").Append(key).Append(" = '").Append(value).Append("'; // ").Append(Rand(rng, B62, 20)).Append('\n');
        }
        else if (kind.EndsWith(".sh", StringComparison.Ordinal))
        {
            sb.Append("export ").Append(key).Append("=\"").Append(value).Append("\"\n");
        }
        else
        {
            sb.Append(key).Append('=').Append(value).Append('\n');
        }
        return secret ? 1 : 0;
    }
}
