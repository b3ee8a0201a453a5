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
using Microsoft.CodeAnalysis.Text;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.TestPath
{
    /// <summary>
    /// RAXX203 fix: add a test class, <c>ProductionBootTests</c>, to the reported test's file (after the type that holds the
    /// reported boot), that boots the application the way production does — nothing replaced, nothing overridden — so a
    /// broken production boot fails CI:
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
    /// The class goes into the existing file, not a new one: <c>dotnet format analyzers</c> keeps a fix only when it changes an
    /// existing document (a fix that only adds a document is dropped), and the command line is where CI applies fixes. The
    /// IDE's "Move type to ProductionBootTests.cs" refactoring gives it its own file.
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
            // After the outermost type that holds the reported boot, at its indentation, in its namespace.
            var anchor = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().LastOrDefault();
            if (anchor == null)
            {
                return null;
            }
            var ns = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingNamespace;
            var className = FreeName(ns);
            var nl = CodeFixSyntax.EndOfLine(root).ToString();
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var anchorLine = text.Lines.GetLineFromPosition(anchor.SpanStart);
            var indent = LeadingWhitespace(anchorLine.ToString());
            var insertAt = anchor.FullSpan.End;
            var prefix = insertAt > 0 && text[insertAt - 1] != '\n' ? nl : string.Empty;
            var changes = new List<TextChange>(MissingUsings(root, anchor, model.Compilation, framework.Value, body.Value.Usings, nl, cancellationToken))
            {
                new TextChange(new TextSpan(insertAt, 0), prefix + nl + RenderClass(framework.Value, className, body.Value.Statements, indent, nl)),
            };
            var changed = text.WithChanges(changes);
            return CodeAction.Create(
                $"Add a test that boots the app as production does ({className})",
                ct => Task.FromResult(document.WithText(changed).Project.Solution),
                EquivalenceKey);
        }

        private static string LeadingWhitespace(string line)
        {
            var i = 0;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }
            return line.Substring(0, i);
        }

        /// <summary>
        /// <c>using</c> lines for the namespaces the test needs that the file, a namespace around the new class or a global
        /// using of the compilation does not import yet: each before the first existing compilation-unit using that sorts
        /// after it (System first), else after the last one, else at the top of the file.
        /// </summary>
        private static IEnumerable<TextChange> MissingUsings(SyntaxNode root, SyntaxNode anchor, Compilation compilation, Framework framework, string[] usings, string nl, CancellationToken cancellationToken)
        {
            var unit = root as CompilationUnitSyntax;
            var imported = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax other)
                {
                    foreach (var directive in other.Usings)
                    {
                        if ((other == unit || directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)) && directive.Alias == null
                            && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && directive.Name != null)
                        {
                            imported.Add(UsingName(directive));
                        }
                    }
                }
            }
            foreach (var declaration in anchor.Ancestors().OfType<BaseNamespaceDeclarationSyntax>())
            {
                foreach (var directive in declaration.Usings)
                {
                    if (directive.Alias == null && directive.Name != null)
                    {
                        imported.Add(UsingName(directive));
                    }
                }
            }
            var needed = usings.Concat(new[] { FrameworkNamespace(framework) }).Distinct().Where(u => !imported.Contains(u)).OrderBy(u => u, UsingOrder.Instance).ToList();
            var existing = unit == null ? new List<UsingDirectiveSyntax>() : unit.Usings.Where(u => !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Name != null).ToList();
            foreach (var group in needed.GroupBy(u => existing.FirstOrDefault(e => UsingOrder.Instance.Compare(UsingName(e), u) > 0)))
            {
                var lines = string.Concat(group.Select(u => "using " + u + ";" + nl));
                if (group.Key != null)
                {
                    yield return new TextChange(new TextSpan(group.Key.SpanStart, 0), lines);
                }
                else if (existing.Count > 0)
                {
                    // after the last using's line
                    var last = existing[existing.Count - 1];
                    var endsLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                    yield return endsLine
                        ? new TextChange(new TextSpan(last.FullSpan.End, 0), lines)
                        : new TextChange(new TextSpan(last.Span.End, 0), nl + lines.Substring(0, lines.Length - nl.Length));
                }
                else
                {
                    yield return new TextChange(new TextSpan(0, 0), lines + nl);
                }
            }
        }

        private static string UsingName(UsingDirectiveSyntax directive) => directive.Name!.ToString().Replace("global::", string.Empty);

        private static string FrameworkNamespace(Framework framework) => framework switch
        {
            Framework.Xunit => "Xunit",
            Framework.NUnit => "NUnit.Framework",
            _ => "Microsoft.VisualStudio.TestTools.UnitTesting",
        };

        /// <summary>System namespaces first, then ordinal.</summary>
        private sealed class UsingOrder : IComparer<string>
        {
            public static readonly UsingOrder Instance = new UsingOrder();

            public int Compare(string? x, string? y)
            {
                var sx = IsSystem(x) ? 0 : 1;
                var sy = IsSystem(y) ? 0 : 1;
                return sx != sy ? sx - sy : string.CompareOrdinal(x, y);
            }

            private static bool IsSystem(string? name) => name == "System" || (name != null && name.StartsWith("System.", System.StringComparison.Ordinal));
        }

        /// <summary>
        /// Fix All (what <c>dotnet format</c> applies): RAXX203 is reported once per test assembly, so each project of the
        /// scope gets its one test class (in the project's first reported file). Only existing documents change, which is
        /// what <c>dotnet format</c> keeps.
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
                    foreach (var (_, action) in actions)
                    {
                        foreach (var operation in await action.GetOperationsAsync(ct).ConfigureAwait(false))
                        {
                            if (operation is ApplyChangesOperation apply)
                            {
                                foreach (var id in apply.ChangedSolution.GetChanges(fixAllContext.Solution).GetProjectChanges().SelectMany(c => c.GetChangedDocuments()))
                                {
                                    solution = solution.WithDocumentText(id, await apply.ChangedSolution.GetDocument(id)!.GetTextAsync(ct).ConfigureAwait(false));
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

        /// <summary>A class name not taken in the namespace.</summary>
        private static string FreeName(INamespaceSymbol? ns)
        {
            for (var i = 1; ; i++)
            {
                var name = i == 1 ? ClassName : ClassName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (ns == null || ns.GetTypeMembers(name).Length == 0)
                {
                    return name;
                }
            }
        }

        private static string RenderClass(Framework framework, string className, string[] statements, string indent, string nl)
        {
            var sb = new StringBuilder();
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
            return sb.ToString();
        }
    }
}
