using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Passwords given on a command line (shell scripts, Dockerfiles, Makefiles, workflow <c>run:</c> blocks): secret-named
    /// long options with a literal value (<c>--password S3cr…</c>, <c>--api-key '…'</c>), and the short <c>-p</c> of the
    /// tools where it is the password: <c>mysql</c>/<c>mariadb</c> (<c>-pS3cr…</c>, attached: <c>mysql -p db</c> prompts),
    /// <c>sshpass -p</c> and <c>… login -p</c> (<c>docker</c>/<c>podman</c>/<c>helm registry</c> login). Values that the
    /// shell expands (<c>$VAR</c>, <c>"$(cat f)"</c>, <c>${{ secrets.X }}</c>) are not literals. A line continuation ('\' ending
    /// the line) between such an option and its value is followed: the value is the next line's first word.
    /// </summary>
    public static partial class SecretScanner
    {
        /// <summary>The text every short-option password has (the reference scan's trigger; the trigger-driven scan searches it).</summary>
        internal const string ShortPasswordOption = "-p";

        /// <summary>
        /// A long option at <paramref name="dash"/> (its first '-', which starts a token): <c>--name</c> (a letter, then word
        /// characters and '-') that <see cref="SecretKeyNames.Classify"/> calls secret, then blanks and one literal value — a
        /// bare word without <c>$</c> or back-tick, <c>'…'</c>, or <c>"…"</c> without <c>$</c> or back-tick — followed by the
        /// line's end, a blank, <c>;</c>, <c>|</c>, <c>&amp;</c> or <c>)</c>. <c>--name=value</c> is an assignment (read by
        /// <see cref="ScanAssignments"/>). Judged as an assignment's value (<see cref="ReportNamedValue"/>) under the option's
        /// name (<c>--password</c>); not read: names ending in <c>stdin</c> (<c>--password-stdin</c> is a switch) or
        /// <c>file</c> (<c>--token-file</c>). After a continuation (<c>--password \</c>⏎<c>  '…'</c>) the value is read on the
        /// next line (<see cref="TryContinueOnNextLine"/>). Returns where to look for the next '-'.
        /// </summary>
        private static int ScanLongOption(ScanText s, int dash, int end, List<SecretMatch> results)
        {
            var nameStart = dash + 2;
            if (nameStart >= end || !(SecretText.IsUpper(s[nameStart]) || SecretText.IsLower(s[nameStart])))
            {
                return nameStart;
            }
            var nameEnd = nameStart + 1;
            while (nameEnd < end && SecretText.IsWordDash(s[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd >= end || (s[nameEnd] != ' ' && s[nameEnd] != '\t') || nameEnd - nameStart > 100 || !KeyMightBeSecret(s, nameStart, nameEnd))
            {
                return nameEnd;
            }
            var open = SkipBlanks(s, nameEnd, end);
            var lineEnd = end;
            var valueLine = -1;
            if (IsShellContinuation(s, open, end) && !TryContinueOnNextLine(s, ref open, ref end, out valueLine))
            {
                return lineEnd;
            }
            if (!TryReadCommandLineValue(s, open, end, out var vStart, out var vLen, out var after))
            {
                return open;
            }
            if (!EndsWithIgnoreCase(s, nameStart, nameEnd, "stdin") && !EndsWithIgnoreCase(s, nameStart, nameEnd, "file"))
            {
                // --password-stdin is a switch (the next word is another argument); --token-file names a file
                if (valueLine >= 0)
                {
                    ScanLaterValueLine(s, valueLine, end, results); // --password \⏎  '…'
                }
                ReportNamedValue(s, nameStart, nameEnd, dash, vStart, vLen, results);
            }
            return after;
        }

        /// <summary>
        /// A shell line continuation at <paramref name="i"/> (after the blanks that follow an option): '\' as the line's last
        /// character. A '\' followed by a blank escapes the blank (an argument of its own), so it is not one.
        /// </summary>
        private static bool IsShellContinuation(ScanText s, int i, int end) => i + 1 == end && s[i] == '\\';

        /// <summary>
        /// Moves <paramref name="open"/> and <paramref name="end"/> to the line after a continuation: its first non-blank and
        /// its end (<paramref name="nextStart"/>: that line's start). False at the text's end, and when that line's first word
        /// starts a comment ('#': the shell reads no value).
        /// Only a line that already holds an option the command-line readers take comes here (no other line reads its next).
        /// </summary>
        private static bool TryContinueOnNextLine(ScanText s, ref int open, ref int end, out int nextStart)
        {
            if (!NextLineContent(s, end, out nextStart, out var nextEnd))
            {
                return false;
            }
            open = SkipBlanks(s, nextStart, nextEnd);
            end = nextEnd;
            return open < end && s[open] != '#';
        }

        /// <summary>
        /// One shell argument at <paramref name="i"/> that is a literal: <c>'…'</c> (closed on the line), <c>"…"</c> (closed,
        /// nothing expanded: no <c>$</c>, back-tick or '\'), or a bare word (no quote, <c>$</c>, back-tick, '\', not starting
        /// with '-'), followed by the line's end, a blank, <c>;</c>, <c>|</c>, <c>&amp;</c> or <c>)</c>. The value is [vStart,
        /// vStart + vLen); <paramref name="after"/>: the index after the argument.
        /// </summary>
        private static bool TryReadCommandLineValue(ScanText s, int i, int end, out int vStart, out int vLen, out int after)
        {
            vStart = vLen = 0;
            after = i;
            if (i >= end)
            {
                return false;
            }
            var c = s[i];
            int e;
            if (c == '\'' || c == '"')
            {
                var close = s.IndexOf(c, i + 1, end - i - 1);
                if (close < 0)
                {
                    return false;
                }
                if (c == '"' && (s.IndexOf('$', i + 1, close - i - 1) >= 0 || s.IndexOf('`', i + 1, close - i - 1) >= 0 || s.IndexOf('\\', i + 1, close - i - 1) >= 0))
                {
                    return false; // expanded by the shell
                }
                vStart = i + 1;
                vLen = close - i - 1;
                e = close + 1;
            }
            else
            {
                if (c == '-')
                {
                    return false; // the next option
                }
                e = i;
                while (e < end)
                {
                    var ch = s[e];
                    if (ch == ' ' || ch == '\t' || ch == ';' || ch == '|' || ch == '&' || ch == ')')
                    {
                        break;
                    }
                    if (ch == '$' || ch == '`' || ch == '\\' || ch == '"' || ch == '\'')
                    {
                        return false; // expanded, escaped or quoted in part
                    }
                    e++;
                }
                vStart = i;
                vLen = e - i;
            }
            after = e;
            if (e < end)
            {
                var n = s[e];
                if (n != ' ' && n != '\t' && n != ';' && n != '|' && n != '&' && n != ')')
                {
                    return false; // more of the same argument ('a'"b", 'a'$b)
                }
            }
            return vLen > 0;
        }

        /// <summary>
        /// The <c>-p</c> passwords of one line: each <c>-p</c> that starts a token (the line's start or a blank before it),
        /// after, on the line, a word naming a tool where <c>-p</c> is the password — <c>mysql…</c>/<c>mariadb…</c> (the
        /// value attached: <c>-pS3cr…</c>, <c>-p'…'</c>; a separate word is the database, <c>-p</c> alone prompts),
        /// <c>sshpass</c> and a <c>login</c> subcommand (<c>docker</c>/<c>podman</c>/<c>helm registry login</c>; attached or
        /// the next word, also after a line continuation). A tool word starts a token (the line's start, a blank, '/', a quote, <c>( ; | &amp; =</c>) and
        /// ends at a blank. The value is read by <see cref="TryReadCommandLineValue"/> and judged as a password; the key is
        /// the tool's word and <c>-p</c> (<c>mysql -p</c>, <c>login -p</c>).
        /// </summary>
        private static void ScanShortPasswordOptions(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var p = s.IndexOf(ShortPasswordOption, start, end - start, StringComparison.Ordinal);
            while (p >= 0)
            {
                if ((p == start || s[p - 1] == ' ' || s[p - 1] == '\t') && p + 2 < end)
                {
                    ScanShortPasswordOption(s, start, p, end, results);
                }
                p = p + 2 < end ? s.IndexOf(ShortPasswordOption, p + 2, end - p - 2, StringComparison.Ordinal) : -1;
            }
        }

        private static void ScanShortPasswordOption(ScanText s, int start, int p, int end, List<SecretMatch> results)
        {
            var tool = PasswordToolBefore(s, start, p, out var attachedOnly);
            if (tool == null)
            {
                return;
            }
            var v = p + 2;
            var valueLine = -1;
            if (s[v] == ' ' || s[v] == '\t')
            {
                if (attachedOnly)
                {
                    return;
                }
                v = SkipBlanks(s, v, end);
                // sshpass -p \⏎  '…': the value is the next line's first word
                if (IsShellContinuation(s, v, end) && !TryContinueOnNextLine(s, ref v, ref end, out valueLine))
                {
                    return;
                }
            }
            if (!TryReadCommandLineValue(s, v, end, out var vStart, out var vLen, out _) || vLen < 8)
            {
                return;
            }
            if (valueLine >= 0)
            {
                ScanLaterValueLine(s, valueLine, end, results);
            }
            if (HasProviderMatchIn(results, vStart, vLen))
            {
                return;
            }
            var match = ClassifyContext(s, vStart, vLen, "password", allowProviderFormats: false);
            if (match != null)
            {
                Add(results, match.WithKey(tool + " -p"));
            }
        }

        private static readonly string[] PasswordTools = { "mysql", "mariadb", "sshpass", "login" };

        /// <summary>The last word in [start, p) naming a <c>-p</c> password tool (<see cref="PasswordTools"/>), or null.</summary>
        private static string? PasswordToolBefore(ScanText s, int start, int p, out bool attachedOnly)
        {
            attachedOnly = false;
            if (p - start < 6)
            {
                return null; // no room for a tool's word and a blank
            }
            string? found = null;
            var foundAt = -1;
            for (var t = 0; t < PasswordTools.Length; t++)
            {
                var word = PasswordTools[t];
                var at = s.LastIndexOf(word, p - 1, p - start, StringComparison.Ordinal);
                while (at >= 0)
                {
                    if (at > foundAt && IsToolWordAt(s, start, at, word.Length, p, exact: t >= 2))
                    {
                        found = word;
                        foundAt = at;
                        break;
                    }
                    at = at > start ? s.LastIndexOf(word, at - 1, at - start, StringComparison.Ordinal) : -1;
                }
            }
            attachedOnly = found == "mysql" || found == "mariadb";
            return found;
        }

        /// <summary>
        /// The word at <paramref name="at"/> starts a token and ends at a blank before <paramref name="p"/>; unless
        /// <paramref name="exact"/>, letters, digits and '-' may follow it in the word (<c>mysqldump</c>, <c>mariadb-dump</c>).
        /// </summary>
        private static bool IsToolWordAt(ScanText s, int start, int at, int length, int p, bool exact)
        {
            if (at > start)
            {
                var b = s[at - 1];
                if (b != ' ' && b != '\t' && b != '/' && b != '\'' && b != '"' && b != '(' && b != ';' && b != '|' && b != '&' && b != '=')
                {
                    return false;
                }
            }
            var e = at + length;
            if (!exact)
            {
                while (e < p && SecretText.IsWordDash(s[e]))
                {
                    e++;
                }
            }
            return e < p && (s[e] == ' ' || s[e] == '\t');
        }
    }
}
