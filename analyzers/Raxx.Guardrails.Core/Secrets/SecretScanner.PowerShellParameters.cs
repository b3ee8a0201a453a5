using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// PowerShell named parameters given a string literal: <c>Connect-Thing -Password '…'</c>, <c>-Token "…"</c>,
    /// <c>-ApiKey '…'</c>, <c>-ClientSecret '…'</c>. The parameter's name is the key (as for <c>name = value</c>).
    /// </summary>
    public static partial class SecretScanner
    {
        /// <summary>
        /// The secret-named parameters of one line (a context rule: both scan paths run it where they run the assignments).
        /// A parameter is a '-' that starts a token (the line's start or a blank before it; not <c>--name</c>), a name (a
        /// letter, then word characters) that <see cref="SecretKeyNames.Classify"/> calls secret, then blanks or ':' and
        /// exactly one string literal closed on the line — <c>'…'</c>, or <c>"…"</c> with no <c>$</c> or back-tick (nothing
        /// expanded) — followed by the line's end, a blank, <c>;</c>, <c>|</c>, <c>)</c> or <c>}</c> (not part of an expression
        /// or an array), or a here-string whose body is one value (<see cref="TryReadHereStringValue"/>). The literal is judged
        /// as an assignment's value (<see cref="ReportNamedValue"/>) under the name written with its dash (<c>-Password</c>); a
        /// provider token found in it is named by it. Not read: <c>…Credential</c> parameters (PowerShell takes a user name
        /// there: <c>-Credential 'DOMAIN\user'</c>) and the <c>-PassThru</c> switch.
        /// </summary>
        private static void ScanSecretParameters(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var dash = s.IndexOf('-', start, end - start);
            while (dash >= 0)
            {
                var next = dash + 1;
                if (dash == start || s[dash - 1] == ' ' || s[dash - 1] == '\t')
                {
                    next = dash + 1 < end && s[dash + 1] == '-'
                        ? ScanLongOption(s, dash, end, results) // a command line's --password … (SecretScanner.CommandLines.cs)
                        : ScanSecretParameter(s, start, dash, end, results);
                }
                dash = next < end ? s.IndexOf('-', next, end - next) : -1;
            }
        }

        /// <summary>One parameter at <paramref name="dash"/> (of the line starting at <paramref name="start"/>); returns where to look for the next '-'.</summary>
        private static int ScanSecretParameter(ScanText s, int start, int dash, int end, List<SecretMatch> results)
        {
            var nameStart = dash + 1;
            if (nameStart >= end || !(SecretText.IsUpper(s[nameStart]) || SecretText.IsLower(s[nameStart])))
            {
                return nameStart;
            }
            var nameEnd = nameStart + 1;
            while (nameEnd < end && SecretText.IsWord(s[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd - nameStart > 100 || !KeyMightBeSecret(s, nameStart, nameEnd))
            {
                if (MightBeHtpasswdBatch(s, nameStart, nameEnd))
                {
                    ScanHtpasswd(s, start, dash, end, results); // htpasswd -b file user '…' (SecretScanner.CommandLines.cs)
                }
                return nameEnd;
            }
            var open = nameEnd;
            var valueLine = -1;
            if (open < end && s[open] == ':')
            {
                open++; // -Password:'…'
            }
            else
            {
                if (open >= end || (s[open] != ' ' && s[open] != '\t'))
                {
                    return nameEnd;
                }
                open = SkipBlanks(s, open, end);
                if (open < end && s[open] == '`' && SkipBlanks(s, open + 1, end) == end)
                {
                    // -Password `⏎    '…': the value is the next line's first argument
                    if (!NextLineContent(s, end, out valueLine, out var nextEnd))
                    {
                        return end;
                    }
                    open = SkipBlanks(s, valueLine, nextEnd);
                    end = nextEnd;
                }
            }
            if (open + 1 < end && s[open] == '@' && (s[open + 1] == '\'' || s[open + 1] == '"'))
            {
                // -Password @'⏎…⏎'@: a here-string holding one value (its opener ends the line)
                if (!IsExcludedParameter(s, nameStart, nameEnd) && TryReadHereStringValue(s, open, end, results, out var hStart, out var hLen))
                {
                    ReportNamedValue(s, nameStart, nameEnd, dash, hStart, hLen, results);
                }
                return open + 2;
            }
            if (open >= end || (s[open] != '\'' && s[open] != '"'))
            {
                return nameEnd;
            }
            var close = PowerShellStringEnd(s, open, end);
            if (close < 0)
            {
                return end; // not closed on its line
            }
            if (close + 1 < end)
            {
                var after = s[close + 1];
                if (after != ' ' && after != '\t' && after != ';' && after != '|' && after != ')' && after != '}')
                {
                    return close + 1;
                }
                var more = SkipBlanks(s, close + 1, end);
                if (more < end && s[more] == ',')
                {
                    return close + 1; // an array
                }
            }
            if (s[open] == '"' && (s.IndexOf('$', open, close - open) >= 0 || s.IndexOf('`', open, close - open) >= 0))
            {
                return close + 1; // expanded at run time
            }
            if (IsExcludedParameter(s, nameStart, nameEnd))
            {
                return close + 1;
            }
            if (valueLine >= 0)
            {
                ScanLaterValueLine(s, valueLine, end, results);
            }
            ReportNamedValue(s, nameStart, nameEnd, dash, open + 1, close - open - 1, results);
            return close + 1;
        }

        /// <summary><c>…Credential</c> parameters (a user name: <c>-Credential 'DOMAIN\user'</c>) and the <c>-PassThru</c> switch.</summary>
        private static bool IsExcludedParameter(ScanText s, int nameStart, int nameEnd) =>
            EndsWithIgnoreCase(s, nameStart, nameEnd, "credential") || EndsWithIgnoreCase(s, nameStart, nameEnd, "credentials")
            || (nameEnd - nameStart == 8 && SecretText.SameIgnoreCaseAt(s, nameStart, "PassThru", 8));

        /// <summary>
        /// Before a value read on a later line than its name is judged (a here-string's body, a back-tick or '\' continuation,
        /// YAML's next-line value), the findings that line holds of itself are added — its provider tokens, Azure AD and
        /// Mailchimp shapes, URL passwords (<see cref="ScanLineTokens"/>), and the literals of the NetworkCredential calls and
        /// <c>ConvertTo-SecureString … -AsPlainText</c> that start on it, as far as they lie on it (<c>-Password `</c>⏎<c>'…' |
        /// ConvertTo-SecureString -AsPlainText</c>) — so both scan paths judge the value with them present and name them
        /// alike: the trigger-driven scan found them before its context pass (added again, each overlaps itself and is
        /// skipped); the reference scan reaches that line only after the name's.
        /// </summary>
        private static void ScanLaterValueLine(ScanText s, int lineStart, int lineEnd, List<SecretMatch> results)
        {
            ScanLineTokens(s, lineStart, lineEnd, results, null);
            List<SecretMatch>? calls = null;
            var type = s.IndexOf(NetworkCredentialType, lineStart, lineEnd - lineStart, StringComparison.Ordinal);
            while (type >= 0)
            {
                if (CredentialTypeAt(s, type, out var typeEnd))
                {
                    ScanNetworkCredential(s, typeEnd, lineEnd, calls ??= new List<SecretMatch>());
                }
                type = type + 1 < lineEnd ? s.IndexOf(NetworkCredentialType, type + 1, lineEnd - type - 1, StringComparison.Ordinal) : -1;
            }
            var cmdlet = s.IndexOf(SecureStringCmdlet, lineStart, lineEnd - lineStart, StringComparison.OrdinalIgnoreCase);
            while (cmdlet >= 0)
            {
                ScanSecureString(s, cmdlet, lineEnd, calls ??= new List<SecretMatch>());
                var next = cmdlet + SecureStringCmdlet.Length;
                cmdlet = next < lineEnd ? s.IndexOf(SecureStringCmdlet, next, lineEnd - next, StringComparison.OrdinalIgnoreCase) : -1;
            }
            if (calls != null)
            {
                AddCredentialsOfLine(calls, lineEnd, results); // the ones on later lines are added there, as before
            }
        }

        /// <summary>The line after the one ending at <paramref name="lineEnd"/> (its content, without '\r'); false at the text's last line.</summary>
        private static bool NextLineContent(ScanText s, int lineEnd, out int nextStart, out int nextEnd)
        {
            nextStart = nextEnd = 0;
            var nl = s.IndexOf('\n', lineEnd);
            if (nl < 0)
            {
                return false;
            }
            nextStart = nl + 1;
            var next = nextStart < s.Length ? s.IndexOf('\n', nextStart) : -1;
            nextEnd = next < 0 ? s.Length : next;
            if (nextEnd > nextStart && s[nextEnd - 1] == '\r')
            {
                nextEnd--;
            }
            return true;
        }

        /// <summary>Lines a here-string's body may have and still hold one value (its text line and blank lines around it).</summary>
        private const int MaxHereStringValueLines = 4;

        /// <summary>
        /// A PowerShell here-string opened at or after <paramref name="from"/> (<c>@'</c> or <c>@"</c>, the last thing on its
        /// line) whose body holds one value: one line of text, maybe with blank lines around it (at most
        /// <see cref="MaxHereStringValueLines"/> lines), closed by <c>'@</c>/<c>"@</c> at the start of the line after it. The
        /// value is that line's text without its leading and trailing blanks. A body of two lines of text or more is a
        /// document (a script, JSON, a message: not a value), as is one not closed within the limit. An expandable one
        /// (<c>@"</c>) is not a literal when its text has a <c>$</c> or back-tick. The findings of the value's line are added
        /// first (<see cref="ScanLaterValueLine"/>).
        /// </summary>
        private static bool TryReadHereStringValue(ScanText s, int from, int end, List<SecretMatch> results, out int vStart, out int vLen)
        {
            var at = SkipBlanks(s, from, end);
            if (!TryReadHereStringBody(s, at, end, out vStart, out vLen, out var valueLine, out var valueLineEnd, out _, out _))
            {
                return false;
            }
            if (s[at + 1] == '"' && (s.IndexOf('$', vStart, vLen) >= 0 || s.IndexOf('`', vStart, vLen) >= 0))
            {
                return false; // expanded at run time
            }
            ScanLaterValueLine(s, valueLine, valueLineEnd, results);
            return true;
        }

        /// <summary>
        /// The body of the here-string opened at <paramref name="at"/> (<c>@'</c> or <c>@"</c>, the last thing on its line,
        /// which ends at <paramref name="end"/>) when it holds one value (as <see cref="TryReadHereStringValue"/> says, not
        /// judging expansion): the value [vStart, vStart + vLen), its line, and the terminator's line (<paramref
        /// name="terminator"/>: its start, where <c>'@</c>/<c>"@</c> is; <paramref name="terminatorEnd"/>: its end).
        /// </summary>
        private static bool TryReadHereStringBody(ScanText s, int at, int end, out int vStart, out int vLen, out int valueLine, out int valueLineEnd, out int terminator, out int terminatorEnd)
        {
            vStart = vLen = 0;
            valueLine = valueLineEnd = terminator = terminatorEnd = -1;
            if (at + 1 >= end || s[at] != '@' || (s[at + 1] != '\'' && s[at + 1] != '"') || SkipBlanks(s, at + 2, end) != end)
            {
                return false;
            }
            var quote = s[at + 1];
            var lineEnd = end;
            for (var n = 0; ; n++)
            {
                if (!NextLineContent(s, lineEnd, out var lineStart, out lineEnd))
                {
                    return false; // not closed
                }
                if (lineEnd - lineStart >= 2 && s[lineStart] == quote && s[lineStart + 1] == '@')
                {
                    terminator = lineStart;
                    terminatorEnd = lineEnd;
                    break; // closed
                }
                if (n == MaxHereStringValueLines)
                {
                    return false;
                }
                var text = SkipBlanks(s, lineStart, lineEnd);
                if (text == lineEnd)
                {
                    continue; // a blank line
                }
                if (vLen > 0)
                {
                    return false; // a second line of text: a document
                }
                var e = lineEnd;
                while (s[e - 1] == ' ' || s[e - 1] == '\t')
                {
                    e--;
                }
                vStart = text;
                vLen = e - text;
                valueLine = lineStart;
                valueLineEnd = lineEnd;
            }
            return vLen > 0;
        }

        private static bool EndsWithIgnoreCase(ScanText s, int start, int end, string suffix) =>
            end - start >= suffix.Length && SecretText.SameIgnoreCaseAt(s, end - suffix.Length, suffix, suffix.Length);
    }
}
