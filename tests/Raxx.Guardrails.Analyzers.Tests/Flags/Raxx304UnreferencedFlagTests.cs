using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Flags;

public class Raxx304UnreferencedFlagTests
{
    [Fact]
    public Task FlagNamedNowhere_Reports()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            using Microsoft.Extensions.Configuration;
            static class Use
            {
                public static bool On(IConfiguration c) => c["FLAG_WEBAUTHN_REGISTRATION"] == "1" || Environment.GetEnvironmentVariable(nameof(auth_webauthn_login)) == "1";
                private const int auth_webauthn_login = 0;
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              webauthn_registration:
                default: false
              auth_webauthn_login:
                default: false
              {|RAXX304:console_nav_v2|}:
                default: false
                env: FLAG_CONSOLE_NAV
            """));
        test.ExpectedMessages.Add("Flag 'console_nav_v2' is declared in feature_flags.yaml but nothing in this project names it ('console_nav_v2' or FLAG_CONSOLE_NAV); remove it or wire it up");
        return test.RunAsync();
    }

    [Fact]
    public Task EnumMemberInFeatureGate_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement.Mvc;
            public enum Features { Beta }
            [FeatureGate(Features.Beta)]
            public class BetaController : Controller { }
            """);
        test.AdditionalFiles.Add(("appsettings.json", """{ "FeatureManagement": { "Beta": true } }"""));
        return test.RunAsync();
    }

    [Fact]
    public Task NoFlagsFile_NoReport() =>
        Verify<Raxx304UnreferencedFlagAnalyzer>.VerifyAsync("class C { }");
}
