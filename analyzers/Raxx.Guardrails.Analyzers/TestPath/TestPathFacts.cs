using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Raxx.Guardrails.Analyzers.TestPath
{
    /// <summary>
    /// Shared knowledge of the test-path rules (RAXX201–203): what a test assembly is, which
    /// parameters carry test configuration, and which calls change the boot configuration.
    /// Syntax-first and allocation-light; every entry point tolerates code that does not compile.
    /// </summary>
    internal static class TestPathFacts
    {
        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core", "xunit.assert", "xunit.v3.core", "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework",
            "Microsoft.AspNetCore.Mvc.Testing",
        };

        /// <summary>True when the compilation references a test framework or Mvc.Testing.</summary>
        public static bool IsTestAssembly(Compilation compilation)
        {
            foreach (var name in compilation.ReferencedAssemblyNames)
            {
                foreach (var test in TestFrameworkAssemblies)
                {
                    if (string.Equals(name.Name, test, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /// <summary>
        /// A parameter whose name or type marks it as test configuration: <c>testConfig</c>,
        /// <c>testSettings</c>, <c>isTest</c>, a type named <c>Test…</c>, or an <c>overrides</c>
        /// dictionary/configuration that replaces the sources when non-null.
        /// </summary>
        public static bool IsTestConfigParameter(IParameterSymbol parameter)
        {
            var name = parameter.Name;
            if (IsTestWord(name))
            {
                return true;
            }
            var type = parameter.Type;
            if (type.Name.StartsWith("Test", StringComparison.Ordinal) || type.Name.EndsWith("TestConfig", StringComparison.Ordinal) || type.Name.EndsWith("TestSettings", StringComparison.Ordinal))
            {
                return true;
            }
            if (name.IndexOf("override", StringComparison.OrdinalIgnoreCase) >= 0 && IsConfigurationLike(type))
            {
                return true;
            }
            return false;
        }

        /// <summary>"test…" or a camel-case "…Test…" segment (testConfig, isTest, useTestSettings; not latestVersion).</summary>
        public static bool IsTestWord(string name) =>
            name.StartsWith("test", StringComparison.OrdinalIgnoreCase) || name.IndexOf("Test", StringComparison.Ordinal) >= 0
            || name.IndexOf("_test", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsConfigurationLike(ITypeSymbol type)
        {
            var name = type.Name;
            if (name == "IDictionary" || name == "Dictionary" || name == "IReadOnlyDictionary" || name == "IEnumerable"
                || name.IndexOf("Configuration", StringComparison.Ordinal) >= 0 || name.IndexOf("Settings", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
            return false;
        }

        /// <summary>True for a string value that names a test environment ("Testing", "Test", "IntegrationTest"…).</summary>
        public static bool IsTestEnvironmentName(string? value) =>
            value != null && value.IndexOf("test", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Types a boot factory returns: the app or its builder.</summary>
        public static bool IsHostLikeType(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }
            if (type is INamedTypeSymbol named && named.IsGenericType && named.Name == "Task" && named.TypeArguments.Length == 1)
            {
                type = named.TypeArguments[0];
            }
            switch (type.Name)
            {
                case "WebApplication":
                case "WebApplicationBuilder":
                case "IHost":
                case "IHostBuilder":
                case "IWebHost":
                case "IWebHostBuilder":
                case "HostApplicationBuilder":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True when the type is (or derives from) WebApplicationFactory&lt;T&gt;.</summary>
        public static bool IsWebApplicationFactory(ITypeSymbol? type) => WebApplicationFactoryOf(type) != null;

        /// <summary>The <c>WebApplicationFactory&lt;T&gt;</c> the type is or derives from (its T is the app's entry type), or null.</summary>
        public static INamedTypeSymbol? WebApplicationFactoryOf(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (t.Name == "WebApplicationFactory" && t.IsGenericType)
                {
                    return t;
                }
            }
            return null;
        }

        /// <summary>The WebApplicationFactory&lt;T&gt; base of a type, for messages ("WebApplicationFactory&lt;Program&gt;").</summary>
        public static string WebApplicationFactoryName(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (t.Name == "WebApplicationFactory" && t.IsGenericType && t.TypeArguments.Length == 1)
                {
                    return "WebApplicationFactory<" + t.TypeArguments[0].Name + ">";
                }
            }
            return "WebApplicationFactory";
        }

        /// <summary>Name of the invoked method (simple, member access, or conditional access), or null.</summary>
        public static SimpleNameSyntax? InvokedName(InvocationExpressionSyntax invocation) => InvokedNames.Of(invocation.Expression);

        /// <summary>
        /// Describes what a boot-configuration call does ("adds 'instance/config.json'", "calls ValidateOnStart"),
        /// or null when the invocation does not touch configuration sources, keys or boot validation.
        /// Syntactic: it also serves #if regions, which cannot be bound.
        /// </summary>
        public static string? DescribeConfigurationCall(InvocationExpressionSyntax invocation)
        {
            var name = InvokedName(invocation)?.Identifier.ValueText;
            if (name == null)
            {
                return null;
            }
            var argumentList = invocation.ArgumentList;
            if (name == "ValidateOnStart" || name == "ValidateDataAnnotations" || name == "Validate" || name == "ValidateOnBuild")
            {
                return "calls " + name;
            }
            if (name == "Clear" && IsSourcesCall(invocation, name))
            {
                return "calls Sources.Clear()";
            }
            if ((name == "Insert" || name == "Add") && IsSourcesCall(invocation, name))
            {
                return "calls Sources." + name + "(…)";
            }
            if (name == "UseSetting")
            {
                var key = FirstStringLiteral(argumentList);
                return key != null ? "sets '" + key + "'" : "calls UseSetting";
            }
            if (name == "ConfigureAppConfiguration" || name == "ConfigureHostConfiguration")
            {
                return "calls " + name;
            }
            if (IsSourceMethodName(name))
            {
                var path = FirstStringLiteral(argumentList);
                return path != null ? "adds '" + path + "'" : "calls " + name;
            }
            return null;
        }

        /// <summary>Add* methods of IConfigurationBuilder (by name: AddJsonFile, AddEnvironmentVariables, AddInMemoryCollection…).</summary>
        public static bool IsSourceMethodName(string name)
        {
            if (!name.StartsWith("Add", StringComparison.Ordinal))
            {
                return false;
            }
            switch (name)
            {
                case "AddJsonFile":
                case "AddJsonStream":
                case "AddXmlFile":
                case "AddIniFile":
                case "AddEnvironmentVariables":
                case "AddCommandLine":
                case "AddInMemoryCollection":
                case "AddKeyPerFile":
                case "AddUserSecrets":
                case "AddAzureKeyVault":
                case "AddAzureAppConfiguration":
                case "AddConfiguration":
                    return true;
                default:
                    return name.EndsWith("File", StringComparison.Ordinal) && name.IndexOf("Config", StringComparison.Ordinal) >= 0;
            }
        }

        private static string? FirstStringLiteral(BaseArgumentListSyntax? arguments)
        {
            if (arguments == null)
            {
                return null;
            }
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return literal.Token.ValueText;
                }
            }
            return null;
        }

        /// <summary><c>x.Sources.Clear()</c>, also through <c>?.</c> (<c>x?.Sources.Clear()</c>, <c>x.Sources?.Clear()</c>).</summary>
        public static bool IsSourcesClear(InvocationExpressionSyntax invocation) => IsSourcesCall(invocation, "Clear");

        /// <summary>
        /// <c>x.Sources.&lt;method&gt;(…)</c> in any spelling of member access: <c>x.Sources.M()</c>, <c>x?.Sources.M()</c>
        /// (Sources is a member binding), <c>x.Sources?.M()</c> and <c>x?.Sources?.M()</c> (M is a member binding whose
        /// receiver is the conditional access's expression).
        /// </summary>
        public static bool IsSourcesCall(InvocationExpressionSyntax invocation, string method)
        {
            ExpressionSyntax? collection;
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax member when member.Name.Identifier.ValueText == method:
                    collection = member.Expression;
                    break;
                case MemberBindingExpressionSyntax binding when binding.Name.Identifier.ValueText == method:
                    collection = ConditionalReceiver(invocation);
                    break;
                default:
                    return false;
            }
            var name = collection switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                MemberBindingExpressionSyntax bound => bound.Name,
                _ => null,
            };
            return name?.Identifier.ValueText == "Sources";
        }

        /// <summary>The expression before the <c>?.</c> whose bound part starts with this node.</summary>
        private static ExpressionSyntax? ConditionalReceiver(ExpressionSyntax node)
        {
            SyntaxNode current = node;
            while (current.Parent != null)
            {
                if (current.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == current)
                {
                    return access.Expression;
                }
                if (!(current.Parent is ExpressionSyntax parent) || parent.SpanStart != current.SpanStart)
                {
                    return null; // not at the start of the bound part
                }
                current = parent;
            }
            return null;
        }

        /// <summary>Source methods (AddInMemoryCollection, AddJsonFile…) or Sources.Clear()/Add() called inside a node, by name.</summary>
        public static List<string> SourceCallsInside(SyntaxNode node)
        {
            var result = new List<string>();
            foreach (var invocation in node.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = InvokedName(invocation)?.Identifier.ValueText;
                if (name == null)
                {
                    continue;
                }
                if (IsSourcesClear(invocation))
                {
                    Add(result, "Sources.Clear()");
                }
                else if (IsSourceMethodName(name))
                {
                    Add(result, name);
                }
                else if ((name == "Add" || name == "Insert") && IsSourcesCall(invocation, name))
                {
                    Add(result, "Sources." + name);
                }
            }
            return result;
        }

        /// <summary>
        /// The configuration replacements in a test customisation (a WithWebHostBuilder lambda, a ConfigureWebHost body):
        /// Sources.Clear() and ConfigureAppConfiguration calls that add sources, each with its name's location.
        /// </summary>
        public static List<(string Call, Location Location)> ConfigurationReplacements(SyntaxNode node)
        {
            var result = new List<(string, Location)>();
            foreach (var invocation in node.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = InvokedName(invocation);
                if (name == null)
                {
                    continue;
                }
                if (IsSourcesClear(invocation))
                {
                    result.Add(("Sources.Clear()", name.GetLocation()));
                }
                else if (name.Identifier.ValueText == "ConfigureAppConfiguration" && SourceCallsInside(invocation.ArgumentList).Count > 0)
                {
                    result.Add(("ConfigureAppConfiguration", name.GetLocation()));
                }
            }
            return result;
        }

        /// <summary>Configuration calls in a piece of syntax, in document order, without duplicates.</summary>
        public static List<string> ConfigurationCalls(IEnumerable<SyntaxNode> nodes)
        {
            var result = new List<string>();
            foreach (var node in nodes)
            {
                foreach (var invocation in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                {
                    Add(result, DescribeConfigurationCall(invocation));
                }
                foreach (var assignment in node.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.Left is ElementAccessExpressionSyntax element && LooksLikeConfiguration(element.Expression))
                    {
                        var key = FirstStringLiteral(element.ArgumentList);
                        Add(result, key != null ? "sets '" + key + "'" : "writes a configuration key");
                    }
                }
            }
            return result;
        }

        /// <summary>Configuration calls in raw text (an inactive #if region cannot be parsed into the tree).</summary>
        public static List<string> ConfigurationCallsInText(string text)
        {
            var result = new List<string>();
            try
            {
                var statements = SyntaxFactory.ParseStatement("{" + text + "\n}");
                foreach (var call in ConfigurationCalls(new[] { statements }))
                {
                    Add(result, call);
                }
            }
            catch (Exception)
            {
                // Unparseable text: nothing to report.
            }
            return result;
        }

        private static bool LooksLikeConfiguration(ExpressionSyntax expression)
        {
            var text = expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText
                : expression is IdentifierNameSyntax id ? id.Identifier.ValueText : string.Empty;
            return text.IndexOf("config", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static void Add(List<string> list, string? item)
        {
            if (item != null && !list.Contains(item))
            {
                list.Add(item);
            }
        }

        /// <summary>"adds 'a', adds 'b' and calls ValidateOnStart".</summary>
        public static string JoinActions(IReadOnlyList<string> actions)
        {
            if (actions.Count == 0)
            {
                return string.Empty;
            }
            if (actions.Count == 1)
            {
                return actions[0];
            }
            return string.Join(", ", actions.Take(actions.Count - 1)) + " and " + actions[actions.Count - 1];
        }
    }
}
