using System.IO;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>samples/incidents/11-flags-file-invalid: RAXX303 and RAXX304 (info) exactly as its EXPECTED lists; the fixed twin is clean.</summary>
    public sealed class Incident11FlagsFileInvalidTests
    {
        private const string Incident = "11-flags-file-invalid";

        [Fact]
        public async Task Incident11_RaxxConsole_ReportsExactlyTheExpectedFindings()
        {
            var findings = await IncidentProject.FindingsAsync(IncidentProject.Folder(Incident), "RaxxConsole");
            Assert.Equal(IncidentProject.ExpectedIn(Incident, "RaxxConsole"), findings);
        }

        [Fact]
        public async Task Incident11Fixed_RaxxConsole_NoFinding()
        {
            var findings = await IncidentProject.FindingsAsync(Path.Combine(IncidentProject.Folder(Incident), "fixed"), "RaxxConsole");
            Assert.Empty(findings);
        }
    }
}
