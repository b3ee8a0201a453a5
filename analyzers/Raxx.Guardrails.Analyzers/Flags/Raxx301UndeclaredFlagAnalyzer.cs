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
                var finder = FlagReferences.Create(start.Compilation, start.Options);
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
                        report(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), reference.Name, reference.Api, sources,
                            suggestion != null ? $"did you mean '{suggestion}'?" : "declare it there or fix the name"));
                    }
                }

                // Syntax node actions with a name/shape prefilter (FlagReferences.MayNameFlag, MayNameEnvStyleKey,
                // NamesOnlyDeclaredFlags): the driver's one walk of each tree finds the nodes (a tree pass of this
                // rule's own was most of its time, docs/notes/perf.md); the operation of a node is asked for only when
                // it can name a flag, and FlagReferences.Collect on that operation decides exactly as before.
                // Generated code and [GeneratedCode] members are skipped by the driver.
                start.RegisterSyntaxNodeAction(c =>
                {
                    var node = c.Node;
                    if (!finder.MayNameFlag(node) || node.ContainsDiagnostics || finder.NamesOnlyDeclaredFlags(node, flags.Document.IsDeclared))
                    {
                        return; // an unterminated call: the compiler's error is the finding, a flag name in it would mislead
                    }
                    if (FlagReferences.AsInvocation(c.SemanticModel.GetOperation(node, c.CancellationToken)) is IInvocationOperation invocation)
                    {
                        var found = new List<FlagReference>();
                        finder.Collect(invocation, found);
                        Check(found, c.ReportDiagnostic);
                    }
                }, FlagReferences.InvocationKinds);

                start.RegisterSyntaxNodeAction(c =>
                {
                    var node = c.Node;
                    if (!FlagReferences.MayNameEnvStyleKey(node) || node.ContainsDiagnostics)
                    {
                        return;
                    }
                    if (c.SemanticModel.GetOperation(node, c.CancellationToken) is IPropertyReferenceOperation property)
                    {
                        var found = new List<FlagReference>();
                        finder.Collect(property, found);
                        Check(found, c.ReportDiagnostic);
                    }
                }, SyntaxKind.ElementAccessExpression, SyntaxKind.ElementBindingExpression, SyntaxKind.ImplicitElementAccess);

                if (finder.MayHaveMarkedParameters)
                {
                    // implicit Add calls of collection initialisers (a marked Add parameter)
                    start.RegisterSyntaxNodeAction(c =>
                    {
                        if (c.Node.ContainsDiagnostics || !(c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is IObjectOrCollectionInitializerOperation initializer))
                        {
                            return;
                        }
                        var found = new List<FlagReference>();
                        foreach (var element in initializer.Initializers)
                        {
                            if (element is IInvocationOperation add)
                            {
                                finder.Collect(add, found);
                            }
                        }
                        Check(found, c.ReportDiagnostic);
                    }, SyntaxKind.CollectionInitializerExpression);
                }

                start.RegisterSyntaxNodeAction(c =>
                {
                    if ((c.Node.Parent ?? c.Node).ContainsDiagnostics)
                    {
                        return; // [FeatureGate( unterminated: stay quiet until it parses
                    }
                    var found = new List<FlagReference>();
                    if (FlagReferences.NamesOnlyDeclaredFlags((AttributeSyntax)c.Node, flags.Document.IsDeclared))
                    {
                        return; // [FeatureGate("declared")]: nothing to report, no symbol needed
                    }
                    FlagReferences.Collect((AttributeSyntax)c.Node, c.SemanticModel, found, c.CancellationToken);
                    Check(found, c.ReportDiagnostic);
                }, SyntaxKind.Attribute);
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
