using System;
using System.Linq;
using Raxx.Guardrails.Cli.Build;
using Raxx.Guardrails.Core.Findings;

namespace Raxx.Guardrails.Cli.Tests.Build;

/// <summary>`check --build`: findings the package's MSBuild tasks log are guardrail findings, not a failed build.</summary>
public class TaskFindingsTests
{
    private const string Output = """
          /repo/samples/incidents/07/Raptor.Api/Raptor.Api.csproj(9,22,9,41): Raxx.Guardrails error RAXX105: instance/config.json is a local override configuration file and is copied to the build output. Fix: remove the Content item. [/repo/samples/incidents/07/Raptor.Api/Raptor.Api.csproj]
          /repo/samples/incidents/07/Raptor.Api/Raptor.Api.csproj(9,22,9,41): Raxx.Guardrails error RAXX105: instance/config.json is a local override configuration file and is copied to the build output. Fix: remove the Content item. [/repo/samples/incidents/07/Raptor.Api/Raptor.Api.csproj]
          /repo/.env : Raxx.Guardrails warning RAXX404: a step prints secrets [/repo/App/App.csproj]
          /repo/App/Program.cs(3,1): error CS1002: ; expected [/repo/App/App.csproj]
          /repo/App/Program.cs(7,23): error RAXX101: a compiler diagnostic, read from SARIF instead [/repo/App/App.csproj]
        """;

    [Fact]
    public void TaskDiagnostics_BecomeLocatedFindings_CompilerLinesAreLeftToSarif()
    {
        var findings = BuildRunner.Dedupe(BuildRunner.TaskFindings(Output, "/repo"));

        Assert.Equal(2, findings.Count);
        var shipped = findings[0];
        Assert.Equal("RAXX105", shipped.RuleId);
        Assert.Equal(FindingSeverity.Error, shipped.Severity);
        Assert.Equal("samples/incidents/07/Raptor.Api/Raptor.Api.csproj", shipped.Location.Path);
        Assert.Equal((9, 22, 9, 42), (shipped.Location.StartLine, shipped.Location.StartColumn, shipped.Location.EndLine, shipped.Location.EndColumn));
        Assert.EndsWith("Fix: remove the Content item.", shipped.Message, StringComparison.Ordinal);
        var whole = findings[1];
        Assert.Equal(("RAXX404", FindingSeverity.Warning, ".env", 1), (whole.RuleId, whole.Severity, whole.Location.Path, whole.Location.StartLine));
    }
}
