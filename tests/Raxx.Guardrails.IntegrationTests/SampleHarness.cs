using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Raxx.Guardrails.IntegrationTests.Package;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests;

/// <summary>
/// What the integration tests of the samples (incidents and the companion) share: an incident's EXPECTED lines,
/// the findings a build printed in the same <c>RAXXnnn relative/path:line</c> form, and running a built app — until
/// a log line appears (<see cref="StartUntil"/>) or until it answers HTTP (<see cref="RunAndGetAsync"/>).
/// </summary>
internal static class SampleHarness
{
    /// <summary>The folder of <c>samples/incidents/&lt;name&gt;</c>.</summary>
    public static string Incident(string name) => RepoPaths.Combine("samples", "incidents", name);

    /// <summary>
    /// How Raptor runs in production (INCIDENTS.md §1): the platform's config vars (WEBAUTHN_RP_ID=raxx.app …), the flag that
    /// turned the boot validator on, a free loopback port; the other WebAuthn flag and DOTNET_ENVIRONMENT removed (null).
    /// </summary>
    public static Dictionary<string, string?> RaptorProductionEnvironment() => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = null,
        ["WEBAUTHN_RP_ID"] = "raxx.app",
        ["WEBAUTHN_RP_NAME"] = "Raxx",
        ["WEBAUTHN_ORIGIN"] = "https://raxx.app",
        ["FLAG_WEBAUTHN_REGISTRATION"] = "1",
        ["FLAG_AUTH_WEBAUTHN_LOGIN"] = null,
    };

    /// <summary>The EXPECTED file of an incident folder, one finding per line, sorted (comments and blank lines skipped).</summary>
    public static IReadOnlyList<string> Expected(string incidentDir) =>
        File.ReadAllLines(Path.Combine(incidentDir, "EXPECTED"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Distinct, sorted <c>RAXXnnn relative/path:line</c> findings located in `dotnet build`/`test` console output
    /// (compiler diagnostics and the MSBuild tasks' ones), paths relative to <paramref name="root"/>.
    /// </summary>
    public static IReadOnlyList<string> Findings(string output, string root)
    {
        var prefix = Path.GetFullPath(root).Replace('\\', '/').TrimEnd('/') + "/";
        return BuildOutput.Parse(output)
            .Where(d => d.Code.StartsWith("RAXX", StringComparison.Ordinal) && d.Line > 0)
            .Select(d =>
            {
                var file = d.File.Replace('\\', '/');
                return $"{d.Code} {(file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file)}:{d.Line}";
            })
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Runs <c>dotnet app.dll</c> until a line containing <paramref name="marker"/> appears (true), or it exits / times
    /// out (false); then stops it. <paramref name="environment"/> entries with a null value are removed.
    /// </summary>
    public static (bool Started, string Output) StartUntil(string workingDirectory, string dll, IDictionary<string, string?> environment, string marker, TimeSpan timeout)
    {
        using var seen = new ManualResetEventSlim();
        void Signal()
        {
            try
            {
                seen.Set();
            }
            catch (ObjectDisposedException)
            {
            }
        }
        using var app = AppProcess.Start(workingDirectory, dll, environment, line =>
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                Signal();
            }
        });
        app.Process.Exited += (_, _) => Signal();
        if (app.Process.HasExited)
        {
            Signal();
        }
        seen.Wait(timeout);
        var log = app.Log;
        return (log.Contains(marker, StringComparison.Ordinal), log);
    }

    /// <summary>
    /// Runs <c>dotnet app.dll</c> from its folder as production on a free loopback port, waits (60 s at most) until
    /// <paramref name="readyPath"/> answers a success, and returns the responses to the GETs; then stops it.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (HttpStatusCode Status, string Body)>> RunAndGetAsync(
        string dll, string readyPath, IEnumerable<string> paths, IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            env[pair.Key] = pair.Value;
        }

        using var app = AppProcess.Start(Path.GetDirectoryName(dll)!, dll, env, _ => { });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (app.Process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {app.Process.ExitCode}:\n{app.Log}");
            }
            try
            {
                using var ready = await http.GetAsync(new Uri(readyPath, UriKind.Relative));
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
                throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {readyPath} within 60 s:\n{app.Log}");
            }
            await Task.Delay(250);
        }

        var results = new Dictionary<string, (HttpStatusCode, string)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            results[path] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        return results;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A started <c>dotnet app.dll</c> with its interleaved output; disposing stops it (the whole process tree).</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly StringBuilder _log = new();

        private AppProcess(System.Diagnostics.Process process) => Process = process;

        public System.Diagnostics.Process Process { get; }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public static AppProcess Start(string workingDirectory, string dll, IDictionary<string, string?> environment, Action<string> onLine)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(dll);
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var pair in environment)
            {
                if (pair.Value == null)
                {
                    psi.Environment.Remove(pair.Key);
                }
                else
                {
                    psi.Environment[pair.Key] = pair.Value;
                }
            }

            var app = new AppProcess(new System.Diagnostics.Process { StartInfo = psi, EnableRaisingEvents = true });
            void OnData(object sender, DataReceivedEventArgs e)
            {
                if (e.Data == null)
                {
                    return;
                }
                lock (app._log)
                {
                    app._log.AppendLine(e.Data);
                }
                onLine(e.Data);
            }
            app.Process.OutputDataReceived += OnData;
            app.Process.ErrorDataReceived += OnData;
            app.Process.Start();
            app.Process.BeginOutputReadLine();
            app.Process.BeginErrorReadLine();
            return app;
        }

        public void Dispose()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                }
                Process.WaitForExit(); // also waits for the redirected output to end: no output event after Dispose
            }
            catch (InvalidOperationException)
            {
            }
            Process.Dispose();
        }
    }
}
