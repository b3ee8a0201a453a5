using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Flags;

public class Raxx303InvalidFlagsFileTests
{
    private static AnalyzerTest Test(string yaml, string path = "feature_flags.yaml")
    {
        var test = Verify<Raxx303InvalidFlagsFileAnalyzer>.Test("class C { }");
        test.AdditionalFiles.Add((path, yaml));
        return test;
    }

    [Fact]
    public Task ProblemsAtTheirYamlLines_Reports()
    {
        var test = Test("""
            flags:
              webauthn_registration:
                default: {|RAXX303:'false'|}
              console_nav_v2:
                default: false
                {|RAXX303:rollout|}: 10
                risk: {|RAXX303:critical|}
              {|RAXX303:ops_menu|}:
                owner: ops
            """);
        test.ExpectedMessages.Add("Flags file feature_flags.yaml is invalid: flag 'webauthn_registration': 'default' must be true or false (found 'false')");
        test.ExpectedMessages.Add("Flags file feature_flags.yaml is invalid: flag 'console_nav_v2': unknown key 'rollout'; allowed keys are default, description, risk, owner, env");
        test.ExpectedMessages.Add("Flags file feature_flags.yaml is invalid: flag 'console_nav_v2': risk 'critical' is not one of low, medium, high");
        test.ExpectedMessages.Add("Flags file feature_flags.yaml is invalid: flag 'ops_menu' has no 'default'; add 'default: false' (or true)");
        return test.RunAsync();
    }

    [Fact]
    public Task DuplicateFlag_Reports() =>
        Test("""
            flags:
              console_nav_v2:
                default: false
              {|RAXX303:console_nav_v2|}:
                default: true
            """).RunAsync();

    [Fact]
    public Task SyntaxError_ReportsOneDiagnostic()
    {
        var test = Test("flags:\n  a:\n    default: false\n   b: [\n");
        test.ExpectedDiagnostics.Add(DiagnosticResult.Diagnostic("RAXX303").WithSpan("/src/feature_flags.yaml", 4, 4, 4, 5));
        return test.RunAsync();
    }

    [Fact]
    public Task ConfiguredFlagsFile_Reports()
    {
        var test = Test("flags:\n  a: {|RAXX303:on|}\n", "config/my-toggles.yml");
        test.BuildProperties["RaxxFeatureFlagsFile"] = "/src/config/my-toggles.yml";
        return test.RunAsync();
    }

    [Fact]
    public Task ValidFile_NoReport() => Test(FlagsTestFiles.FlagsYaml).RunAsync();

    [Fact]
    public Task OtherYaml_NoReport() => Test("flags: [not, ours]\n", "workflow.yaml").RunAsync();

    [Fact]
    public Task FileMarkedByPackageMetadata_Reports()
    {
        var test = Test("flags:\n  a:\n    default: {|RAXX303:maybe|}\n", "deploy/toggles.yaml");
        test.AdditionalFiles.Add(("feature_flags.yaml", "flags: [ignored, because, the, package, marked, another, file]\n"));
        test.GlobalConfigLines.Add("[/src/deploy/toggles.yaml]");
        test.GlobalConfigLines.Add("build_metadata.AdditionalFiles.RaxxKind = FlagsFile");
        test.GlobalConfigLines.Add("[/src/feature_flags.yaml]");
        test.GlobalConfigLines.Add("build_metadata.AdditionalFiles.RaxxKind = ");
        return test.RunAsync();
    }

    [Theory]
    [InlineData("\0\0\u0001binary")]
    [InlineData("a: &a [*a]\n")]
    [InlineData("{{{{{{{{{{{{{{{{")]
    [InlineData("flags:\n  ? [complex, key]\n  : { default: true }\n")]
    public async Task Garbage_ReportsWithoutCrashing(string yaml)
    {
        var test = Test(yaml);
        var project = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => test.RunAsync());
        Assert.DoesNotContain("AD0001", project.Message, System.StringComparison.Ordinal);
        Assert.Contains("RAXX303", project.Message, System.StringComparison.Ordinal);
    }
}
