using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Incidents
{
    /// <summary>
    /// samples/incidents/02-test-only-boot-path: the build reports RAXX201 on the factory's testConfig branch and
    /// RAXX203 on the test assembly (at the lines EXPECTED names); the incident's tests pass; the production boot
    /// of the same app fails. Three dotnet invocations: build app, test (build + run), run app.
    /// </summary>
    [Collection(DotnetCollection.Name)]
    public class Incident02TestOnlyBootPathTests
    {
        private static readonly string IncidentDir = SampleHarness.Incident("02-test-only-boot-path");
        private static readonly string AppDir = Path.Combine(IncidentDir, "Raptor.Api");
        private static readonly string TestsDir = Path.Combine(IncidentDir, "Raptor.Api.Tests");

        /// <summary>The incident projects keep RAXX201/RAXX203 as warnings themselves (WarningsNotAsErrors).</summary>
        private static IEnumerable<string> BuildArgs => DotnetCli.SampleBuildArgs;

        [Fact]
        public void Incident_TestsPassOnTheTestPath_ProductionBootFails_Reports()
        {
            // 1. The app: RAXX201 on the testConfig branch.
            var build = DotnetCli.Run(AppDir, new[] { "build", "--no-incremental" }.Concat(BuildArgs));
            Assert.True(build.ExitCode == 0, "the incident app must build (warnings only):\n" + build);
            Assert.Contains("'testConfig != null' gives tests their own boot path: the production path adds 'instance/config.json'; the test path skips it", build.Output, StringComparison.Ordinal);

            // 2. The incident's tests: RAXX203 on the assembly, and they pass.
            //    `dotnet test` has no --no-incremental: remove the intermediate assembly so the compiler (and analyzers) run.
            var intermediate = Path.Combine(TestsDir, "obj", RepoPaths.Configuration, "net10.0", "Raptor.Api.Tests.dll");
            if (File.Exists(intermediate))
            {
                File.Delete(intermediate);
            }
            var test = DotnetCli.Run(TestsDir, new[] { "test" }.Concat(BuildArgs), timeout: TimeSpan.FromMinutes(6));
            Assert.True(test.ExitCode == 0, "the incident's tests must pass (that is the incident):\n" + test);
            Assert.Contains("No test in 'Raptor.Api.Tests' boots the application through its production path: every call to Program.CreateApp passes test configuration", test.Output, StringComparison.Ordinal);

            var expected = SampleHarness.Expected(IncidentDir);
            Assert.Equal(new[] { "RAXX201 Raptor.Api/Program.cs:15", "RAXX203 Raptor.Api.Tests/WebAuthnBootTests.cs:22" }, expected);
            // each output parsed on its own: a build summary ends what BuildOutput reads of one output
            var reported = SampleHarness.Findings(build.Output, IncidentDir).Concat(SampleHarness.Findings(test.Output, IncidentDir))
                .Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, reported);

            // 3. The production boot of the same build: WEBAUTHN_RP_ID=raxx.app in the environment, the instance
            //    file (content root = the project folder) overwrites it, the validator refuses to start.
            var environment = SampleHarness.RaptorProductionEnvironment();
            var dll = Path.Combine(AppDir, "bin", RepoPaths.Configuration, "net10.0", "Raptor.Api.dll");
            var run = DotnetCli.Run(AppDir, new[] { dll }, environment, TimeSpan.FromSeconds(90));
            Assert.True(run.ExitCode != 0 && run.ExitCode != -1, "the production boot must fail:\n" + run);
            Assert.Contains("WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", run.Output, StringComparison.Ordinal);
        }
    }
}
