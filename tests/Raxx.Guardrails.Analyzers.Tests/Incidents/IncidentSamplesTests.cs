using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Raxx.Guardrails.Analyzers.Tests.Incidents
{
    /// <summary>
    /// The incidents with analyzer findings, checked in memory (no <c>dotnet build</c>; <c>./build.sh samples</c> builds
    /// them): each project reports exactly the EXPECTED analyzer findings located in it, and its fixed twin reports none.
    /// 01: RAXX101; 02: RAXX201 + RAXX203; 03: RAXX301 + RAXX302; 06: RAXX305 (its RAXX306 is the build's output check);
    /// 09: RAXX102–104; 10: RAXX202 + RAXX203; 11: RAXX303 + RAXX304 (info). Incident 04's RAXX401 has its own test
    /// (Secrets/Raxx401SamplesTests).
    /// </summary>
    public sealed class IncidentSamplesTests
    {
        private static readonly string[] Incidents =
        {
            "01-config-overwrite", "02-test-only-boot-path", "03-flag-gated-route-404", "06-flags-yaml-drift",
            "09-config-written-in-code", "10-tests-replace-config-pipeline", "11-flags-file-invalid",
        };

        /// <summary>(incident, project folder) for every project folder of those incidents.</summary>
        public static TheoryData<string, string> Projects() => ProjectsUnder(string.Empty);

        /// <summary>(incident, project folder) for every project folder of their fixed/ twins.</summary>
        public static TheoryData<string, string> FixedProjects() => ProjectsUnder("fixed");

        private static TheoryData<string, string> ProjectsUnder(string twin)
        {
            var data = new TheoryData<string, string>();
            foreach (var incident in Incidents)
            {
                var root = Path.Combine(IncidentProject.Folder(incident), twin);
                var projects = Directory.Exists(root) ? Directory.GetDirectories(root) : Array.Empty<string>();
                foreach (var dir in projects.Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).OrderBy(d => d, StringComparer.Ordinal))
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
        [MemberData(nameof(FixedProjects))]
        public async Task FixedTwin_NoFinding(string incident, string project)
        {
            var findings = await IncidentProject.FindingsAsync(Path.Combine(IncidentProject.Folder(incident), "fixed"), project);
            Assert.Empty(findings);
        }

        [Fact]
        public void EveryExpectedAnalyzerFinding_IsInAProjectTheTheoriesCheck()
        {
            var projects = new HashSet<string>(Projects().Select(row => row[0] + "/" + row[1]), StringComparer.Ordinal);
            foreach (var incident in Incidents)
            {
                var expected = IncidentProject.Expected(incident).Where(l => IncidentProject.AnalyzerRuleIds.Contains(l.Split(' ')[0])).ToArray();
                Assert.NotEmpty(expected);
                Assert.All(expected, line => Assert.Contains(incident + "/" + line.Split(' ')[1].Split('/')[0], projects));
            }
        }
    }
}
