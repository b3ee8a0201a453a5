using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Raxx.Guardrails.IntegrationTests.Flags;

/// <summary>Build-output parsing and a small app runner for the flags family's integration tests.</summary>
internal static class FlagsBuildHelpers
{
    private static readonly Regex DiagnosticLine = new(@"^[ \t]*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),\d+(?:,\d+,\d+)?\): (?:error|warning) (?<id>RAXX\d{3}):", RegexOptions.Multiline);

    /// <summary>Distinct "RAXXnnn relative/path:line" findings in build output, paths relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Findings(string output, string root)
    {
        var prefix = Path.GetFullPath(root).Replace('\\', '/').TrimEnd('/') + "/";
        return DiagnosticLine.Matches(output)
            .Select(m =>
            {
                var file = m.Groups["file"].Value.Trim().Replace('\\', '/');
                if (file.StartsWith(prefix, StringComparison.Ordinal))
                {
                    file = file.Substring(prefix.Length);
                }
                return $"{m.Groups["id"].Value} {file}:{m.Groups["line"].Value}";
            })
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The EXPECTED file of an incident folder, one finding per line.</summary>
    public static IReadOnlyList<string> Expected(string incidentDir) =>
        File.ReadAllLines(Path.Combine(incidentDir, "EXPECTED"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs <c>dotnet app.dll</c> from its folder and returns the responses to the GETs.</summary>
    public static async Task<IReadOnlyDictionary<string, (HttpStatusCode Status, string Body)>> RunAndGetAsync(
        string dll, string readyPath, IEnumerable<string> paths, IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (environment != null)
        {
            foreach (var pair in environment)
            {
                psi.Environment[pair.Key] = pair.Value;
            }
        }

        var log = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}:\n{log}");
                }
                try
                {
                    using var ready = await http.GetAsync(readyPath);
                    if (ready.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {readyPath} within 60 s:\n{log}");
                }
                Thread.Sleep(250);
            }

            var results = new Dictionary<string, (HttpStatusCode, string)>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                using var response = await http.GetAsync(path);
                results[path] = (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            return results;
        }
        finally
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10000);
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
