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

    /// <summary>
    /// Flags used only as enum members reached through a using alias. An alias of the enum type (file, global) or of its
    /// namespace never changed what counted (the enum member is resolved on the symbol); an alias of the attribute did:
    /// the attribute action went by the written name, so <c>[Gate(Flags.BetaG)]</c> named nothing. One flag per spelling.
    /// </summary>
    [Fact]
    public Task EnumMemberThroughAlias_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using F = MyApp.Flags;
            using N = MyApp;
            using Gate = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            using ShieldAttribute = global::Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            namespace MyApp
            {
                public enum Flags { BetaA, BetaB, BetaC, BetaD, BetaE, BetaF, BetaG, BetaH, BetaI, BetaJ, BetaK, BetaL, BetaM, BetaN }
            }
            public class SearchController : Controller
            {
                [FeatureGate(F.BetaA)] public IActionResult A() => Ok();
                public Task<bool> B(IFeatureManager m) => m.IsEnabledAsync(nameof(F.BetaB));
                [FeatureGate(G.BetaC)] public IActionResult C() => Ok();
                public Task<bool> D(IFeatureManager m) => m.IsEnabledAsync(nameof(G.BetaD));
                [FeatureGate(N.Flags.BetaE)] public IActionResult E() => Ok();
                public Task<bool> F1(IFeatureManager m) => m.IsEnabledAsync(nameof(N.Flags.BetaF));
                [Gate(MyApp.Flags.BetaG)] public IActionResult G1() => Ok();
                [Guard(MyApp.Flags.BetaH)] public IActionResult H() => Ok();
                [Gate(RequirementType.All, F.BetaI)] public IActionResult I() => Ok();
                [HttpGet,Shield(G.BetaJ)] public IActionResult J() => Ok();
            }
            namespace Inner
            {
                using Door = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
                public class InnerController : Controller
                {
                    [Door(F.BetaK)] public IActionResult K() => Ok();
                    [@Gate(MyApp.Flags.BetaL)] public IActionResult L() => Ok();
                }
            }
            """);
        test.Sources.Add(("GlobalUsings.cs", """
            global using G = MyApp.Flags;
            global using Guard = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            """));
        // a unicode escape in the file: every attribute is looked at (the text does not spell the alias)
        test.Sources.Add(("Escaped.cs", """
            using Hatch = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            public class EscapedController : Microsoft.AspNetCore.Mvc.Controller
            {
                [\u0047uard(MyApp.Flags.BetaM)] public Microsoft.AspNetCore.Mvc.IActionResult M() => Ok();
                [Hatch(MyApp.Flags.BetaN)] public Microsoft.AspNetCore.Mvc.IActionResult N() => Ok();
            }
            """));
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              BetaA: { default: false }
              BetaB: { default: false }
              BetaC: { default: false }
              BetaD: { default: false }
              BetaE: { default: false }
              BetaF: { default: false }
              BetaG: { default: false }
              BetaH: { default: false }
              BetaI: { default: false }
              BetaJ: { default: false }
              BetaK: { default: false }
              BetaL: { default: false }
              BetaM: { default: false }
              BetaN: { default: false }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// What still names no flag: an alias nobody uses, an enum member of another enum (same name) outside any gate, an
    /// alias of another attribute or of an app's own FeatureGateAttribute, an aliased gate in a [GeneratedCode] member
    /// (as a written one there), RequirementType's member behind the alias.
    /// </summary>
    [Fact]
    public Task AliasLookAlikes_Report()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Unused = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            using Gate = Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;
            using C = MyApp.Colors;
            using Tag = MyApp.TagAttribute;
            using Own = MyApp.FeatureGateAttribute;
            namespace MyApp
            {
                public enum Flags { Teal, Tagged, Owned, Generated, GeneratedWritten, Used }
                public enum Colors { Teal }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class TagAttribute : System.Attribute { public TagAttribute(object o) { } }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class FeatureGateAttribute : System.Attribute { public FeatureGateAttribute(object o) { } }
            }
            public class ShopController : Controller
            {
                public object Paint() => C.Teal;
                [Tag(MyApp.Flags.Tagged)] public IActionResult A() => Ok();
                [Own(MyApp.Flags.Owned)] public IActionResult B() => Ok();
                [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                [Gate(MyApp.Flags.Generated)] public IActionResult D() => Ok();
                [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                [Microsoft.FeatureManagement.Mvc.FeatureGate(MyApp.Flags.GeneratedWritten)] public IActionResult D2() => Ok();
                [Gate(RequirementType.All, MyApp.Flags.Used)] public IActionResult E() => Ok();
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              {|RAXX304:Teal|}: { default: false }
              {|RAXX304:Tagged|}: { default: false }
              {|RAXX304:Owned|}: { default: false }
              {|RAXX304:Generated|}: { default: false }
              {|RAXX304:GeneratedWritten|}: { default: false }
              {|RAXX304:Stale|}: { default: false }
              {|RAXX304:All|}: { default: false }
              Used: { default: false }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Flags named only through the app's own flag APIs (a <c>[FlagName]</c> parameter, a configured method), one flag
    /// per spelling. A string literal and a single constant string argument (<c>nameof</c>) always counted; an enum
    /// member passed to a marked parameter (also as a params array, the receiver of an extension, a named argument, a
    /// constructor initialiser, a collection initialiser's Add, a marker named in
    /// <c>flag_parameter_attribute</c>) and a <c>nameof</c> in a marked params array did not, although RAXX301 checks them.
    /// </summary>
    [Fact]
    public Task EnumMemberPassedToOwnFlagApi_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            using System.Collections;
            using static MyApp.AppFlag;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class ToggleAttribute : Attribute { }
                public enum AppFlag { LitMarked, NameofMarked, LitConfigured, NameofConfigured, EnumMarked, EnumNamed, EnumStatic, ParamsA, ParamsB,
                    ParamsNameof, Receiver, BaseCtor, CollectionAdd, Toggled, Configured, BothA, BothB }
                public class Flags
                {
                    public bool IsOn([FlagName] AppFlag flag) => false;
                    public bool IsOnText([FlagName] string flag) => false;
                    public bool Any([FlagName] params AppFlag[] flags) => false;
                    public bool AnyText([FlagName] params string[] flags) => false;
                    public bool Toggled([Toggle] AppFlag flag) => false;
                    public bool Both([FlagName] AppFlag a, [FlagName] AppFlag b) => false;
                    public bool Cfg(string name) => false;
                    public bool CfgMarked([FlagName] AppFlag flag) => false;
                }
                public static class FlagExtensions { public static bool On([FlagName] this AppFlag flag) => false; }
                public class Gated { public Gated([FlagName] AppFlag flag) { } }
                public class Beta : Gated { public Beta() : base(AppFlag.BaseCtor) { } }
                public class FlagSet : IEnumerable
                {
                    public void Add([FlagName] AppFlag flag) { }
                    public IEnumerator GetEnumerator() => null!;
                }
                static class Use
                {
                    static bool A(Flags f) =>
                        f.IsOnText("LitMarked") || f.IsOnText(nameof(AppFlag.NameofMarked)) || f.Cfg("LitConfigured") || f.Cfg(nameof(AppFlag.NameofConfigured))
                        || f.IsOn(AppFlag.EnumMarked) || f.IsOn(flag: AppFlag.EnumNamed) || f.IsOn(EnumStatic) || f.Any(AppFlag.ParamsA, AppFlag.ParamsB)
                        || f.AnyText(nameof(AppFlag.ParamsNameof), "x") || AppFlag.Receiver.On() || f.Toggled(AppFlag.Toggled)
                        || f.CfgMarked(AppFlag.Configured) || new FlagSet { AppFlag.CollectionAdd } != null
                        || f.Both(AppFlag.BothA, AppFlag.BothB);
                }
            }
            """);
        test.GlobalConfigLines.Add("raxx_guardrails.flag_methods = MyApp.Flags.Cfg, MyApp.Flags.CfgMarked");
        test.GlobalConfigLines.Add("raxx_guardrails.flag_parameter_attribute = Toggle");
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              LitMarked: { default: false }
              NameofMarked: { default: false }
              LitConfigured: { default: false }
              NameofConfigured: { default: false }
              EnumMarked: { default: false }
              EnumNamed: { default: false }
              EnumStatic: { default: false }
              ParamsA: { default: false }
              ParamsB: { default: false }
              ParamsNameof: { default: false }
              Receiver: { default: false }
              BaseCtor: { default: false }
              CollectionAdd: { default: false }
              Toggled: { default: false }
              Configured: { default: false }
              BothA: { default: false }
              BothB: { default: false }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Still referenced nowhere, for RAXX304 as for RAXX301 (neither counts them): an enum member passed to an unmarked
    /// parameter (also beside a marked one), to a configured method without a marked parameter (its first string
    /// parameter is the flag; an enum has none), a marked parameter's enum default that every call passes explicitly
    /// (only an omitted argument uses it), an unmarked parameter's enum default used by a call that omits it,
    /// an enum member written in a marked call inside a [GeneratedCode] member, an enum member passed to a constructor
    /// parameter that is not marked (<c>new Plain(…)</c>) or to an unrelated type's constructor parameter named like a flag.
    /// A member passed to a marked parameter in the same file still counts, also in an object creation (<c>new Gated(…)</c>:
    /// reported before branch flagnew, when object creations were not calls RAXX301 looked at), and so does a marked
    /// parameter's enum default used by a call that omits it (<c>OrDefault()</c>, <c>new Gated()</c>: reported before flagnew).
    /// A marked enum default that every call passes (<c>DefaultPassed</c>) counts too since branch flagrest: RAXX301 checks a
    /// marked default at its declaration whether or not a call omits it, so deleting the flag would give a RAXX301 error there.
    /// </summary>
    [Fact]
    public Task EnumMemberOwnFlagApiLookAlikes_Report()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { Unmarked, Beside, CfgEnum, DefaultArg, Generated, Created, Used, CtorUnmarked, CtorOther, CtorDefault,
                    DefaultPassed, PlainDefault }
                public class Gated { public Gated([FlagName] AppFlag flag = AppFlag.CtorDefault) { } }
                public class PlainGate { public PlainGate(AppFlag flag) { } }
                public class FeatureOptions { public FeatureOptions(AppFlag featureFlag) { } }
                public class Flags
                {
                    public bool Plain(AppFlag flag) => false;
                    public bool Check([FlagName] string flag, AppFlag other) => false;
                    public bool Cfg(AppFlag flag) => false;
                    public bool OrDefault([FlagName] AppFlag flag = AppFlag.DefaultArg) => false;
                    public bool IsOn([FlagName] AppFlag flag) => false;
                    public bool Passed([FlagName] AppFlag flag = AppFlag.DefaultPassed) => false;
                    public bool PlainDefault(AppFlag flag = AppFlag.PlainDefault) => false;
                }
                static class Use
                {
                    static bool A(Flags f) => f.Plain(AppFlag.Unmarked) || f.Check("Literal", AppFlag.Beside) || f.Cfg(AppFlag.CfgEnum) || f.OrDefault()
                        || new Gated(AppFlag.Created) != null || f.IsOn(AppFlag.Used)
                        || new PlainGate(AppFlag.CtorUnmarked) != null || new FeatureOptions(AppFlag.CtorOther) != null
                        || new Gated() != null || f.Passed(AppFlag.Used) || f.PlainDefault();
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    static bool B(Flags f) => f.IsOn(AppFlag.Generated);
                }
            }
            """);
        test.GlobalConfigLines.Add("raxx_guardrails.flag_methods = MyApp.Flags.Cfg");
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              {|RAXX304:Unmarked|}: { default: false }
              {|RAXX304:Beside|}: { default: false }
              {|RAXX304:CfgEnum|}: { default: false }
              DefaultArg: { default: false }
              CtorDefault: { default: false }
              DefaultPassed: { default: false }
              {|RAXX304:PlainDefault|}: { default: false }
              {|RAXX304:Generated|}: { default: false }
              Created: { default: false }
              {|RAXX304:CtorUnmarked|}: { default: false }
              {|RAXX304:CtorOther|}: { default: false }
              Literal: { default: false }
              Used: { default: false }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// <c>WithFeatureGate</c> takes <c>params string[]</c>: a <c>nameof</c> there is an array element, not a constant
    /// argument, and was not counted (RAXX301 checks it). No [FlagName] type in this compilation: the call is taken by its
    /// name. <c>string.Join</c>'s params array names no flag (nor for RAXX301).
    /// </summary>
    [Fact]
    public Task NameofInWithFeatureGateParams_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            public enum AppFlag { GateNameof, GateA, GateB, Joined }
            static class Routes
            {
                public static string Map(WebApplication app)
                {
                    app.MapGet("/a", () => Results.Ok()).WithFeatureGate(nameof(AppFlag.GateNameof));
                    app.MapGet("/b", () => Results.Ok()).WithFeatureGate(RequirementType.Any, nameof(AppFlag.GateA), nameof(AppFlag.GateB));
                    return string.Join(",", nameof(AppFlag.Joined), nameof(AppFlag.Joined));
                }
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              GateNameof: { default: false }
              GateA: { default: false }
              GateB: { default: false }
              {|RAXX304:Joined|}: { default: false }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Flags named only in object creations, the way RAXX301 checks them (<c>ObjectCreationWithMarkedParameter_Reports</c>):
    /// an enum member to a marked constructor parameter (<c>new FlagGate(AppFlag.X)</c>, target-typed <c>new(…)</c>, a named
    /// argument, a marked <c>params</c> array, nested in another creation), a <c>nameof</c> in a marked params array, and a
    /// string literal (always counted, by the literal action). Before, only the literal counted.
    /// </summary>
    [Fact]
    public Task ObjectCreation_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { Literal, EnumCtor, TargetTyped, NamedCtor, ParamsA, ParamsB, ParamsNameof, Nested }
                public class FlagGate
                {
                    public FlagGate([FlagName] string flag) { }
                    public FlagGate([FlagName] AppFlag flag, int order = 0) { }
                }
                public class FlagSet { public FlagSet(string tenant, [FlagName] params AppFlag[] flags) { } }
                public class TextSet { public TextSet([FlagName] params string[] flags) { } }
                public class Holder { public Holder(FlagGate gate) { } }
                static class Use
                {
                    static FlagGate Typed() => new(AppFlag.TargetTyped);
                    static object[] A() => new object[]
                    {
                        new FlagGate("Literal"), new FlagGate(AppFlag.EnumCtor), new FlagGate(order: 1, flag: AppFlag.NamedCtor),
                        new FlagSet("acme", AppFlag.ParamsA, AppFlag.ParamsB), new TextSet(nameof(AppFlag.ParamsNameof), "x"),
                        new Holder(new FlagGate(AppFlag.Nested)),
                    };
                }
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              Literal: { default: false }
              EnumCtor: { default: false }
              TargetTyped: { default: false }
              NamedCtor: { default: false }
              ParamsA: { default: false }
              ParamsB: { default: false }
              ParamsNameof: { default: false }
              Nested: { default: false }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task NoFlagsFile_NoReport() =>
        Verify<Raxx304UnreferencedFlagAnalyzer>.VerifyAsync("class C { }");

    /// <summary>
    /// Flags named only by an attribute's marked constructor parameter (<c>[RequiresFlag(…)]</c>, RAXX301's
    /// AttributeWithMarkedParameter_Reports): a literal, an enum member, a params array's enum members, <c>nameof</c>, a
    /// const field, on a class, a method and an endpoint lambda — all counted. Look-alikes still reported: an enum member
    /// passed to an attribute whose parameter is not marked, and one to another attribute type's parameter named <c>flag</c>.
    /// </summary>
    [Fact]
    public Task MarkedAttributeArguments_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { EnumAttr, ParamsA, ParamsB, LambdaAttr, LocalAttr, PlainEnum, OtherEnum }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresFlagAttribute : Attribute
                {
                    public RequiresFlagAttribute([FlagName] string flag) { }
                    public RequiresFlagAttribute([FlagName] AppFlag flag) { }
                    public AppFlag Also { get; set; }
                }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresAnyAttribute([FlagName] params AppFlag[] flags) : Attribute { }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class PlainAttribute(AppFlag flag) : Attribute { }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class OtherAttribute(AppFlag flag) : Attribute { }
                static class Names { public const string Const = "ConstAttr"; }
                [RequiresFlag("LiteralAttr")]
                public class Ops
                {
                    [RequiresFlag(AppFlag.EnumAttr), RequiresAny(AppFlag.ParamsA, AppFlag.ParamsB), RequiresFlag(nameof(NameofAttr)), RequiresFlag(Names.Const)]
                    [Plain(AppFlag.PlainEnum), Other(flag: AppFlag.OtherEnum), RequiresFlag("x", Also = AppFlag.OtherEnum)]
                    public void M() { }
                    private const int NameofAttr = 0;
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/api/ops", [RequiresFlag(AppFlag.LambdaAttr)] () => Results.Ok());
                        app.MapGet("/api/local", Local);
                        [RequiresFlag(AppFlag.LocalAttr)] static IResult Local() => Results.Ok();
                    }
                }
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              LiteralAttr: { default: false }
              EnumAttr: { default: false }
              ParamsA: { default: false }
              ParamsB: { default: false }
              NameofAttr: { default: false }
              ConstAttr: { default: false }
              LambdaAttr: { default: false }
              LocalAttr: { default: false }
              {|RAXX304:PlainEnum|}: { default: false }
              {|RAXX304:OtherEnum|}: { default: false }
            """));
        return test.RunAsync();
    }
    /// <summary>
    /// C# 13 params collections: enum members and <c>nameof</c> in a marked <c>params ReadOnlySpan&lt;…&gt;</c> (and in a collection
    /// expression given to a marked span) count, as in a marked <c>params</c> array. Before, a params collection's elements were
    /// not looked at, so these flags were reported as referenced nowhere. Still reported: the same enum member passed to an
    /// unmarked <c>params ReadOnlySpan&lt;AppFlag&gt;</c>.
    /// </summary>
    [Fact]
    public Task ParamsSpanArguments_NoReport()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { SpanA, SpanB, Bracket, PlainSpan }
                public class Flags
                {
                    public bool Any([FlagName] params ReadOnlySpan<AppFlag> flags) => false;
                    public bool AnyText([FlagName] params ReadOnlySpan<string> flags) => false;
                    public bool Plain(params ReadOnlySpan<AppFlag> flags) => false;
                }
                static class Use
                {
                    static bool A(Flags f) => f.Any(AppFlag.SpanA, AppFlag.SpanB) || f.AnyText(nameof(NameofSpan)) || f.Any([AppFlag.Bracket])
                        || f.Plain(AppFlag.PlainSpan);
                    private const int NameofSpan = 0;
                }
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              SpanA: { default: false }
              SpanB: { default: false }
              NameofSpan: { default: false }
              Bracket: { default: false }
              {|RAXX304:PlainSpan|}: { default: false }
            """));
        return test.RunAsync();
    }
    /// <summary>
    /// Marked defaults. Declared in this compilation: counted at the declaration whether or not a call omits the argument (RAXX301
    /// checks them there), also a lambda's and an attribute constructor's; a default in a <c>[GeneratedCode]</c> member counts
    /// only where a call omits it (RAXX301 reports that call). From a referenced assembly: counted where a call, creation or
    /// attribute omits the argument — also an argument-less attribute on an endpoint lambda (<c>[RequiresEnum]</c>), which
    /// the argument action does not see and RAXX304's tree pass did not look at before. Still reported: a metadata default
    /// every call passes, a [GeneratedCode] default nobody omits, an unmarked default.
    /// </summary>
    [Fact]
    public Task MarkedDefaults_CountedWhereRaxx301ChecksThem()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Vendor.Flags;
            namespace MyApp
            {
                public enum AppFlag { LambdaDefault, AttrDefault, GenOmitted, GenPassed, PlainDefault, Used }
                [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
                public sealed class OwnedAttribute([FlagName] AppFlag flag = AppFlag.AttrDefault) : Attribute { }
                public class Flags
                {
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    public bool GenOmitted([FlagName] AppFlag flag = AppFlag.GenOmitted) => false;
                    [System.CodeDom.Compiler.GeneratedCode("gen", "1.0")]
                    public bool GenPassed([FlagName] AppFlag flag = AppFlag.GenPassed) => false;
                    public bool Plain(AppFlag flag = AppFlag.PlainDefault) => false;
                }
                static class Use
                {
                    static bool A(Flags f)
                    {
                        var lambda = ([FlagName] AppFlag flag = AppFlag.LambdaDefault) => false;
                        return f.GenOmitted() || f.GenPassed(AppFlag.Used) || f.Plain() || Gate.OnEnum() || Gate.Passed(VendorFlag.console_nav_v2);
                    }
                    static void Map(WebApplication app) => app.MapGet("/api/ops", [RequiresEnum] () => Results.Ok());
                }
            }
            """);
        test.AdditionalReferences.Add(Raxx301UndeclaredFlagTests.VendorFlagsLibrary());
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              LambdaDefault: { default: false }
              AttrDefault: { default: false }
              GenOmitted: { default: false }
              {|RAXX304:GenPassed|}: { default: false }
              {|RAXX304:PlainDefault|}: { default: false }
              Used: { default: false }
              VendorDefault: { default: false }
              EnumAttrDefault: { default: false }
              {|RAXX304:PassedDefault|}: { default: false }
              console_nav_v2: { default: false }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// Branch flagcost: RAXX304 counts what RAXX301 reads through the same marked-call-name filter (FlagReferences.MayNameFlag,
    /// MarkedCalls): an enum member passed to a marked local function, a method called through <c>using static</c> and an interface
    /// method counts; the same member passed to a same-named unmarked method of another type does not. A delegate with a marked
    /// parameter (every call stays a candidate then) in a test of its own.
    /// </summary>
    [Fact]
    public Task EnumMemberThroughMarkedCallNames_CountsAsRAXX301Reads()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            using static MyApp.Gate;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { Local, Static, Interface, OtherOn }
                public interface IGate { bool Enabled([FlagName] AppFlag flag); }
                public static class Gate { public static bool On([FlagName] AppFlag flag) => false; }
                public static class Other { public static bool On(AppFlag flag) => false; }
                static class Use
                {
                    static bool A(IGate gate)
                    {
                        bool Local([FlagName] AppFlag flag) => false;
                        return Local(AppFlag.Local) || On(AppFlag.Static) || gate.Enabled(AppFlag.Interface) || Other.On(AppFlag.OtherOn);
                    }
                }
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              Local: { default: false }
              Static: { default: false }
              Interface: { default: false }
              {|RAXX304:OtherOn|}: { default: false }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task EnumMemberThroughMarkedDelegate_Counts()
    {
        var test = Verify<Raxx304UnreferencedFlagAnalyzer>.Test("""
            using System;
            namespace MyApp
            {
                [AttributeUsage(AttributeTargets.Parameter)] public sealed class FlagNameAttribute : Attribute { }
                public enum AppFlag { Delegated, Returned, Plain }
                public delegate bool Check([FlagName] AppFlag flag);
                static class Use
                {
                    static Check Make() => f => false;
                    static bool A(Check check, Func<AppFlag, bool> plain) => check(AppFlag.Delegated) || Make()(AppFlag.Returned) || plain(AppFlag.Plain);
                }
            }
            """);
        test.AdditionalFiles.Add(("feature_flags.yaml", """
            flags:
              Delegated: { default: false }
              Returned: { default: false }
              {|RAXX304:Plain|}: { default: false }
            """));
        return test.RunAsync();
    }
}
