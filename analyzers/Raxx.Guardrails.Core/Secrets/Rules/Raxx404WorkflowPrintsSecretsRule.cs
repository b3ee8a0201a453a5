using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>
    /// RAXX404: a workflow step prints secrets into the CI log: <c>heroku config:set …</c> without
    /// silencing its output (it echoes every KEY=value it sets; INCIDENTS.md §4), <c>echo</c>/<c>printf</c>
    /// of <c>${{ secrets.X }}</c> or of an env var bound to a secret (not redirected to a file or pipe),
    /// and <c>set -x</c> in a run block that uses a secret afterwards. Log masking is best-effort:
    /// transformed, split or multi-line values are printed in clear.
    /// </summary>
    public sealed class Raxx404WorkflowPrintsSecretsRule : IRepositoryRule
    {
        public string RuleId => RuleIds.Raxx404;

        private static readonly string[] Silencers =
        {
            ">/dev/null", "> /dev/null", "&>/dev/null", "&> /dev/null", ">& /dev/null", ">&/dev/null", "1>/dev/null", "1> /dev/null",
            "--quiet", " -q ", "| Out-Null", "|Out-Null", "> $null", ">$null",
        };

        private static readonly string[] PrintCommands = { "echo", "printf", "Write-Host", "Write-Output", "print", "cat", "printenv", "env" };

        public void Run(RepositoryContext context, IFindingSink sink)
        {
            foreach (var file in context.Files)
            {
                var path = file.RelativePath;
                if (!IsWorkflowFile(path))
                {
                    continue;
                }
                // RAXX402 has read this workflow already and checked it for this rule (same text): no second read
                var known = CredentialScanCache.RecallWorkflowFindings(context, file);
                if (known != null)
                {
                    foreach (var finding in known)
                    {
                        sink.Report(finding);
                    }
                    continue;
                }
                var text = context.ReadText(file, out _);
                if (text != null)
                {
                    Check(path, text, sink);
                }
            }
        }

        /// <summary>The files this rule checks: <c>.github/workflows/**.yml|yaml</c>, at the root or below a folder.</summary>
        internal static bool IsWorkflowFile(string path) =>
            (path.StartsWith(".github/workflows/", StringComparison.Ordinal) || path.IndexOf("/.github/workflows/", StringComparison.Ordinal) >= 0)
            && (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// For RAXX402, which reads every workflow: this rule's findings on a text already read, kept for <see cref="Run"/>
        /// (see <see cref="CredentialScanCache"/>). Nothing when this rule is configured off.
        /// </summary>
        internal static void CheckAhead(RepositoryContext context, RepositoryFile file, ScanText text)
        {
            if (!IsWorkflowFile(file.RelativePath)
                || context.Config.EffectiveSeverity(RuleIds.Raxx404, RuleCatalog.Find(RuleIds.Raxx404)?.DefaultSeverity ?? FindingSeverity.Warning) == FindingSeverity.None)
            {
                return;
            }
            var found = new FindingList();
            // every finding is in a run block (see Check): a workflow without "run:" needs no string of its text
            if (text.IndexOf("run:", StringComparison.Ordinal) >= 0)
            {
                new Raxx404WorkflowPrintsSecretsRule().Check(file.RelativePath, text.ToString(), found);
            }
            CredentialScanCache.RememberWorkflowFindings(context, file, found.Items);
        }

        /// <summary>Checks one workflow's text (exposed for tests).</summary>
        public void Check(string path, string text, IFindingSink sink)
        {
            // every finding is in a run block, which starts at a line holding "run:": a workflow without one prints nothing
            if (text.IndexOf("run:", StringComparison.Ordinal) < 0)
            {
                return;
            }
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var secretEnv = SecretEnvNames(lines);
            foreach (var block in RunBlocks(lines))
            {
                CheckBlock(path, lines, block, secretEnv, sink);
            }
        }

        /// <summary>Env names bound to secrets: <c>NAME: ${{ secrets.X }}</c>.</summary>
        private static HashSet<string> SecretEnvNames(string[] lines)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                var colon = line.IndexOf(':');
                if (colon <= 0 || line.IndexOf("secrets.", colon, StringComparison.Ordinal) < 0)
                {
                    continue;
                }
                var name = line.Substring(0, colon).Trim().TrimStart('-').Trim().Trim('"', '\'');
                if (name.Length > 0 && name.All(c => SecretText.IsWord(c)))
                {
                    names.Add(name);
                }
            }
            return names;
        }

        /// <summary>A run block: (first line index, last line index, column where the script starts on the first line or -1).</summary>
        private static IEnumerable<(int First, int Last, int InlineColumn)> RunBlocks(string[] lines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                var indent = line.Length - trimmed.Length;
                if (trimmed.StartsWith("- ", StringComparison.Ordinal))
                {
                    trimmed = trimmed.Substring(2).TrimStart();
                    indent = line.Length - trimmed.Length;
                }
                if (!trimmed.StartsWith("run:", StringComparison.Ordinal))
                {
                    continue;
                }
                var rest = trimmed.Substring(4).Trim();
                if (rest.Length > 0 && rest[0] != '|' && rest[0] != '>')
                {
                    yield return (i, i, line.IndexOf(rest, indent + 4, StringComparison.Ordinal));
                    continue;
                }
                var last = i;
                for (var j = i + 1; j < lines.Length; j++)
                {
                    var l = lines[j];
                    if (l.Trim().Length == 0)
                    {
                        continue;
                    }
                    if (l.Length - l.TrimStart().Length <= indent)
                    {
                        break;
                    }
                    last = j;
                }
                if (last > i)
                {
                    yield return (i + 1, last, -1);
                }
                i = last;
            }
        }

        private void CheckBlock(string path, string[] lines, (int First, int Last, int InlineColumn) block, HashSet<string> secretEnv, IFindingSink sink)
        {
            var xtraceLine = -1;
            var xtraceColumn = 0;
            var xtraceReported = false;
            for (var i = block.First; i <= block.Last; i++)
            {
                var start = block.InlineColumn >= 0 ? block.InlineColumn : 0;
                var line = lines[i];
                if (start >= line.Length)
                {
                    continue;
                }
                var command = line.Substring(start);

                // set -x / set -o xtrace (and set +x turning it off)
                foreach (var (segment, offset) in Segments(command))
                {
                    var s = segment.Trim();
                    var lead = segment.Length - segment.TrimStart().Length;
                    if (s.StartsWith("set ", StringComparison.Ordinal))
                    {
                        var args = s.Substring(4).Trim();
                        if (args.StartsWith("+", StringComparison.Ordinal) && args.IndexOf('x') > 0 || args.StartsWith("+o xtrace", StringComparison.Ordinal))
                        {
                            xtraceLine = -1;
                        }
                        else if ((args.StartsWith("-", StringComparison.Ordinal) && !args.StartsWith("-o", StringComparison.Ordinal) && args.Split(' ')[0].IndexOf('x') > 0)
                                 || args.StartsWith("-o xtrace", StringComparison.Ordinal))
                        {
                            xtraceLine = i;
                            xtraceColumn = start + offset + lead;
                        }
                    }
                }

                var secretRef = FindSecretReference(command, secretEnv);
                if (secretRef != null && xtraceLine >= 0 && !xtraceReported && !(xtraceLine == i && command.IndexOf(secretRef, StringComparison.Ordinal) < command.IndexOf("set ", StringComparison.Ordinal)))
                {
                    xtraceReported = true;
                    sink.Report(new Finding(RuleId, FindingSeverity.Warning,
                        $"`set -x` traces every command with its expanded values and this run block then uses {secretRef}: the secret is printed to the CI log; remove `set -x` or turn it off with `set +x` before the secret is used",
                        new FindingLocation(path, xtraceLine + 1, xtraceColumn + 1, xtraceLine + 1, xtraceColumn + 7),
                        "xtrace:" + secretRef));
                }

                // heroku config:set without silencing
                var heroku = command.IndexOf("heroku config:set", StringComparison.Ordinal);
                if (heroku >= 0)
                {
                    var logical = command;
                    var j = i;
                    while (logical.TrimEnd().EndsWith("\\", StringComparison.Ordinal) && j < block.Last)
                    {
                        j++;
                        logical += "\n" + lines[j];
                    }
                    if (!Silencers.Any(s => logical.IndexOf(s, StringComparison.Ordinal) >= 0) && !logical.TrimEnd().EndsWith(" -q", StringComparison.Ordinal))
                    {
                        var col = start + heroku + 1;
                        sink.Report(new Finding(RuleId, FindingSeverity.Warning,
                            "`heroku config:set` prints every KEY=value it sets to stdout, so the values land in the CI log; silence it: `heroku config:set … >/dev/null 2>&1`",
                            new FindingLocation(path, i + 1, col, i + 1, col + "heroku config:set".Length),
                            "heroku-config-set:" + Redaction.Fingerprint(Normalize(logical))));
                    }
                }

                // echo/printf of a secret to stdout
                foreach (var (segment, offset) in Segments(command))
                {
                    var s = segment.TrimStart();
                    var lead = segment.Length - s.Length;
                    var word = s.Split(' ', '\t')[0];
                    if (Array.IndexOf(PrintCommands, word) < 0 || s.IndexOf("::add-mask::", StringComparison.Ordinal) >= 0)
                    {
                        continue;
                    }
                    var reference = FindSecretReference(s, secretEnv);
                    if (reference == null || RedirectsOrPipes(s))
                    {
                        continue;
                    }
                    var col = start + offset + lead + 1;
                    sink.Report(new Finding(RuleId, FindingSeverity.Warning,
                        $"`{word}` prints {reference} to the CI log; log masking is best-effort (transformed or partial values are shown in clear): pass the secret to the command that needs it through env and never print it",
                        new FindingLocation(path, i + 1, col, i + 1, col + word.Length),
                        "print:" + word + ":" + reference));
                }
            }
        }

        /// <summary>Splits a shell line into commands at ';', '&amp;&amp;', '||' (outside quotes), with their offsets.</summary>
        private static IEnumerable<(string Segment, int Offset)> Segments(string command)
        {
            var start = 0;
            char quote = '\0';
            for (var i = 0; i < command.Length; i++)
            {
                var c = command[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    continue;
                }
                if (c == '"' || c == '\'')
                {
                    quote = c;
                    continue;
                }
                var two = i + 1 < command.Length ? command.Substring(i, 2) : string.Empty;
                if (c == ';' || two == "&&" || two == "||")
                {
                    yield return (command.Substring(start, i - start), start);
                    start = c == ';' ? i + 1 : i + 2;
                    if (c != ';')
                    {
                        i++;
                    }
                }
            }
            yield return (command.Substring(start), start);
        }

        /// <summary>stdout goes to a file (&gt; / &gt;&gt; $GITHUB_ENV …) or into another command (|), outside quotes.</summary>
        private static bool RedirectsOrPipes(string segment)
        {
            char quote = '\0';
            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    continue;
                }
                if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == '|' || (c == '>' && !(i > 0 && segment[i - 1] == '2')))
                {
                    return true;
                }
            }
            return false;
        }

        private static string? FindSecretReference(string command, HashSet<string> secretEnv)
        {
            var s = command.IndexOf("secrets.", StringComparison.Ordinal);
            if (s >= 0 && command.LastIndexOf("${{", s, StringComparison.Ordinal) >= 0)
            {
                var e = s + 8;
                while (e < command.Length && SecretText.IsWord(command[e]))
                {
                    e++;
                }
                return "${{ " + command.Substring(s, e - s) + " }}";
            }
            for (var i = 0; i < command.Length; i++)
            {
                if (command[i] != '$')
                {
                    continue;
                }
                var j = i + 1;
                var braced = j < command.Length && command[j] == '{';
                if (braced)
                {
                    j++;
                }
                var k = j;
                while (k < command.Length && SecretText.IsWord(command[k]))
                {
                    k++;
                }
                if (k > j && secretEnv.Contains(command.Substring(j, k - j)))
                {
                    return "$" + command.Substring(j, k - j);
                }
            }
            return null;
        }

        private static string Normalize(string s) => string.Join(" ", s.Split(new[] { ' ', '\t', '\n', '\\' }, StringSplitOptions.RemoveEmptyEntries));
    }
}
