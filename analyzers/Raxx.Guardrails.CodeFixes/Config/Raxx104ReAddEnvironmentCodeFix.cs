using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.CodeFixes.Config
{
    /// <summary>
    /// RAXX104 fix: after <c>Sources.Clear()</c>, re-add environment variables (and the command line when it was
    /// registered and its args are in scope) after the last source the code adds back — the same edit as RAXX101's fix,
    /// at the call RAXX104 names as its additional location. The clear and the rebuilt order stay; the deployment's
    /// values win again. Not offered when nothing is added after the clear, or the last source is in another file or a
    /// shape RAXX101's fix does not handle.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Raxx104ReAddEnvironmentCodeFix)), Shared]
    public sealed class Raxx104ReAddEnvironmentCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "RAXX104.ReAddEnvironment";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.Raxx104);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (fixAllContext, document, diagnostics) =>
        {
            if (document == null)
            {
                return null;
            }
            var tree = await document.GetSyntaxTreeAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            return await Raxx101LateConfigurationSourceCodeFix.FixAsync(document, diagnostics.Select(d => AtLastSource(d, tree)).Where(s => s != null).Select(s => s!.Value), fixAllContext.CancellationToken).ConfigureAwait(false);
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                var atSource = AtLastSource(diagnostic, root.SyntaxTree);
                var title = atSource == null ? null : Raxx101LateConfigurationSourceCodeFix.TitleFor(root, model, atSource.Value, context.CancellationToken);
                if (title == null)
                {
                    continue;
                }
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title.Replace("this source", "the last source added after the clear"),
                        ct => Raxx101LateConfigurationSourceCodeFix.FixAsync(document, new[] { atSource!.Value }, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The re-add site: the last source added after the clear, with the diagnostic's command-line properties.</summary>
        private static Raxx101LateConfigurationSourceCodeFix.Site? AtLastSource(Diagnostic diagnostic, SyntaxTree? tree)
        {
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }
            var location = diagnostic.AdditionalLocations[0];
            if (!location.IsInSource || location.SourceTree != tree)
            {
                return null;
            }
            return new Raxx101LateConfigurationSourceCodeFix.Site(location, diagnostic.Properties);
        }
    }
}
