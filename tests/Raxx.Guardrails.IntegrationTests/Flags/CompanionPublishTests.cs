using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.IntegrationTests.Flags;

/// <summary>
/// The companion publishes its canonical flags file and serves every declared flag from the publish
/// folder (the console's empty flags page, INCIDENTS.md §6, cannot happen). One publish, no RAXX findings.
/// </summary>
[Collection(DotnetCollection.Name)]
public class CompanionPublishTests
{
    [Fact]
    public async Task PublishedCompanion_ServesDeclaredFlags()
    {
        var project = RepoPaths.Combine("samples", "Raxx.Companion");
        using var temp = new TempDirectory("companion-publish");
        var publishDir = temp.Path;
        var publish = DotnetCli.Run(project, new[] { "publish", "-o", publishDir }.Concat(DotnetCli.SampleBuildArgs));
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.DoesNotContain("RAXX", publish.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(project, "feature_flags.yaml")), File.ReadAllText(Path.Combine(publishDir, "feature_flags.yaml")));

        var responses = await SampleHarness.RunAndGetAsync(Path.Combine(publishDir, "Raxx.Companion.dll"), "/health",
            new[] { "/console/flags", "/api/auth/register/options" });

        var flags = responses["/console/flags"];
        Assert.Equal(HttpStatusCode.OK, flags.Status);
        Assert.Contains("\"count\":2", flags.Body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"webauthn_registration\"", flags.Body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"auth_webauthn_login\"", flags.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, responses["/api/auth/register/options"].Status); // webauthn_registration defaults off
    }
}
