using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Raxx.Guardrails.Core.Deploy;

namespace Raxx.Guardrails.Core.Tests.Deploy;

/// <summary>
/// Runs the GitHub filter-pattern conformance cases (TestData/conformance/github-actions, see its
/// SOURCES.md): GitHub's documented cheat sheet, nektos/act matching cases and actionlint
/// validation cases.
/// </summary>
public sealed class FilterPatternConformanceTests
{
    private static string DataPath(string file) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "github-actions", file);

    private static IEnumerable<(int Line, JsonElement Case)> Cases(string file)
    {
        var lineNo = 0;
        foreach (var line in File.ReadAllLines(DataPath(file)))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            yield return (lineNo, JsonDocument.Parse(line).RootElement.Clone());
        }
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToArray() : Array.Empty<string>();

    [Fact]
    public void GitHubDocsCheatSheet_AllCasesPass()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (line, c) in Cases("gha-cheatsheet-cases.txt"))
        {
            var kind = c.GetProperty("kind").GetString()!;
            var patterns = Strings(c, "patterns");
            var patternKind = kind == "path" ? FilterPatternKind.Path : FilterPatternKind.Ref;
            var list = new FilterList(patterns, patternKind);
            Assert.Equal(patterns.Length, list.Patterns.Count); // every documented pattern is valid
            var ignore = kind.EndsWith("-ignore", StringComparison.Ordinal);
            foreach (var name in Strings(c, "matches"))
            {
                count++;
                var runs = ignore ? !list.Ignores(name) : list.Includes(name);
                if (!runs)
                {
                    failures.Add($"line {line}: [{string.Join(", ", patterns)}] should admit '{name}'");
                }
            }
            foreach (var name in Strings(c, "does_not_match"))
            {
                count++;
                var runs = ignore ? !list.Ignores(name) : list.Includes(name);
                if (runs)
                {
                    failures.Add($"line {line}: [{string.Join(", ", patterns)}] should not admit '{name}'");
                }
            }
        }
        Assert.True(count > 50, $"only {count} cases read");
        Assert.Empty(failures);
    }

    [Fact]
    public void ActWorkflowPatternCases_AllPass()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (line, c) in Cases("act-workflowpattern-cases.txt"))
        {
            count++;
            var patterns = Strings(c, "patterns");
            var inputs = Strings(c, "inputs");
            // act compiles every pattern the same way; these cases mix refs and paths, so validate leniently (as paths).
            var list = new FilterList(patterns, FilterPatternKind.Path);
            Assert.True(patterns.Length == list.Patterns.Count, $"line {line}: a pattern was rejected: [{string.Join(", ", patterns)}]");
            var include = list.IncludesAny(inputs);
            var ignore = list.RunsForAny(inputs);
            if (include != c.GetProperty("include_filter_runs").GetBoolean())
            {
                failures.Add($"line {line}: include [{string.Join(", ", patterns)}] over [{string.Join(", ", inputs)}] = {include}");
            }
            if (ignore != c.GetProperty("ignore_filter_runs").GetBoolean())
            {
                failures.Add($"line {line}: ignore [{string.Join(", ", patterns)}] over [{string.Join(", ", inputs)}] = {ignore}");
            }
        }
        Assert.True(count > 50, $"only {count} cases read");
        Assert.Empty(failures);
    }

    /// <summary>actionlint's message fragments, mapped to our error kinds (our messages are our own words).</summary>
    private static readonly (string Fragment, FilterPatternErrorKind Kind)[] ActionlintPhrases =
    {
        ("glob pattern cannot be empty", FilterPatternErrorKind.Empty),
        ("at least one character must follow !", FilterPatternErrorKind.NothingAfterNegation),
        ("the preceding character must not be special character", FilterPatternErrorKind.QuantifierWithoutOperand),
        ("newline cannot be contained", FilterPatternErrorKind.LineBreak),
        ("character match must not be empty", FilterPatternErrorKind.EmptyCharacterClass),
        ("missing ]", FilterPatternErrorKind.UnclosedCharacterClass),
        ("end of range is missing", FilterPatternErrorKind.RangeMissingEnd),
        ("start of range", FilterPatternErrorKind.RangeReversed),
        ("character match with single character is useless", FilterPatternErrorKind.SingleCharacterClass),
        ("ref name must not start with /", FilterPatternErrorKind.RefLeadingSlash),
        ("ref name must not end with / and .", FilterPatternErrorKind.RefTrailingSlashOrDot),
        ("ref name cannot contain spaces", FilterPatternErrorKind.RefInvalidCharacter),
        ("can be escaped with", FilterPatternErrorKind.InvalidEscape),
        ("leading and trailing spaces are not allowed", FilterPatternErrorKind.PathSurroundingWhitespace),
        ("'.' and '..' are not allowed", FilterPatternErrorKind.PathDotSegment),
    };

    [Fact]
    public void ActionlintValidationCases_AllPass()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (line, c) in Cases("actionlint-glob-cases.txt"))
        {
            var kindText = c.GetProperty("kind").GetString()!;
            var pattern = c.GetProperty("pattern").GetString()!;
            var kinds = new List<FilterPatternKind>();
            if (kindText.Contains("ref", StringComparison.Ordinal))
            {
                kinds.Add(FilterPatternKind.Ref);
            }
            if (kindText.Contains("path", StringComparison.Ordinal))
            {
                kinds.Add(FilterPatternKind.Path);
            }

            foreach (var kind in kinds)
            {
                count++;
                var errors = FilterPatternValidator.Validate(pattern, kind);
                var shown = $"line {line} {kind} {JsonSerializer.Serialize(pattern)}: [{string.Join(" | ", errors)}]";
                var expectedOk = c.GetProperty("expected").GetString() == "OK";
                if (expectedOk)
                {
                    if (errors.Count != 0)
                    {
                        failures.Add(shown + " expected no error");
                    }
                    continue;
                }
                if (errors.Count == 0)
                {
                    failures.Add(shown + " expected an error");
                    continue;
                }
                if (c.TryGetProperty("column", out var column))
                {
                    if (errors.Count != 1 || errors[0].Column != column.GetInt32())
                    {
                        failures.Add(shown + $" expected exactly one error at column {column.GetInt32()}");
                    }
                }
                var fragments = Strings(c, "errors_contain");
                if (fragments.Length > 0)
                {
                    if (fragments.Length != errors.Count)
                    {
                        failures.Add(shown + $" expected {fragments.Length} errors");
                        continue;
                    }
                    for (var i = 0; i < fragments.Length; i++)
                    {
                        var fragment = fragments[i];
                        bool ok;
                        if (fragment.StartsWith('\'') && fragment.Length <= 4)
                        {
                            ok = errors[i].Message.Contains(fragment, StringComparison.Ordinal); // names the offending character
                        }
                        else
                        {
                            var mapped = ActionlintPhrases.Where(p => fragment.Contains(p.Fragment, StringComparison.Ordinal)).Select(p => (FilterPatternErrorKind?)p.Kind).FirstOrDefault();
                            Assert.True(mapped.HasValue, $"unmapped actionlint phrase '{fragment}'");
                            ok = errors[i].Kind == mapped!.Value;
                        }
                        if (!ok)
                        {
                            failures.Add(shown + $" error {i + 1} should be '{fragment}'");
                        }
                    }
                }
            }
        }
        Assert.True(count > 100, $"only {count} cases read");
        Assert.Empty(failures);
    }
}
