using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>
    /// Starts the app as production would (on a free loopback port), waits for its health endpoint
    /// within a bounded time, probes routes, and always stops the process: on success, failure,
    /// timeout and cancellation alike.
    /// </summary>
    public static class BootRunner
    {
        /// <summary>Most output kept per boot (characters); the start of the output explains most failures.</summary>
        public const int MaxOutputChars = 64 * 1024;

        private static readonly HashSet<int> PortsInUse = new HashSet<int>();
        private static readonly object PortGate = new object();

        public static async Task<BootResult> RunAsync(BootSpec spec, CancellationToken cancellationToken = default)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            var result = await RunOnceAsync(spec, spec.ProbeAssemblyPath, spec.ProbeUnavailableReason, cancellationToken).ConfigureAwait(false);
            if (spec.ProbeAssemblyPath != null && result.Outcome == BootOutcome.Exited && PreflightProbe.IsStartupHookFailure(result.Output))
            {
                // The runtime refuses a startup hook it cannot load (an app on a runtime older than the probe's
                // framework, a probe file gone): that is the probe's failure, not the app's. Boot again without it.
                // (Apps that disable startup hooks ignore the variable: no endpoint list, the fallback.)
                var reason = "the app could not load the probe (" + (result.FirstErrorLine ?? "startup hook failed") + "), so it was booted without it";
                result = await RunOnceAsync(spec, null, reason, cancellationToken).ConfigureAwait(false);
            }
            return result;
        }

        private static async Task<BootResult> RunOnceAsync(BootSpec spec, string? probePath, string? noProbeReason, CancellationToken cancellationToken)
        {
            var port = ReservePort();
            var token = probePath != null ? PreflightProbe.NewToken() : null;
            var output = new BoundedOutput(MaxOutputChars);
            var stopwatch = Stopwatch.StartNew();
            Process? process = null;
            try
            {
                var psi = new ProcessStartInfo(spec.FileName, string.Join(" ", spec.Arguments.Select(Quote)))
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    RedirectStandardInput = true,
                    CreateNoWindow = true,
                    WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
                };
                psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
                psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
                foreach (var kv in spec.Environment)
                {
                    psi.Environment[kv.Key] = kv.Value;
                }
                // After the declared variables: the port is ours to choose.
                psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
                psi.Environment.Remove("ASPNETCORE_HTTP_PORTS");
                psi.Environment.Remove("ASPNETCORE_HTTPS_PORTS");
                psi.Environment["DOTNET_NOLOGO"] = "1";
                if (probePath != null)
                {
                    psi.Environment.TryGetValue(PreflightProbe.StartupHooksVariable, out var hooks);
                    psi.Environment[PreflightProbe.StartupHooksVariable] = string.IsNullOrEmpty(hooks) ? probePath : hooks + System.IO.Path.PathSeparator + probePath;
                    psi.Environment[PreflightProbe.TokenVariable] = token;
                }
                else
                {
                    psi.Environment.Remove(PreflightProbe.TokenVariable);
                }

                try
                {
                    process = Process.Start(psi);
                }
                catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException)
                {
                    return new BootResult(spec, BootOutcome.FailedToStart, stopwatch.Elapsed, null, ex.Message, null);
                }
                if (process == null)
                {
                    return new BootResult(spec, BootOutcome.FailedToStart, stopwatch.Elapsed, null, "the process did not start", null);
                }

                process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
                process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();

                using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) })
                {
                    var healthUri = new Uri($"http://127.0.0.1:{port}{NormalizePath(spec.HealthPath)}");
                    int? lastStatus = null;
                    var deadline = stopwatch.Elapsed + spec.Timeout;
                    while (stopwatch.Elapsed < deadline)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (process.HasExited)
                        {
                            process.WaitForExit(); // drain the asynchronous readers
                            return new BootResult(spec, BootOutcome.Exited, stopwatch.Elapsed, process.ExitCode, output.ToString(), lastStatus);
                        }

                        var status = await TryGetAsync(http, healthUri, cancellationToken).ConfigureAwait(false);
                        if (status.HasValue)
                        {
                            lastStatus = status;
                            if (status.Value == 200)
                            {
                                var result = new BootResult(spec, BootOutcome.Healthy, stopwatch.Elapsed, null, output.ToString(), status);
                                var probes = spec.Probes.ToList();
                                if (probePath != null)
                                {
                                    var (inventory, why) = await FetchEndpointsAsync(http, port, token!, cancellationToken).ConfigureAwait(false);
                                    result.Endpoints = inventory;
                                    result.DiscoveryNote = why;
                                }
                                else
                                {
                                    result.DiscoveryNote = noProbeReason ?? "no endpoint probe attached";
                                }
                                if (spec.RoutePlanner != null)
                                {
                                    probes.AddRange(spec.RoutePlanner.Plan(spec, result.Endpoints, result.DiscoveryNote));
                                }
                                foreach (var probe in probes)
                                {
                                    var probeStatus = await TryGetAsync(http, new Uri($"http://127.0.0.1:{port}{NormalizePath(probe.Path)}"), cancellationToken).ConfigureAwait(false);
                                    result.ProbeResults.Add((probe, probeStatus ?? 0));
                                }
                                return result;
                            }
                        }

                        await Task.Delay(150, cancellationToken).ConfigureAwait(false);
                    }

                    return new BootResult(spec, BootOutcome.TimedOut, stopwatch.Elapsed, null, output.ToString(), lastStatus);
                }
            }
            finally
            {
                Stop(process);
                ReleasePort(port);
            }
        }

        /// <summary>
        /// Runs boots in parallel (at most <paramref name="maxParallel"/> at once, the core count by
        /// default). Results come back in the order of <paramref name="specs"/>.
        /// </summary>
        public static async Task<IReadOnlyList<BootResult>> RunAllAsync(IReadOnlyList<BootSpec> specs, int maxParallel = 0, CancellationToken cancellationToken = default)
        {
            var parallel = maxParallel > 0 ? maxParallel : Math.Max(1, Environment.ProcessorCount);
            using (var gate = new SemaphoreSlim(parallel))
            {
                var tasks = specs.Select(async spec =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await RunAsync(spec, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToArray();
                return await Task.WhenAll(tasks).ConfigureAwait(false);
            }
        }

        /// <summary>Reads the app's endpoint list from the probe; a missing or unreadable list is a reason, never an exception.</summary>
        private static async Task<(EndpointInventory? Inventory, string? Reason)> FetchEndpointsAsync(HttpClient http, int port, string token, CancellationToken cancellationToken)
        {
            try
            {
                using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{PreflightProbe.EndpointsPath}")))
                {
                    request.Headers.TryAddWithoutValidation(PreflightProbe.TokenHeader, token);
                    using (var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false))
                    {
                        var status = (int)response.StatusCode;
                        if (status == 404)
                        {
                            return (null, "the probe did not attach: the app is not ASP.NET Core on .NET 6 or later, or it prevents hosting startups or startup hooks");
                        }
                        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        var inventory = EndpointInventory.Parse(body);
                        if (!inventory.Success)
                        {
                            return (null, inventory.Error);
                        }
                        return (inventory, null);
                    }
                }
            }
            catch (HttpRequestException ex)
            {
                return (null, "the endpoint list could not be read: " + ex.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, "the endpoint list did not answer in time");
            }
        }

        private static async Task<int?> TryGetAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
        {
            try
            {
                using (var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false))
                {
                    return (int)response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                return null; // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null; // request timeout
            }
        }

        private static void Stop(Process? process)
        {
            if (process == null)
            {
                return;
            }
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(10_000);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is Win32Exception || ex is NotSupportedException)
            {
                // already gone
            }
            finally
            {
                process.Dispose();
            }
        }

        private static int ReservePort()
        {
            lock (PortGate)
            {
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, 0);
                    listener.Start();
                    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    listener.Stop();
                    if (PortsInUse.Add(port))
                    {
                        return port;
                    }
                }
                throw new InvalidOperationException("no free loopback port");
            }
        }

        private static void ReleasePort(int port)
        {
            lock (PortGate)
            {
                PortsInUse.Remove(port);
            }
        }

        private static string NormalizePath(string path) => path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path;

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

        private sealed class BoundedOutput
        {
            private readonly StringBuilder _sb = new StringBuilder();
            private readonly int _max;
            private bool _truncated;

            public BoundedOutput(int max) => _max = max;

            public void AppendLine(string? line)
            {
                if (line == null)
                {
                    return;
                }
                lock (_sb)
                {
                    if (_sb.Length + line.Length + 1 > _max)
                    {
                        _truncated = true;
                        return;
                    }
                    _sb.Append(line).Append('\n');
                }
            }

            public override string ToString()
            {
                lock (_sb)
                {
                    return _truncated ? _sb + "[output truncated]\n" : _sb.ToString();
                }
            }
        }
    }
}
