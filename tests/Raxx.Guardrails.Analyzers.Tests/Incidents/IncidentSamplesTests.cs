using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>
    /// The incidents whose rules are all analyzer rules, checked in memory (no <c>dotnet build</c>; <c>./build.sh samples</c>
    /// builds them): each project reports exactly the EXPECTED findings located in it, and its fixed twin reports none.
    /// 09: RAXX102–104; 10: RAXX202 + RAXX203; 11: RAXX303 + RAXX304 (info).
    /// </summary>
    public sealed class IncidentSamplesTests
    {
        private static readonly string[] Incidents = { "09-config-written-in-code", "10-tests-replace-config-pipeline", "11-flags-file-invalid" };

        /// <summary>(incident, project folder) for every project of those incidents (fixed/ twins have the same folders).</summary>
        public static TheoryData<string, string> Projects()
        {
            var data = new TheoryData<string, string>();
            foreach (var incident in Incidents)
            {
                foreach (var dir in Directory.GetDirectories(IncidentProject.Folder(incident)).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).OrderBy(d => d, StringComparer.Ordinal))
                {
                    data.Add(incident, Path.GetFileName(dir));
                }
            }
            return data;
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public async Task Incident_ReportsExactlyTheExpectedFindings(string incident, string project)
        {
            var findings = await IncidentProject.FindingsAsync(IncidentProject.Folder(incident), project);
            Assert.Equal(IncidentProject.ExpectedIn(incident, project), findings);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public async Task FixedTwin_NoFinding(string incident, string project)
        {
            var findings = await IncidentProject.FindingsAsync(Path.Combine(IncidentProject.Folder(incident), "fixed"), project);
            Assert.Empty(findings);
        }

        [Fact]
        public void EveryExpectedLine_IsInAProjectTheTheoriesCheck()
        {
            var projects = new HashSet<string>(Projects().Select(row => row[0] + "/" + row[1]), StringComparer.Ordinal);
            foreach (var incident in Incidents)
            {
                var expected = IncidentProject.Expected(incident);
                Assert.NotEmpty(expected);
                Assert.All(expected, line => Assert.Contains(incident + "/" + line.Split(' ')[1].Split('/')[0], projects));
            }
        }
    }
}
