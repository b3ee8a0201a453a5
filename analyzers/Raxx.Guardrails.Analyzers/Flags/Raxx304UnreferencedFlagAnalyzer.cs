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
    /// equals its name or env name and no enum member passed to a gate has its name. A stale flag
    /// lies to whoever reads the flags page.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx304UnreferencedFlagAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = FlagsDescriptors.Create(
            RuleIds.Raxx304,
            "Flag '{0}' is declared in {1} but nothing in this project names it ('{0}' or {2}); remove it or wire it up",
            WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

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

                start.RegisterSyntaxNodeAction(c =>
                {
                    var found = new List<FlagReference>();
                    FlagReferences.Collect((AttributeSyntax)c.Node, c.SemanticModel, found, c.CancellationToken);
                    foreach (var r in found)
                    {
                        seen.TryAdd(r.Name, 0);
                    }
                }, SyntaxKind.Attribute);

                // constants that are not literals at the call: nameof(...), const fields
                start.RegisterOperationAction(c =>
                {
                    var value = ((IArgumentOperation)c.Operation).Value;
                    if (value.ConstantValue.HasValue && value.ConstantValue.Value is string s && s.Length > 0 && s.Length < 200)
                    {
                        seen.TryAdd(s, 0);
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
