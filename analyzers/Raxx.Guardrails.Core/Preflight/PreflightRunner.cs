using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Preflight
{
    /// <summary>What to preflight: the built app, its settings and flags, and where to point app-level findings.</summary>
    public sealed class PreflightRequest
    {
        public PreflightRequest(string appPath, PreflightSettings settings, IReadOnlyList<PreflightFlag> flags, FindingLocation appLocation)
        {
            AppPath = appPath ?? throw new ArgumentNullException(nameof(appPath));
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            Flags = flags ?? Array.Empty<PreflightFlag>();
            AppLocation = appLocation ?? throw new ArgumentNullException(nameof(appLocation));
        }

        /// <summary>The app's built entry point: a .dll (run with <c>dotnet</c>) or an executable.</summary>
        public string AppPath { get; }
        public PreflightSettings Settings { get; }
        public IReadOnlyList<PreflightFlag> Flags { get; }
        public FindingLocation AppLocation { get; }

        /// <summary>
        /// The endpoint probe to attach for route discovery; null: found by <see cref="PreflightProbe.Find"/> (unless
        /// <c>preflight.discover: false</c>).
        /// </summary>
        public string? ProbeAssemblyPath { get; set; }

        /// <summary>
        /// The repository config whose <c>severities</c> grade the run's RAXX601–603 (<see cref="RepositoryConfig.ConfigureProblem"/>):
        /// the root config <see cref="PreflightPlanner.Plan"/> loaded; the defaults when not set.
        /// </summary>
        public RepositoryConfig Config { get; set; } = new RepositoryConfig();
    }

    /// <summary>The outcome of a preflight: every boot, the findings, and the wall time.</summary>
    public sealed class PreflightRun
    {
        public PreflightRun(IReadOnlyList<BootResult> results, IReadOnlyList<Finding> findings, TimeSpan elapsed, int parallel, IReadOnlyList<string>? notes = null)
        {
            Results = results;
            Findings = findings;
            Elapsed = elapsed;
            Parallel = parallel;
            Notes = notes ?? Array.Empty<string>();
        }

        /// <summary>What the run says about route discovery: the gated routes found, routes skipped, a fallback to declared routes.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Why nothing was booted when the run was skipped on purpose (every rule it reports is configured off); null otherwise.</summary>
        public string? SkippedBecause { get; set; }

        public IReadOnlyList<BootResult> Results { get; }
        public IReadOnlyList<Finding> Findings { get; }
        public TimeSpan Elapsed { get; }
        public int Parallel { get; }

        /// <summary>One line per boot and a total, for console output and build logs (no variable values: they may be secrets).</summary>
        public IEnumerable<string> Describe()
        {
            if (SkippedBecause != null)
            {
                yield return "preflight: skipped, no boot: " + SkippedBecause;
                yield break;
            }
            foreach (var result in Results)
            {
                var probes = result.ProbeResults.Count == 0 ? string.Empty
                    : " — " + string.Join(", ", result.ProbeResults.Select(p => $"{p.Probe.Path} {(p.Status == 0 ? "unreachable" : p.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}{(p.Probe.ExpectFound ? string.Empty : " (gated)")}"));
                var outcome = result.IsHealthy ? "healthy" : result.Outcome.ToString().ToLowerInvariant();
                yield return $"  boot {result.Spec.Name}: {outcome} in {result.Elapsed.TotalSeconds:0.0}s{probes}";
            }
            foreach (var note in Notes)
            {
                yield return "  routes: " + note;
            }
            yield return $"preflight: {Results.Count} boot(s), {Results.Count(r => r.IsHealthy)} healthy, {Findings.Count} finding(s) in {Elapsed.TotalSeconds:0.0}s (up to {Parallel} in parallel)";
        }
    }

    /// <summary>
    /// Boots the app as production would, then once per flag flipped and once with every flag on
    /// (<see cref="FlagMatrix"/>), probing flag-gated routes; turns failures into RAXX601–603.
    /// </summary>
    public static class PreflightRunner
    {
        /// <summary>The rules whose findings come from booting the app.</summary>
        private static readonly string[] BootRules = { RuleIds.Raxx601, RuleIds.Raxx602, RuleIds.Raxx603 };

        public static async Task<PreflightRun> RunAsync(PreflightRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var stopwatch = Stopwatch.StartNew();
            if (BootRules.All(rule => request.Config.EffectiveSeverity(rule, FindingSeverity.Error) == FindingSeverity.None))
            {
                // nothing a boot finds could be reported: booting the app (once per flag, with its timeouts) would be work for
                // nothing. (RAXX303, the flags file's problems, is the planner's and does not need a boot.)
                return new PreflightRun(Array.Empty<BootResult>(), Array.Empty<Finding>(), stopwatch.Elapsed, 0)
                {
                    SkippedBecause = "RAXX601, RAXX602 and RAXX603 are all configured none (severities in the repository config)",
                };
            }
            var findings = new List<Finding>();
            var flags = request.Flags.ToList();
            var byName = new HashSet<string>(flags.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var route in request.Settings.GatedRoutes)
            {
                if (!byName.Contains(route.Value))
                {
                    findings.Add(new Finding(RuleIds.Raxx603, FindingSeverity.Error,
                        $"Route {route.Key} is configured as gated by flag '{route.Value}', which the flags file does not declare: the gate can never open (a silent 404).",
                        request.AppLocation, "route " + route.Key + " undeclared"));
                }
            }

            // Route discovery: the probe reports the app's endpoints (and their flag gates) in every boot.
            var planner = new GatedRoutePlanner(flags, request.Settings.GatedRoutes, request.AppLocation);
            string? probePath = null;
            string? noProbe = null;
            if (!request.Settings.Discover)
            {
                noProbe = "preflight.discover is false";
            }
            else
            {
                probePath = request.ProbeAssemblyPath ?? PreflightProbe.Find();
                if (probePath == null || !File.Exists(probePath))
                {
                    noProbe = $"the endpoint probe {PreflightProbe.AssemblyFileName} was not found beside {Path.GetFileName(typeof(PreflightProbe).Assembly.Location)} (set {PreflightProbe.LocationVariable} to its path)";
                    probePath = null;
                }
            }

            var appPath = Path.GetFullPath(request.AppPath);
            var isDll = appPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
            BootSpec Create(string name)
            {
                var spec = new BootSpec(name, isDll ? "dotnet" : appPath, isDll ? new[] { appPath } : Array.Empty<string>())
                {
                    // ASP.NET Core's content root is the working directory: appsettings*.json must be found.
                    WorkingDirectory = Path.GetDirectoryName(appPath),
                    HealthPath = request.Settings.HealthPath,
                    Timeout = request.Settings.Timeout,
                    ProbeAssemblyPath = probePath,
                    ProbeUnavailableReason = noProbe,
                    RoutePlanner = planner,
                };
                foreach (var variable in request.Settings.Environment)
                {
                    spec.Environment[variable.Key] = variable.Value;
                }
                return spec;
            }

            var parallel = request.Settings.MaxParallel > 0 ? request.Settings.MaxParallel : Math.Max(1, Environment.ProcessorCount);
            IReadOnlyList<BootResult> results;
            Finding? notRun = null;
            if (!File.Exists(appPath))
            {
                results = Array.Empty<BootResult>();
                // Nothing was booted, so nothing was checked: an error whatever the config grades RAXX601 (like the hosts'
                // "the preflight could not run"), never silenced by RAXX601: none.
                notRun = new Finding(RuleIds.Raxx601, FindingSeverity.Error,
                    $"The app to preflight was not found at {appPath}: build it first.", request.AppLocation, "missing app");
            }
            else
            {
                var boots = FlagMatrix.Build(Create, flags);
                results = await BootRunner.RunAllAsync(boots, parallel, cancellationToken).ConfigureAwait(false);
                findings.AddRange(planner.Findings);
                findings.AddRange(PreflightReport.ToFindings(results, flags, request.AppLocation));
            }

            // The same route fails the same way in its flag's boot and in the all-on boot: report it once.
            // Then each at the severity the repository config gives its rule (a warning, a note, or not reported with none).
            var distinct = findings.GroupBy(f => f.RuleId + "\n" + f.Location.Path + "\n" + (f.FingerprintMaterial ?? f.Message), StringComparer.Ordinal).Select(g => g.First())
                .Select(request.Config.ConfigureProblem).Where(f => f != null).Select(f => f!).ToList();
            if (notRun != null)
            {
                distinct.Add(notRun);
            }
            return new PreflightRun(results, distinct, stopwatch.Elapsed, parallel, planner.Notes);
        }
    }
}
