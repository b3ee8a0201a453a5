using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Json;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Cli.Output;

/// <summary><c>--format json</c>: a flat list of findings for scripts (the SARIF output is the standard one).</summary>
internal static class JsonReport
{
    public static string Format(IReadOnlyList<Finding> findings)
    {
        var w = new JsonWriter();
        w.StartObject();
        w.Property("version", 1);
        w.Name("findings").StartArray();
        foreach (var f in findings)
        {
            w.StartObject()
                .Property("ruleId", f.RuleId)
                .Property("severity", TextReport.Word(f.Severity))
                .Property("message", f.Message)
                .Property("path", f.Location.Path)
                .Property("startLine", f.Location.StartLine)
                .Property("startColumn", f.Location.StartColumn)
                .Property("endLine", f.Location.EndLine)
                .Property("endColumn", f.Location.EndColumn)
                .Property("fingerprint", f.Fingerprint)
                .Property("helpUri", RuleCatalog.Find(f.RuleId)?.HelpUri)
                .EndObject();
        }
        w.EndArray();
        w.Name("summary").StartObject()
            .Property("errors", findings.Count(f => f.Severity == FindingSeverity.Error))
            .Property("warnings", findings.Count(f => f.Severity == FindingSeverity.Warning))
            .Property("notes", findings.Count(f => f.Severity == FindingSeverity.Note))
            .EndObject();
        w.EndObject();
        return w.ToString() + "\n";
    }
}
