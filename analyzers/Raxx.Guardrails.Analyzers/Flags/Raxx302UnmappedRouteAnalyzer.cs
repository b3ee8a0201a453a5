using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>
    /// RAXX302: a route exists in code but can never be served — an endpoint-mapping method defined in
    /// this project (an extension on <c>IEndpointRouteBuilder</c>/<c>RouteGroupBuilder</c> whose body
    /// calls <c>Map*</c>) that nothing calls, or a controller with routes that MVC will not discover
    /// (<c>[NonController]</c>, not public, or abstract with no concrete subclass). The
    /// <c>/console/admins/online</c> route was written and 404'd in production (INCIDENTS.md §3).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx302UnmappedRouteAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = FlagsDescriptors.Create(
            RuleIds.Raxx302,
            "{0}; its routes are never registered and answer 404 in production: {1}",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>Diagnostic property: what is unmapped — <see cref="KindMappingMethod"/> (a code fix can add the call) or a controller.</summary>
        public const string KindProperty = "Kind";
        public const string KindMappingMethod = "MappingMethod";
        private static readonly ImmutableDictionary<string, string?> MappingMethodProperties =
            ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindMappingMethod);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var routeBuilder = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
                if (routeBuilder == null)
                {
                    return;
                }
                var groupBuilder = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.RouteGroupBuilder");
                var controllerBase = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
                var routeTemplateProvider = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
                var nonController = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
                var isLibrary = start.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary;

                var mappers = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);
                var called = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);
                var controllers = new ConcurrentBag<INamedTypeSymbol>();
                var baseTypes = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);

                // a mapping method: route-builder receiver and a Map* call in its body
                start.RegisterOperationBlockStartAction(block =>
                {
                    if (!(block.OwningSymbol is IMethodSymbol method) || !IsRouteBuilderExtension(method, routeBuilder, groupBuilder))
                    {
                        return;
                    }
                    if (isLibrary && method.DeclaredAccessibility == Accessibility.Public && method.ContainingType.DeclaredAccessibility == Accessibility.Public)
                    {
                        return; // a library's public API is called by its consumers
                    }
                    block.RegisterOperationAction(c =>
                    {
                        var target = ((IInvocationOperation)c.Operation).TargetMethod;
                        if (!target.Name.StartsWith("Map", StringComparison.Ordinal))
                        {
                            return;
                        }
                        var receiver = target.ReducedFrom != null ? target.ReducedFrom.Parameters[0].Type
                            : target.IsExtensionMethod && target.Parameters.Length > 0 ? target.Parameters[0].Type
                            : target.ContainingType;
                        if (IsRouteBuilder(receiver, routeBuilder, groupBuilder))
                        {
                            mappers.TryAdd(method.OriginalDefinition, 0);
                        }
                    }, OperationKind.Invocation);
                });

                // Only calls of this compilation's extension methods can call a mapper: record just those
                // (a set insert per invocation of the whole compilation was most of this rule's time).
                var assembly = start.Compilation.Assembly;
                void RecordCall(IMethodSymbol target)
                {
                    var original = (target.ReducedFrom ?? target).OriginalDefinition;
                    if (original.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(original.ContainingAssembly, assembly))
                    {
                        called.TryAdd(original, 0);
                    }
                }
                start.RegisterOperationAction(c => RecordCall(((IInvocationOperation)c.Operation).TargetMethod), OperationKind.Invocation);
                start.RegisterOperationAction(c => RecordCall(((IMethodReferenceOperation)c.Operation).Method), OperationKind.MethodReference);

                if (controllerBase != null)
                {
                    start.RegisterSymbolAction(c =>
                    {
                        var type = (INamedTypeSymbol)c.Symbol;
                        if (type.TypeKind != TypeKind.Class)
                        {
                            return;
                        }
                        for (var b = type.BaseType; b != null; b = b.BaseType)
                        {
                            baseTypes.TryAdd(b.OriginalDefinition, 0);
                        }
                        if (DerivesFrom(type, controllerBase) && HasRoutes(type, routeTemplateProvider))
                        {
                            controllers.Add(type);
                        }
                    }, SymbolKind.NamedType);
                }

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var method in mappers.Keys)
                    {
                        if (called.ContainsKey(method))
                        {
                            continue;
                        }
                        var location = method.Locations.Length > 0 ? method.Locations[0] : Location.None;
                        end.ReportDiagnostic(Diagnostic.Create(Rule, location, MappingMethodProperties,
                            $"Endpoint-mapping method '{method.ContainingType.Name}.{method.Name}' is never called",
                            $"call app.{method.Name}() where the other endpoints are mapped, or delete it"));
                    }

                    foreach (var type in controllers)
                    {
                        string? reason = null;
                        if (nonController != null && HasAttribute(type, nonController))
                        {
                            reason = "is marked [NonController]";
                        }
                        else if (type.IsAbstract)
                        {
                            if (!baseTypes.ContainsKey(type.OriginalDefinition))
                            {
                                reason = "is abstract and no controller derives from it";
                            }
                        }
                        else if (!IsEffectivelyPublic(type))
                        {
                            reason = "is not public";
                        }
                        else if (type.IsGenericType)
                        {
                            reason = "is an open generic type";
                        }
                        if (reason == null)
                        {
                            continue;
                        }
                        var location = type.Locations.Length > 0 ? type.Locations[0] : Location.None;
                        end.ReportDiagnostic(Diagnostic.Create(Rule, location,
                            $"Controller '{type.Name}' {reason}, so MVC never discovers it",
                            "make it a public, non-abstract class without [NonController]"));
                    }
                });
            });
        }

        private static bool IsRouteBuilderExtension(IMethodSymbol method, INamedTypeSymbol routeBuilder, INamedTypeSymbol? groupBuilder) =>
            method.IsExtensionMethod && method.Parameters.Length > 0 && IsRouteBuilder(method.Parameters[0].Type, routeBuilder, groupBuilder);

        private static bool IsRouteBuilder(ITypeSymbol? type, INamedTypeSymbol routeBuilder, INamedTypeSymbol? groupBuilder)
        {
            if (type == null)
            {
                return false;
            }
            if (type is ITypeParameterSymbol typeParameter)
            {
                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    if (IsRouteBuilder(constraint, routeBuilder, groupBuilder))
                    {
                        return true;
                    }
                }
                return false;
            }
            if (SymbolEqualityComparer.Default.Equals(type, routeBuilder) || (groupBuilder != null && SymbolEqualityComparer.Default.Equals(type, groupBuilder)))
            {
                return true;
            }
            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i, routeBuilder))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var b = type.BaseType; b != null; b = b.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(b, baseType))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool HasRoutes(INamedTypeSymbol type, INamedTypeSymbol? routeTemplateProvider)
        {
            if (routeTemplateProvider == null)
            {
                return false;
            }
            if (HasRouteAttribute(type.GetAttributes(), routeTemplateProvider))
            {
                return true;
            }
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } m && HasRouteAttribute(m.GetAttributes(), routeTemplateProvider))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool HasRouteAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol routeTemplateProvider)
        {
            foreach (var a in attributes)
            {
                if (a.AttributeClass == null)
                {
                    continue;
                }
                foreach (var i in a.AttributeClass.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(i, routeTemplateProvider))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol attribute)
        {
            foreach (var a in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsEffectivelyPublic(INamedTypeSymbol type)
        {
            for (ISymbol? s = type; s is INamedTypeSymbol t; s = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
