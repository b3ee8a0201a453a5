using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>
    /// RAXX304 (info): a declared flag is referenced nowhere in the compilation — no string literal
    /// equals its name or env name, no constant string argument (nameof, const) does, and no enum member
    /// passed to a gate (<c>[FeatureGate]</c>, also written with a using alias of it) has its name, and no call names it the
    /// way RAXX301 reads calls (an enum member passed to a <c>[FlagName]</c> parameter of a method or constructor, a params array's
    /// elements, a marked enum default the call omits: FlagReferences.Collect; a marked default declared in this compilation at its declaration: FlagReferences.CollectDefault). A stale flag lies to whoever reads the flags page.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx304UnreferencedFlagAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = FlagsDescriptors.Create(
            RuleIds.Raxx304,
            "Flag '{0}' is declared in {1} but nothing in this project names it ('{0}' or {2}); remove it or wire it up",
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        private static readonly Func<string, bool> AnyName = _ => true;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var flags = FlagsFileContext.Create(start.Options, start.CancellationToken);
                if (flags.Document.Flags.Count == 0)
                {
                    return;
                }
                var seen = new ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase);

                start.RegisterSyntaxNodeAction(c =>
                {
                    var literal = (LiteralExpressionSyntax)c.Node;
                    var value = literal.Token.ValueText;
                    if (value.Length > 0 && value.Length < 200)
                    {
                        seen.TryAdd(value, 0);
                    }
                }, SyntaxKind.StringLiteralExpression);

                // [FeatureGate(…)] with an enum member (or another non-literal constant): found where the text spells the
                // attribute's name or a using alias of it (`using Gate = …FeatureGateAttribute;` `[Gate(Flags.Beta)]`, also a
                // global alias in another file), as RAXX301's pass finds them (FlagReferences.CollectFeatureGateAttributes); an
                // alias is taken only when its symbol is Microsoft.FeatureManagement's FeatureGateAttribute. Formerly a node
                // action on every attribute that went by the written name, so an enum member behind an alias of the attribute
                // counted for nothing. Generated files get no semantic-model action and [GeneratedCode] members are skipped,
                // as the driver did for the node action.
                var compilation = start.Compilation;
                ImmutableHashSet<string>? globalAliases = null;
                var options = start.Options;
                FlagReferences? finder = null;
                start.RegisterSemanticModelAction(c =>
                {
                    var model = c.SemanticModel;
                    var attributes = FlagReferences.FeatureGateAttributesOf(model, ref globalAliases, c.CancellationToken);
                    var found = new List<FlagReference>();
                    foreach (var attribute in attributes)
                    {
                        var aliased = !FlagReferences.IsWrittenFeatureGate(attribute);
                        if (FlagReferences.NamesOnlyDeclaredFlags(attribute, AnyName, aliased)
                            || GeneratedCode.IsOnGeneratedDeclaration(attribute, model, c.CancellationToken))
                        {
                            continue; // string literals only: the literal action has them, no symbol needed
                        }
                        FlagReferences.Collect(attribute, model, found, c.CancellationToken, aliased);
                    }
                    // [RequiresFlag(AppFlag.X)] (a marked attribute constructor parameter) on an endpoint lambda or a local function:
                    // the argument action below never sees those attributes (it does see a type's or member's). And a marked parameter's
                    // default in its declaration (`[FlagName] AppFlag flag = AppFlag.X`), which RAXX301 checks there, once, whether or
                    // not a call omits it (calls that omit it skip it: FlagReferences.DefaultReportedAtDeclaration). Only when a marker
                    // type exists.
                    finder ??= FlagReferences.For(compilation, options);
                    if (finder.MayHaveMarkedParameters)
                    {
                        var bodyAttributes = new List<AttributeSyntax>();
                        var defaults = new List<ParameterSyntax>();
                        finder.CollectMarkedDeclarations(model.SyntaxTree, model.SyntaxTree.GetRoot(c.CancellationToken), bodyAttributes, defaults, c.CancellationToken);
                        foreach (var attribute in bodyAttributes)
                        {
                            if (!GeneratedCode.IsOnGeneratedDeclaration(attribute, model, c.CancellationToken))
                            {
                                finder.Collect(attribute, model, found, c.CancellationToken);
                            }
                        }
                        foreach (var parameter in defaults)
                        {
                            if (!GeneratedCode.IsInGeneratedMember(parameter.Default!.Value, model, c.CancellationToken)) // (the default value, as RAXX301 filters it: asked at the parameter, a [GeneratedCode] method was not seen)
                            {
                                finder.CollectDefault(parameter, model, found, c.CancellationToken);
                            }
                        }
                    }
                    foreach (var r in found)
                    {
                        seen.TryAdd(r.Name, 0);
                    }
                });

                // constants that are not literals at the call: nameof(...), const fields; and what RAXX301 takes from the app's
                // own flag APIs beyond constant strings (an enum member passed to a [FlagName] parameter, a params array's
                // elements), through FlagReferences.Collect, RAXX301's own code. The same callback on every argument as
                // before: an argument that is neither an enum constant nor an array is rejected on its value, the rest by the
                // called method's name (FlagReferences.MayNameFlag) unless a [FlagName] type exists (decided once per
                // compilation, shared with RAXX301).
                start.RegisterOperationAction(c =>
                {
                    var argument = (IArgumentOperation)c.Operation;
                    var value = argument.Value;
                    if (value.ConstantValue.HasValue && value.ConstantValue.Value is string s)
                    {
                        if (s.Length > 0 && s.Length < 200)
                        {
                            seen.TryAdd(s, 0);
                        }
                        return;
                    }
                    if (FlagReferences.MayNameBeyondConstantString(argument))
                    {
                        finder ??= FlagReferences.For(compilation, options); // (a race gets the same shared instance)
                        if (finder.CollectBeyondConstantStrings(argument) is { } found)
                        {
                            foreach (var r in found)
                            {
                                seen.TryAdd(r.Name, 0);
                            }
                        }
                    }
                }, OperationKind.Argument);

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var flag in flags.Document.Flags)
                    {
                        if (seen.ContainsKey(flag.Name) || seen.ContainsKey(flag.EnvName))
                        {
                            continue;
                        }
                        var location = flags.LocationOf(flag.Path, flag.KeySpan, end.CancellationToken);
                        end.ReportDiagnostic(Diagnostic.Create(Rule, location, flag.Name, System.IO.Path.GetFileName(flag.Path), flag.EnvName));
                    }
                });
            });
        }
    }
}
