using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.CodeFixes.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.Flags
{
    public class Raxx301UseDeclaredFlagCodeFixTests
    {
        private const string FlagsYaml = """
            flags:
              webauthn_registration:
                default: false
              console_nav_v2:
                default: false
                env: FLAG_CONSOLE_NAV
            """;

        private static CodeFixTest Test(string source, string fixedSource)
        {
            var test = VerifyFix<Raxx301UndeclaredFlagAnalyzer, Raxx301UseDeclaredFlagCodeFix>.Test(source, fixedSource);
            test.AdditionalFiles.Add(("feature_flags.yaml", FlagsYaml));
            return test;
        }

        [Fact]
        public Task Typo_InWithFeatureGate_BecomesTheDeclaredName()
        {
            var test = Test("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.FeatureManagement;
                using Microsoft.FeatureManagement.AspNetCore;
                static class Routes
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/api/auth/register/options", () => Results.Ok()).WithFeatureGate({|RAXX301:"webauthn_registraton"|});
                }
                """, """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.FeatureManagement;
                using Microsoft.FeatureManagement.AspNetCore;
                static class Routes
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/api/auth/register/options", () => Results.Ok()).WithFeatureGate("webauthn_registration");
                }
                """);
            test.CodeActionTitle = "Use the declared flag 'webauthn_registration'";
            return test.RunAsync();
        }

        /// <summary>An attribute whose constructor parameter is marked [FlagName] (RAXX301 reads it since branch flagattr): the literal is fixed in place.</summary>
        [Fact]
        public Task Typo_InMarkedAttribute_BecomesTheDeclaredName()
        {
            var test = Test("""
                using System;
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public sealed class RequiresFlagAttribute([FlagName] string flag) : Attribute { }
                public class Ops
                {
                    [RequiresFlag({|RAXX301:"webauthn_registraton"|})]
                    public void M() { }
                }
                """, """
                using System;
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public sealed class RequiresFlagAttribute([FlagName] string flag) : Attribute { }
                public class Ops
                {
                    [RequiresFlag("webauthn_registration")]
                    public void M() { }
                }
                """);
            test.CodeActionTitle = "Use the declared flag 'webauthn_registration'";
            return test.RunAsync();
        }

        /// <summary>
        /// A marked parameter's undeclared default (RAXX301 reports it at the declaration since branch flagrest): the default literal is
        /// fixed in place, once, and the call that omits the argument (no diagnostic of its own) then uses the declared name.
        /// </summary>
        [Fact]
        public Task Typo_InMarkedDefault_FixedAtTheDeclaration()
        {
            var test = Test("""
                using System;
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public class Flags
                {
                    public bool IsOn(int order = 0, [FlagName] string flag = {|RAXX301:"webauthn_registraton"|}) => false;
                    public bool Use() => IsOn() || IsOn(1);
                }
                """, """
                using System;
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public class Flags
                {
                    public bool IsOn(int order = 0, [FlagName] string flag = "webauthn_registration") => false;
                    public bool Use() => IsOn() || IsOn(1);
                }
                """);
            test.CodeActionTitle = "Use the declared flag 'webauthn_registration'";
            return test.RunAsync();
        }

        [Fact]
        public Task Typos_InAttributeAndEnvRead_FixedOneByOneAndByFixAll()
        {
            // an attribute argument (verbatim literal), and an env-style name, which is offered the declared env name
            return Test("""
                using System;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.FeatureManagement.Mvc;
                public class OpsController : Controller
                {
                    [FeatureGate({|RAXX301:@"webauthn_registratio"|})]
                    public IActionResult A() => Ok();
                    public bool Nav() => Environment.GetEnvironmentVariable({|RAXX301:"FLAG_CONSOLE_NAVV"|}) == "1";
                }
                """, """
                using System;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.FeatureManagement.Mvc;
                public class OpsController : Controller
                {
                    [FeatureGate("webauthn_registration")]
                    public IActionResult A() => Ok();
                    public bool Nav() => Environment.GetEnvironmentVariable("FLAG_CONSOLE_NAV") == "1";
                }
                """).RunAsync();
        }

        [Fact]
        public Task NoSuggestion_OrConstantName_NoFixOffered()
        {
            // nothing near "billing_export" is declared; the constant and the enum member are shared symbols: no fix
            return Test("""
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.FeatureManagement.Mvc;
                public enum Features { webauthn_registratio }
                public class BillingController : Controller
                {
                    private const string Flag = "webauthn_registraton";
                    [FeatureGate({|RAXX301:"billing_export"|})]
                    public IActionResult A() => Ok();
                    [FeatureGate({|RAXX301:Flag|})]
                    public IActionResult B() => Ok();
                    [FeatureGate({|RAXX301:Features.webauthn_registratio|})]
                    public IActionResult C() => Ok();
                }
                """, """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.FeatureManagement.Mvc;
                public enum Features { webauthn_registratio }
                public class BillingController : Controller
                {
                    private const string Flag = "webauthn_registraton";
                    [FeatureGate({|RAXX301:"billing_export"|})]
                    public IActionResult A() => Ok();
                    [FeatureGate({|RAXX301:Flag|})]
                    public IActionResult B() => Ok();
                    [FeatureGate({|RAXX301:Features.webauthn_registratio|})]
                    public IActionResult C() => Ok();
                }
                """).RunAsync();
        }
    }
}
