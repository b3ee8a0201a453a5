using System;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Passwords given on a command line (shell scripts, Dockerfiles, Makefiles, workflow <c>run:</c> blocks): secret-named
    /// long options with a literal value (<c>--password S3cr…</c>, <c>--api-key '…'</c>), and the short <c>-p</c> of the
    /// tools where it is the password: <c>mysql</c>/<c>mariadb</c> (<c>-pS3cr…</c>, attached: <c>mysql -p db</c> prompts),
    /// <c>sshpass -p</c> and <c>… login -p</c> (<c>docker</c>/<c>podman</c>/<c>helm registry</c> login), <c>redis-cli -a</c>
    /// and <c>htpasswd -b file user …</c>. Values that the
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
        /// <c>file</c> (<c>--token-file</c>), and switch-like names (<see cref="IsSwitchLikeOption"/>: <c>--no-password</c>,
        /// <c>--list-secret-keys</c>). After a continuation (<c>--password \</c>⏎<c>  '…'</c>) the value is read on the
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
            if (!EndsWithIgnoreCase(s, nameStart, nameEnd, "stdin") && !EndsWithIgnoreCase(s, nameStart, nameEnd, "file")
                && !IsSwitchLikeOption(s, nameStart, nameEnd))
            {
                // --password-stdin is a switch (the next word is another argument); --token-file names a file;
                // --no-password, --list-secret-keys, --ask-pass take no secret (IsSwitchLikeOption)
                if (valueLine >= 0)
                {
                    ScanLaterValueLine(s, valueLine, end, results); // --password \⏎  '…'
                }
                ReportNamedValue(s, nameStart, nameEnd, dash, vStart, vLen, results);
            }
            return after;
        }

        /// <summary>
        /// First words of long options that name an action on secrets or a way of not giving one, not a secret value:
        /// <c>--no-password</c> (GNU's negated switch: psql, pg_dump), <c>--list-secret-keys</c>/<c>--export-secret-keys</c>/
        /// <c>--delete-secret-keys</c>/<c>--gen-key</c>/<c>--generate-key</c> (gpg: the next word is a user ID),
        /// <c>--show-token</c>/<c>--print-token</c>, <c>--ask-pass</c>/<c>--ask-vault-pass</c> (ansible's prompts),
        /// <c>--prompt-password</c>, <c>--with-token</c> (gh: reads the token from stdin), <c>--skip-…</c>,
        /// <c>--disable-…</c>/<c>--enable-…</c>, <c>--allow-…</c>, <c>--require-…</c>, <c>--hide-…</c>. Options that set a
        /// value (<c>--new-password</c>, <c>--reset-password</c>, <c>--store-password</c>) are not here: where a verb may
        /// take a value or not, the option is still read.
        /// </summary>
        private static readonly string[] SwitchVerbs =
        {
            "no", "list", "show", "print", "ask", "prompt", "gen", "generate", "export", "delete", "with", "without", "skip",
            "disable", "enable", "allow", "require", "hide",
        };

        /// <summary>
        /// A long option whose name's first word (before its first '-') is one of <see cref="SwitchVerbs"/> (in any case):
        /// it takes no secret value, so the next word is another argument. Asked only once a value was read after it.
        /// </summary>
        private static bool IsSwitchLikeOption(ScanText s, int nameStart, int nameEnd)
        {
            var dash = s.IndexOf('-', nameStart, nameEnd - nameStart);
            if (dash < 0)
            {
                return false; // one word: --password, --token
            }
            var length = dash - nameStart;
            foreach (var verb in SwitchVerbs)
            {
                if (verb.Length == length && SecretText.SameIgnoreCaseAt(s, nameStart, verb, length))
                {
                    return true;
                }
            }
            return false;
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
        /// with '-', nor with '#' as a word of its own: a comment), followed by the line's end, a blank, <c>;</c>, <c>|</c>, <c>&amp;</c> or <c>)</c>. The value is [vStart,
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
                if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n'))
                {
                    return false; // a word starting with '#' is a comment: no value (-p#x, attached, is one word)
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

        /// <summary>
        /// The rare marker of <c>redis-cli</c> (and its forks' <c>valkey-cli</c>, <c>keydb-cli</c>), where <c>-a</c> is the
        /// password: a candidate of the prefilters (the one-pass search marks '-' before 'c' and keeps "-cli"; a
        /// <c>SearchValues</c> structure marker) and the reference scan's per-text trigger. <c>-a</c> itself is everywhere
        /// (<c>cp -a</c>, <c>grep -a</c>, <c>uname -a</c>): it is read only after the tool's word.
        /// </summary>
        internal const string RedisCliMarker = "-cli";

        private static readonly string[] RedisCliTools = { "redis", "valkey", "keydb" };

        /// <summary>
        /// The <c>-a &lt;password&gt;</c> of each <c>redis-cli</c>/<c>valkey-cli</c>/<c>keydb-cli</c> in one line (a line
        /// holding <see cref="RedisCliMarker"/>): the tool's word starts a token (as for <see cref="IsToolWordAt"/>) and
        /// ends at a blank; then, within its command (up to <c>; | &amp; )</c> or a <c>#</c> comment), the first <c>-a</c>
        /// token and the word after it (redis-cli takes no attached value: <c>-apw</c> is no option), also after a line
        /// continuation. The value is read by <see cref="TryReadCommandLineValue"/> and judged as a password under the key
        /// <c>redis-cli -a</c>. (<c>--pass …</c>, redis-cli's long spelling, is a secret-named long option already;
        /// <c>REDISCLI_AUTH=…</c> an assignment.)
        /// </summary>
        private static void ScanRedisCliPasswords(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var c = s.IndexOf(RedisCliMarker, start, end - start, StringComparison.Ordinal);
            while (c >= 0)
            {
                foreach (var tool in RedisCliTools)
                {
                    var at = c - tool.Length;
                    if (at >= start && SecretText.SameAt(s, at, tool, tool.Length) && IsToolWordAt(s, start, at, tool.Length + 4, end, exact: true))
                    {
                        ReadRedisCliPassword(s, c + 4, end, tool, results);
                        break;
                    }
                }
                c = c + 4 < end ? s.IndexOf(RedisCliMarker, c + 4, end - c - 4, StringComparison.Ordinal) : -1;
            }
        }

        private static void ReadRedisCliPassword(ScanText s, int i, int end, string tool, List<SecretMatch> results)
        {
            while (true)
            {
                i = SkipBlanks(s, i, end);
                if (i >= end || IsCommandEnd(s[i]))
                {
                    return;
                }
                if (s[i] == '-' && i + 2 < end && s[i + 1] == 'a' && (s[i + 2] == ' ' || s[i + 2] == '\t'))
                {
                    var v = SkipBlanks(s, i + 2, end);
                    var valueLine = -1;
                    // redis-cli -a \⏎  '…': the value is the next line's first word
                    if (IsShellContinuation(s, v, end) && !TryContinueOnNextLine(s, ref v, ref end, out valueLine))
                    {
                        return;
                    }
                    if (TryReadCommandLineValue(s, v, end, out var vStart, out var vLen, out _))
                    {
                        if (valueLine >= 0)
                        {
                            ScanLaterValueLine(s, valueLine, end, results);
                        }
                        ReportToolPassword(s, vStart, vLen, tool + "-cli -a", results);
                    }
                    return;
                }
                i = ShellWordEnd(s, i, end);
                if (i < 0)
                {
                    return;
                }
            }
        }

        /// <summary>What ends a command's arguments where a word would start: <c>; | &amp; )</c>, a <c>#</c> comment.</summary>
        private static bool IsCommandEnd(char c) => c == ';' || c == '|' || c == '&' || c == ')' || c == '#';

        /// <summary>
        /// The end of the shell word at <paramref name="i"/>: a blank, or <c>; | &amp; )</c> outside the word's own
        /// parentheses (<c>ping;</c> ends before the <c>;</c>, <c>$(pwd)/f</c> is one word); quotes inside it closed on the
        /// line; -1 when one is not.
        /// </summary>
        private static int ShellWordEnd(ScanText s, int i, int end)
        {
            var depth = 0;
            while (i < end && s[i] != ' ' && s[i] != '\t')
            {
                var c = s[i];
                if (c == '\'' || c == '"')
                {
                    var close = s.IndexOf(c, i + 1, end - i - 1);
                    if (close < 0)
                    {
                        return -1;
                    }
                    i = close;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (depth > 0 && c == ')')
                {
                    depth--;
                }
                else if (depth == 0 && (c == ';' || c == '|' || c == '&' || c == ')'))
                {
                    break;
                }
                i++;
            }
            return i;
        }

        /// <summary>A tool's password argument judged as a password (as the <c>-p</c> reader's): reported under <paramref name="key"/>.</summary>
        private static void ReportToolPassword(ScanText s, int vStart, int vLen, string key, List<SecretMatch> results)
        {
            if (vLen < 8 || HasProviderMatchIn(results, vStart, vLen))
            {
                return;
            }
            var match = ClassifyContext(s, vStart, vLen, "password", allowProviderFormats: false);
            if (match != null)
            {
                Add(results, match.WithKey(key));
            }
        }

        private const string HtpasswdTool = "htpasswd";

        /// <summary>htpasswd's one-letter flags; <c>C</c> (bcrypt cost) and <c>r</c> (rounds) take a value.</summary>
        private const string HtpasswdFlags = "bcnimBdpsDvCr";

        /// <summary>
        /// A short option's name [nameStart, nameEnd) that may be htpasswd's batch mode: only htpasswd's flag letters, one
        /// of them <c>b</c> (<c>-b</c>, <c>-bc</c>, <c>-nbB</c>). Asked by <see cref="ScanSecretParameter"/> for a short
        /// option whose name is not secret, on a context line (every htpasswd line is one: its word holds "pass").
        /// </summary>
        private static bool MightBeHtpasswdBatch(ScanText s, int nameStart, int nameEnd)
        {
            if (nameEnd - nameStart > 12)
            {
                return false;
            }
            var batch = false;
            for (var i = nameStart; i < nameEnd; i++)
            {
                var c = s[i];
                if (c == 'b')
                {
                    batch = true;
                }
                else if (HtpasswdFlags.IndexOf(c) < 0)
                {
                    return false;
                }
            }
            return batch;
        }

        /// <summary>
        /// <c>htpasswd -b[cmBdpsDiv] [-C cost] [-r rounds] passwordfile username password</c> and <c>htpasswd -nb[…]
        /// username password</c> (no file with <c>-n</c>): with the batch flag <c>b</c> the password is the third positional
        /// argument (the second with <c>n</c>). From a flag cluster holding <c>b</c> at <paramref name="dash"/>: the last
        /// <c>htpasswd</c> word before it on the line (starting a token, as for <see cref="IsToolWordAt"/>), then its
        /// arguments read as htpasswd reads them — flag clusters first (only htpasswd's letters; <c>-C</c>/<c>-r</c> take
        /// the next word or an attached value), then positionals up to the command's end (<see cref="IsCommandEnd"/>). A
        /// <c>-b</c> after a positional is no flag; any other letter is not htpasswd's syntax (nothing read). The password
        /// is read by <see cref="TryReadCommandLineValue"/> and judged as a password under the key <c>htpasswd -b</c>.
        /// </summary>
        private static void ScanHtpasswd(ScanText s, int start, int dash, int end, List<SecretMatch> results)
        {
            if (dash - start < HtpasswdTool.Length + 1)
            {
                return;
            }
            var at = s.LastIndexOf(HtpasswdTool, dash - 1, dash - start, StringComparison.Ordinal);
            while (at >= 0 && !IsToolWordAt(s, start, at, HtpasswdTool.Length, dash, exact: true))
            {
                at = at > start ? s.LastIndexOf(HtpasswdTool, at - 1, at - start, StringComparison.Ordinal) : -1;
            }
            if (at < 0)
            {
                return;
            }
            var i = at + HtpasswdTool.Length;
            var batch = false;
            var noFile = false;
            var positional = 0;
            while (true)
            {
                i = SkipBlanks(s, i, end);
                if (i >= end || IsCommandEnd(s[i]))
                {
                    return;
                }
                if (positional == 0 && s[i] == '-' && i + 1 < end && SecretText.IsAlnum(s[i + 1]))
                {
                    var needsValue = false;
                    var j = i + 1;
                    for (; j < end && s[j] != ' ' && s[j] != '\t'; j++)
                    {
                        var f = s[j];
                        if (f == 'C' || f == 'r')
                        {
                            needsValue = j + 1 >= end || s[j + 1] == ' ' || s[j + 1] == '\t';
                            j = needsValue ? j + 1 : ShellWordEnd(s, j, end);
                            break;
                        }
                        if (HtpasswdFlags.IndexOf(f) < 0)
                        {
                            return; // not htpasswd's syntax
                        }
                        batch |= f == 'b';
                        noFile |= f == 'n';
                    }
                    if (j < 0)
                    {
                        return;
                    }
                    i = j;
                    if (needsValue)
                    {
                        i = SkipBlanks(s, i, end);
                        if (i >= end || IsCommandEnd(s[i]) || (i = ShellWordEnd(s, i, end)) < 0)
                        {
                            return;
                        }
                    }
                    continue;
                }
                if (!batch)
                {
                    return; // the password is prompted for
                }
                positional++;
                if (positional == (noFile ? 2 : 3))
                {
                    if (TryReadCommandLineValue(s, i, end, out var vStart, out var vLen, out _))
                    {
                        ReportToolPassword(s, vStart, vLen, "htpasswd -b", results);
                    }
                    return;
                }
                i = ShellWordEnd(s, i, end);
                if (i < 0)
                {
                    return;
                }
            }
        }
    }
}
