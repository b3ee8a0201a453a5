using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.TestPath
{
    /// <summary>
    /// RAXX203 (compilation end, test assemblies only): no test boots the application through its production
    /// path. Every call to the app's factory passes test configuration, or every WebApplicationFactory
    /// customisation clears/replaces the configuration (INCIDENTS.md §2: CI was green, production crashed).
    /// Facts are collected per invocation/method into a bag and judged once at compilation end. Reported once,
    /// at the first overriding call (the others are additional locations).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx203NoProductionBootTestAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.Raxx203,
            RuleCatalog.Find(RuleIds.Raxx203)!.Title,
            "No test in '{0}' boots the application through its production path: {1}. Add a test that boots it as production does: call the factory without test configuration, or customise WebApplicationFactory with UseSetting only.",
            RuleCategories.TestPath,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "When every test boots the app with test configuration, the production boot path (sources, key writes, validation) never runs in CI; a regression there ships green.",
            helpLinkUri: RuleCatalog.HelpUri(RuleIds.Raxx203),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const int MaxListed = 4;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        private enum BootKind
        {
            FactoryCall,
            Customisation,
            PlainFactoryUse,
        }

        private sealed class Boot
        {
            public Boot(BootKind kind, string owner, bool overrides, string detail, Location location)
            {
                Kind = kind;
                Owner = owner;
                Overrides = overrides;
                Detail = detail;
                Location = location;
            }

            public BootKind Kind { get; }

            /// <summary>"Program.CreateApp" or "WebApplicationFactory&lt;Program&gt;".</summary>
            public string Owner { get; }
            public bool Overrides { get; }

            /// <summary>What overrides ("testConfig", "ConfigureAppConfiguration").</summary>
            public string Detail { get; }
            public Location Location { get; }
        }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (!TestPathFacts.IsTestAssembly(start.Compilation))
                {
                    return;
                }
                var boots = new ConcurrentBag<Boot>();
                var assembly = start.Compilation.Assembly;
                start.RegisterSyntaxNodeAction(c => CollectInvocation(c, assembly, boots), SyntaxKind.InvocationExpression);
                start.RegisterSyntaxNodeAction(c => CollectConfigureWebHost(c, boots), SyntaxKind.MethodDeclaration);
                start.RegisterCompilationEndAction(end => Decide(end, boots));
            });
        }

        private static void CollectInvocation(SyntaxNodeAnalysisContext context, IAssemblySymbol assembly, ConcurrentBag<Boot> boots)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = TestPathFacts.InvokedName(invocation);
            if (name == null || context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
            {
                return;
            }
            var type = method.ContainingType;

            if (TestPathFacts.IsWebApplicationFactory(type))
            {
                var owner = TestPathFacts.WebApplicationFactoryName(type);
                switch (method.Name)
                {
                    case "WithWebHostBuilder":
                        {
                            var replacements = TestPathFacts.ConfigurationReplacements(invocation.ArgumentList);
                            boots.Add(replacements.Count > 0
                                ? new Boot(BootKind.Customisation, owner, true, replacements[0].Call, replacements[0].Location)
                                : new Boot(BootKind.Customisation, owner, false, string.Empty, name.GetLocation()));
                            break;
                        }
                    case "CreateClient":
                    case "CreateDefaultClient":
                        boots.Add(new Boot(BootKind.PlainFactoryUse, owner, false, string.Empty, name.GetLocation()));
                        break;
                }
                return;
            }

            // The app's own factory: a method of the application under test (not this assembly, not the
            // framework) that returns the app, a host or a builder.
            if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, assembly) || IsFramework(method.ContainingAssembly)
                || !TestPathFacts.IsHostLikeType(method.ReturnType))
            {
                return;
            }
            var factory = (type != null ? type.Name + "." : string.Empty) + method.Name;
            var testParameter = method.Parameters.FirstOrDefault(TestPathFacts.IsTestConfigParameter);
            string? passed = null;
            if (testParameter != null && context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation operation)
            {
                foreach (var argument in operation.Arguments)
                {
                    if (argument.Parameter != null && argument.Parameter.Ordinal == testParameter.Ordinal
                        && argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNull(argument.Value))
                    {
                        passed = testParameter.Name;
                    }
                }
            }
            boots.Add(new Boot(BootKind.FactoryCall, factory, passed != null, passed ?? string.Empty, name.GetLocation()));
        }

        private static bool IsNull(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }
            return value.ConstantValue.HasValue && value.ConstantValue.Value == null;
        }

        private static bool IsFramework(IAssemblySymbol? assembly)
        {
            var name = assembly?.Name ?? string.Empty;
            return name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal)
                || name == "mscorlib" || name == "netstandard";
        }

        private static void CollectConfigureWebHost(SyntaxNodeAnalysisContext context, ConcurrentBag<Boot> boots)
        {
            var declaration = (MethodDeclarationSyntax)context.Node;
            if (declaration.Identifier.ValueText != "ConfigureWebHost" || (declaration.Body == null && declaration.ExpressionBody == null))
            {
                return;
            }
            if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
                || !method.IsOverride || !TestPathFacts.IsWebApplicationFactory(method.ContainingType))
            {
                return;
            }
            var owner = method.ContainingType.Name;
            var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody!;
            var replacements = TestPathFacts.ConfigurationReplacements(body);
            boots.Add(replacements.Count > 0
                ? new Boot(BootKind.Customisation, owner, true, replacements[0].Call, replacements[0].Location)
                : new Boot(BootKind.Customisation, owner, false, string.Empty, declaration.Identifier.GetLocation()));
        }

        private static void Decide(CompilationAnalysisContext context, ConcurrentBag<Boot> bag)
        {
            var boots = bag.ToList();
            var overriding = boots.Where(b => b.Overrides)
                .OrderBy(b => b.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(b => b.Location.SourceSpan.Start)
                .ToList();
            if (overriding.Count == 0)
            {
                return;
            }
            var hasCustomisations = boots.Any(b => b.Kind == BootKind.Customisation);
            var production = boots.Count(b => !b.Overrides && (b.Kind != BootKind.PlainFactoryUse || !hasCustomisations));
            if (production > 0)
            {
                return;
            }

            var parts = new List<string>();
            foreach (var group in overriding.GroupBy(b => (b.Kind, b.Owner)))
            {
                var listed = group.Take(MaxListed).Select(b => b.Detail + " at " + Where(b.Location)).ToList();
                var more = group.Count() > MaxListed ? ", …" : string.Empty;
                parts.Add(group.Key.Kind == BootKind.FactoryCall
                    ? "every call to " + group.Key.Owner + " passes test configuration (" + string.Join(", ", listed) + more + ")"
                    : "every " + group.Key.Owner + " customisation replaces the configuration (" + string.Join(", ", listed) + more + ")");
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, overriding[0].Location, overriding.Skip(1).Select(b => b.Location),
                context.Compilation.AssemblyName ?? "the test assembly", string.Join("; ", parts)));
        }

        private static string Where(Location location)
        {
            var span = location.GetLineSpan();
            return Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
