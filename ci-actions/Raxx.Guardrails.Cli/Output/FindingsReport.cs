using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Sarif;

namespace Raxx.Guardrails.Cli.Output;

/// <summary>The `--format` / `--output` contract shared by the commands that report findings (check, smoke).</summary>
internal static class FindingsReport
{
    public static string ParseFormat(string? value)
    {
        var format = value ?? "text";
        if (format is not ("text" or "json" or "sarif" or "github"))
        {
            throw new UsageException($"--format must be text, json, sarif or github, not '{format}'");
        }
        return format;
    }

    /// <summary>Formats the findings and writes them to <paramref name="output"/> (progress line on stderr) or stdout.</summary>
    public static void Write(CliHost host, IReadOnlyList<Finding> findings, string format, string? output, string root, int ruleCount, int? fileCount)
    {
        var text = format switch
        {
            "json" => JsonReport.Format(findings),
            "sarif" => SarifWriter.Write(findings, new SarifToolInfo { Version = Cli.Version, RootPath = root }),
            "github" => GitHubAnnotations.Format(findings),
            _ => TextReport.Format(findings, root, ruleCount, fileCount),
        };
        if (output != null)
        {
            var full = host.ResolvePath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            host.Error.WriteLine($"raxx-guardrails: wrote {format} to {output}");
        }
        else
        {
            host.Out.Write(text);
        }
    }
}
