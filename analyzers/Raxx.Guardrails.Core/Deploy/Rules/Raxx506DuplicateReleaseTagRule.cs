using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Deploy.Rules
{
    /// <summary>
    /// RAXX506: two release packages name their tags the same way (same component, or no component
    /// in the tag), so the same version of both produces one tag: the second release fails or is
    /// attached to the other package's commit, and tag-triggered deploys cannot tell them apart.
    /// Reported at each later package, naming the first.
    /// </summary>
    public sealed class Raxx506DuplicateReleaseTagRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx506;

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            var model = DeployModel.For(context);
            var groups = model.Release.TaggingPackages
                .Where(p => p.Tool != ReleaseToolKind.DeclaredTagFormat)
                .GroupBy(p => p.TagFor("1.0.0"), System.StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var packages = group.ToArray();
                for (var i = 1; i < packages.Length; i++)
                {
                    var first = packages[0];
                    var dup = packages[i];
                    var why = dup.Component.Length == 0 || !dup.IncludeComponentInTag
                        ? "neither puts a component in its tags"
                        : $"both use component '{dup.Component}'";
                    var message =
                        $"release package '{dup.Path}' creates the same tags as package '{first.Path}' (e.g. '{group.Key}'): {why}. " +
                        "The second release of a version collides with the first. Give each package its own 'component' (and keep include-component-in-tag true).";
                    sink.Report(DeployFinding.Create(RuleId, message, dup.Location, dup.Location.Path + "|" + first.Path + "|" + dup.Path));
                }
            }
        }
    }
}
