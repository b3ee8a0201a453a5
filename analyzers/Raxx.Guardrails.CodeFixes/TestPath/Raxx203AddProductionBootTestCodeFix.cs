using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.TestPath
{
    /// <summary>
    /// RAXX203 fix: add a test file, <c>ProductionBootTests.cs</c> beside the reported test, that boots the application the
    /// way production does — nothing replaced, nothing overridden — so a broken production boot fails CI:
    /// <list type="bullet">
    /// <item>where the reported boot goes through <c>WebApplicationFactory&lt;T&gt;</c> (a <c>ConfigureWebHost</c> override or
    /// <c>WithWebHostBuilder</c>): <c>new WebApplicationFactory&lt;T&gt;().WithWebHostBuilder(b =&gt; b.UseEnvironment("Production"))</c>,
    /// a client, <c>GET /</c> answered below 500;</item>
    /// <item>where it is the app's own factory (<c>Program.CreateApp(args, testConfig)</c>) returning a <c>WebApplication</c> or an
    /// <c>IHost</c>: the same factory called without the test configuration (only <c>string[]</c> arguments are filled in, with
    /// an empty array), started on a free port and stopped.</item>
    /// </list>
    /// The test framework is the assembly's (xunit, NUnit or MSTest). Not offered when neither shape applies, no framework is
    /// referenced, or the language version has no <c>using</c> declarations (C# 8).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx203AddProductionBootTestCodeFix)), Shared]
    public sealed class Raxx203AddProductionBootTestCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX203.AddProductionBootTest";
        private const string ClassName = "ProductionBootTests";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx203);

        public override FixAllProvider GetFixAllProvider() => new OnePerProjectFixAllProvider();

        private enum Framework
        {
            Xunit,
            NUnit,
            MSTest,
        }

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var action = await CreateActionAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (action != null)
                {
                    context.RegisterCodeFix(action, diagnostic);
                }
            }
        }

        private static async Task<CodeAction?> CreateActionAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null
                || !(root.SyntaxTree.Options is CSharpParseOptions options) || options.LanguageVersion < LanguageVersion.CSharp8)
            {
                return null;
            }
            var framework = FrameworkOf(model.Compilation);
            if (framework == null)
            {
                return null;
            }
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var body = WebApplicationFactoryBody(node, model, framework.Value, cancellationToken) ?? FactoryBody(node, model, cancellationToken);
            if (body == null)
            {
                return null;
            }
            var ns = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingNamespace;
            var (className, fileName) = FreeNames(document.Project, ns);
            var text = Render(framework.Value, ns, className, body.Value.Usings, body.Value.Statements, CodeFixSyntax.EndOfLine(root).ToString());
            var directory = System.IO.Path.GetDirectoryName(document.FilePath ?? string.Empty) ?? string.Empty;
            var filePath = directory.Length == 0 ? fileName : System.IO.Path.Combine(directory, fileName);
            return CodeAction.Create(
                $"Add a test that boots the app as production does ({fileName})",
                ct => Task.FromResult(document.Project.AddDocument(fileName, text, document.Folders, filePath).Project.Solution),
                EquivalenceKey);
        }

        /// <summary>
        /// Fix All (what <c>dotnet format</c> applies): RAXX203 is reported once per test assembly, so each project of the
        /// scope gets its one test file.
        /// </summary>
        private sealed class OnePerProjectFixAllProvider : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var projects = fixAllContext.Scope == FixAllScope.Solution ? fixAllContext.Solution.Projects : new[] { fixAllContext.Project };
                var actions = new List<(ProjectId Project, CodeAction Action)>();
                foreach (var project in projects)
                {
                    var diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    var first = diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal).FirstOrDefault();
                    var document = first == null ? null : project.GetDocument(first.Location.SourceTree);
                    var action = document == null ? null : await CreateActionAsync(document, first!, fixAllContext.CancellationToken).ConfigureAwait(false);
                    if (action != null)
                    {
                        actions.Add((project.Id, action));
                    }
                }
                if (actions.Count == 0)
                {
                    return null;
                }
                return CodeAction.Create("Add a test that boots the app as production does", async ct =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var (projectId, action) in actions)
                    {
                        foreach (var operation in await action.GetOperationsAsync(ct).ConfigureAwait(false))
                        {
                            if (operation is ApplyChangesOperation apply)
                            {
                                foreach (var added in apply.ChangedSolution.GetChanges(fixAllContext.Solution).GetProjectChanges().SelectMany(c => c.GetAddedDocuments()).Select(id => apply.ChangedSolution.GetDocument(id)!))
                                {
                                    solution = solution.AddDocument(added.Id, added.Name, await added.GetTextAsync(ct).ConfigureAwait(false), added.Folders, added.FilePath);
                                }
                            }
                        }
                    }
                    return solution;
                }, EquivalenceKey);
            }
        }

        private static Framework? FrameworkOf(Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName("Xunit.FactAttribute") != null)
            {
                return Framework.Xunit;
            }
            if (compilation.GetTypeByMetadataName("NUnit.Framework.TestAttribute") != null)
            {
                return Framework.NUnit;
            }
            if (compilation.GetTypeByMetadataName("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") != null)
            {
                return Framework.MSTest;
            }
            return null;
        }

        /// <summary>The test body for the WebApplicationFactory&lt;T&gt; the reported boot customises, or null.</summary>
        private static (string[] Usings, string[] Statements)? WebApplicationFactoryBody(SyntaxNode node, SemanticModel model, Framework framework, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? factory = null;
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                if (ancestor is InvocationExpressionSyntax invocation && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                    && method.Name == "WithWebHostBuilder")
                {
                    factory = TestPathFacts.WebApplicationFactoryOf(method.ContainingType);
                }
                else if (ancestor is ClassDeclarationSyntax declaration)
                {
                    factory = TestPathFacts.WebApplicationFactoryOf(model.GetDeclaredSymbol(declaration, cancellationToken));
                }
                if (factory != null)
                {
                    break;
                }
            }
            if (factory == null || factory.TypeArguments.Length != 1 || factory.TypeArguments[0].TypeKind == TypeKind.Error)
            {
                return null;
            }
            var entry = factory.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
            return (new[] { "System", "System.Threading.Tasks", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Mvc.Testing" }, new[]
            {
                $"using var factory = new WebApplicationFactory<{entry}>()",
                "    .WithWebHostBuilder(builder => builder.UseEnvironment(\"Production\"));",
                "using var client = factory.CreateClient(); // builds and starts the host: a broken production boot fails here",
                "var response = await client.GetAsync(new Uri(\"/\", UriKind.Relative));",
                framework switch
                {
                    Framework.Xunit => "Assert.True((int)response.StatusCode < 500, $\"GET / answered {(int)response.StatusCode} under the production boot path\");",
                    Framework.NUnit => "Assert.That((int)response.StatusCode, Is.LessThan(500), \"GET / under the production boot path\");",
                    _ => "Assert.IsTrue((int)response.StatusCode < 500, $\"GET / answered {(int)response.StatusCode} under the production boot path\");",
                },
            });
        }

        /// <summary>The test body calling the app's own factory without its test configuration, or null.</summary>
        private static (string[] Usings, string[] Statements)? FactoryBody(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var invocation = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (invocation == null || !(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
                || !method.IsStatic || method.IsGenericMethod || method.ContainingType == null)
            {
                return null;
            }
            var returns = method.ReturnType.ToDisplayString();
            var isApp = returns == "Microsoft.AspNetCore.Builder.WebApplication";
            if (!isApp && returns != "Microsoft.Extensions.Hosting.IHost")
            {
                return null;
            }
            var arguments = new List<string>();
            var skipped = false; // positional arguments: nothing may follow a parameter left to its default
            foreach (var parameter in method.Parameters)
            {
                var before = arguments.Count;
                if (TestPathFacts.IsTestConfigParameter(parameter))
                {
                    if (!parameter.HasExplicitDefaultValue)
                    {
                        if (skipped)
                        {
                            return null;
                        }
                        if (parameter.Type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.NotAnnotated)
                        {
                            return null; // null would be a nullable warning; what production passes is the user's call
                        }
                        arguments.Add("null"); // no test configuration: what production passes
                    }
                    skipped |= arguments.Count == before;
                    continue;
                }
                if (parameter.HasExplicitDefaultValue || parameter.IsParams)
                {
                    skipped = true;
                    continue;
                }
                if (parameter.Type is IArrayTypeSymbol { ElementType: { SpecialType: SpecialType.System_String } } && !skipped)
                {
                    arguments.Add("Array.Empty<string>()");
                    continue;
                }
                return null; // a value only the user knows
            }
            var owner = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
            var call = $"{owner}.{method.Name}({string.Join(", ", arguments)})";
            return isApp
                ? (new[] { "System", "System.Threading.Tasks" }, new[]
                {
                    $"await using var app = {call};",
                    "app.Urls.Add(\"http://127.0.0.1:0\");",
                    "await app.StartAsync(); // a broken production boot fails here",
                    "await app.StopAsync();",
                })
                : (new[] { "System", "System.Threading.Tasks", "Microsoft.Extensions.Hosting" }, new[]
                {
                    $"using var host = {call};",
                    "await host.StartAsync(); // a broken production boot fails here",
                    "await host.StopAsync();",
                });
        }

        /// <summary>A class and file name not taken in the namespace / project.</summary>
        private static (string ClassName, string FileName) FreeNames(Project project, INamespaceSymbol? ns)
        {
            for (var i = 1; ; i++)
            {
                var name = i == 1 ? ClassName : ClassName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var file = name + ".cs";
                var typeTaken = ns != null && ns.GetTypeMembers(name).Length > 0;
                var fileTaken = project.Documents.Any(d => string.Equals(d.Name, file, System.StringComparison.OrdinalIgnoreCase));
                if (!typeTaken && !fileTaken)
                {
                    return (name, file);
                }
            }
        }

        private static string Render(Framework framework, INamespaceSymbol? ns, string className, string[] usings, string[] statements, string nl)
        {
            var all = new List<string>(usings);
            all.Add(framework switch
            {
                Framework.Xunit => "Xunit",
                Framework.NUnit => "NUnit.Framework",
                _ => "Microsoft.VisualStudio.TestTools.UnitTesting",
            });
            var sb = new StringBuilder();
            foreach (var u in all.Distinct().OrderBy(u => u.StartsWith("System", System.StringComparison.Ordinal) ? 0 : 1).ThenBy(u => u, System.StringComparer.Ordinal))
            {
                sb.Append("using ").Append(u).Append(';').Append(nl);
            }
            sb.Append(nl);
            var hasNamespace = ns != null && !ns.IsGlobalNamespace;
            var indent = hasNamespace ? "    " : string.Empty;
            if (hasNamespace)
            {
                sb.Append("namespace ").Append(ns!.ToDisplayString()).Append(nl).Append('{').Append(nl);
            }
            void Line(string level, string text) => sb.Append(text.Length == 0 ? string.Empty : indent + level + text).Append(nl);
            Line(string.Empty, "/// <summary>");
            Line(string.Empty, "/// Boots the application the way production does (RAXX203): production environment, every production configuration");
            Line(string.Empty, "/// source, nothing replaced. Give it the deployment's settings as environment variables where the tests run (or with");
            Line(string.Empty, "/// UseSetting, below the production sources) — never by replacing the sources: that hides the failures this test is for.");
            Line(string.Empty, "/// </summary>");
            if (framework == Framework.MSTest)
            {
                Line(string.Empty, "[TestClass]");
            }
            Line(string.Empty, $"public sealed class {className}");
            Line(string.Empty, "{");
            Line("    ", framework switch { Framework.Xunit => "[Fact]", Framework.NUnit => "[Test]", _ => "[TestMethod]" });
            Line("    ", "public async Task App_Boots_AsProductionDoes()");
            Line("    ", "{");
            foreach (var statement in statements)
            {
                Line("        ", statement);
            }
            Line("    ", "}");
            Line(string.Empty, "}");
            if (hasNamespace)
            {
                sb.Append('}').Append(nl);
            }
            return sb.ToString();
        }
    }
}
