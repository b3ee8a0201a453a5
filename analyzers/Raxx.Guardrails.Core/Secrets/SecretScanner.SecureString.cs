using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// PowerShell's <c>ConvertTo-SecureString '…' -AsPlainText [-Force]</c>: the literal is a password by construction
    /// (-AsPlainText exists only to turn plain text into a SecureString), also where it is built into a credential
    /// (<c>[pscredential]::new('u', (ConvertTo-SecureString '…' -AsPlainText -Force))</c>).
    /// </summary>
    public static partial class SecretScanner
    {
        internal const string SecureStringCmdlet = "ConvertTo-SecureString";

        /// <summary>The key a plain-text SecureString literal is reported under (the message's "assigned to").</summary>
        internal const string SecureStringKey = "ConvertTo-SecureString -AsPlainText";

        /// <summary>
        /// Where the rule looks: the switch, as written (PowerShell is case-insensitive; these are the spellings scripts use:
        /// canonical, lower case, camel case). Each is a candidate of the prefilters ("-As"/"-as" at a token start in the
        /// one-pass search, the three spellings in the <c>SearchValues</c> groups); the reference scan's per-text triggers
        /// are their tails "lainText" and "laintext".
        /// </summary>
        internal static readonly string[] PlainTextSwitches = { "-AsPlainText", "-asplaintext", "-asPlainText" };

        /// <summary>One of <see cref="PlainTextSwitches"/> at <paramref name="i"/>, starting a token.</summary>
        internal static bool PlainTextSwitchAt(ScanText s, int i)
        {
            if (i + 12 > s.Length || s[i] != '-' || s[i + 2] != 's' || !SecretText.IsBoundaryBefore(s, i))
            {
                return false;
            }
            var a = s[i + 1];
            return a == 'A' ? SecretText.StartsWithAt(s, i, "-AsPlainText")
                : a == 'a' && (SecretText.StartsWithAt(s, i, "-asplaintext") || SecretText.StartsWithAt(s, i, "-asPlainText"));
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// Trigger-driven scan, from a plain-text switch at <paramref name="hit"/>: the cmdlet names before it in its statement
        /// (its line and the lines before it joined by back-tick continuations, as far as a call is read) are each read once
        /// (<paramref name="doneUntil"/>: the end of the last cmdlet name read).
        /// </summary>
        private static void ScanSecureStringsBefore(ScanText s, int hit, ref int doneUntil, List<SecretMatch> results)
        {
            // a call is read at most MaxSecureStringCall characters after its name and over MaxCredentialCallLines lines
            var limit = Math.Max(0, hit - MaxSecureStringCall - SecureStringCmdlet.Length);
            var regionStart = hit == 0 ? 0 : s.LastIndexOf('\n', hit - 1, hit - limit) + 1;
            var lines = 1;
            while (regionStart > limit && lines < MaxCredentialCallLines)
            {
                if (regionStart + 1 < s.Length && (s[regionStart] == '\'' || s[regionStart] == '"') && s[regionStart + 1] == '@')
                {
                    // a here-string's terminator ('@ -AsPlainText): the call may have started before its opener, at most
                    // MaxHereStringValueLines + 1 lines up (those lines not counted: the region may be wider than the call)
                    for (var n = 0; n <= MaxHereStringValueLines && regionStart > limit; n++)
                    {
                        regionStart = PreviousLineStart(s, regionStart, limit);
                    }
                    if (regionStart <= limit)
                    {
                        break;
                    }
                }
                // the previous line continues into this one when it ends with a back-tick
                var p = regionStart - 1; // its '\n'
                if (p > limit && s[p - 1] == '\r')
                {
                    p--;
                }
                while (p > limit && (s[p - 1] == ' ' || s[p - 1] == '\t'))
                {
                    p--;
                }
                if (p <= limit || s[p - 1] != '`')
                {
                    break;
                }
                regionStart = s.LastIndexOf('\n', p - 1, p - limit) + 1;
                lines++;
            }
            var from = Math.Max(Math.Max(regionStart, limit), doneUntil);
            var c = from < hit ? s.IndexOf(SecureStringCmdlet, from, hit - from, StringComparison.OrdinalIgnoreCase) : -1;
            while (c >= 0)
            {
                ScanSecureString(s, c, LineContentEnd(s, c), results);
                doneUntil = c + SecureStringCmdlet.Length;
                c = doneUntil < hit ? s.IndexOf(SecureStringCmdlet, doneUntil, hit - doneUntil, StringComparison.OrdinalIgnoreCase) : -1;
            }
        }

        /// <summary>The start of the line before the one starting at <paramref name="lineStart"/>, not before <paramref name="limit"/>.</summary>
        private static int PreviousLineStart(ScanText s, int lineStart, int limit)
        {
            if (lineStart - 1 <= limit)
            {
                return limit;
            }
            var nl = s.LastIndexOf('\n', lineStart - 2, lineStart - 1 - limit);
            return nl < 0 ? limit : nl + 1;
        }
#endif

        /// <summary>Most characters a ConvertTo-SecureString call's arguments are read over after its name.</summary>
        private const int MaxSecureStringCall = 4096;

        /// <summary>
        /// The plain text of a <c>ConvertTo-SecureString</c> call whose name starts at <paramref name="cmdlet"/> (found in any
        /// case; <paramref name="end"/>: the end of its line): when the call has a plain-text switch (<see cref="PlainTextSwitches"/>,
        /// or <c>-AsPlainText:$true</c>), its String argument — <c>-String</c> (or a prefix of it from <c>-St</c>) or the first
        /// positional argument — or, without one, a literal piped into it from the start of the pipeline on the same line
        /// (<c>$s = '…' | ConvertTo-SecureString -AsPlainText</c>). Reported only when that is exactly one string literal
        /// (<c>'…'</c>, or <c>"…"</c> with no <c>$</c> or back-tick: nothing expanded) that the context rules judge a password
        /// under the key "password" — so variables, expressions, placeholders, workflow expressions and empty strings are not.
        /// The arguments end with the statement: a line end without a back-tick continuation (at most
        /// <see cref="MaxCredentialCallLines"/> lines and <see cref="MaxSecureStringCall"/> characters), <c>;</c>, <c>|</c>,
        /// an enclosing bracket, a <c>#</c> comment; a string not closed on its line (here-strings) ends the reading with no
        /// finding. A finding never spans lines: it is located at the literal's own line.
        /// </summary>
        private static void ScanSecureString(ScanText s, int cmdlet, int end, List<SecretMatch> results)
        {
            var i = cmdlet + SecureStringCmdlet.Length;
            if (!SecretText.IsBoundaryBefore(s, cmdlet) || (i < s.Length && (SecretText.IsWordDash(s[i]) || s[i] == '.')))
            {
                return; // Test-ConvertTo-SecureString, ConvertTo-SecureStringEx, a member access
            }
            var callEnd = Math.Min(s.Length, i + MaxSecureStringCall);
            var lineEnd = Math.Min(end, callEnd);
            var lines = 1;
            var continued = false;
            var plain = false;
            var expect = 0; // what the next value is: 0 a positional argument, 1 the String, 2 another parameter's value, 3 the switch's $true/$false
            var joined = false; // the last value continues with ',' (an array)
            var lastWasString = false;
            var named = false;
            var positional = 0;
            var valueStart = -1; // the String argument's span
            var valueEnd = -1;
            var valueIsBody = false; // the span is a here-string's body (no quotes around it)
            var k = i;
            while (true)
            {
                k = SkipBlanks(s, k, lineEnd);
                if (k >= lineEnd)
                {
                    if (!continued || lineEnd >= callEnd)
                    {
                        break; // the statement ends with its line
                    }
                    continued = false;
                    var nl = s.IndexOf('\n', lineEnd, callEnd - lineEnd);
                    if (nl < 0 || ++lines > MaxCredentialCallLines)
                    {
                        break;
                    }
                    var next = s.IndexOf('\n', nl + 1, callEnd - nl - 1);
                    lineEnd = next < 0 ? callEnd : next > nl + 1 && s[next - 1] == '\r' ? next - 1 : next;
                    k = nl + 1;
                    continue;
                }
                var c = s[k];
                if (c == '`' && SkipBlanks(s, k + 1, lineEnd) == lineEnd)
                {
                    continued = true; // PowerShell's line continuation
                    k = lineEnd;
                    continue;
                }
                if (c == '#' || c == ';' || c == '|' || c == ')' || c == '}' || c == ']' || c == '&')
                {
                    break; // a comment, the statement's or the pipeline element's end, an enclosing bracket
                }
                if (c == ',')
                {
                    joined = true;
                    k++;
                    continue;
                }
                if (c == '-' && !joined && k + 1 < lineEnd && SecretText.IsAlnum(s[k + 1]) && !SecretText.IsDigit(s[k + 1]))
                {
                    // a parameter: -Name, -Name:value
                    var nameEnd = k + 1;
                    while (nameEnd < lineEnd && SecretText.IsWord(s[nameEnd]))
                    {
                        nameEnd++;
                    }
                    var length = nameEnd - k - 1;
                    var colon = nameEnd < lineEnd && s[nameEnd] == ':';
                    if (length == 11 && PlainTextSwitchAt(s, k))
                    {
                        plain |= !colon;
                        expect = colon ? 3 : 0;
                    }
                    else if (length >= 2 && IsParameterPrefix(s, k + 1, length, "String"))
                    {
                        expect = 1;
                    }
                    else if (IsParameterPrefix(s, k + 1, length, "Force") || IsParameterPrefix(s, k + 1, length, "AsPlainText")
                        || IsParameterPrefix(s, k + 1, length, "Verbose") || IsParameterPrefix(s, k + 1, length, "Debug"))
                    {
                        expect = colon ? 2 : 0; // a switch (its spellings the prefilters do not look for are not read as plain text)
                    }
                    else
                    {
                        expect = 2; // -Key, -SecureKey, -ErrorAction …: the next value is theirs
                    }
                    k = colon ? nameEnd + 1 : nameEnd;
                    continue;
                }

                // a value: a string literal, a variable, a (…) / @(…) / $(…) / {…} / […] group, a bare word; a literal followed by
                // anything but a delimiter is part of an expression ('a'+'b', 'a'.Trim())
                var start = k;
                var literal = false;
                var bodyStart = -1; // a here-string's value
                var bodyEnd = -1;
                if (c == '@' && k + 1 < lineEnd && (s[k + 1] == '\'' || s[k + 1] == '"') && SkipBlanks(s, k + 2, lineEnd) == lineEnd)
                {
                    // -String @'⏎…⏎'@ -AsPlainText: a here-string holding one value; the call goes on after its terminator
                    if (!TryReadHereStringBody(s, k, lineEnd, out bodyStart, out var bodyLength, out _, out _, out var terminator, out var terminatorEnd)
                        || terminator + 2 > callEnd)
                    {
                        return; // a document, not closed, or past the call's reach: not read
                    }
                    bodyEnd = bodyStart + bodyLength;
                    literal = s[k + 1] == '\'' || (s.IndexOf('$', bodyStart, bodyLength) < 0 && s.IndexOf('`', bodyStart, bodyLength) < 0);
                    lineEnd = Math.Min(terminatorEnd, callEnd);
                    k = terminator + 2;
                }
                else if (c == '\'' || c == '"')
                {
                    var close = PowerShellStringEnd(s, k, lineEnd);
                    if (close < 0)
                    {
                        break; // not closed on its line (a here-string, a multi-line string): not read
                    }
                    literal = c == '\'' || (s.IndexOf('$', k, close - k) < 0 && s.IndexOf('`', k, close - k) < 0);
                    k = close + 1;
                }
                var depth = 0;
                while (k < lineEnd)
                {
                    var d = s[k];
                    if (depth == 0 && (d == ' ' || d == '\t' || d == ';' || d == '|' || d == ',' || d == ')' || d == '}' || d == ']'))
                    {
                        break;
                    }
                    literal = false;
                    if (d == '\'' || d == '"')
                    {
                        var close = PowerShellStringEnd(s, k, lineEnd);
                        if (close < 0)
                        {
                            return;
                        }
                        k = close;
                    }
                    else if (d == '(' || d == '{' || d == '[')
                    {
                        depth++;
                    }
                    else if (d == ')' || d == '}' || d == ']')
                    {
                        depth--;
                    }
                    k++;
                }
                if (depth > 0)
                {
                    return; // a group not closed on its line: not read
                }
                if (joined)
                {
                    joined = false; // an array: the String is not one literal
                    if (lastWasString)
                    {
                        valueStart = -1;
                        valueEnd = -1;
                    }
                }
                else if (expect == 1 || (expect == 0 && ++positional == 1 && !named))
                {
                    named |= expect == 1;
                    valueIsBody = bodyStart >= 0;
                    valueStart = !literal ? -1 : valueIsBody ? bodyStart : start;
                    valueEnd = !literal ? -1 : valueIsBody ? bodyEnd : k;
                    lastWasString = true;
                }
                else
                {
                    if (expect == 3)
                    {
                        plain |= k - start == 5 && SecretText.SameIgnoreCaseAt(s, start, "$true", 5);
                    }
                    lastWasString = false;
                }
                expect = 0;
            }
            if (!plain)
            {
                return;
            }
            if (named || positional > 0)
            {
                if (valueStart >= 0)
                {
                    // (a here-string's body has no quotes: the span given is one character wider on each side)
                    ReportPlainText(s, valueIsBody ? valueStart - 1 : valueStart, valueIsBody ? valueEnd + 1 : valueEnd, results);
                }
                return;
            }

            // no String argument: a literal piped into the cmdlet from the start of its pipeline, on the same line
            var lineStart = cmdlet == 0 ? 0 : s.LastIndexOf('\n', cmdlet - 1, Math.Min(cmdlet, MaxSecureStringCall)) + 1;
            var p = cmdlet - 1;
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            if (p <= lineStart || s[p] != '|' || s[p - 1] == '|')
            {
                return;
            }
            p--;
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            if (p <= lineStart || (s[p] != '\'' && s[p] != '"'))
            {
                return;
            }
            var quote = s[p];
            var open = -1;
            for (var q = p - 1; q >= lineStart; q--)
            {
                if (s[q] == quote)
                {
                    if (q > lineStart && s[q - 1] == quote)
                    {
                        q--; // '' or "" inside: the literal opens further left
                        continue;
                    }
                    open = q;
                    break;
                }
            }
            if (open < 0 || PowerShellStringEnd(s, open, p + 1) != p)
            {
                return;
            }
            var before = open - 1;
            while (before >= lineStart && (s[before] == ' ' || s[before] == '\t'))
            {
                before--;
            }
            if (before < lineStart || s[before] == '=' || s[before] == '(' || s[before] == ';' || s[before] == '{')
            {
                if (s[open] == '\'' || (s.IndexOf('$', open, p - open) < 0 && s.IndexOf('`', open, p - open) < 0))
                {
                    ReportPlainText(s, open, p + 1, results);
                }
            }
        }

        /// <summary>A case-insensitive prefix (at least one character) of a parameter's name: how PowerShell binds -Str, -Fo …</summary>
        private static bool IsParameterPrefix(ScanText s, int start, int length, string name) =>
            length >= 1 && length <= name.Length && SecretText.SameIgnoreCaseAt(s, start, name, length);

        /// <summary>
        /// The quote closing the PowerShell string opened at <paramref name="open"/> before <paramref name="end"/>, or -1:
        /// '…' with '' inside, "…" with "" and back-tick escapes.
        /// </summary>
        private static int PowerShellStringEnd(ScanText s, int open, int end)
        {
            var quote = s[open];
            for (var k = open + 1; k < end; k++)
            {
                var c = s[k];
                if (c == '`' && quote == '"')
                {
                    k++;
                }
                else if (c == quote)
                {
                    if (k + 1 < end && s[k + 1] == quote)
                    {
                        k++;
                        continue;
                    }
                    return k;
                }
            }
            return -1;
        }

        /// <summary>The literal s[start..end) (its quotes included) judged as a password; reported under <see cref="SecureStringKey"/>.</summary>
        private static void ReportPlainText(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var match = ClassifyContext(s, start + 1, end - start - 2, "password", allowProviderFormats: false);
            if (match != null)
            {
                Add(results, match.WithKey(SecureStringKey));
            }
        }
    }
}
