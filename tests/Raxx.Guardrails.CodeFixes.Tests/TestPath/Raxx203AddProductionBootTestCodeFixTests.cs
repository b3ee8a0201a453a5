using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Raxx.Guardrails.Analyzers.TestPath;
using Raxx.Guardrails.CodeFixes.TestPath;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.TestPath
{
    public class Raxx203AddProductionBootTestCodeFixTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc.Testing;
            using Microsoft.Extensions.Configuration;
            using Raptor.Api;
            using Xunit;

            """;

        private static CodeFixTest Test(string source, string fixedSource)
        {
            var test = VerifyFix<Raxx203NoProductionBootTestAnalyzer, Raxx203AddProductionBootTestCodeFix>.Test(source, fixedSource);
            test.References = ReferenceAssemblies.AspNetTests;
            test.AdditionalReferences.Add(AppUnderTest.MetadataReference);
            test.AssemblyName = "Raptor.Api.Tests";
            return test;
        }

        [Fact]
        public Task EveryFactoryCustomisationReplacesConfiguration_AddsAWebApplicationFactoryProductionBoot()
        {
            var test = Test(Usings + """
                namespace Raptor.Api.Tests
                {
                    public class ApiFactory : WebApplicationFactory<Program>
                    {
                        protected override void ConfigureWebHost(IWebHostBuilder builder)
                        {
                            builder.{|RAXX203:ConfigureAppConfiguration|}((_, c) => c.Sources.Clear());
                        }
                    }
                }
                """, """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Mvc.Testing;
                using Microsoft.Extensions.Configuration;
                using Raptor.Api;
                using Xunit;
                namespace Raptor.Api.Tests
                {
                    public class ApiFactory : WebApplicationFactory<Program>
                    {
                        protected override void ConfigureWebHost(IWebHostBuilder builder)
                        {
                            builder.ConfigureAppConfiguration((_, c) => c.Sources.Clear());
                        }
                    }

                    /// <summary>
                    /// Boots the application the way production does (RAXX203): production environment, every production configuration
                    /// source, nothing replaced. Give it the deployment's settings as environment variables where the tests run (or with
                    /// UseSetting, below the production sources) — never by replacing the sources: that hides the failures this test is for.
                    /// </summary>
                    public sealed class ProductionBootTests
                    {
                        [Fact]
                        public async Task App_Boots_AsProductionDoes()
                        {
                            using var factory = new WebApplicationFactory<Raptor.Api.Program>()
                                .WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
                            using var client = factory.CreateClient(); // builds and starts the host: a broken production boot fails here
                            var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                            Assert.True((int)response.StatusCode < 500, $"GET / answered {(int)response.StatusCode} under the production boot path");
                        }
                    }
                }
                """);
            test.CodeActionTitle = "Add a test that boots the app as production does (ProductionBootTests)";
            return test.RunAsync();
        }

        [Fact]
        public Task EveryFactoryCallPassesTestConfig_AddsACallWithoutIt()
        {
            // incident 02: every test called Program.CreateApp(args, testConfig); the production boot never ran in CI
            return Test(Usings + """
                public class WebAuthnTests
                {
                    [Fact]
                    public void Boots()
                    {
                        var app = AppFactory.{|RAXX203:CreateApp|}(new string[0], new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "localhost" });
                    }
                }
                """, """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Mvc.Testing;
                using Microsoft.Extensions.Configuration;
                using Raptor.Api;
                using Xunit;
                public class WebAuthnTests
                {
                    [Fact]
                    public void Boots()
                    {
                        var app = AppFactory.CreateApp(new string[0], new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "localhost" });
                    }
                }

                /// <summary>
                /// Boots the application the way production does (RAXX203): production environment, every production configuration
                /// source, nothing replaced. Give it the deployment's settings as environment variables where the tests run (or with
                /// UseSetting, below the production sources) — never by replacing the sources: that hides the failures this test is for.
                /// </summary>
                public sealed class ProductionBootTests
                {
                    [Fact]
                    public async Task App_Boots_AsProductionDoes()
                    {
                        await using var app = Raptor.Api.AppFactory.CreateApp(Array.Empty<string>());
                        app.Urls.Add("http://127.0.0.1:0");
                        await app.StartAsync(); // a broken production boot fails here
                        await app.StopAsync();
                    }
                }

                """).RunAsync();
        }

        /// <summary>
        /// Incident 02's shape: a file-scoped namespace, the SDK's implicit global usings in another file (nothing to add
        /// for System / System.Threading.Tasks), a taken class name, and a file without a final line break.
        /// </summary>
        [Fact]
        public Task FileScopedNamespace_GlobalUsings_TakenName_AddsOnlyWhatIsMissing()
        {
            var test = Test("""
                using Raptor.Api;

                namespace Raptor.Api.Tests;

                public sealed class WebAuthnBootTests
                {
                    [Xunit.Fact]
                    public async Task Boots()
                    {
                        await using var app = AppFactory.{|RAXX203:CreateApp|}(Array.Empty<string>(), new Dictionary<string, string?>());
                        await app.StartAsync();
                    }
                }
                """, """
                using Raptor.Api;
                using Xunit;

                namespace Raptor.Api.Tests;

                public sealed class WebAuthnBootTests
                {
                    [Xunit.Fact]
                    public async Task Boots()
                    {
                        await using var app = AppFactory.CreateApp(Array.Empty<string>(), new Dictionary<string, string?>());
                        await app.StartAsync();
                    }
                }

                /// <summary>
                /// Boots the application the way production does (RAXX203): production environment, every production configuration
                /// source, nothing replaced. Give it the deployment's settings as environment variables where the tests run (or with
                /// UseSetting, below the production sources) — never by replacing the sources: that hides the failures this test is for.
                /// </summary>
                public sealed class ProductionBootTests2
                {
                    [Fact]
                    public async Task App_Boots_AsProductionDoes()
                    {
                        await using var app = Raptor.Api.AppFactory.CreateApp(Array.Empty<string>());
                        app.Urls.Add("http://127.0.0.1:0");
                        await app.StartAsync(); // a broken production boot fails here
                        await app.StopAsync();
                    }
                }

                """);
            const string globals = """
                global using global::System;
                global using global::System.Collections.Generic;
                global using global::System.Threading.Tasks;

                namespace Raptor.Api.Tests { internal sealed class ProductionBootTests { } }

                """;
            // no global using for Xunit here: the fix adds `using Xunit;` to the file (after the last using, as it sorts last)
            test.Sources.Add(("GlobalUsings.g.cs", globals));
            test.FixedSources.Add(("GlobalUsings.g.cs", globals));
            test.CodeActionTitle = "Add a test that boots the app as production does (ProductionBootTests2)";
            return test.RunAsync();
        }

        /// <summary>
        /// What <c>dotnet format analyzers</c> does with the fix: Fix All in Solution scope, and it keeps the result only when
        /// an existing document changed (a fix that only adds a document is dropped, so RAXX203 was never fixed from the
        /// command line while the fix added ProductionBootTests.cs).
        /// </summary>
        [Fact]
        public async Task FixAllInSolution_ChangesTheReportedDocument_AddsNone()
        {
            var check = new FixAllCheck();
            check.Sources.Add(("Test0.cs", Usings + """
                public class WebAuthnTests
                {
                    [Fact]
                    public void Boots()
                    {
                        var app = AppFactory.CreateApp(new string[0], new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "localhost" });
                    }
                }
                """));
            var (changed, added) = await check.FixAllInSolutionAsync();
            Assert.Equal(new[] { "Test0.cs" }, changed);
            Assert.Empty(added);
        }

        private sealed class FixAllCheck : CodeFixTest
        {
            public FixAllCheck()
            {
                Analyzers.Add(new Raxx203NoProductionBootTestAnalyzer());
                CodeFix = new Raxx203AddProductionBootTestCodeFix();
                References = ReferenceAssemblies.AspNetTests;
                AdditionalReferences.Add(AppUnderTest.MetadataReference);
                AssemblyName = "Raptor.Api.Tests";
            }

            public async Task<(string[] Changed, string[] Added)> FixAllInSolutionAsync()
            {
                var project = CreateProject(Sources.Select(s => (SourceRoot + s.Path, s.Markup)), Array.Empty<(string, string)>());
                var diagnostics = (await GetDiagnosticsAsync(project, CancellationToken.None)).Where(d => d.Id == "RAXX203").ToImmutableArray();
                var diagnostic = Assert.Single(diagnostics);
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                CodeAction? first = null;
                await CodeFix!.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => first ??= a, CancellationToken.None));
                Assert.NotNull(first);
                var context = new FixAllContext(document, CodeFix, FixAllScope.Solution, first!.EquivalenceKey, new[] { "RAXX203" }, new Provider(diagnostics), CancellationToken.None);
                var action = await CodeFix.GetFixAllProvider()!.GetFixAsync(context);
                Assert.NotNull(action);
                var apply = Assert.Single((await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
                var changes = apply.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().ToList();
                return (changes.SelectMany(c => c.GetChangedDocuments()).Select(id => apply.ChangedSolution.GetDocument(id)!.Name).ToArray(),
                    changes.SelectMany(c => c.GetAddedDocuments()).Select(id => apply.ChangedSolution.GetDocument(id)!.Name).ToArray());
            }
        }

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
