using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Cli.Tests.Infrastructure;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Cli.Tests.Samples;

public sealed class SamplesCommandTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public SamplesCommandTests()
    {
        _cli.Write("samples/Raxx.Companion/Raxx.Companion.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        _cli.Write("samples/Raxx.Companion/Program.cs", "var ok = true;\n");
        _cli.Write("samples/incidents/01-tag-mismatch/.github/workflows/deploy.yml", "on:\n  push:\n    tags: [ 'v*.*.*' ]\n");
        _cli.Write("samples/incidents/01-tag-mismatch/EXPECTED", "# rule path:line\nRAXX501 .github/workflows/deploy.yml:3\n");
        _cli.Write("samples/incidents/01-tag-mismatch/fixed/.github/workflows/deploy.yml", "on:\n  push:\n    tags: [ 'api-v*' ]\n");
        _cli.Write("samples/incidents/02-late-config/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        _cli.Write("samples/incidents/02-late-config/tests/Api.Tests/Api.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\..\\src\\Api\\Api.csproj\" /></ItemGroup></Project>");
        _cli.Write("samples/incidents/02-late-config/src/Api/Program.cs", "var builder = WebApplication.CreateBuilder(args);\n\n\nbuilder.Configuration.AddJsonFile(\"instance/config.json\");\n");
        _cli.Write("samples/incidents/02-late-config/EXPECTED", "RAXX101 src/Api/Program.cs:4\n");
        _cli.Write("samples/incidents/README.md", "not an incident (no EXPECTED)\n");
        _cli.Rules.Add(new MarkerRule("RAXX501", ".github/workflows/*.yml", "'v*.*.*'", "deploy.yml triggers on tags 'v*.*.*' but release-please creates 'api-v1.2.3'"));
        // the fake build reports RAXX101 for the incident's API project only, the way the compiler would
        var incident = Path.Combine(_cli.Root, "samples", "incidents", "02-late-config");
        _cli.Dotnet = CliFixture.BuildWritingSarif(target => target.EndsWith("Api.csproj", StringComparison.Ordinal)
            ? CliFixture.CompilerSarif(incident).Replace("config/flags.yaml", "src/Api/Program.cs", StringComparison.Ordinal)
            : null);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Samples_AllCaught_CompanionClean_Exit0()
    {
        var (exit, stdout, _) = _cli.Run("samples");
        Assert.True(exit == 0, stdout);
        Assert.Contains("Raxx.Companion: all rules pass (1 repository rules, 1 project built with the analyzers)", stdout, StringComparison.Ordinal);
        Assert.Contains("incidents/01-tag-mismatch: caught — 1 of 1 expected finding", stdout, StringComparison.Ordinal);
        Assert.Contains("  ok      RAXX501 .github/workflows/deploy.yml:3  error: deploy.yml triggers", stdout, StringComparison.Ordinal);
        Assert.Contains("  fixed/: all rules pass", stdout, StringComparison.Ordinal);
        Assert.Contains("  ok      RAXX101 src/Api/Program.cs:4  error:", stdout, StringComparison.Ordinal);
        Assert.Contains("  extra   RAXX304 src/Api/Program.cs:3", stdout, StringComparison.Ordinal);
        Assert.Contains("Summary by rule:", stdout, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: 2 incidents caught, companion clean.\n", stdout, StringComparison.Ordinal);

        // builds: the companion, then the incident's API before its tests; all Release, no project references, no fixed/
        var targets = _cli.DotnetCalls.Select(a => Path.GetFileName(a[1])).ToArray();
        Assert.Equal(new[] { "Raxx.Companion.csproj", "Api.csproj", "Api.Tests.csproj" }, targets);
        Assert.All(_cli.DotnetCalls, a => Assert.Contains("-p:BuildProjectReferences=false", a));
        Assert.All(_cli.DotnetCalls, a => Assert.Contains("Release", a));
        Assert.All(_cli.DotnetCalls, a => Assert.Contains("-p:TreatWarningsAsErrors=false", a));
    }

    [Fact]
    public void Samples_InfoLevelFindingInExpected_IsCaughtLikeAnyOther()
    {
        // An info diagnostic (RAXX304's default) is a SARIF "note": EXPECTED matches rule, file and line at any level.
        _cli.Write("samples/incidents/02-late-config/EXPECTED", "RAXX101 src/Api/Program.cs:4\nRAXX304 src/Api/Program.cs:3\n");
        var (exit, stdout, _) = _cli.Run("samples");
        Assert.True(exit == 0, stdout);
        Assert.Contains("incidents/02-late-config: caught — 2 of 2 expected findings", stdout, StringComparison.Ordinal);
        Assert.Contains("  ok      RAXX304 src/Api/Program.cs:3  note: flag 'beta' is declared", stdout, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: 2 incidents caught, companion clean.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_ProjectReferencingAFailedIncidentProject_IsNotABrokenSample()
    {
        var incident = Path.Combine(_cli.Root, "samples", "incidents", "02-late-config");
        var sarif = CliFixture.BuildWritingSarif(target => target.EndsWith("Api.csproj", StringComparison.Ordinal)
            ? CliFixture.CompilerSarif(incident).Replace("config/flags.yaml", "src/Api/Program.cs", StringComparison.Ordinal)
            : null, exitCode: 1);
        _cli.Dotnet = (args, dir) =>
            args.Count < 2 || args[1].EndsWith("Raxx.Companion.csproj", StringComparison.Ordinal) ? (0, "ok")
            : args[1].EndsWith("Api.Tests.csproj", StringComparison.Ordinal) ? (1, "CSC : error CS0006: Metadata file 'Api.dll' could not be found")
            : sarif(args, dir);
        var (exit, stdout, stderr) = _cli.Run("samples");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Api.Tests.csproj did not build after a project it references failed with guardrail errors", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_MissingExpectedFinding_Exit1()
    {
        _cli.Write("samples/incidents/01-tag-mismatch/EXPECTED", "RAXX501 .github/workflows/deploy.yml:3\nRAXX502 .github/workflows/deploy.yml:9\n");
        var (exit, stdout, _) = _cli.Run("samples", "--no-build");
        Assert.Equal(1, exit);
        Assert.Contains("  MISSING RAXX502 .github/workflows/deploy.yml:9", stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: FAILED", stdout, StringComparison.Ordinal);
        Assert.Empty(_cli.DotnetCalls);
    }

    [Fact]
    public void Samples_DirtyCompanion_Exit1()
    {
        _cli.Write("samples/Raxx.Companion/.github/workflows/ci.yml", "on:\n  push:\n    tags: [ 'v*.*.*' ]\n");
        var (exit, stdout, _) = _cli.Run("samples", "samples", "--no-build");
        Assert.Equal(1, exit);
        Assert.Contains("Raxx.Companion: 1 finding (the companion must be clean)", stdout, StringComparison.Ordinal);
        Assert.Contains("companion NOT clean", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_DirtyFixedTwin_Exit1()
    {
        _cli.Write("samples/incidents/01-tag-mismatch/fixed/.github/workflows/deploy.yml", "on:\n  push:\n    tags: [ 'v*.*.*' ]\n");
        var (exit, stdout, _) = _cli.Run("samples", "--no-build");
        Assert.Equal(1, exit);
        Assert.Contains("fixed/: 1 finding of the incident still reported (the fixed twin must fix them)", stdout, StringComparison.Ordinal);
        Assert.Contains("  fixed/ NOT FIXED RAXX501 .github/workflows/deploy.yml:3", stdout, StringComparison.Ordinal);
        Assert.Contains("incidents/01-tag-mismatch/fixed: still reports RAXX501", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_FixedTwinWithOtherRulesFindings_IsListedNotFailed()
    {
        _cli.Write("samples/incidents/01-tag-mismatch/fixed/notes.yml", "LEGACY\n");
        _cli.Rules.Add(new MarkerRule("RAXX504", "*.yml", "LEGACY", "legacy pattern"));
        // the incident's own rule on another file (a reproduction file committed on purpose) is not a regression
        _cli.Write("samples/incidents/01-tag-mismatch/fixed/.github/workflows/other.yml", "on:\n  push:\n    tags: [ 'v*.*.*' ]\n");
        var (exit, stdout, _) = _cli.Run("samples");
        Assert.True(exit == 0, stdout);
        Assert.Contains("  fixed/: the incident's findings are fixed (2 other findings)", stdout, StringComparison.Ordinal);
        Assert.Contains("  fixed/ other     RAXX501 .github/workflows/other.yml:3", stdout, StringComparison.Ordinal);
        Assert.Contains("  fixed/ other     RAXX504 notes.yml:1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_MalformedExpected_Exit2()
    {
        _cli.Write("samples/incidents/01-tag-mismatch/EXPECTED", "RAXX501 deploy.yml line 3\n");
        var (exit, _, stderr) = _cli.Run("samples", "--no-build");
        Assert.Equal(2, exit);
        Assert.Contains("incidents/01-tag-mismatch/EXPECTED(1,1): expected 'RAXXnnn relative/path:line'", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// An incident whose EXPECTED names RAXX602: its web app (the stand-in from tests/Raxx.Guardrails.FakeApp, which
    /// crashes like ValidateOnStart when FLAG_WEBAUTHN_REGISTRATION=1) is booted after its build by the smoke command's
    /// runner, with the incident folder as the repository root; the twin's app stays healthy when the flag flips.
    /// </summary>
    private void AddPreflightIncident(string incidentMode = "crash-flag", string fixedMode = "healthy", string expected = "RAXX602 App/feature_flags.yaml:2\n")
    {
        const string Flags = "flags:\n  webauthn_registration:\n    default: false\n    description: passkey registration\n    risk: high\n    owner: auth\n";
        foreach (var (twin, mode) in new[] { (string.Empty, incidentMode), ("fixed/", fixedMode) })
        {
            var dir = "samples/incidents/03-flag-flip/" + twin;
            _cli.Write(dir + "App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
            _cli.Write(dir + "App/feature_flags.yaml", Flags);
            _cli.Write(dir + "App/raxx-guardrails.yaml", $"preflight:\n  timeout_seconds: 60\n  discover: false\n  env:\n    FAKEAPP_MODE: {mode}\n");
            // a test project is built, not booted
            _cli.Write(dir + "App.Tests/App.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../App/App.csproj\" /></ItemGroup></Project>");
        }
        _cli.Write("samples/incidents/03-flag-flip/EXPECTED", expected);
        var build = _cli.Dotnet!;
        _cli.Dotnet = (args, dir) => args[0] == "msbuild" && args.Contains("-getProperty:TargetPath")
            ? (0, RepoPaths.FakeApp + "\n")
            : build(args, dir);
    }

    private string[] PreflightedProjects() => _cli.DotnetCalls
        .Where(a => a[0] == "msbuild")
        .Select(a => Path.GetRelativePath(Path.Combine(_cli.Root, "samples", "incidents"), a[1]).Replace('\\', '/'))
        .ToArray();

    [Fact]
    public void Samples_PreflightRuleInExpected_BootsTheBuiltWebApps_MatchedOnRuleFileAndLine()
    {
        AddPreflightIncident();
        var (exit, stdout, stderr) = _cli.Run("samples");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("incidents/03-flag-flip: caught — 1 of 1 expected finding", stdout, StringComparison.Ordinal);
        Assert.Contains("  ok      RAXX602 App/feature_flags.yaml:2  error: The app fails to boot when flag 'webauthn_registration' is flipped on (FLAG_WEBAUTHN_REGISTRATION=1): exited with code 134", stdout, StringComparison.Ordinal);
        Assert.Contains("WEBAUTHN_RP_ID is not set", stdout, StringComparison.Ordinal);
        Assert.Contains("  fixed/: all rules pass", stdout, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: 3 incidents caught, companion clean.\n", stdout, StringComparison.Ordinal);
        // the smoke runner's report goes to stderr, like `smoke`
        Assert.Contains("raxx-guardrails: preflight of Raxx.Guardrails.FakeApp.dll: 1 flag(s), health /health, variables from App/raxx-guardrails.yaml", stderr, StringComparison.Ordinal);
        Assert.Contains("boot flag webauthn_registration on: exited", stderr, StringComparison.Ordinal);
        // only the web app of the incident expecting a RAXX60x finding (and of its twin) is booted: not its test project,
        // not the companion, not the other incidents' projects
        Assert.Equal(new[] { "03-flag-flip/App/App.csproj", "03-flag-flip/fixed/App/App.csproj" }, PreflightedProjects());
        Assert.All(_cli.DotnetCalls.Where(a => a[0] == "msbuild"), a => Assert.Contains("-p:Configuration=Release", a));
    }

    [Fact]
    public void Samples_PreflightFindingOnAnotherLine_IsMissing_Exit1()
    {
        AddPreflightIncident(expected: "RAXX602 App/feature_flags.yaml:3\n");
        var (exit, stdout, stderr) = _cli.Run("samples");
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("incidents/03-flag-flip: MISSED — 0 of 1 expected finding", stdout, StringComparison.Ordinal);
        Assert.Contains("  extra   RAXX602 App/feature_flags.yaml:2  error:", stdout, StringComparison.Ordinal);
        Assert.Contains("  MISSING RAXX602 App/feature_flags.yaml:3", stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: FAILED — 2 of 3 incidents caught, companion clean.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_PreflightFindingInTheFixedTwin_IsNotFixed_Exit1()
    {
        AddPreflightIncident(fixedMode: "crash-flag");
        var (exit, stdout, stderr) = _cli.Run("samples");
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("  fixed/ NOT FIXED RAXX602 App/feature_flags.yaml:2", stdout, StringComparison.Ordinal);
        Assert.Contains("incidents/03-flag-flip/fixed: still reports RAXX602", stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The incident folder is the repository root, so its raxx-guardrails.yaml grades its preflight findings as `smoke`
    /// would (the mapping is Core's): EXPECTED matches rule, file and line, so a lowered finding is still caught; one
    /// turned off is missing.
    /// </summary>
    [Theory]
    [InlineData("warning", 0, "  ok      RAXX602 App/feature_flags.yaml:2  warning: The app fails to boot when flag 'webauthn_registration'")]
    [InlineData("none", 1, "  MISSING RAXX602 App/feature_flags.yaml:2")]
    public void Samples_IncidentConfigSeverity_GradesItsPreflightFindings(string severity, int expectedExit, string expected)
    {
        AddPreflightIncident();
        _cli.Write("samples/incidents/03-flag-flip/raxx-guardrails.yaml", $"severities:\n  RAXX602: {severity}\n  RAXX601: none\n");

        var (exit, stdout, stderr) = _cli.Run("samples");

        Assert.True(exit == expectedExit, stdout + stderr);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("RAXX602 App/feature_flags.yaml:2  error:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_NoBuild_BootsNothing_PreflightLinesAreMissing()
    {
        AddPreflightIncident();
        var (exit, stdout, _) = _cli.Run("samples", "--no-build");
        Assert.Equal(1, exit);
        Assert.Contains("  MISSING RAXX602 App/feature_flags.yaml:2", stdout, StringComparison.Ordinal);
        Assert.Empty(_cli.DotnetCalls);
    }
}
