using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>
    /// Incident 12 is caught by the boot preflight only (RAXX601–603, run by <c>./build.sh samples</c> after the build).
    /// Its apps must compile with no analyzer finding at all — an analyzer error would stop the build and leave nothing to
    /// boot — and so must its fixed twin. If an analyzer learns to see one of these bugs (e.g. RAXX101 through a helper
    /// that takes an <c>IConfigurationBuilder</c>), this test says the sample has to move the bug somewhere the build
    /// cannot see, or list the new finding.
    /// </summary>
    public sealed class PreflightIncidentSamplesTests
    {
        private const string Incident = "12-flag-flip-crash-loop";

        [Theory]
        [InlineData("Raptor.Api")]
        [InlineData("RaxxConsole")]
        public async Task Incident12_App_HasNoAnalyzerFinding(string project)
        {
            Assert.Empty(IncidentProject.ExpectedIn(Incident, project));
            Assert.Contains(IncidentProject.Expected(Incident), l => l.Split(' ')[1].StartsWith(project + "/", StringComparison.Ordinal));
            var findings = await IncidentProject.FindingsAsync(IncidentProject.Folder(Incident), project);
            Assert.Empty(findings);
        }

        [Theory]
        [InlineData("Raptor.Api")]
        [InlineData("RaxxConsole")]
        public async Task Incident12_FixedTwin_HasNoAnalyzerFinding(string project)
        {
            var findings = await IncidentProject.FindingsAsync(Path.Combine(IncidentProject.Folder(Incident), "fixed"), project);
            Assert.Empty(findings);
        }

        [Fact]
        public void Incident12_ExpectsOnlyPreflightRules()
        {
            Assert.All(IncidentProject.Expected(Incident), line => Assert.Matches("^RAXX60[123] ", line));
        }
    }
}
