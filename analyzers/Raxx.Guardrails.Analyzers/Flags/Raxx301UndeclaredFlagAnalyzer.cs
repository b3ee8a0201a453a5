using System;
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
    /// RAXX301: a flag named in code is not declared in the flags file (or in Microsoft.FeatureManagement
    /// configuration). Microsoft.FeatureManagement treats a missing flag as off and logs at Debug, so a
    /// typo in a gate is a silent, permanent 404 (INCIDENTS.md §3).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx301UndeclaredFlagAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = FlagsDescriptors.Create(
            RuleIds.Raxx301,
            "Flag '{0}' ({1}) is not declared in {2}, so it is always off (a silent 404); {3}");

        /// <summary>Diagnostic property: the declared name within a small edit distance (the code fix's replacement).</summary>
        public const string SuggestionProperty = "Suggestion";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var flags = FlagsFileContext.Create(start.Options, start.CancellationToken);
                if (!flags.HasDeclarations)
                {
                    return; // no flags file and no FeatureManagement section: nothing to check against
                }
                var finder = FlagReferences.For(start.Compilation, start.Options);
                // `global using Gate = …FeatureGateAttribute;` in any file: its name is searched in every file (usually none).
                var compilation = start.Compilation;
                ImmutableHashSet<string>? globalAliases = null;
                var sources = DescribeSources(flags);

                void Check(List<FlagReference> found, Action<Diagnostic> report)
                {
                    foreach (var reference in found)
                    {
                        if (flags.Document.IsDeclared(reference.Name))
                        {
                            continue;
                        }
                        var suggestion = flags.Document.Suggest(reference.Name);
                        var properties = suggestion != null
                            ? ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion)
                            : ImmutableDictionary<string, string?>.Empty;
                        report(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), properties, reference.Name, reference.Api, sources,
                            suggestion != null ? $"did you mean '{suggestion}'?" : "declare it there or fix the name"));
                    }
                }

                // One pass per syntax tree with a name/shape prefilter (FlagReferences.MayNameFlag,
                // MayNameEnvStyleKey); the operation of a node is asked for only when it can name a flag, and
                // FlagReferences.Collect on that operation decides exactly as the former operation callbacks did.
                // A semantic-model action rather than node or operation actions: one callback per tree, and it
                // tends to run after the node/operation actions of other analyzers that bind the same bodies (the
                // first analyzer to ask about an endpoint lambda is charged with binding the MapGet call; see
                // docs/notes/perf.md). The candidate nodes are found where the text spells a flag API's name or an
                // element access's bracket (FlagReferences.CollectCandidates), not by walking every node (the walk was
                // most of this rule's time). Generated files get no semantic-model action; [GeneratedCode] members are
                // skipped here, as the driver does for node actions.
                start.RegisterSemanticModelAction(c =>
                {
                    var model = c.SemanticModel;
                    var found = new List<FlagReference>();
                    var candidates = new List<SyntaxNode>();
                    finder.CollectCandidates(model.SyntaxTree, model.SyntaxTree.GetRoot(c.CancellationToken), candidates, c.CancellationToken);
                    foreach (var node in candidates)
                    {
                        switch (node.Kind())
                        {
                            case SyntaxKind.InvocationExpression:
                            case SyntaxKind.BaseConstructorInitializer:
                            case SyntaxKind.ThisConstructorInitializer:
                            case SyntaxKind.PrimaryConstructorBaseType:
                                if (node.ContainsDiagnostics || !finder.MayNameFlag(node) || finder.NamesOnlyDeclaredFlags(node, flags.Document.IsDeclared))
                                {
                                    continue; // an unterminated call: the compiler's error is the finding, a flag name in it would mislead
                                }
                                if (FlagReferences.AsInvocation(model.GetOperation(node, c.CancellationToken)) is IInvocationOperation invocation)
                                {
                                    finder.Collect(invocation, found);
                                }
                                break;
                            case SyntaxKind.ObjectCreationExpression:
                            case SyntaxKind.ImplicitObjectCreationExpression:
                                // `new FlagGate("x")`, `new("x")`: a marked constructor parameter or a configured constructor
                                // (Ns.Type..ctor). Candidates only when a marker type exists or a constructor is configured (the
                                // tree is walked then anyway). A creation without arguments stays a candidate: `new Gate()` uses a marked
                                // parameter's default.
                                if (node.ContainsDiagnostics || !finder.MayNameFlag(node))
                                {
                                    continue;
                                }
                                if (model.GetOperation(node, c.CancellationToken) is IObjectCreationOperation creation)
                                {
                                    finder.Collect(creation, found);
                                }
                                break;
                            case SyntaxKind.ElementAccessExpression:
                            case SyntaxKind.ElementBindingExpression:
                            case SyntaxKind.ImplicitElementAccess:
                                if (node.ContainsDiagnostics || !FlagReferences.MayNameEnvStyleKey(node))
                                {
                                    continue;
                                }
                                if (model.GetOperation(node, c.CancellationToken) is IPropertyReferenceOperation property)
                                {
                                    finder.Collect(property, found);
                                }
                                break;
                            case SyntaxKind.Attribute:
                                // [RequiresFlag("x")]: a marked parameter of the attribute's constructor. Candidates only when a marker
                                // type exists (CollectCandidates, FlagReferences.MayNameFlag(AttributeSyntax)) — without a positional
                                // argument ([RequiresFlag]) only a referenced type with a marked default (MayUseOmittedDefault); then the constructor symbol,
                                // and the operation only when a parameter is marked. (Declared literals are not skipped without the symbol: a
                                // marked default the attribute omits can still be undeclared.)
                                var attributeNode = (AttributeSyntax)node;
                                if (!finder.MayHaveMarkedParameters || (attributeNode.Parent ?? node).ContainsDiagnostics)
                                {
                                    continue;
                                }
                                finder.Collect(attributeNode, model, found, c.CancellationToken);
                                break;
                            case SyntaxKind.Parameter:
                                // ([FlagName] string flag = "x"): a marked parameter's default, reported once at the declaration (the
                                // default value is the squiggle); calls that omit the argument are not reported again. Candidates only
                                // when a marker type exists, with a default and an attribute list (FlagReferences.MayNameFlagByDefault).
                                if (!node.ContainsDiagnostics)
                                {
                                    finder.CollectDefault((ParameterSyntax)node, model, found, c.CancellationToken);
                                }
                                break;
                            case SyntaxKind.CollectionInitializerExpression when finder.MayHaveMarkedParameters:
                                // implicit Add calls of collection initialisers (a marked Add parameter)
                                if (!node.ContainsDiagnostics && model.GetOperation(node, c.CancellationToken) is IObjectOrCollectionInitializerOperation initializer)
                                {
                                    foreach (var element in initializer.Initializers)
                                    {
                                        if (element is IInvocationOperation add)
                                        {
                                            finder.Collect(add, found);
                                        }
                                    }
                                }
                                break;
                        }
                    }
                    // [FeatureGate] attributes, formerly a node action on every attribute: found where the text spells the name.
                    // Also those written with a using alias of the attribute (this file's or a global one).
                    var attributes = FlagReferences.FeatureGateAttributesOf(model, ref globalAliases, c.CancellationToken);
                    foreach (var attribute in attributes)
                    {
                        if ((attribute.Parent ?? attribute).ContainsDiagnostics)
                        {
                            continue; // [FeatureGate( unterminated: stay quiet until it parses
                        }
                        var aliased = !FlagReferences.IsWrittenFeatureGate(attribute);
                        if (FlagReferences.NamesOnlyDeclaredFlags(attribute, flags.Document.IsDeclared, aliased))
                        {
                            continue; // [FeatureGate("declared")]: nothing to report, no symbol needed
                        }
                        FlagReferences.Collect(attribute, model, found, c.CancellationToken, aliased);
                    }
                    if (found.Count == 0)
                    {
                        return;
                    }
                    var reportable = new List<FlagReference>(found.Count);
                    foreach (var reference in found)
                    {
                        if (!GeneratedCode.IsInGeneratedMember(reference.Syntax, model, c.CancellationToken))
                        {
                            reportable.Add(reference);
                        }
                    }
                    Check(reportable, c.ReportDiagnostic);
                });
            });
        }

        private static string DescribeSources(FlagsFileContext flags)
        {
            var names = new List<string>();
            foreach (var source in flags.Document.Sources)
            {
                var name = System.IO.Path.GetFileName(source);
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
            return names.Count == 0 ? "the flags file" : string.Join(" or ", names);
        }
    }
}
