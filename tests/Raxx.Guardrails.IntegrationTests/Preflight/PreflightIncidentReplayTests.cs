using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Rules;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Preflight
{
    /// <summary>
    /// The SEV-1 replayed by the preflight: incident 01's app, built, with its instance override file in the
    /// output (as it was in the deployed bundle) and WEBAUTHN_RP_ID=raxx.app declared for production. With the
    /// flags at their defaults it boots; flipping FLAG_WEBAUTHN_REGISTRATION crashes it — RAXX602 names the flag
    /// and WEBAUTHN_RP_ID, before anyone flips it in production.
    /// </summary>
    [Collection(DotnetCollection.Name)]
    public sealed class PreflightIncidentReplayTests : IDisposable
    {
        private static readonly string ProjectDir = RepoPaths.Combine("samples", "incidents", "01-config-overwrite", "Raptor.Api");
        private readonly TempDirectory _temp = new("preflight");

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task Incident01_FlagFlip_IsRaxx602_NamingTheFlagAndTheKey_Reports()
        {
            var build = DotnetCli.Run(ProjectDir, new[] { "build", "-p:RaxxIncidentRun=true" }.Concat(DotnetCli.SampleBuildArgs));
            Assert.True(build.ExitCode == 0, "the run build (RAXX101 silenced) must succeed:\n" + build);
            var output = Path.Combine(ProjectDir, "bin", RepoPaths.Configuration, "net10.0");
            Directory.CreateDirectory(Path.Combine(output, "instance"));
            File.Copy(Path.Combine(ProjectDir, "instance", "config.json"), Path.Combine(output, "instance", "config.json"), overwrite: true);

            // The team's own declarations, as a repository would hold them.
            File.WriteAllText(_temp.Combine("raxx-guardrails.yaml"), """
                preflight:
                  timeout_seconds: 45
                  env:
                    WEBAUTHN_RP_ID: raxx.app
                    WEBAUTHN_RP_NAME: Raxx
                    WEBAUTHN_ORIGIN: https://raxx.app
                """);
            File.WriteAllText(_temp.Combine("feature_flags.yaml"), """
                flags:
                  webauthn_registration:
                    default: false
                    description: Passkey registration
                    risk: high
                    owner: auth
                  auth_webauthn_login:
                    default: false
                    description: Passkey login
                    risk: high
                    owner: auth
                """);

            var problems = new FindingList();
            var request = PreflightPlanner.Plan(_temp.Path, null, Path.Combine(output, "Raptor.Api.dll"), null, problems);
            var run = await PreflightRunner.RunAsync(request);

            Assert.Empty(problems.Items);
            Assert.Equal(new[] { "production", "flag webauthn_registration on", "flag auth_webauthn_login on", "every flag on" }, run.Results.Select(r => r.Spec.Name));
            Assert.True(run.Results[0].IsHealthy, "flags off: the validator is off, the app boots:\n" + run.Results[0].Output);
            Assert.All(run.Findings, f => Assert.Equal(RuleIds.Raxx602, f.RuleId));
            Assert.Equal(3, run.Findings.Count);
            var sev1 = run.Findings[0];
            Assert.Equal("feature_flags.yaml", sev1.Location.Path);
            Assert.Equal(2, sev1.Location.StartLine);
            Assert.StartsWith("The app fails to boot when flag 'webauthn_registration' is flipped on (FLAG_WEBAUTHN_REGISTRATION=1): exited with code", sev1.Message, StringComparison.Ordinal);
            Assert.Contains("WEBAUTHN_RP_ID is not set", sev1.Message, StringComparison.Ordinal);
            Assert.True(run.Elapsed < TimeSpan.FromMinutes(2), run.Elapsed.ToString());
        }
    }
}
