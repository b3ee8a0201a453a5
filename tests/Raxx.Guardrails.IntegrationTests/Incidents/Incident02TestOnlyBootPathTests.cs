using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Testing;
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

        /// <summary>The incident projects keep RAXX201/RAXX203 as warnings themselves (TreatWarningsAsErrors off).</summary>
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

        /// <summary>
        /// The command line route users have for the code fix: `dotnet format analyzers` on a copy of the incident reports
        /// RAXX203 (a rule kept a warning with WarningsNotAsErrors is read as hidden by dotnet format and never run,
        /// dotnet/format#1643: the incident used to do that), applies the fix (a fix that only added a file was dropped by
        /// dotnet format), and a second run finds nothing left. Two dotnet invocations.
        /// </summary>
        [Fact]
        public void DotnetFormat_ReportsAndFixesRaxx203()
        {
            using var copy = new TempDirectory("fmt203");
            foreach (var name in new[] { "Raptor.Api", "Raptor.Api.Tests" })
            {
                CopyProject(Path.Combine(IncidentDir, name), copy.Combine(name));
            }
            // What the copy would find above it inside the repository: the samples' props/targets and central versions.
            copy.Write("Directory.Build.props", Import(RepoPaths.Combine("samples", "Directory.Build.props")));
            copy.Write("Directory.Build.targets", Import(RepoPaths.Combine("samples", "Directory.Build.targets")));
            copy.Write("Directory.Packages.props", Import(RepoPaths.Combine("Directory.Packages.props")));
            File.Copy(RepoPaths.Combine("global.json"), copy.Combine("global.json"));
            // dotnet format loads the projects in Debug (it takes no -c): the environment gives MSBuild the configuration the
            // suite built, so the analyzer and code-fix project references resolve to that output.
            var environment = new Dictionary<string, string?> { ["Configuration"] = RepoPaths.Configuration };
            var project = copy.Combine("Raptor.Api.Tests", "Raptor.Api.Tests.csproj");
            var args = new[] { "format", "analyzers", project, "--diagnostics", "RAXX203", "--severity", "info" };

            var fix = DotnetCli.Run(copy.Path, args, environment, TimeSpan.FromMinutes(6));
            Assert.True(fix.ExitCode == 0, "dotnet format analyzers must apply the RAXX203 fix:\n" + fix);
            var tests = File.ReadAllText(copy.Combine("Raptor.Api.Tests", "WebAuthnBootTests.cs"));
            Assert.Contains("public sealed class ProductionBootTests", tests, StringComparison.Ordinal);
            Assert.Contains("await using var app = Program.CreateApp(Array.Empty<string>());", tests, StringComparison.Ordinal);

            var verify = DotnetCli.Run(copy.Path, args.Append("--verify-no-changes"), environment, TimeSpan.FromMinutes(6));
            Assert.True(verify.ExitCode == 0, "no RAXX203 may be left after the fix:\n" + verify);
            Assert.DoesNotContain("RAXX203", verify.Output, StringComparison.Ordinal);
        }

        private static string Import(string path) => $"<Project>\n  <Import Project=\"{path}\" />\n</Project>\n";

        private static void CopyProject(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top == "bin" || top == "obj")
                {
                    continue;
                }
                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
