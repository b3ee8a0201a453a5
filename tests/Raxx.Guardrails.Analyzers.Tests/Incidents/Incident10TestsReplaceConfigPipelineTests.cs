using System.IO;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>samples/incidents/10-tests-replace-config-pipeline: the tests' findings exactly as its EXPECTED lists; the fixed twin is clean.</summary>
    public sealed class Incident10TestsReplaceConfigPipelineTests
    {
        private const string Incident = "10-tests-replace-config-pipeline";

        [Theory]
        [InlineData("Raptor.Api")]
        [InlineData("Raptor.Api.Tests")]
        public async Task Incident10_ReportsExactlyTheExpectedFindings(string project)
        {
            var findings = await IncidentProject.FindingsAsync(IncidentProject.Folder(Incident), project);
            Assert.Equal(IncidentProject.ExpectedIn(Incident, project), findings);
        }

        [Theory]
        [InlineData("Raptor.Api")]
        [InlineData("Raptor.Api.Tests")]
        public async Task Incident10Fixed_NoFinding(string project)
        {
            var findings = await IncidentProject.FindingsAsync(Path.Combine(IncidentProject.Folder(Incident), "fixed"), project);
            Assert.Empty(findings);
        }
    }
}
