using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Benchmarks;

/// <summary>
/// Every repository rule (what `raxx-guardrails check` runs) over a generated repository: 200
/// workflows, a release-please config of 30 packages, and ~100 MB of mixed files (code, config,
/// docs, scripts, binaries). Reports wall time and MB/s. Single process, in-process runner.
/// </summary>
internal static class RepositoryCheck
{
    public static int Run(int megabytes)
    {
        var dir = Shell.TempDirectory("repository");
        var stopwatch = Stopwatch.StartNew();
        var bytes = Generate(dir, megabytes);
        Console.WriteLine($"generated {bytes / 1e6:0.0} MB in {dir} ({stopwatch.Elapsed.TotalSeconds:0.0}s); rules: {string.Join(", ", RepositoryRules.All.Select(r => r.RuleId).Distinct())}");

        // Warm up (JIT, file cache) on a small run, then measure.
        RepositoryRunner.Run(RepositoryContext.Open(Path.Combine(dir, ".github")));
        stopwatch.Restart();
        var context = RepositoryContext.Open(dir);
        var listed = stopwatch.Elapsed;
        var findings = RepositoryRunner.Run(context);
        var total = stopwatch.Elapsed;

        var scanned = context.Files.Sum(f => new FileInfo(f.FullPath).Length);
        Console.WriteLine($"files: {context.Files.Count:N0} ({scanned / 1e6:0.0} MB); listing {listed.TotalSeconds:0.00}s; all rules {total.TotalSeconds:0.00}s wall => {scanned / 1e6 / total.TotalSeconds:0.0} MB/s");
        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key}: {group.Count()} finding(s)");
        }
        return 0;
    }

    private static long Generate(string dir, int megabytes)
    {
        var random = new Random(42);
        long written = 0;
        var workflows = Path.Combine(dir, ".github", "workflows");
        Directory.CreateDirectory(workflows);
        for (var i = 0; i < 200; i++)
        {
            var package = $"service-{i % 30}";
            var text = i % 4 == 0
                ? $"name: deploy {package}\non:\n  push:\n    tags: ['{package}-v*.*.*']\n  workflow_dispatch:\njobs:\n  deploy:\n    if: startsWith(github.ref, 'refs/tags/{package}-v')\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: heroku config:set APP_VERSION=${{{{ github.ref_name }}}} > /dev/null\n        env:\n          HEROKU_API_KEY: ${{{{ secrets.HEROKU_API_KEY }}}}\n"
                : $"name: ci {i}\non:\n  push:\n    branches: [main, 'release/**']\n    paths: ['src/{package}/**', '!**/*.md']\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet test src/{package}\n";
            written += Write(Path.Combine(workflows, $"wf-{i:000}.yml"), text);
        }

        var packages = new StringBuilder("{\n  \"packages\": {\n");
        var manifest = new StringBuilder("{\n");
        for (var p = 0; p < 30; p++)
        {
            packages.Append($"    \"src/service-{p}\": {{ \"release-type\": \"simple\", \"component\": \"service-{p}\" }}{(p < 29 ? "," : "")}\n");
            manifest.Append($"  \"src/service-{p}\": \"1.{p}.0\"{(p < 29 ? "," : "")}\n");
        }
        written += Write(Path.Combine(dir, "release-please-config.json"), packages.Append("  }\n}\n").ToString());
        written += Write(Path.Combine(dir, ".release-please-manifest.json"), manifest.Append("}\n").ToString());

        var target = (long)megabytes * 1_000_000;
        var n = 0;
        while (written < target)
        {
            var folder = Path.Combine(dir, "src", $"service-{n % 30}", $"part{n % 97}");
            Directory.CreateDirectory(folder);
            switch (n % 6)
            {
                case 0:
                    written += Write(Path.Combine(folder, $"Code{n}.cs"), Code(n, random));
                    break;
                case 1:
                    written += Write(Path.Combine(folder, $"appsettings.{n}.json"), $"{{\n  \"Logging\": {{ \"LogLevel\": {{ \"Default\": \"Information\" }} }},\n  \"Service\": {{ \"Url\": \"https://svc{n}.example.invalid\", \"ApiKey\": \"${{SERVICE_API_KEY}}\", \"Id\": \"{Guid.NewGuid()}\" }}\n}}\n");
                    break;
                case 2:
                    written += Write(Path.Combine(folder, $"notes{n}.md"), Prose(random, 40_000));
                    break;
                case 3:
                    written += Write(Path.Combine(folder, $"deploy{n}.sh"), $"#!/usr/bin/env bash\nset -euo pipefail\nexport RELEASE_SHA={Hex(random, 40)}\nheroku config:set VERSION=$RELEASE_SHA -a svc{n} >/dev/null 2>&1\n");
                    break;
                case 4:
                    var binary = new byte[200_000];
                    random.NextBytes(binary);
                    File.WriteAllBytes(Path.Combine(folder, $"image{n}.png"), binary);
                    written += binary.Length;
                    break;
                default:
                    written += Write(Path.Combine(folder, $"values{n}.yaml"), $"service:\n  name: svc{n}\n  replicas: {n % 5 + 1}\n  checksum: {Hex(random, 64)}\n  token: ${{{{ secrets.TOKEN }}}}\n" + Prose(random, 20_000).Replace("\n", "\n# ", StringComparison.Ordinal));
                    break;
            }
            n++;
        }
        return written;
    }

    private static long Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return Encoding.UTF8.GetByteCount(text);
    }

    private static string Code(int n, Random random)
    {
        var sb = new StringBuilder($"namespace Generated.N{n};\n\npublic static class C{n}\n{{\n");
        for (var m = 0; m < 400; m++)
        {
            sb.Append($"    public static string M{m}(string input) => input + \"{Hex(random, 8)}\" + {m};\n");
        }
        return sb.Append("}\n").ToString();
    }

    private static string Prose(Random random, int length)
    {
        var words = new[] { "deploy", "release", "config", "the", "flag", "route", "token", "instance", "boot", "health", "and", "of", "environment", "variable" };
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            sb.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? ".\n" : " ");
        }
        return sb.ToString();
    }

    private static string Hex(Random random, int length)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = digits[random.Next(16)];
        }
        return new string(chars);
    }
}
