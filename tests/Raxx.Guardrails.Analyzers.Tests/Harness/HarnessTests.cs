using System;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Raxx.Guardrails.Testing;
using Xunit.Sdk;

namespace Raxx.Guardrails.Analyzers.Tests.Harness
{
    /// <summary>The harness must fail when it should: each assertion it makes is shown failing here.</summary>
    public class HarnessTests
    {
        [Fact]
        public Task MatchingMarkerAndMessage_Passes() =>
            Verify<BadLiteralAnalyzer>.VerifyAsync("""
                class C { string s = {|TEST001:"bad"|}; }
                """, "Literal 'bad' is bad; use 'good'");

        [Fact]
        public Task CleanSource_Passes() =>
            Verify<BadLiteralAnalyzer>.VerifyAsync("""
                class C { string s = "good"; }
                """);

        [Fact]
        public async Task MissingMarker_Fails()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<BadLiteralAnalyzer>.VerifyAsync("""
                class C { string s = "bad"; }
                """));
            Assert.Contains("unexpected", ex.Message);
        }

        [Fact]
        public async Task WrongSpan_Fails()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<BadLiteralAnalyzer>.VerifyAsync("""
                class C { string {|TEST001:s = "bad"|}; }
                """));
            Assert.Contains("span", ex.Message);
        }

        [Fact]
        public async Task WrongMessage_Fails()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<BadLiteralAnalyzer>.VerifyAsync("""
                class C { string s = {|TEST001:"bad"|}; }
                """, "something else"));
            Assert.Contains("message", ex.Message);
        }

        [Fact]
        public async Task WrongSeverity_Fails()
        {
            var test = Verify<BadLiteralAnalyzer>.Test("""
                class C { string s = {|TEST001:"bad"|}; }
                """);
            test.MarkerSeverities["TEST001"] = DiagnosticSeverity.Error;
            var ex = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
            Assert.Contains("severity", ex.Message);
        }

        [Fact]
        public async Task ExplicitResult_WithLocationMarker_Passes()
        {
            await Verify<BadLiteralAnalyzer>.VerifyDiagnosticsAsync("""
                class C { string s = {|#0:"bad"|}; }
                """,
                DiagnosticResult.Diagnostic("TEST001").WithLocation(0).WithMessage("Literal 'bad' is bad; use 'good'"));
        }

        [Fact]
        public async Task ExplicitResult_WithSpan_Passes()
        {
            await Verify<BadLiteralAnalyzer>.VerifyDiagnosticsAsync("""
                class C { string s = "bad"; }
                """,
                DiagnosticResult.Diagnostic("TEST001").WithSpan("/src/Test0.cs", 1, 22, 1, 27));
        }

        [Fact]
        public async Task AnalyzerException_IsReportedAsAD0001()
        {
            var test = new AnalyzerTest { Sources = { ("Test0.cs", "class C { }") }, Analyzers = { new ThrowingAnalyzer() } };
            var ex = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
            Assert.Contains("AD0001", ex.Message);
        }

        [Fact]
        public async Task CompileError_Fails_UnlessAllowed()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<BadLiteralAnalyzer>.VerifyAsync("class C { int x = ; }"));
            Assert.Contains("does not compile", ex.Message);

            var allowed = Verify<BadLiteralAnalyzer>.Test("class C { int x = ; }");
            allowed.AllowCompilerErrors = true;
            await allowed.RunAsync();
        }

        [Fact]
        public async Task EditorConfigSeverity_IsApplied()
        {
            var test = Verify<BadLiteralAnalyzer>.Test("""
                class C { string s = {|TEST001:"bad"|}; }
                """);
            test.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.TEST001.severity = error\n";
            test.MarkerSeverities["TEST001"] = DiagnosticSeverity.Error;
            await test.RunAsync();
        }

        [Fact]
        public async Task EditorConfigNone_SilencesRule()
        {
            var test = Verify<BadLiteralAnalyzer>.Test("""
                class C { string s = "bad"; }
                """);
            test.EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.TEST001.severity = none\n";
            await test.RunAsync();
        }

        [Fact]
        public async Task AdditionalFilesAndBuildProperties_ReachTheAnalyzer()
        {
            var test = new AnalyzerTest
            {
                Sources = { ("Test0.cs", "class C { }") },
                AdditionalFiles = { ("flags.yaml", "flags:\n  {|TEST002:x|}: {}\n") },
                Analyzers = { new AdditionalFileAnalyzer() },
            };
            test.BuildProperties["RaxxProbe"] = "x";
            test.ExpectedMessages.Add("property says 'x'");
            await test.RunAsync();
        }

        [Fact]
        public Task CodeFix_AndFixAll_Pass() =>
            new CodeFixTest
            {
                Sources = { ("Test0.cs", """
                    class C
                    {
                        string a = {|TEST001:"bad"|};
                        string b = {|TEST001:"bad"|};
                    }
                    """) },
                FixedSources = { ("Test0.cs", """
                    class C
                    {
                        string a = "good";
                        string b = "good";
                    }
                    """) },
                Analyzers = { new BadLiteralAnalyzer() },
                CodeFix = new BadLiteralFix(),
                CodeActionTitle = "Use 'good'",
            }.RunAsync();

        [Fact]
        public async Task CodeFix_WrongFixedText_Fails()
        {
            var test = VerifyFix<BadLiteralAnalyzer, BadLiteralFix>.Test(
                """class C { string a = {|TEST001:"bad"|}; }""",
                """class C { string a = "bad!"; }""");
            var ex = await Assert.ThrowsAsync<XunitException>(() => test.RunAsync());
            Assert.Contains("differs", ex.Message);
        }

        [Fact]
        public void Snapshot_WritesReceivedOnMismatch()
        {
            using var dir = new TempDirectory("snap");
            var fakeCaller = dir.Combine("FakeTests.cs");
            dir.Write(Path.Combine("Snapshots", "s.verified.txt"), "one\n");
            Snapshot.Match("one", "s", fakeCaller);
            var ex = Assert.Throws<XunitException>(() => Snapshot.Match("two", "s", fakeCaller));
            Assert.Contains("line 1", ex.Message);
            Assert.Equal("two\n", File.ReadAllText(dir.Combine("Snapshots", "s.received.txt")));
        }

        [Fact]
        public void Markup_ParsesNestedAndIndexedSpans()
        {
            var (text, spans) = Markup.Parse("a{|X1:b{|#3:c|}|}[|d|]");
            Assert.Equal("abcd", text);
            Assert.Equal(3, spans.Count);
            Assert.Equal("X1", spans[0].Id);
            Assert.Equal(1, spans[0].Span.Start);
            Assert.Equal(3, spans[1].LocationIndex);
            Assert.Null(spans[2].Id);
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class BadLiteralAnalyzer : DiagnosticAnalyzer
        {
            internal static readonly DiagnosticDescriptor Rule = new("TEST001", "Bad literal", "Literal '{0}' is bad; use 'good'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(c =>
                {
                    var literal = (LiteralExpressionSyntax)c.Node;
                    if (literal.Token.ValueText == "bad")
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation(), "bad"));
                    }
                }, SyntaxKind.StringLiteralExpression);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TEST003", "t", "t", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationAction(_ => throw new InvalidOperationException("boom"));
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class AdditionalFileAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TEST002", "t", "property says '{0}'", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationAction(c =>
                {
                    c.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.RaxxProbe", out var probe);
                    foreach (var file in c.Options.AdditionalFiles)
                    {
                        var text = file.GetText(c.CancellationToken)!;
                        var index = text.ToString().IndexOf("x:", StringComparison.Ordinal);
                        var span = new Microsoft.CodeAnalysis.Text.TextSpan(index, 1);
                        c.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), probe));
                    }
                });
            }
        }

        [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
        private sealed class BadLiteralFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TEST001");

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
                var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
                context.RegisterCodeFix(CodeAction.Create("Use 'good'", ct => Task.FromResult(context.Document.WithSyntaxRoot(
                    root.ReplaceNode(node, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("good")).WithTriviaFrom(node)))), "good"), context.Diagnostics);
            }
        }
    }
}
