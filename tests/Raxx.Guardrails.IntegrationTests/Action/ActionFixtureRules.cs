using System;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.IntegrationTests.Action;

/// <summary>
/// Repository rules the action script tests load into the real CLI with <c>--rules-assembly</c>, so the
/// fixture's findings are known exactly whatever rule families the branch has. They read only
/// <c>notes/*.txt</c>, which no real rule looks at.
/// </summary>
public abstract class ActionFixtureRule : IRepositoryRule
{
    public abstract string RuleId { get; }

    protected abstract string Marker { get; }

    protected abstract FindingSeverity Severity { get; }

    protected abstract string Message { get; }

    public void Run(RepositoryContext context, IFindingSink sink)
    {
        foreach (var file in context.Files.Where(f => f.RelativePath.StartsWith("notes/", StringComparison.Ordinal) && f.RelativePath.EndsWith(".txt", StringComparison.Ordinal)))
        {
            var lines = (context.ReadText(file) ?? string.Empty).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var col = lines[i].IndexOf(Marker, StringComparison.Ordinal);
                if (col >= 0)
                {
                    sink.Report(new Finding(RuleId, Severity, Message, new FindingLocation(file.RelativePath, i + 1, col + 1, i + 1, col + 1 + Marker.Length)));
                }
            }
        }
    }
}

public sealed class ActionFixtureTagRule : ActionFixtureRule
{
    public override string RuleId => "RAXX501";
    protected override string Marker => "TAG-MISMATCH";
    protected override FindingSeverity Severity => FindingSeverity.Error;
    protected override string Message => "100% of tags, e.g. 'v1.2.3': none match\nsecond line";
}

public sealed class ActionFixtureGateRule : ActionFixtureRule
{
    public override string RuleId => "RAXX505";
    protected override string Marker => "DEPLOY-ON-PUSH";
    protected override FindingSeverity Severity => FindingSeverity.Warning;
    protected override string Message => "production deploy runs on push without a manual gate";
}
