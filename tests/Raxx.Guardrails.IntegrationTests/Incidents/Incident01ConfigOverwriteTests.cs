using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Incidents
{
    /// <summary>
    /// samples/incidents/01-config-overwrite: the build reports RAXX101 at the line EXPECTED names and fails;
    /// built anyway, the app crashes at boot exactly like the incident although WEBAUTHN_RP_ID=raxx.app is in
    /// the environment; the fixed twin builds clean and starts.
    /// </summary>
    [Collection(DotnetCollection.Name)]
    public class Incident01ConfigOverwriteTests
    {
        private static readonly string IncidentDir = SampleHarness.Incident("01-config-overwrite");
        private static readonly string ProjectDir = Path.Combine(IncidentDir, "Raptor.Api");
        private static readonly string FixedDir = Path.Combine(IncidentDir, "fixed", "Raptor.Api");

        [Fact]
        public void Incident_BuildFailsWithRaxx101_AndBootCrashesOnTheOverwrittenValue_Reports()
        {
            // 1. A plain build reports every EXPECTED finding (ID, file, line) and fails.
            var build = DotnetCli.Run(ProjectDir, new[] { "build", "--no-incremental" }.Concat(DotnetCli.SampleBuildArgs));
            Assert.True(build.ExitCode != 0, "the incident must not build:\n" + build);
            var reported = SampleHarness.Findings(build.Output, IncidentDir);
            var expected = SampleHarness.Expected(IncidentDir);
            Assert.Equal(new[] { "RAXX101 Raptor.Api/Program.cs:7" }, expected);
            Assert.Equal(expected, reported);
            Assert.Contains("AddJsonFile(\"instance/config.json\") is added after environment variables and overrides them", build.Output, StringComparison.Ordinal);

            // 2. Built anyway, it crashes at boot with the incident's message although the environment has the value.
            var runBuild = DotnetCli.Run(ProjectDir, new[] { "build", "--no-incremental", "-p:RaxxIncidentRun=true" }.Concat(DotnetCli.SampleBuildArgs));
            Assert.True(runBuild.ExitCode == 0, "the run build (RAXX101 silenced) must succeed:\n" + runBuild);
            var run = DotnetCli.Run(ProjectDir, new[] { Dll(ProjectDir) }, SampleHarness.RaptorProductionEnvironment(), TimeSpan.FromSeconds(90));
            Assert.True(run.ExitCode != 0 && run.ExitCode != -1, "the incident app must exit with an error:\n" + run);
            Assert.Contains("OptionsValidationException", run.Output, StringComparison.Ordinal);
            Assert.Contains("WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void FixedTwin_BuildsClean_AndStarts_NoReport()
        {
            var build = DotnetCli.Run(FixedDir, new[] { "build" }.Concat(DotnetCli.SampleBuildArgs));
            Assert.True(build.ExitCode == 0, "the fixed twin must build:\n" + build);
            Assert.Empty(SampleHarness.Findings(build.Output, IncidentDir));
            Assert.DoesNotContain("RAXX", build.Output, StringComparison.Ordinal);

            var (started, output) = SampleHarness.StartUntil(FixedDir, Dll(FixedDir), SampleHarness.RaptorProductionEnvironment(), "Now listening on", TimeSpan.FromSeconds(90));
            Assert.True(started, "the fixed twin must start with WEBAUTHN_RP_ID=raxx.app in the environment:\n" + output);
            Assert.DoesNotContain("WEBAUTHN_RP_ID is not set", output, StringComparison.Ordinal);
        }

        private static string Dll(string projectDir) => Path.Combine(projectDir, "bin", RepoPaths.Configuration, "net10.0", "Raptor.Api.dll");
    }
}
