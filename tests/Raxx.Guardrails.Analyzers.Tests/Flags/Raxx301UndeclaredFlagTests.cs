using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Raxx.Guardrails.Analyzers.Flags;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Flags;

public class Raxx301UndeclaredFlagTests
{
    private static AnalyzerTest Test(string source, params string[] messages)
    {
        var test = Verify<Raxx301UndeclaredFlagAnalyzer>.Test(source);
        test.AdditionalFiles.Add(("feature_flags.yaml", FlagsTestFiles.FlagsYaml));
        test.ExpectedMessages.AddRange(messages);
        return test;
    }

    /// <summary>RAXX301's message for an undeclared flag without a near declared name (the suggestion form is spelled out).</summary>
    private static string Undeclared(string flag, string api) =>
        $"Flag '{flag}' ({api}) is not declared in feature_flags.yaml, so it is always off (a silent 404); declare it there or fix the name";

    [Fact]
    public Task WithFeatureGate_Typo_Reports() =>
        Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            static class Routes
            {
                public static void Map(WebApplication app) =>
                    app.MapGet("/api/auth/register/options", () => Results.Ok()).WithFeatureGate({|RAXX301:"webauthn_registraton"|});
            }
            """,
            "Flag 'webauthn_registraton' (WithFeatureGate) is not declared in feature_flags.yaml, so it is always off (a silent 404); did you mean 'webauthn_registration'?").RunAsync();

    [Fact]
    public Task FeatureGateAttribute_StringsAndEnum_Reports() =>
        Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            public enum Features { webauthn_registration, ConsoleCustomerAdmin }
            [FeatureGate({|RAXX301:"flag_console_claude_menu"|})]
            public class OpsController : Controller
            {
                [FeatureGate(Features.webauthn_registration)]
                public IActionResult A() => Ok();
                [FeatureGate({|RAXX301:Features.ConsoleCustomerAdmin|})]
                public IActionResult B() => Ok();
                [FeatureGate(RequirementType.Any, "webauthn_registration", {|RAXX301:"nav_v3"|})]
                public IActionResult C() => Ok();
            }
            """).RunAsync();

    // [FeatureGate] attributes are found where the text spells "FeatureGate" (RAXX301's tree pass): every spelling the
    // attribute's written name can take reports, and so does a using alias of it (FeatureGateAlias_* below); an attribute
    // in a [GeneratedCode] member or type does not.
    [Fact]
    public Task FeatureGateAttribute_EverySpelling_Reports() =>
        Test("""
            using System.CodeDom.Compiler;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using Gate = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            public class OpsController : Controller
            {
                [FeatureGateAttribute({|RAXX301:"a_flag"|})]
                public IActionResult A() => Ok();
                [Microsoft.FeatureManagement.Mvc.FeatureGate({|RAXX301:"b_flag"|})]
                public IActionResult B() => Ok();
                [global::Microsoft.FeatureManagement.Mvc.FeatureGateAttribute({|RAXX301:"c_flag"|})]
                public IActionResult C() => Ok();
                [@FeatureGateAttribute({|RAXX301:"d_flag"|})]
                public IActionResult D() => Ok();
                [HttpGet, FeatureGate(RequirementType.All,{|RAXX301:"e_flag"|})]public IActionResult E() => Ok(); // FeatureGate("x")
                [
                    FeatureGate
                    ( {|RAXX301:"f_flag"|} )
                ]
                public IActionResult F() => Ok();
                public IActionResult G([FromQuery] string q) => Ok(System.Linq.Enumerable.Select(new[] { "FeatureGate(" }, x => x));
                [Gate({|RAXX301:"alias_flag"|})]
                public IActionResult H() => Ok();
                [GeneratedCode("tool", "1.0")]
                [FeatureGate("generated_flag")]
                public IActionResult I() => Ok();
            }
            [GeneratedCode("tool", "1.0")]
            [FeatureGate("generated_type_flag")]
            public class GeneratedController : Controller
            {
                [FeatureGate("generated_member_flag")]
                public IActionResult J() => Ok();
            }
            """).RunAsync();

    // Using aliases of the attribute: the file's own (also in a namespace, with an Attribute suffix, verbatim, in a file
    // with a unicode escape) and global ones declared in another file, in files whose text never spells "FeatureGate".
    [Fact]
    public Task FeatureGateAlias_Reports()
    {
        var test = Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Gate = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            using ShieldAttribute = global::Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            public enum Features { webauthn_registration, ConsoleCustomerAdmin }
            public class OpsController : Controller
            {
                [Gate({|RAXX301:"alias_flag"|})]
                public IActionResult A() => Ok();
                [Gate(RequirementType.Any, "webauthn_registration", {|RAXX301:"nav_v3"|})]
                public IActionResult B() => Ok();
                [Gate({|RAXX301:Features.ConsoleCustomerAdmin|})]
                public IActionResult C() => Ok();
                [Shield({|RAXX301:"shield_flag"|})]
                public IActionResult D() => Ok();
                [HttpGet,ShieldAttribute({|RAXX301:"shield_attribute_flag"|})]
                public IActionResult E() => Ok();
                [@Gate({|RAXX301:"verbatim_flag"|})]
                public IActionResult F() => Ok();
                [Gate("webauthn_registration")]
                public IActionResult G() => Ok();
                [Gate(Features.webauthn_registration)]
                public IActionResult H() => Ok();
            }
            """);
        test.Sources.Add(("GlobalUsings.cs", """
            global using Guard = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            global using Microsoft.AspNetCore.Mvc;
            """));
        test.Sources.Add(("Billing.cs", """
            public class BillingController : Controller
            {
                [Guard({|RAXX301:"billing_v3"|})]
                public IActionResult A() => Ok();
                [Guard("webauthn_registration")]
                public IActionResult B() => Ok();
            }
            namespace Inner
            {
                using Door = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
                public class InnerController : Controller
                {
                    [Door({|RAXX301:"inner_flag"|})]
                    public IActionResult A() => Ok();
                }
            }
            """));
        test.Sources.Add(("Escaped.cs", """
            using Hatch = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            public class EscapedController : Controller
            {
                [\u0047uard({|RAXX301:"escaped_global_flag"|})]
                public IActionResult A() => Ok();
                [Hatch({|RAXX301:"escaped_local_flag"|})]
                public IActionResult B() => Ok();
            }
            """));
        return test.RunAsync();
    }

    // Aliases to other attributes stay clean, also one whose target is spelled FeatureGateAttribute but is a user's own
    // attribute (the rule ignores those when written [FeatureGate] too): the alias is confirmed on the symbol.
    /// <summary>
    /// Enum members reached through a using alias of the enum type (file, global), of its namespace, or passed to an alias
    /// of the attribute: the candidates are found where the text spells the API (FeatureGate, IsEnabledAsync, the
    /// attribute alias), which an alias of the enum does not change, and the member is resolved on the symbol. Undeclared
    /// ones report, declared ones do not.
    /// </summary>
    [Fact]
    public Task EnumMemberThroughAlias_Reports()
    {
        var test = Test("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using F = MyApp.Flags;
            using N = MyApp;
            using Gate = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            namespace MyApp
            {
                public enum Flags { webauthn_registration, console_nav_v2, BetaA, BetaB, BetaC, BetaD, BetaE, BetaF, BetaG }
            }
            public class SearchController : Controller
            {
                [FeatureGate({|RAXX301:F.BetaA|})] public IActionResult A() => Ok();
                public Task<bool> B(IFeatureManager m) => m.IsEnabledAsync({|RAXX301:nameof(F.BetaB)|});
                [FeatureGate({|RAXX301:G.BetaC|})] public IActionResult C() => Ok();
                public Task<bool> D(IFeatureManager m) => m.IsEnabledAsync({|RAXX301:nameof(G.BetaD)|});
                [FeatureGate({|RAXX301:N.Flags.BetaE|})] public IActionResult E() => Ok();
                public Task<bool> F1(IFeatureManager m) => m.IsEnabledAsync({|RAXX301:nameof(N.Flags.BetaF)|});
                [Gate(RequirementType.All, F.webauthn_registration, {|RAXX301:F.BetaG|})] public IActionResult G1() => Ok();
                [FeatureGate(F.webauthn_registration)] public IActionResult H() => Ok();
                public Task<bool> I(IFeatureManager m) => m.IsEnabledAsync(nameof(G.console_nav_v2));
                [Gate(N.Flags.console_nav_v2)] public IActionResult J() => Ok();
            }
            """);
        test.Sources.Add(("GlobalUsings.cs", """
            global using G = MyApp.Flags;
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task FeatureGateAliasLookAlikes_NoReport()
    {
        var test = Test("""
            using Microsoft.AspNetCore.Mvc;
            using Gate = MyApp.GateAttribute;
            using Own = MyApp.FeatureGateAttribute;
            using FmGate = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            namespace MyApp
            {
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class GateAttribute : System.Attribute { public GateAttribute(string name) { } }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class GuardAttribute : System.Attribute { public GuardAttribute(string name) { } }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class FeatureGateAttribute : System.Attribute { public FeatureGateAttribute(string name) { } }
            }
            public class OpsController : Controller
            {
                [Gate("undeclared_a")]
                public IActionResult A() => Ok();
                [Guard("undeclared_b")]
                public IActionResult B() => Ok();
                [Own("undeclared_c")]
                public IActionResult C() => Ok();
                [Keeper("undeclared_d")]
                public IActionResult D() => Ok();
                [FmGate("webauthn_registration")]
                public IActionResult E() => Ok();
                public IActionResult F() => Ok(typeof(FmGate).Name + "undeclared_f");
            }
            """);
        test.Sources.Add(("GlobalUsings.cs", """
            global using Guard = MyApp.GuardAttribute;
            global using Keeper = MyApp.FeatureGateAttribute;
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task FeatureGateAttribute_UnicodeEscape_Reports() =>
        Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement.Mvc;
            public class OpsController : Controller
            {
                [\u0046eatureGate({|RAXX301:"escaped_flag"|})]
                public IActionResult A() => Ok();
            }
            """).RunAsync();

    [Fact]
    public Task IsEnabledAsync_ConstantAndUseForFeature_Reports() =>
        Test("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.FeatureManagement;
            static class Gates
            {
                const string Billing = "billing_v2";
                public static async Task<bool> On(IFeatureManager fm, IVariantFeatureManager vfm) =>
                    await fm.IsEnabledAsync({|RAXX301:Billing|}) && await vfm.IsEnabledAsync({|RAXX301:"Auth_WebAuthn_Logn"|});
                public static void Use(IApplicationBuilder app) => app.UseForFeature({|RAXX301:"new_checkout"|}, a => { });
            }
            """).RunAsync();

    [Fact]
    public Task FlagEnvReads_Reports() =>
        Test("""
            using System;
            using Microsoft.Extensions.Configuration;
            static class Env
            {
                public static bool A(IConfiguration config) =>
                    config[{|RAXX301:"FLAG_WEBAUTHN_REGISTRATON"|}] == "1"
                    || Environment.GetEnvironmentVariable({|RAXX301:"FLAG_CONSOLE_NAV_V2"|}) == "1"
                    || config.GetValue<bool>({|RAXX301:"FLAG_OPS"|});
            }
            """,
            "Flag 'FLAG_WEBAUTHN_REGISTRATON' (configuration read) is not declared in feature_flags.yaml, so it is always off (a silent 404); did you mean 'FLAG_WEBAUTHN_REGISTRATION'?",
            "Flag 'FLAG_CONSOLE_NAV_V2' (Environment.GetEnvironmentVariable) is not declared in feature_flags.yaml, so it is always off (a silent 404); did you mean 'FLAG_CONSOLE_NAV'?",
            Undeclared("FLAG_OPS", "configuration read")).RunAsync();

    [Fact]
    public Task ConfiguredFlagMethodAndParameterAttribute_Reports()
    {
        var test = Test("""
            using System;
            namespace Raxx.Flags
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public static class Flags
                {
                    public static bool IsOn(string name) => false;
                    public static bool Check(string tenant, [FlagName] string flag) => false;
                    public static bool Other(string name) => false;
                }
                static class Use
                {
                    static bool A() => Flags.IsOn({|RAXX301:"console_nav"|}) || Flags.Check("acme", {|RAXX301:"ops_menu"|})
                        || Flags.Other("not_a_flag") || Flags.IsOn("console_nav_v2") || Flags.Check("x", "FLAG_CONSOLE_NAV");
                }
            }
            """);
        test.GlobalConfigLines.Add("raxx_guardrails.flag_methods = Raxx.Flags.Flags.IsOn");
        return test.RunAsync();
    }

    [Theory]
    [InlineData("public sealed class FlagNameAttribute : System.Attribute { }", "FlagName")]
    [InlineData("public static class Markers { public sealed class FeatureFlagNameAttribute : System.Attribute { } }", "Markers.FeatureFlagName")]
    [InlineData("public sealed class FlagNameAttribute<T> : System.Attribute { }", "FlagName<int>")]
    [InlineData("public sealed class FlagName : System.Attribute { }", "FlagName")]
    public Task ParameterMarkedInAReferencedAssembly_Reports(string marker, string usage)
    {
        // The marker type is declared only in a referenced assembly (a metadata reference, found by reading the
        // reference's type definitions: plain, nested, generic, without the Attribute suffix): without it being
        // found, Gate.On is no flag API by name and its argument would never be looked at.
        var library = CSharpCompilation.Create(
            "Vendor.Flags",
            new[] { CSharpSyntaxTree.ParseText($$"""
                namespace Vendor.Flags
                {
                    {{marker}}
                    public static class Gate { public static bool On(string tenant, [{{usage}}] string flag) => false; }
                }
                """) },
            ReferenceAssemblies.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var test = Test("""
            static class Use
            {
                static bool A() => Vendor.Flags.Gate.On("acme", {|RAXX301:"ops_menu"|}) || Vendor.Flags.Gate.On("acme", "console_nav_v2");
            }
            """);
        test.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        return test.RunAsync();
    }

    [Fact]
    public Task DeclaredNames_NoReport() =>
        Test("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            static class Ok
            {
                const string Reg = "webauthn_registration";
                public static void Map(WebApplication app, IConfiguration config, IFeatureManager fm)
                {
                    app.MapGet("/a", () => Results.Ok()).WithFeatureGate(Reg);
                    app.MapGet("/b", () => Results.Ok()).WithFeatureGate("WEBAUTHN_REGISTRATION", "auth_webauthn_login");
                    _ = fm.IsEnabledAsync("FLAG_CONSOLE_NAV");
                    _ = config["FLAG_WEBAUTHN_REGISTRATION"] ?? Environment.GetEnvironmentVariable("FLAG_AUTH_WEBAUTHN_LOGIN");
                    _ = config["ConnectionStrings:Main"] ?? config["FLAGS_PATH"] ?? Environment.GetEnvironmentVariable("HOME");
                    var name = "dynamic_" + DateTime.Now.Ticks;
                    _ = fm.IsEnabledAsync(name);
                }
            }
            """).RunAsync();

    [Fact]
    public Task LocalShadowingADeclaredConstField_Reports() =>
        // the field names a declared flag, but the call reads the local of the same name: the syntactic
        // "only declared names" shortcut must see the local (also when it is spelled with a unicode escape,
        // which the member's text does not spell as the name) and leave the call to the semantic model
        Test("""
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            static class Gates
            {
                const string Flag = "webauthn_registration";
                const string Other = "webauthn_registration";
                public static async Task<bool> A(IFeatureManager fm)
                {
                    // Flag is named in this comment and in "Flag" strings, FlagName is a longer name
                    const string Flag = "billing_v3";
                    var FlagName = "Flag";
                    return await fm.IsEnabledAsync({|RAXX301:Flag|}) && FlagName.Length > 0;
                }
                public static async Task<bool> B(IFeatureManager fm)
                {
                    const string \u004Fther = "nav_v9";
                    return await fm.IsEnabledAsync({|RAXX301:Other|});
                }
                public static async Task<bool> C(IFeatureManager fm) => await fm.IsEnabledAsync(Flag) && await fm.IsEnabledAsync(Other);
            }
            """).RunAsync();

    [Fact]
    public Task CallsFoundByTheirSpelling_Report() =>
        // the semantic pass finds calls where the text spells a flag API's name: generic and conditional calls,
        // readers through ?., and (by walking every node) a name written with a unicode escape
        Test("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.FeatureManagement;
            static class Gates
            {
                const string Env = "FLAG_NOT_THERE";
                public static async Task<bool> A(IFeatureManager fm, IFeatureManager? maybe, IConfiguration config)
                {
                    var a = await fm.IsEnabledAsync<string>({|RAXX301:"nav_v7"|}, "context");
                    var b = maybe is null || await maybe!.IsEnabledAsync({|RAXX301:"nav_v8"|});
                    var c = config?.GetSection({|RAXX301:Env|}) != null && config[{|RAXX301:Env|}] != null;
                    return a && b && c && await fm.IsEnabled\u0041sync({|RAXX301:"nav_v9"|});
                }
            }
            """).RunAsync();

    [Fact]
    public Task NoFlagsFileNoFeatureManagement_NoReport() =>
        Verify<Raxx301UndeclaredFlagAnalyzer>.VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            static class Routes
            {
                public static void Map(WebApplication app) =>
                    app.MapGet("/x", () => Results.Ok()).WithFeatureGate("anything");
            }
            """);

    [Fact]
    public Task FeatureManagementSection_DeclaresFlags()
    {
        var test = Verify<Raxx301UndeclaredFlagAnalyzer>.Test("""
            using Microsoft.FeatureManagement;
            static class G
            {
                public static object A(IFeatureManager fm) => (fm.IsEnabledAsync("Beta"), fm.IsEnabledAsync("NewCheckout"), fm.IsEnabledAsync({|RAXX301:"Bta2"|}));
            }
            """);
        test.AdditionalFiles.Add(("appsettings.json", """{ "FeatureManagement": { "Beta": true }, "feature_management": { "feature_flags": [ { "id": "NewCheckout" } ] } }"""));
        return test.RunAsync();
    }

    [Fact]
    public Task CodeThatDoesNotCompile_NoCrash()
    {
        var test = Test("""
            using Microsoft.FeatureManagement;
            static class G { static object A(IFeatureManager fm) => fm.IsEnabledAsync(undefined); }
            """);
        test.AllowCompilerErrors = true;
        return test.RunAsync();
    }

    [Fact]
    public Task FlagMethodsFromEditorConfigSection_Reports()
    {
        var test = Test("""
            namespace Acme
            {
                public static class Toggles { public static bool On(string flag) => false; }
                static class Use { static bool A() => Toggles.On({|RAXX301:"ops_menu"|}) || Toggles.On("auth_webauthn_login"); }
            }
            """);
        test.EditorConfig = "root = true\n[*.cs]\nraxx_guardrails.flag_methods = Acme.Toggles.On\n";
        return test.RunAsync();
    }

    /// <summary>
    /// The app's own flag APIs as RAXX304's <c>EnumMemberPassedToOwnFlagApi_NoReport</c> spells them, undeclared: RAXX301
    /// checks every one (RAXX304 counts exactly these as references, through the same FlagReferences.Collect).
    /// </summary>
    [Fact]
    public Task EnumMemberPassedToOwnFlagApi_Reports()
    {
        var test = Verify<Raxx301UndeclaredFlagAnalyzer>.Test("""
            using System;
            using System.Collections;
            using static MyApp.AppFlag;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class ToggleAttribute : Attribute { }
                public enum AppFlag { LitMarked, NameofMarked, LitConfigured, NameofConfigured, EnumMarked, EnumNamed, EnumStatic, ParamsA, ParamsB,
                    ParamsNameof, Receiver, BaseCtor, CollectionAdd, Toggled, Configured }
                public class Flags
                {
                    public bool IsOn([FlagName] AppFlag flag) => false;
                    public bool IsOnText([FlagName] string flag) => false;
                    public bool Any([FlagName] params AppFlag[] flags) => false;
                    public bool AnyText([FlagName] params string[] flags) => false;
                    public bool Toggled([Toggle] AppFlag flag) => false;
                    public bool Cfg(string name) => false;
                    public bool CfgMarked([FlagName] AppFlag flag) => false;
                }
                public static class FlagExtensions { public static bool On([FlagName] this AppFlag flag) => false; }
                public class Gated { public Gated([FlagName] AppFlag flag) { } }
                public class Beta : Gated { public Beta() : base({|RAXX301:AppFlag.BaseCtor|}) { } }
                public class FlagSet : IEnumerable
                {
                    public void Add([FlagName] AppFlag flag) { }
                    public IEnumerator GetEnumerator() => null!;
                }
                static class Use
                {
                    static bool A(Flags f) =>
                        f.IsOnText({|RAXX301:"LitMarked"|}) || f.IsOnText({|RAXX301:nameof(AppFlag.NameofMarked)|}) || f.Cfg({|RAXX301:"LitConfigured"|}) || f.Cfg({|RAXX301:nameof(AppFlag.NameofConfigured)|})
                        || f.IsOn({|RAXX301:AppFlag.EnumMarked|}) || f.IsOn(flag: {|RAXX301:AppFlag.EnumNamed|}) || f.IsOn({|RAXX301:EnumStatic|}) || f.Any({|RAXX301:AppFlag.ParamsA|}, {|RAXX301:AppFlag.ParamsB|})
                        || f.AnyText({|RAXX301:nameof(AppFlag.ParamsNameof)|}, {|RAXX301:"x"|}) || {|RAXX301:AppFlag.Receiver|}.On() || f.Toggled({|RAXX301:AppFlag.Toggled|})
                        || f.CfgMarked({|RAXX301:AppFlag.Configured|}) || new FlagSet { {|RAXX301:AppFlag.CollectionAdd|} } != null;
                }
            }
            """);
        test.GlobalConfigLines.Add("raxx_guardrails.flag_methods = MyApp.Flags.Cfg, MyApp.Flags.CfgMarked");
        test.GlobalConfigLines.Add("raxx_guardrails.flag_parameter_attribute = Toggle");
        test.AdditionalFiles.Add(("feature_flags.yaml", FlagsTestFiles.FlagsYaml));
        return test.RunAsync();
    }

    /// <summary>
    /// A flag passed to a constructor parameter marked <c>[FlagName]</c>: <c>new FlagGate("…")</c>, an enum member, a
    /// target-typed <c>new(…)</c>, a named argument, a <c>params</c> array, a creation nested in another's arguments. Before, object
    /// creations were not candidates of RAXX301's pass (only calls and constructor initialisers were), so none of these was checked.
    /// </summary>
    [Fact]
    public Task ObjectCreationWithMarkedParameter_Reports()
    {
        var test = Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { EnumCtor, NamedCtor, ParamsA, console_nav_v2 }
                public class FlagGate
                {
                    public FlagGate([FlagName] string flag) { }
                    public FlagGate([FlagName] AppFlag flag, int order = 0) { }
                }
                public class FlagSet { public FlagSet(string tenant, [FlagName] params AppFlag[] flags) { } }
                public class Holder { public Holder(FlagGate gate) { } }
                static class Use
                {
                    static FlagGate Typed() => new({|RAXX301:"target_typed"|});
                    static object[] A() => new object[]
                    {
                        new FlagGate({|RAXX301:"new_checkout"|}),
                        new FlagGate({|RAXX301:AppFlag.EnumCtor|}),
                        new FlagGate(order: 1, flag: {|RAXX301:AppFlag.NamedCtor|}),
                        new FlagSet("acme", {|RAXX301:AppFlag.ParamsA|}, AppFlag.console_nav_v2),
                        new Holder(new FlagGate({|RAXX301:"nested_flag"|})),
                        new FlagGate("console_nav_v2"), new FlagGate("FLAG_CONSOLE_NAV"), new FlagGate(AppFlag.console_nav_v2),
                    };
                }
            }
            """);
        return test.RunAsync();
    }

    /// <summary>
    /// Nearest clean look-alikes of <see cref="ObjectCreationWithMarkedParameter_Reports"/>: the same string to a constructor
    /// parameter that is not marked, a marked parameter given a value that is not a constant, a constructor of an unrelated
    /// type whose parameter is named like a flag, a marked constructor in a <c>[GeneratedCode]</c> member, and an object
    /// creation that does not compile.
    /// </summary>
    [Fact]
    public Task ObjectCreationLookAlikes_NoReport()
    {
        var test = Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { EnumCtor }
                public class FlagGate { public FlagGate([FlagName] string flag) { } }
                public class Plain { public Plain(string flag) { } public Plain(AppFlag flag) { } }
                public class FeatureOptions { public FeatureOptions(string featureFlag, string feature) { } }
                static class Use
                {
                    static object[] A(string runtime, AppFlag chosen) => new object[]
                    {
                        new Plain("new_checkout"), new Plain(AppFlag.EnumCtor), new FlagGate(runtime), new FlagGate(chosen.ToString()),
                        new FlagGate("new_" + runtime), new FeatureOptions("new_checkout", "new_checkout"), new Uri("new_checkout", UriKind.Relative),
                    };
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    static object B() => new FlagGate("generated_flag");
                }
            }
            """);
        return test.RunAsync();
    }

    /// <summary>
    /// A constructor named in <c>raxx_guardrails.flag_methods</c> (<c>Ns.Type..ctor</c>, the constructor's metadata name; no
    /// marker type in this compilation, so calls are found by name): its first string parameter is the flag, in an object
    /// creation and in a constructor initialiser. Before, the name gate took a configured constructor's simple name as
    /// <c>ctor</c>, not <c>.ctor</c>, so neither was ever checked. Another type's constructor with the same string is not a flag API.
    /// </summary>
    [Fact]
    public Task ConfiguredConstructor_Reports()
    {
        var test = Test("""
            namespace Acme
            {
                public class Toggle { public Toggle(int order, string name) { } }
                public class Beta : Toggle { public Beta() : base(1, {|RAXX301:"base_flag"|}) { } }
                public class Other { public Other(int order, string name) { } }
                static class Use
                {
                    static object[] A() => new object[]
                    {
                        new Toggle(1, {|RAXX301:"ops_menu"|}), new Toggle(2, "auth_webauthn_login"), new Other(1, "ops_menu"),
                    };
                }
            }
            """,
            Undeclared("base_flag", "Acme.Toggle constructor"),
            Undeclared("ops_menu", "Acme.Toggle constructor"));
        test.GlobalConfigLines.Add("raxx_guardrails.flag_methods = Acme.Toggle..ctor");
        return test.RunAsync();
    }

    /// <summary>
    /// A marked parameter's default value declared in this compilation names a flag at the declaration: reported once there (the
    /// default value is the squiggle), whether or not a call omits the argument, and the calls that omit it are not reported again
    /// — an enum member, a string, a constructor's, an attribute constructor's (also used as <c>[Owned]</c>), a local function's and
    /// a lambda's default. Before (branch flagnew), the default was reported at every call that omitted it (three times for
    /// <c>OrDefault</c> here) and not at all when no call omitted it. Look-alikes: a declared default, an unmarked parameter's
    /// default, the argument passed explicitly (declared). A default declared in a <c>[GeneratedCode]</c> member is not analysed
    /// there, so the calls that use it keep the report.
    /// </summary>
    [Fact]
    public Task DefaultValueOfMarkedParameter_ReportsOnceAtTheDeclaration()
    {
        var test = Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { DefaultArg, CtorDefault, console_nav_v2 }
                public class Flags
                {
                    public Flags([FlagName] AppFlag flag = {|RAXX301:AppFlag.CtorDefault|}) { }
                    public bool OrDefault([FlagName] AppFlag flag = {|RAXX301:AppFlag.DefaultArg|}) => false;
                    public bool OrText(int order = 0, [FlagName] string flag = {|RAXX301:"default_text"|}) => false;
                    public bool NobodyOmits([FlagName] string flag = {|RAXX301:"unused_default"|}) => false;
                    public bool Declared([FlagName] AppFlag flag = AppFlag.console_nav_v2, [FlagName] string other = "FLAG_CONSOLE_NAV") => false;
                    public bool Plain(AppFlag flag = AppFlag.DefaultArg, string name = "default_text") => false;
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    public bool Generated([FlagName] string flag = "generated_default") => false;
                }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class OwnedAttribute([FlagName] string flag = {|RAXX301:"default_owner"|}) : Attribute { }
                static class Use
                {
                    static Flags Typed() => new();
                    static bool A(Flags f) => f.OrDefault() || f.OrText(1) || new Flags() != null || f.OrDefault() || f.OrDefault()
                        || f.OrDefault(AppFlag.console_nav_v2) || f.OrText(flag: "console_nav_v2") || f.NobodyOmits("console_nav_v2")
                        || f.Declared() || f.Plain() || {|RAXX301:f.Generated()|};
                    [Owned, Owned("webauthn_registration")]
                    static bool B()
                    {
                        static bool Local([FlagName] string flag = {|RAXX301:"local_default"|}) => false;
                        var lambda = ([FlagName] string flag = {|RAXX301:"lambda_default"|}) => false;
                        return Local() || lambda();
                    }
                }
            }
            """,
            Undeclared("CtorDefault", "MyApp.Flags constructor"),
            Undeclared("DefaultArg", "MyApp.Flags.OrDefault"),
            Undeclared("default_text", "MyApp.Flags.OrText"),
            Undeclared("unused_default", "MyApp.Flags.NobodyOmits"),
            Undeclared("default_owner", "MyApp.OwnedAttribute"),
            Undeclared("generated_default", "MyApp.Flags.Generated"),
            Undeclared("local_default", "MyApp.Use.Local"),
            Undeclared("lambda_default", "MyApp.Use lambda"));
        return test.RunAsync();
    }

    /// <summary>
    /// A marked default declared in a referenced assembly (metadata) has no declaration in this compilation: each call, creation
    /// or attribute that omits the argument is reported (the squiggle is the call, there is no argument) — also an attribute written
    /// without positional arguments (<c>[RequiresFlag]</c>, <c>[RequiresFlag(Note = "x")]</c>, <c>[Vendor.Flags.RequiresFlag()]</c>,
    /// on a class, a method, an endpoint lambda), which before was never looked at. Look-alikes: a declared metadata default, an
    /// unmarked metadata default, an argument given explicitly, an unrelated argument-less attribute. The same with the library
    /// as a compilation reference (another project of the solution in the IDE: its attribute types are found by symbols).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task DefaultValueFromMetadata_ReportsAtEachUse(bool compilationReference)
    {
        var test = Test("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Vendor.Flags;
            [{|RAXX301:RequiresFlag|}]
            public class Ops
            {
                [{|RAXX301:RequiresFlag|}, {|RAXX301:RequiresFlagAttribute|}, {|RAXX301:RequiresFlag(Note = "x")|}, {|RAXX301:Vendor.Flags.RequiresFlag()|}]
                [DeclaredFlag, PlainFlag, RequiresFlag("console_nav_v2"), Obsolete, RequiresFlag(flag: "webauthn_registration")]
                public void M() { }
                public static void Map(WebApplication app) => app.MapGet("/api/ops", [{|RAXX301:RequiresFlag|}] () => Results.Ok());
                static bool A() => {|RAXX301:Gate.On()|} || {|RAXX301:Gate.OnEnum()|} || {|RAXX301:new Toggle()|} != null || {|RAXX301:Gate.On()|}
                    || Gate.Declared() || Gate.Plain() || Gate.On("webauthn_registration") || Gate.OnEnum(VendorFlag.console_nav_v2) || new Toggle("console_nav_v2") != null;
            }
            """,
            Undeclared("vendor_attr", "Vendor.Flags.RequiresFlagAttribute"),
            Undeclared("vendor_attr", "Vendor.Flags.RequiresFlagAttribute"),
            Undeclared("vendor_attr", "Vendor.Flags.RequiresFlagAttribute"),
            Undeclared("vendor_attr", "Vendor.Flags.RequiresFlagAttribute"),
            Undeclared("vendor_attr", "Vendor.Flags.RequiresFlagAttribute"),
            Undeclared("vendor_attr", "Vendor.Flags.RequiresFlagAttribute"),
            Undeclared("vendor_default", "Vendor.Flags.Gate.On"),
            Undeclared("VendorDefault", "Vendor.Flags.Gate.OnEnum"),
            Undeclared("vendor_ctor", "Vendor.Flags.Toggle constructor"),
            Undeclared("vendor_default", "Vendor.Flags.Gate.On"));
        test.AdditionalReferences.Add(VendorFlagsLibrary(compilationReference));
        return test.RunAsync();
    }

    /// <summary>
    /// Where a source declaration is not analysed, its calls keep the report: a marked default declared in a generated file (a
    /// <c>.g.cs</c> name, an <c>&lt;auto-generated&gt;</c> header) is reported at each call that omits it, none at the declaration. A partial
    /// method's marked default (attribute and default on the defining part) is reported once, at that part; the implementing part
    /// adds nothing and its calls nothing, also when it repeats the default (CS1066). A record's positional parameter and a delegate's
    /// parameter are reported at their declaration too.
    /// </summary>
    [Fact]
    public Task DefaultValueInGeneratedFileOrPartialMethod()
    {
        var test = Test("""
            namespace MyApp
            {
                public partial class Flags
                {
                    public partial bool Split([FlagName] string flag = {|RAXX301:"partial_default"|});
                    public partial bool Split(string flag) => false;
                    public partial bool Both([FlagName] string flag = {|RAXX301:"partial_both"|});
                    public partial bool Both([System.Diagnostics.CodeAnalysis.NotNull] string flag = "partial_both") => false;
                }
                public record Rec([FlagName] string Flag = {|RAXX301:"record_default"|});
                public delegate bool Check([FlagName] string flag = {|RAXX301:"delegate_default"|});
                static class Use
                {
                    static bool A(Flags f, Check check) => {|RAXX301:f.Gen()|} || {|RAXX301:f.Auto()|} || f.Split() || {|RAXX301:f.Gen()|}
                        || f.Both() || new Rec() != null || check();
                }
            }
            """);
        test.Sources.Add(("Flags.g.cs", """
            namespace MyApp
            {
                [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
                public partial class Flags { public bool Gen([FlagName] string flag = "gen_file_default") => false; }
            }
            """));
        test.Sources.Add(("AutoFlags.cs", """
            // <auto-generated/>
            namespace MyApp
            {
                public partial class Flags { public bool Auto([FlagName] string flag = "auto_default") => false; }
            }
            """));
        return test.RunAsync();
    }

    /// <summary>A referenced assembly (metadata) with marked defaults: methods, a constructor, attributes.</summary>
    internal static MetadataReference VendorFlagsLibrary(bool compilationReference = false)
    {
        var library = CSharpCompilation.Create(
            "Vendor.Flags",
            new[] { CSharpSyntaxTree.ParseText("""
                namespace Vendor.Flags
                {
                    [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
                    public enum VendorFlag { VendorDefault, console_nav_v2, EnumAttrDefault, PassedDefault }
                    public static class Gate
                    {
                        public static bool On([FlagName] string flag = "vendor_default") => false;
                        public static bool OnEnum([FlagName] VendorFlag flag = VendorFlag.VendorDefault) => false;
                        public static bool Passed([FlagName] VendorFlag flag = VendorFlag.PassedDefault) => false;
                        public static bool Declared([FlagName] string flag = "console_nav_v2") => false;
                        public static bool Plain(string flag = "vendor_default") => false;
                    }
                    public sealed class Toggle { public Toggle([FlagName] string flag = "vendor_ctor") { } }
                    [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                    public sealed class RequiresFlagAttribute : System.Attribute
                    {
                        public RequiresFlagAttribute([FlagName] string flag = "vendor_attr") { }
                        public string Note { get; set; } = "";
                    }
                    [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                    public sealed class RequiresEnumAttribute : System.Attribute { public RequiresEnumAttribute([FlagName] VendorFlag flag = VendorFlag.EnumAttrDefault) { } }
                    [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                    public sealed class DeclaredFlagAttribute : System.Attribute { public DeclaredFlagAttribute([FlagName] string flag = "webauthn_registration") { } }
                    [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                    public sealed class PlainFlagAttribute : System.Attribute { public PlainFlagAttribute(string flag = "vendor_attr") { } }
                }
                """) },
            ReferenceAssemblies.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return compilationReference ? library.ToMetadataReference() : MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>
    /// An attribute whose constructor parameter is marked <c>[FlagName]</c> (the Companion's and incident 12's
    /// <c>RequiresFlagAttribute</c>): its positional arguments name flags — a literal, a const field, an enum member,
    /// <c>nameof</c>, a <c>params</c> array's elements, a named-parameter argument — on a class, a method and an endpoint
    /// lambda, every written spelling of the attribute. The squiggle is the argument. Before, only <c>[FeatureGate]</c>
    /// attributes were read, so <c>[RequiresFlag("typo")]</c> was never checked.
    /// </summary>
    [Fact]
    public Task AttributeWithMarkedParameter_Reports()
    {
        var test = Test("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { EnumAttr, console_nav_v2 }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresFlagAttribute([FlagName] string flag) : Attribute
                {
                    public RequiresFlagAttribute([FlagName] AppFlag flag) : this(flag.ToString()) { }
                    public string Flag { get; } = flag;
                    public string Note { get; set; } = "";
                }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresAnyAttribute(int order, [FlagName] params string[] flags) : Attribute { }
                static class Names { public const string Const = "const_flag"; public const string Declared = "auth_webauthn_login"; }
                [RequiresFlag({|RAXX301:"class_flag"|})]
                public class Ops
                {
                    [RequiresFlag({|RAXX301:"method_flag"|}), RequiresFlag("webauthn_registration")]
                    [RequiresFlagAttribute({|RAXX301:Names.Const|})]
                    [MyApp.RequiresFlag({|RAXX301:AppFlag.EnumAttr|})]
                    [global::MyApp.RequiresFlag({|RAXX301:nameof(Ops)|})]
                    [RequiresFlag(flag: {|RAXX301:"named_param"|}, Note = "ok")]
                    [RequiresAny(1, {|RAXX301:"any_a"|}, "console_nav_v2", {|RAXX301:"any_b"|})]
                    [RequiresFlag(Names.Declared), RequiresFlag(AppFlag.console_nav_v2), RequiresFlag("FLAG_CONSOLE_NAV")]
                    public void M() { }
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/api/ops", [RequiresFlag({|RAXX301:"endpoint_flag"|})] () => Results.Ok());
                        app.MapGet("/api/local", Local);
                        [RequiresFlag({|RAXX301:AppFlag.EnumAttr|})] static IResult Local() => Results.Ok();
                    }
                }
            }
            """,
            Undeclared("class_flag", "MyApp.RequiresFlagAttribute"),
            Undeclared("method_flag", "MyApp.RequiresFlagAttribute"),
            Undeclared("const_flag", "MyApp.RequiresFlagAttribute"),
            Undeclared("EnumAttr", "MyApp.RequiresFlagAttribute"),
            Undeclared("Ops", "MyApp.RequiresFlagAttribute"),
            Undeclared("named_param", "MyApp.RequiresFlagAttribute"),
            Undeclared("any_a", "MyApp.RequiresAnyAttribute"),
            Undeclared("any_b", "MyApp.RequiresAnyAttribute"),
            Undeclared("endpoint_flag", "MyApp.RequiresFlagAttribute"),
            Undeclared("EnumAttr", "MyApp.RequiresFlagAttribute"));
        return test.RunAsync();
    }

    /// <summary>
    /// Nearest clean look-alikes of <see cref="AttributeWithMarkedParameter_Reports"/>: the same string to an attribute whose
    /// constructor parameter is not marked, a named property argument of the marked attribute (<c>Note = "…"</c>: a property,
    /// not the parameter), another attribute type with a parameter named <c>flag</c>, a framework attribute with the string,
    /// a marked attribute on a <c>[GeneratedCode]</c> member, and an attribute whose marked parameter keeps a declared default.
    /// </summary>
    [Fact]
    public Task AttributeLookAlikes_NoReport()
    {
        var test = Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { EnumAttr }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresFlagAttribute([FlagName] string flag) : Attribute
                {
                    public RequiresFlagAttribute() : this("webauthn_registration") { }
                    public string Note { get; set; } = "";
                }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class PlainAttribute(string flag) : Attribute { public PlainAttribute(AppFlag flag) : this("") { } }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class FlagNoteAttribute(string flag, [FlagName] string owner = "auth_webauthn_login") : Attribute { }
                public class Ops
                {
                    [Plain("new_checkout"), Plain(AppFlag.EnumAttr), RequiresFlag(Note = "new_checkout"), FlagNote(flag: "new_checkout")]
                    [Obsolete("new_checkout")]
                    public void M() { }
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    [RequiresFlag("generated_flag")]
                    public void G() { }
                }
            }
            """);
        return test.RunAsync();
    }

    /// <summary>
    /// A marked attribute given only a declared literal still uses a marked default it omits. The attribute type is this
    /// compilation's, so its undeclared defaults are reported once each at the declaration, not at the attributes that use
    /// them (before: at <c>[Owned("webauthn_registration")]</c>, and <c>[Owned]</c> was not looked at).
    /// </summary>
    [Fact]
    public Task AttributeOmittedMarkedDefault_ReportedAtTheDeclaration()
    {
        var test = Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class OwnedAttribute([FlagName] string flag = {|RAXX301:"default_owner"|}, [FlagName] string other = {|RAXX301:"default_other"|}) : Attribute { }
                public class Ops
                {
                    [Owned("webauthn_registration")]
                    [Owned]
                    public void M() { }
                }
            }
            """,
            Undeclared("default_owner", "MyApp.OwnedAttribute"),
            Undeclared("default_other", "MyApp.OwnedAttribute"));
        return test.RunAsync();
    }

    /// <summary>
    /// C# 13 params collections: a marked <c>params ReadOnlySpan&lt;string&gt;</c> (also <c>params ReadOnlySpan&lt;AppFlag&gt;</c>,
    /// <c>params IEnumerable&lt;string&gt;</c>) names a flag with each element, as a marked <c>params string[]</c> does; so does a
    /// collection expression given to a marked span or array (<c>AnyText(["a", "b"])</c>). Before, the elements of a params
    /// collection were never looked at (the argument is a collection expression, not an array creation).
    /// </summary>
    [Fact]
    public Task ParamsSpanOfMarkedParameter_Reports()
    {
        var test = Test("""
            using System;
            using System.Collections.Generic;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { SpanEnum, console_nav_v2 }
                public class Flags
                {
                    public bool AnySpan([FlagName] params ReadOnlySpan<string> flags) => false;
                    public bool AnyEnum(int order, [FlagName] params ReadOnlySpan<AppFlag> flags) => false;
                    public bool AnyList([FlagName] params IEnumerable<string> flags) => false;
                    public bool AnyArray([FlagName] string[] flags) => false;
                    public Flags([FlagName] params ReadOnlySpan<string> flags) { }
                }
                static class Names { public const string Const = "const_flag"; }
                static class Use
                {
                    static bool A(Flags f) => f.AnySpan({|RAXX301:"span_a"|}, "console_nav_v2", {|RAXX301:"span_b"|})
                        || f.AnyEnum(1, {|RAXX301:AppFlag.SpanEnum|}, AppFlag.console_nav_v2)
                        || f.AnySpan({|RAXX301:Names.Const|}, {|RAXX301:nameof(Names)|}, "FLAG_CONSOLE_NAV")
                        || f.AnyList({|RAXX301:"list_flag"|}) || f.AnySpan(["auth_webauthn_login", {|RAXX301:"bracket_flag"|}])
                        || f.AnyArray([{|RAXX301:"array_expr"|}]) || new Flags({|RAXX301:"ctor_span"|}) != null
                        || f.AnySpan(flags: {|RAXX301:"named_span"|});
                }
            }
            """,
            Undeclared("span_a", "MyApp.Flags.AnySpan"),
            Undeclared("span_b", "MyApp.Flags.AnySpan"),
            Undeclared("SpanEnum", "MyApp.Flags.AnyEnum"),
            Undeclared("const_flag", "MyApp.Flags.AnySpan"),
            Undeclared("Names", "MyApp.Flags.AnySpan"),
            Undeclared("list_flag", "MyApp.Flags.AnyList"),
            Undeclared("bracket_flag", "MyApp.Flags.AnySpan"),
            Undeclared("array_expr", "MyApp.Flags.AnyArray"),
            Undeclared("ctor_span", "MyApp.Flags constructor"),
            Undeclared("named_span", "MyApp.Flags.AnySpan"));
        return test.RunAsync();
    }

    /// <summary>
    /// Nearest clean look-alikes of <see cref="ParamsSpanOfMarkedParameter_Reports"/>: the same strings to an unmarked
    /// <c>params ReadOnlySpan&lt;string&gt;</c> (<c>string.Concat</c>'s too), a marked span given only declared names or
    /// non-constant elements (a parameter, a spread of a runtime array), and a marked span in a <c>[GeneratedCode]</c> member.
    /// </summary>
    [Fact]
    public Task ParamsSpanLookAlikes_NoReport()
    {
        var test = Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public class Flags
                {
                    public bool AnySpan([FlagName] params ReadOnlySpan<string> flags) => false;
                    public bool Plain(params ReadOnlySpan<string> names) => false;
                }
                static class Use
                {
                    static bool A(Flags f, string runtime, string[] more) => f.Plain("span_a", "span_b") || string.Concat("span_a", "span_b") != ""
                        || f.AnySpan("console_nav_v2", "FLAG_CONSOLE_NAV", runtime) || f.AnySpan([.. more, "webauthn_registration"])
                        || f.AnySpan() || f.Plain(["span_a"]);
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    static bool B(Flags f) => f.AnySpan("generated_flag");
                }
            }
            """);
        return test.RunAsync();
    }

    // Branch flagcost: with a marker type, a call is bound only when its invoked name is one of the marked methods' simple
    // names (FlagReferences.MarkedCalls: source methods and local functions, metadata and compilation references; a marked
    // delegate keeps every call). The nearest look-alikes of that filter: every way a marked method is called by name,
    // a same-named unmarked method of another type, and calls whose target the names cannot tell.

    [Fact]
    public Task MarkedCallNames_EveryCallByName_Reports() =>
        Test("""
            using System;
            using static MyApp.Gate;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public static class Gate
                {
                    public static bool On([FlagName] string flag) => false;
                    public static bool IsOn([FlagName] this string flag) => false;
                }
                public static class Other
                {
                    public static bool On(string flag) => false;
                    public static bool IsOn(this int value, string flag) => false;
                    public static bool Check(string flag) => false;
                }
                public interface IGate { bool Enabled([FlagName] string flag); }
                static class Use
                {
                    static bool A(IGate gate)
                    {
                        bool Local([FlagName] string flag) => false;
                        return Gate.On({|RAXX301:"zq_member"|}) || On({|RAXX301:"zq_static"|}) || {|RAXX301:"zq_extension"|}.IsOn()
                            || Gate.IsOn({|RAXX301:"zq_extension_static"|}) || Local({|RAXX301:"zq_local"|}) || gate?.Enabled({|RAXX301:"zq_interface"|}) == true
                            || global::MyApp.Gate.On({|RAXX301:"zq_qualified"|})
                            || Other.On("zq_other") || 1.IsOn("zq_other_extension") || Other.Check("zq_unmarked") || Gate.On("webauthn_registration");
                    }
                }
            }
            """,
            Undeclared("zq_member", "MyApp.Gate.On"),
            Undeclared("zq_static", "MyApp.Gate.On"),
            Undeclared("zq_extension", "MyApp.Gate.IsOn"),
            Undeclared("zq_extension_static", "MyApp.Gate.IsOn"),
            Undeclared("zq_local", "MyApp.Use.Local"),
            Undeclared("zq_interface", "MyApp.IGate.Enabled"),
            Undeclared("zq_qualified", "MyApp.Gate.On")).RunAsync();

    [Fact]
    public Task MarkedCallNames_DelegateWithMarkedParameter_EveryCallReports() =>
        Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public delegate bool Check([FlagName] string flag);
                static class Use
                {
                    static Check Make() => f => false;
                    static Check Field = f => false;
                    static bool A(Check check) => check({|RAXX301:"zq_parameter"|}) || Make()({|RAXX301:"zq_returned"|}) || Field.Invoke({|RAXX301:"zq_invoke"|})
                        || check("webauthn_registration");
                }
            }
            """,
            Undeclared("zq_parameter", "MyApp.Check.Invoke"),
            Undeclared("zq_returned", "MyApp.Check.Invoke"),
            Undeclared("zq_invoke", "MyApp.Check.Invoke")).RunAsync();

    /// <summary>A lambda's marked parameter: its delegate (Func, or the compiler's anonymous delegate for a default) does not carry the marker, before and after.</summary>
    [Fact]
    public Task MarkedCallNames_LambdaParameter_NotAMarkedCall() =>
        Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                static class Use
                {
                    static bool A()
                    {
                        var f = ([FlagName] string flag) => false;
                        var g = ([FlagName] string flag = "webauthn_registration") => false;
                        return f("zq_lambda") || g("zq_lambda_default");
                    }
                }
            }
            """).RunAsync();

    /// <summary>
    /// A marker written through a global alias declared in another file, and with a unicode escape (each in a test of its own, a
    /// global alias makes every file read): the files that declare these marked methods do not spell the marker's name.
    /// </summary>
    [Fact]
    public Task MarkedCallNames_MarkerThroughGlobalAlias_Reports()
    {
        var test = Test("""
            namespace MyApp
            {
                public static class Gate
                {
                    public static bool On([FN] string flag) => false;
                }
                static class Use
                {
                    static bool A() => Gate.On({|RAXX301:"zq_alias"|});
                }
            }
            """,
            Undeclared("zq_alias", "MyApp.Gate.On"));
        test.Sources.Add(("Marker.cs", """
            global using FN = MyApp.Markers.FlagNameAttribute;
            namespace MyApp.Markers
            {
                [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task MarkedCallNames_MarkerWithUnicodeEscape_Reports()
    {
        var test = Test("""
            namespace MyApp
            {
                static class Use
                {
                    static bool A() => EscapedGate.Escaped({|RAXX301:"zq_escape"|}) || EscapedGate.Escaped("auth_webauthn_login");
                }
            }
            """,
            Undeclared("zq_escape", "MyApp.EscapedGate.Escaped"));
        test.Sources.Add(("Marker.cs", """
            namespace MyApp.Markers
            {
                [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
            }
            """));
        test.Sources.Add(("Escaped.cs", """
            using MyApp.Markers;
            namespace MyApp
            {
                public static class EscapedGate { public static bool Escaped([Flag\u004Eame] string flag) => false; }
            }
            """));
        return test.RunAsync();
    }

    /// <summary>Marked methods and a marked delegate of a referenced assembly (metadata, or a compilation reference as in the IDE).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task MarkedCallNames_Referenced_Reports(bool compilationReference)
    {
        var library = CSharpCompilation.Create(
            "Vendor.Calls",
            new[] { CSharpSyntaxTree.ParseText("""
                namespace Vendor.Calls
                {
                    [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
                    public static class Gate
                    {
                        public static bool Enabled(string tenant, [FlagName] string flag) => false;
                        public static bool Require([FlagName] this string flag) => false;
                        public static bool Plain(string flag) => false;
                    }
                }
                """) },
            ReferenceAssemblies.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var test = Test("""
            using Vendor.Calls;
            static class Use
            {
                static bool Enabled(string tenant, string flag) => false;
                static bool A() => Gate.Enabled("acme", {|RAXX301:"zq_vendor"|}) || {|RAXX301:"zq_vendor_extension"|}.Require()
                    || Gate.Plain("zq_plain") || Enabled("acme", "zq_own_unmarked") || Gate.Enabled("acme", "console_nav_v2");
            }
            """,
            Undeclared("zq_vendor", "Vendor.Calls.Gate.Enabled"),
            Undeclared("zq_vendor_extension", "Vendor.Calls.Gate.Require"));
        test.AdditionalReferences.Add(Emit(library, compilationReference));
        return test.RunAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task MarkedCallNames_ReferencedDelegate_EveryCallReports(bool compilationReference)
    {
        var library = CSharpCompilation.Create(
            "Vendor.Checks",
            new[] { CSharpSyntaxTree.ParseText("""
                namespace Vendor.Checks
                {
                    [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
                    public delegate bool Check([FlagName] string flag);
                    public static class Checks { public static Check Make() => f => false; }
                }
                """) },
            ReferenceAssemblies.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var test = Test("""
            using Vendor.Checks;
            static class Use
            {
                static bool A(Check check) => check({|RAXX301:"zq_vendor_delegate"|}) || Checks.Make()({|RAXX301:"zq_vendor_returned"|});
            }
            """,
            Undeclared("zq_vendor_delegate", "Vendor.Checks.Check.Invoke"),
            Undeclared("zq_vendor_returned", "Vendor.Checks.Check.Invoke"));
        test.AdditionalReferences.Add(Emit(library, compilationReference));
        return test.RunAsync();
    }

    private static MetadataReference Emit(CSharpCompilation library, bool compilationReference)
    {
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return compilationReference ? library.ToMetadataReference() : MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>
    /// Branch flagcost: with a marker type, <c>new T(…)</c> is bound only when T's written right-most name is a type with a marked
    /// constructor parameter or any using alias (FlagReferences.MayCreateMarked). Every spelling of a marked type's creation reports:
    /// plain, qualified, <c>global::</c>, generic, nested, a record's primary constructor, a local alias, a global alias in another file,
    /// target-typed <c>new(…)</c>; a same-argument creation of an unmarked type does not.
    /// </summary>
    [Fact]
    public Task MarkedCreations_EverySpelling_Reports()
    {
        var test = Test("""
            using System;
            using G = MyApp.Gate;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public sealed class Gate { public Gate([FlagName] string flag) { } }
                public sealed class Gate<T> { public Gate([FlagName] string flag) { } }
                public static class Outer { public sealed class Inner { public Inner([FlagName] string flag) { } } }
                public record Rec([FlagName] string Flag);
                public sealed class Plain { public Plain(string flag) { } }
                static class Use
                {
                    static object[] A()
                    {
                        Gate typed = new({|RAXX301:"zq_target_typed"|});
                        return new object[]
                        {
                            new Gate({|RAXX301:"zq_plain"|}), new MyApp.Gate({|RAXX301:"zq_qualified"|}), new global::MyApp.Gate({|RAXX301:"zq_global"|}),
                            new Gate<int>({|RAXX301:"zq_generic"|}), new Outer.Inner({|RAXX301:"zq_nested"|}), new Rec({|RAXX301:"zq_record"|}),
                            new G({|RAXX301:"zq_alias"|}), new GG({|RAXX301:"zq_global_alias"|}), typed,
                            new Plain("zq_unmarked"), new Gate("webauthn_registration"),
                        };
                    }
                }
            }
            namespace MyApp.Second
            {
                using NG = MyApp.Gate;
                static class Use2 { static object B() => new NG({|RAXX301:"zq_namespace_alias"|}); }
            }
            """,
            Undeclared("zq_target_typed", "MyApp.Gate constructor"),
            Undeclared("zq_plain", "MyApp.Gate constructor"),
            Undeclared("zq_qualified", "MyApp.Gate constructor"),
            Undeclared("zq_global", "MyApp.Gate constructor"),
            Undeclared("zq_generic", "MyApp.Gate<int> constructor"),
            Undeclared("zq_nested", "MyApp.Outer.Inner constructor"),
            Undeclared("zq_record", "MyApp.Rec constructor"),
            Undeclared("zq_alias", "MyApp.Gate constructor"),
            Undeclared("zq_global_alias", "MyApp.Gate constructor"),
            Undeclared("zq_namespace_alias", "MyApp.Gate constructor"));
        test.Sources.Add(("Aliases.cs", "global using GG = MyApp.Gate;"));
        return test.RunAsync();
    }

    /// <summary>A referenced assembly's types with a marked constructor parameter (metadata, or a compilation reference), plain and generic.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task MarkedCreations_Referenced_Reports(bool compilationReference)
    {
        var library = CSharpCompilation.Create(
            "Vendor.Gates",
            new[] { CSharpSyntaxTree.ParseText("""
                namespace Vendor.Gates
                {
                    [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FlagNameAttribute : System.Attribute { }
                    public sealed class Toggle { public Toggle([FlagName] string flag) { } }
                    public sealed class Switch<T> { public Switch(T value, [FlagName] string flag) { } }
                    public sealed class Plain { public Plain(string flag) { } }
                }
                """) },
            ReferenceAssemblies.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var test = Test("""
            using Vendor.Gates;
            static class Use
            {
                static object[] A() => new object[] { new Toggle({|RAXX301:"zq_vendor"|}), new Switch<int>(1, {|RAXX301:"zq_vendor_generic"|}), new Plain("zq_plain") };
            }
            """,
            Undeclared("zq_vendor", "Vendor.Gates.Toggle constructor"),
            Undeclared("zq_vendor_generic", "Vendor.Gates.Switch<int> constructor"));
        test.AdditionalReferences.Add(Emit(library, compilationReference));
        return test.RunAsync();
    }
}
