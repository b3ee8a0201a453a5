using System.IO;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>samples/incidents/09-config-written-in-code: RAXX102–104 exactly as its EXPECTED lists; the fixed twin is clean.</summary>
    public sealed class Incident09ConfigWrittenInCodeTests
    {
        private const string Incident = "09-config-written-in-code";

        [Fact]
        public async Task Incident09_RaptorApi_ReportsExactlyTheExpectedFindings()
        {
            var findings = await IncidentProject.FindingsAsync(IncidentProject.Folder(Incident), "Raptor.Api");
            Assert.Equal(IncidentProject.ExpectedIn(Incident, "Raptor.Api"), findings);
        }

        [Fact]
        public async Task Incident09Fixed_RaptorApi_NoFinding()
        {
            var findings = await IncidentProject.FindingsAsync(Path.Combine(IncidentProject.Folder(Incident), "fixed"), "Raptor.Api");
            Assert.Empty(findings);
        }
    }
}
