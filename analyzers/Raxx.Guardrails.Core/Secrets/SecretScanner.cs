using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using Raxx.Guardrails.Core.Text;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>Options of one scan.</summary>
    public sealed class SecretScanOptions
    {
        public static readonly SecretScanOptions Default = new SecretScanOptions();

        /// <summary>Honour <c>raxx:allow-credential &lt;reason&gt;</c> comments (same line or the line above).</summary>
        public bool HonourSuppressions { get; set; } = true;

        /// <summary>Report values that are secrets only by the name of their key (UUID/hex/base64 under *Token, *Secret…).</summary>
        public bool IncludeContext { get; set; } = true;

        /// <summary>Longest line scanned for key/value context (longer lines: provider formats only).</summary>
        public int MaxContextLineLength { get; set; } = 4096;
    }

    /// <summary>
    /// The credential scanner for text (any format: .env, JSON, YAML, XML, shell, Dockerfile, C#).
    /// Per line it looks for provider tokens at token boundaries (first-character table, then
    /// literal prefixes and linear body walks), URL/connection-string passwords, and
    /// <c>key = value</c> / <c>key: value</c> / <c>"key": "value"</c> / <c>key="…" value="…"</c> /
    /// <c>&lt;Key&gt;value&lt;/Key&gt;</c> assignments whose key names a secret. Private-key blocks are
    /// found across lines. Linear time; no regular expressions.
    /// </summary>
    public static partial class SecretScanner
    {
        public const string SuppressionMarker = "raxx:allow-credential";

        public static IReadOnlyList<SecretMatch> Scan(string text, SecretScanOptions? options = null)
#if NET8_0_OR_GREATER
            => Scan(text.AsSpan(), options, System.Runtime.Intrinsics.X86.Avx2.IsSupported);

        /// <summary>
        /// <see cref="Scan(string, SecretScanOptions?)"/> over characters the caller owns (RAXX402 decodes every file into one
        /// reused buffer); offsets are relative to <paramref name="text"/>'s start.
        /// </summary>
        public static IReadOnlyList<SecretMatch> Scan(ReadOnlySpan<char> text, SecretScanOptions? options = null)
            => Scan(text, options, System.Runtime.Intrinsics.X86.Avx2.IsSupported);

        /// <summary>
        /// <paramref name="vectorPass"/>: the one-pass AVX2 candidate search, else the <c>SearchValues</c> groups (what
        /// machines without AVX2 run; tests run both against <see cref="ScanReference"/>).
        /// </summary>
        internal static IReadOnlyList<SecretMatch> Scan(ScanText text, SecretScanOptions? options, bool vectorPass)
#endif
        {
            options ??= SecretScanOptions.Default;
            var results = new List<SecretMatch>();
            if (SecretText.IsEmpty(text))
            {
                return results;
            }

#if NET8_0_OR_GREATER
            // one set of vectorised searches finds provider prefixes and the structure markers ("://", "-us",
            // "-----BEGIN ", the suppression marker); the passes below only visit those positions
            var hits = _hits ??= new List<int>();
            hits.Clear();
            // the key-fragment candidates the vector pass records (none without AVX-512 or on the groups' path)
            var fragments = _fragments ??= new SecretPrefilter.KeyFragmentCandidates();
            fragments.Covered = 0;
            if (vectorPass)
            {
                // it also says whether there is a '\r' (the same hits either way): lone ones become line feeds only then
                if (SecretPrefilter.CollectBoundaryHits(text, hits, fragments))
                {
                    text = WithLoneCarriageReturnsAsLineFeeds(text);
                }
            }
            else
            {
                text = WithLoneCarriageReturnsAsLineFeeds(text);
                SecretPrefilter.CollectGroupHits(text, hits);
            }
            var markers = Markers.Of(text, hits);
            if (markers.FirstBegin >= 0)
            {
                ScanPrivateKeys(text, results, markers.FirstBegin);
            }
            ScanByTriggers(text, options, results, hits, fragments);
            return Finish(text, options, results, markers.HasSuppression);
#else
            text = WithLoneCarriageReturnsAsLineFeeds(text);
            ScanPrivateKeys(text, results);
            ScanLineByLine(text, options, results);
            return Finish(text, options, results);
#endif
        }

        /// <summary>
        /// The reference scan: every line looked at character by character (what netstandard2.0 hosts run).
        /// Tests assert that <see cref="Scan"/> (trigger-driven on .NET 8+) returns exactly the same findings.
        /// </summary>
        internal static IReadOnlyList<SecretMatch> ScanReference(string text, SecretScanOptions? options = null)
        {
            options ??= SecretScanOptions.Default;
            var results = new List<SecretMatch>();
            if (string.IsNullOrEmpty(text))
            {
                return results;
            }
            text = WithLoneCarriageReturnsAsLineFeeds(text);
            ScanPrivateKeys(text, results);
            ScanLineByLine(text, options, results);
            return Finish(text, options, results);
        }

        /// <summary>
        /// The engine's lines end at '\n' (a "\r\n" line drops its '\r'); a lone '\r' also ends a line for editors and for
        /// the positions reported (<see cref="ForwardLineCounter"/>), so a file with CR-only line ends (old Mac, some
        /// generators) would otherwise be one long line whose key is the first line's. Each lone '\r' becomes '\n': same
        /// length, so offsets, lines and columns are unchanged. Texts without '\r' or with only "\r\n" are returned as is.
        /// </summary>
        internal static string WithLoneCarriageReturnsAsLineFeeds(string text)
        {
#if NET8_0_OR_GREATER
            var converted = WithLoneCarriageReturnsAsLineFeeds(text.AsSpan());
            return converted == text.AsSpan() ? text : converted.ToString();
#else
            var cr = text.IndexOf('\r');
            while (cr >= 0)
            {
                if (cr + 1 >= text.Length || text[cr + 1] != '\n')
                {
                    var chars = text.ToCharArray();
                    for (var i = cr; i < chars.Length; i++)
                    {
                        if (chars[i] == '\r' && (i + 1 >= chars.Length || chars[i + 1] != '\n'))
                        {
                            chars[i] = '\n';
                        }
                    }
                    return new string(chars);
                }
                cr = text.IndexOf('\r', cr + 2);
            }
            return text;
#endif
        }

#if NET8_0_OR_GREATER
        /// <summary><see cref="WithLoneCarriageReturnsAsLineFeeds(string)"/> for a span: a copy only when a lone '\r' is found.</summary>
        internal static ReadOnlySpan<char> WithLoneCarriageReturnsAsLineFeeds(ReadOnlySpan<char> text)
        {
            var cr = text.IndexOf('\r');
            while (cr >= 0)
            {
                if (cr + 1 >= text.Length || text[cr + 1] != '\n')
                {
                    var chars = text.ToArray();
                    for (var i = cr; i < chars.Length; i++)
                    {
                        if (chars[i] == '\r' && (i + 1 >= chars.Length || chars[i + 1] != '\n'))
                        {
                            chars[i] = '\n';
                        }
                    }
                    return chars;
                }
                cr = text.IndexOf('\r', cr + 2);
            }
            return text;
        }
#endif

        private static void ScanLineByLine(string text, SecretScanOptions options, List<SecretMatch> results)
        {
            // rare multi-character triggers are located once per text, so lines without them cost nothing
            var triggers = new Triggers(text);
            var credentials = new List<SecretMatch>();
            var lineStart = 0;
            while (lineStart <= text.Length)
            {
                var nl = text.IndexOf('\n', lineStart);
                var lineEnd = nl < 0 ? text.Length : nl;
                var contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                ScanLine(text, lineStart, contentEnd, options, results, triggers, credentials);
                if (nl < 0)
                {
                    break;
                }
                lineStart = nl + 1;
            }
        }

#if NET8_0_OR_GREATER
        [ThreadStatic]
        private static List<int>? _hits;

        [ThreadStatic]
        private static List<int>? _shapeHits;

        [ThreadStatic]
        private static SecretPrefilter.KeyFragmentCandidates? _fragments;

        [ThreadStatic]
        private static List<int>? _foundOffsets;

        /// <summary>What the structure markers among the ordinal hits say about a text.</summary>
        private readonly struct Markers
        {
            private Markers(int firstBegin, bool hasSuppression)
            {
                FirstBegin = firstBegin;
                HasSuppression = hasSuppression;
            }

            public int FirstBegin { get; }
            public bool HasSuppression { get; }

            public static Markers Of(ScanText s, List<int> hits)
            {
                var firstBegin = -1;
                var suppression = false;
                foreach (var i in hits)
                {
                    var c = s[i];
                    if (c == '-' && firstBegin < 0 && SecretText.SameAt(s, i, "-----BEGIN ", 11))
                    {
                        firstBegin = i;
                    }
                    else if (c == 'r' && !suppression && SecretText.SameAt(s, i, SuppressionMarker, SuppressionMarker.Length))
                    {
                        suppression = true;
                    }
                }
                return new Markers(firstBegin, suppression);
            }
        }

        /// <summary>
        /// The same findings as <see cref="ScanLineByLine"/>, driven by vectorised trigger searches over the whole
        /// text (<see cref="SecretPrefilter"/>): provider prefixes, Azure/Mailchimp shapes, "://", then the lines
        /// holding a secret-name fragment. Kinds run in the per-line order (provider, shape, URL, assignment), and
        /// no finding spans lines, so overlap resolution is unchanged.
        /// </summary>
        private static void ScanByTriggers(ScanText s, SecretScanOptions options, List<SecretMatch> results, List<int> hits, SecretPrefilter.KeyFragmentCandidates fragments)
        {
            // 1. provider tokens at token boundaries (markers among the hits start with ':', '-', 'Q' or "raxx:")
            var shapes = _shapeHits ??= new List<int>();
            shapes.Clear();
            var skipUntil = 0;
            foreach (var hit in hits)
            {
                var i = hit;
                var c = s[i];
                if (c == ':')
                {
                    // a Slack webhook URL is a provider token starting at its scheme
                    i = i >= 5 && SecretText.SameAt(s, i - 5, "https://hooks.slack.com/services/", 33) ? i - 5
                        : i >= 4 && SecretText.SameAt(s, i - 4, "http://hooks.slack.com/services/", 32) ? i - 4
                        : -1;
                    if (i < 0)
                    {
                        continue;
                    }
                }
                else if (c == '-' || c == 'Q')
                {
                    // "-us" (Mailchimp) and "Q~" (Azure AD): shapes without a fixed prefix, scanned per line below
                    if (i + 1 < s.Length && s[i + 1] == (c == '-' ? 'u' : '~'))
                    {
                        shapes.Add(i);
                    }
                    continue;
                }
                if (i < skipUntil || !SecretText.IsBoundaryBefore(s, i))
                {
                    continue;
                }
                var end = LineContentEnd(s, i);
                if (ProviderDetectors.TryMatch(s, i, end, out var detector, out var length))
                {
                    if (!detector!.RequiresContext && !Placeholders.IsPlaceholder(s, i, length))
                    {
                        Add(results, Create(s, i, length, detector.Provider, SecretKind.Provider, null));
                    }
                    skipUntil = i + length;
                }
            }

            // 2. shapes without a fixed prefix (Azure AD "Q~", Mailchimp "-us"; both among the hits), once per line holding one
            shapes.Sort();
            var doneUntil = -1;
            foreach (var p in shapes)
            {
                if (p <= doneUntil)
                {
                    continue;
                }
                var end = LineContentEnd(s, p);
                ScanShapes(s, LineStart(s, p), end, results);
                doneUntil = end;
            }

            // 3. user:password@ in URLs (and Sentry DSNs)
            foreach (var i in hits)
            {
                if (s[i] == ':')
                {
                    ScanUrl(s, i, LineContentEnd(s, i), results);
                }
            }

            // 3b. curl -u / --user user:password, once per line holding "curl"
            var curlDoneUntil = -1;
            foreach (var i in hits)
            {
                if (i > curlDoneUntil && s[i] == 'c' && SecretText.StartsWithAt(s, i, "curl"))
                {
                    var end = LineContentEnd(s, i);
                    ScanCurlUser(s, LineStart(s, i), end, results);
                    curlDoneUntil = end;
                }
            }

            if (!options.IncludeContext)
            {
                return;
            }

            // 3c. the password argument of a NetworkCredential constructor (a context finding: the parameter names it);
            //     its hits are "NetworkCredential" or its qualified spellings where they start a token; the arguments may
            //     continue on the following lines (the reference scan adds such a finding on the password's line, at
            //     this step: the order, and so the overlap resolution, is the same)
            var credentialDone = -1;
            foreach (var i in hits)
            {
                var c = s[i];
                if ((c == 'N' || c == 'S') && CredentialTypeAt(s, i, out var typeEnd) && typeEnd > credentialDone)
                {
                    ScanNetworkCredential(s, typeEnd, LineContentEnd(s, i), results);
                    credentialDone = typeEnd;
                }
            }

            // 3d. the plain text of ConvertTo-SecureString … -AsPlainText; its hits are the switch where it starts a token, and
            //     the cmdlet is looked for before it in its statement (the literal is on the cmdlet's line or a later one:
            //     the reference scan adds it there, at this step)
            var secureStringDone = -1;
            foreach (var i in hits)
            {
                if (s[i] == '-' && PlainTextSwitchAt(s, i))
                {
                    ScanSecureStringsBefore(s, i, ref secureStringDone, results);
                }
            }

            // 3e. the -p password of mysql, mariadb, sshpass, … login: once per line holding "-p" (among the hits: the
            //     candidate search marks every "-p"; a search of its own over every text was 9 % of the engine)
            var shortOptionDone = -1;
            foreach (var i in hits)
            {
                if (i > shortOptionDone && s[i] == '-' && i + 1 < s.Length && s[i + 1] == 'p')
                {
                    var end = LineContentEnd(s, i);
                    ScanShortPasswordOptions(s, LineStart(s, i), end, results);
                    shortOptionDone = end;
                }
            }

            // 3f. the -a password of redis-cli (valkey-cli, keydb-cli): once per line holding "-cli" (among the hits)
            var redisDone = -1;
            foreach (var i in hits)
            {
                if (i > redisDone && s[i] == '-' && i + 1 < s.Length && s[i + 1] == 'c')
                {
                    var end = LineContentEnd(s, i);
                    ScanRedisCliPasswords(s, LineStart(s, i), end, results);
                    redisDone = end;
                }
            }

            // 4. key/value assignments, only on lines naming a secret-like key;
            // lines holding a finding of the passes above get the context pass too: an assignment there names
            // it (<add name="Stripe" value="sk_live_…"/>, DB="postgres://u:p@h")
            var found = _foundOffsets ??= new List<int>();
            found.Clear();
            foreach (var m in results)
            {
                found.Add(m.Offset);
            }
            found.Sort();
            var nextFound = 0;
            var fragment = -1;
            var fragmentsLeft = true; // once none is left, lines holding a finding are visited without searching again to the end
            var pos = 0;
            while (pos < s.Length)
            {
                if (fragmentsLeft && fragment < pos)
                {
                    fragment = SecretPrefilter.NextKeyFragment(s, pos, fragments);
                    fragmentsLeft = fragment >= 0;
                }
                while (nextFound < found.Count && found[nextFound] < pos)
                {
                    nextFound++;
                }
                var hit = fragment;
                if (nextFound < found.Count && (hit < 0 || found[nextFound] < hit))
                {
                    hit = found[nextFound];
                }
                if (hit < 0)
                {
                    break;
                }
                var lineStart = pos;
                if (hit > pos)
                {
                    var previousNl = s.LastIndexOf('\n', hit - 1, hit - pos);
                    if (previousNl >= 0)
                    {
                        lineStart = previousNl + 1;
                    }
                }
                var nl = s.IndexOf('\n', hit);
                var end = nl < 0 ? s.Length : nl;
                if (end > lineStart && s[end - 1] == '\r')
                {
                    end--;
                }
                if (end - lineStart <= options.MaxContextLineLength)
                {
                    ScanContextLine(s, lineStart, end, results);
                }
                if (nl < 0)
                {
                    break;
                }
                pos = nl + 1;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int LineStart(ScanText s, int index) => index == 0 ? 0 : s.LastIndexOf('\n', index - 1) + 1;

        /// <summary>End of the line holding <paramref name="index"/>, without its '\r'.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int LineContentEnd(ScanText s, int index)
        {
            var nl = s.IndexOf('\n', index);
            var end = nl < 0 ? s.Length : nl;
            return end > index && s[end - 1] == '\r' ? end - 1 : end;
        }
#endif

        private static IReadOnlyList<SecretMatch> Finish(ScanText text, SecretScanOptions options, List<SecretMatch> results, bool? hasSuppressionMarker = null)
        {
            if (results.Count == 0)
            {
                return results;
            }
            results.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            // positions by counting line breaks forward (matches never overlap, so offsets only grow);
            // a whole-text line map only when a suppression comment needs one
            var suppressed = options.HonourSuppressions && (hasSuppressionMarker ?? text.IndexOf(SuppressionMarker, StringComparison.Ordinal) >= 0)
                ? SuppressedLines(text, new LineMap(text.ToString()))
                : null;
            var lines = new ForwardLineCounter(text);
            var final = new List<SecretMatch>(results.Count);
            foreach (var m in results)
            {
                var (line, col) = lines.GetPosition(m.Offset);
                var (endLine, endCol) = lines.GetPosition(m.Offset + m.Length);
                if (suppressed != null && suppressed.Contains(line))
                {
                    continue;
                }
                m.Line = line;
                m.Column = col;
                m.EndLine = endLine;
                m.EndColumn = endCol;
                final.Add(m);
            }
            return final;
        }

        /// <summary>
        /// Classifies one value (a C# literal, a configuration value) assigned to <paramref name="keyName"/>:
        /// provider formats anywhere in it, passwords in URLs/connection strings, then the context rules.
        /// Offsets are relative to <paramref name="value"/>. Returns null when the value is not a credential.
        /// </summary>
        public static SecretMatch? ClassifyValue(string value, string? keyName, SecretScanOptions? options = null)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            options ??= SecretScanOptions.Default;
            var noSuppress = new SecretScanOptions { HonourSuppressions = false, IncludeContext = options.IncludeContext, MaxContextLineLength = options.MaxContextLineLength };
            var inner = Scan(value, noSuppress);
            foreach (var m in inner)
            {
                if (m.Kind != SecretKind.Context)
                {
                    return keyName != null ? m.WithKey(keyName) : m;
                }
            }
            if (options.IncludeContext && keyName != null)
            {
                var trimmedStart = 0;
                var trimmedEnd = value.Length;
                while (trimmedStart < trimmedEnd && char.IsWhiteSpace(value[trimmedStart]))
                {
                    trimmedStart++;
                }
                while (trimmedEnd > trimmedStart && char.IsWhiteSpace(value[trimmedEnd - 1]))
                {
                    trimmedEnd--;
                }
                var byName = ClassifyContext(value, trimmedStart, trimmedEnd - trimmedStart, keyName, allowProviderFormats: true);
                if (byName != null)
                {
                    return byName;
                }
            }
            foreach (var m in inner)
            {
                return m;
            }
            return null;
        }

        /// <summary>
        /// Cheap test whether a value could be a secret by context (no whitespace, 8–1000 characters, letters
        /// and digits): hosts skip finding the value's name (a semantic lookup) when it cannot.
        /// </summary>
        public static bool MightBeContextValue(string value)
        {
            if (value == null)
            {
                return false;
            }
            var start = 0;
            var end = value.Length;
            while (start < end && char.IsWhiteSpace(value[start]))
            {
                start++;
            }
            while (end > start && char.IsWhiteSpace(value[end - 1]))
            {
                end--;
            }
            var length = end - start;
            if (length < 8 || length > 1000)
            {
                return false;
            }
            for (var i = start; i < end; i++)
            {
                if (char.IsWhiteSpace(value[i]))
                {
                    return false;
                }
            }
            return SecretText.HasLetter(value, start, length) && SecretText.HasDigit(value, start, length);
        }

        // ---------------------------------------------------------------- lines

        private static readonly bool[] FirstCharTable = BuildTable(c => ProviderDetectors.IsPrefixStart(c));

        /// <summary>Characters that continue a token (the complement of <see cref="SecretText.IsBoundaryBefore"/>).</summary>
        private static readonly bool[] TokenCharTable = BuildTable(c => SecretText.IsAlnum(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '.' || c == '~');

        private static bool[] BuildTable(Func<char, bool> predicate)
        {
            var table = new bool[128];
            for (var c = 0; c < 128; c++)
            {
                table[c] = predicate((char)c);
            }
            return table;
        }

        /// <summary>Next occurrence of each rare trigger ("Q~", "-us", "://", "&lt;/") at or after a position.</summary>
        private sealed class Triggers
        {
            private static readonly string[] Patterns = { "Q~", "-us", "://", "</", "curl", NetworkCredentialType, "lainText", "laintext", ShortPasswordOption, RedisCliMarker };
            private readonly string _text;
            private readonly int[] _next = new int[Patterns.Length];

            public Triggers(string text)
            {
                _text = text;
                for (var i = 0; i < Patterns.Length; i++)
                {
                    _next[i] = text.IndexOf(Patterns[i], StringComparison.Ordinal);
                }
            }

            /// <summary>True when pattern <paramref name="index"/> occurs in [start, end).</summary>
            public bool In(int index, int start, int end)
            {
                var n = _next[index];
                if (n >= 0 && n < start)
                {
                    n = _next[index] = _text.IndexOf(Patterns[index], start, StringComparison.Ordinal);
                }
                return n >= 0 && n < end;
            }
        }

        /// <param name="credentials">NetworkCredential passwords found from an earlier line (a call over several lines), each
        /// added on its own line at step 3c as the trigger-driven scan adds it: after that line's provider, shape and URL
        /// findings, before its assignments (an overlapping finding keeps the one added first).</param>
        private static void ScanLine(ScanText s, int start, int end, SecretScanOptions options, List<SecretMatch> results, Triggers? triggers, List<SecretMatch> credentials)
        {
            if (end <= start)
            {
                return;
            }

            // 1.–3b. provider tokens, shapes, URLs, curl's user:password
            ScanLineTokens(s, start, end, results, triggers);

            // 3c. NetworkCredential(user, "password"), its arguments on this line or the following ones
            if (options.IncludeContext && (triggers == null || triggers.In(5, start, end)))
            {
                var type = s.IndexOf(NetworkCredentialType, start, end - start, StringComparison.Ordinal);
                while (type >= 0)
                {
                    if (CredentialTypeAt(s, type, out var typeEnd))
                    {
                        ScanNetworkCredential(s, typeEnd, end, credentials);
                    }
                    type = type + 1 < end ? s.IndexOf(NetworkCredentialType, type + 1, end - type - 1, StringComparison.Ordinal) : -1;
                }
            }

            // 3d. ConvertTo-SecureString '…' -AsPlainText: read from the cmdlet (in any case) when a plain-text switch is within
            //     a call's reach (the literal is on this line or a later one: deferred to its line with the credentials)
            if (options.IncludeContext)
            {
                var reach = Math.Min(s.Length, end + MaxSecureStringCall);
                if (triggers == null || triggers.In(6, start, reach) || triggers.In(7, start, reach))
                {
                    var cmdlet = s.IndexOf(SecureStringCmdlet, start, end - start, StringComparison.OrdinalIgnoreCase);
                    while (cmdlet >= 0)
                    {
                        ScanSecureString(s, cmdlet, end, credentials);
                        var next = cmdlet + SecureStringCmdlet.Length;
                        cmdlet = next < end ? s.IndexOf(SecureStringCmdlet, next, end - next, StringComparison.OrdinalIgnoreCase) : -1;
                    }
                }
            }
            if (credentials.Count > 0)
            {
                AddCredentialsOfLine(credentials, end, results);
            }

            // 3e. the -p password of mysql, mariadb, sshpass, … login
            if (options.IncludeContext && (triggers == null || triggers.In(8, start, end)))
            {
                ScanShortPasswordOptions(s, start, end, results);
            }

            // 3f. the -a password of redis-cli (valkey-cli, keydb-cli)
            if (options.IncludeContext && (triggers == null || triggers.In(9, start, end)))
            {
                ScanRedisCliPasswords(s, start, end, results);
            }

            // 4. key/value assignments
            if (options.IncludeContext && end - start <= options.MaxContextLineLength)
            {
                ScanContextLine(s, start, end, results);
            }
        }

        /// <summary>
        /// Steps 1–3b of <see cref="ScanLine"/>: what a line holds regardless of any key (provider tokens, the Azure AD and
        /// Mailchimp shapes, user:password in URLs, curl's <c>-u user:password</c>). Also run, with no triggers, by the readers
        /// of a value on a later line than its key (<see cref="ScanLaterValueLine"/>).
        /// </summary>
        private static void ScanLineTokens(ScanText s, int start, int end, List<SecretMatch> results, Triggers? triggers)
        {
            // 1. provider tokens: only where a token can start (table lookups, no calls per character)
            var firstChars = FirstCharTable;
            var tokenChars = TokenCharTable;
            var previousIsToken = start > 0 && !SecretText.IsBoundaryBefore(s, start);
            for (var i = start; i < end; i++)
            {
                var c = s[i];
                var isToken = c < 128 && tokenChars[c];
                if (!previousIsToken && c < 128 && firstChars[c]
                    && ProviderDetectors.TryMatch(s, i, end, out var detector, out var length))
                {
                    if (!detector!.RequiresContext && !Placeholders.IsPlaceholder(s, i, length))
                    {
                        Add(results, Create(s, i, length, detector.Provider, SecretKind.Provider, null));
                    }
                    i += length - 1;
                    previousIsToken = true;
                    continue;
                }
                previousIsToken = isToken;
            }

            // 2. shapes without a fixed prefix
            if (triggers == null || triggers.In(0, start, end) || triggers.In(1, start, end))
            {
                ScanShapes(s, start, end, results);
            }

            // 3. user:password@ in URLs (and Sentry DSNs)
            var scheme = triggers == null || triggers.In(2, start, end) ? s.IndexOf("://", start, end - start, StringComparison.Ordinal) : -1;
            while (scheme >= 0)
            {
                ScanUrl(s, scheme, end, results);
                scheme = scheme + 3 < end ? s.IndexOf("://", scheme + 3, end - scheme - 3, StringComparison.Ordinal) : -1;
            }

            // 3b. curl -u / --user user:password
            if (triggers == null || triggers.In(4, start, end))
            {
                ScanCurlUser(s, start, end, results);
            }
        }

        /// <summary>Moves the NetworkCredential passwords located before <paramref name="end"/> (on the current line) to the results.</summary>
        private static void AddCredentialsOfLine(List<SecretMatch> credentials, int end, List<SecretMatch> results)
        {
            var kept = 0;
            for (var k = 0; k < credentials.Count; k++)
            {
                if (credentials[k].Offset < end)
                {
                    Add(results, credentials[k]);
                }
                else
                {
                    credentials[kept++] = credentials[k];
                }
            }
            credentials.RemoveRange(kept, credentials.Count - kept);
        }

        /// <summary>The context rules of one line (both scan paths): assignments, PowerShell secret parameters, XML elements, Authorization headers.</summary>
        [MethodImpl(HotPath.Options)]
        private static void ScanContextLine(ScanText s, int start, int end, List<SecretMatch> results)
        {
            ScanAssignments(s, start, end, results);
            ScanSecretParameters(s, start, end, results);
            if (s.IndexOf("</", start, end - start, StringComparison.Ordinal) >= 0)
            {
                ScanXmlElements(s, start, end, results);
            }
            ScanBearerTokens(s, start, end, results);
        }

        /// <summary>
        /// <c>Authorization: Bearer &lt;token&gt;</c> in headers, curl lines, .http files and code: the token after
        /// "Bearer " (16–4096 token characters, letters and digits, entropy ≥ 3.0, not a reference or template).
        /// </summary>
        private static void ScanBearerTokens(ScanText s, int start, int end, List<SecretMatch> results)
        {
            // most context lines have no 'b' at all: one search for it first (a case-insensitive search of a word is slower)
            var b = s.IndexOfAny(BearerFirstLetters, start, end - start);
            if (b < 0)
            {
                return;
            }
            var i = s.IndexOf("Bearer", b, end - b, StringComparison.OrdinalIgnoreCase);
            while (i >= 0)
            {
                var t = i + 6;
                if ((i == start || !SecretText.IsAlnum(s[i - 1])) && t < end && (s[t] == ' ' || s[t] == '\t'))
                {
                    while (t < end && (s[t] == ' ' || s[t] == '\t'))
                    {
                        t++;
                    }
                    var e = t;
                    while (e < end && (SecretText.IsAlnum(s[e]) || s[e] == '-' || s[e] == '.' || s[e] == '_' || s[e] == '~' || s[e] == '+' || s[e] == '/' || s[e] == '='))
                    {
                        e++;
                    }
                    var length = e - t;
                    var next = e < end ? s[e] : '\0';
                    if (length >= 16 && length <= 4096 && next != '{' && next != '$' && next != '<' && next != '%'
                        && !Placeholders.IsPlaceholder(s, t, length) && !IsCodeReference(s, t, length)
                        && SecretText.HasLetter(s, t, length) && SecretText.HasDigit(s, t, length) && SecretText.Entropy(s, t, length) >= 3.0)
                    {
                        Add(results, Create(s, t, length, "bearer-token", SecretKind.Context, "Authorization"));
                    }
                }
                i = i + 6 < end ? s.IndexOf("Bearer", i + 6, end - i - 6, StringComparison.OrdinalIgnoreCase) : -1;
            }
        }

        private static readonly char[] BearerFirstLetters = { 'b', 'B' };

        private static void ScanShapes(ScanText s, int start, int end, List<SecretMatch> results)
        {
            // Azure AD client secrets: 3 chars, a digit, "Q~", 31-34 chars of [A-Za-z0-9_~.-]
            var q = s.IndexOf("Q~", start, end - start, StringComparison.Ordinal);
            while (q >= 0)
            {
                var t = q - 4;
                if (t >= start && SecretText.IsDigit(s[q - 1]) && SecretText.IsBoundaryBefore(s, t) && AzureChar(s[t]) && AzureChar(s[t + 1]) && AzureChar(s[t + 2]))
                {
                    var i = q + 2;
                    while (i < end && AzureChar(s[i]))
                    {
                        i++;
                    }
                    var tail = i - q - 2;
                    if (tail >= 31 && tail <= 34 && SecretText.Entropy(s, q + 2, tail) >= 3.5 && !Placeholders.HasPlaceholderRun(s, t, i - t))
                    {
                        Add(results, Create(s, t, i - t, "azure-ad", SecretKind.Provider, null));
                    }
                }
                q = q + 2 < end ? s.IndexOf("Q~", q + 2, end - q - 2, StringComparison.Ordinal) : -1;
            }

            // Mailchimp API keys: 32 lower-hex + "-us" + datacenter number
            var us = s.IndexOf("-us", start, end - start, StringComparison.Ordinal);
            while (us >= 0)
            {
                var t = us - 32;
                if (t >= start && SecretText.All(s, t, 32, SecretText.IsLowerHex) && SecretText.IsBoundaryBefore(s, t))
                {
                    var i = us + 3;
                    while (i < end && SecretText.IsDigit(s[i]))
                    {
                        i++;
                    }
                    if (i > us + 3 && i - us - 3 <= 2 && (i == end || !SecretText.IsWord(s[i])) && SecretText.Entropy(s, t, 32) >= 3.0)
                    {
                        Add(results, Create(s, t, i - t, "mailchimp", SecretKind.Provider, null));
                    }
                }
                us = us + 3 < end ? s.IndexOf("-us", us + 3, end - us - 3, StringComparison.Ordinal) : -1;
            }
        }

        private static bool AzureChar(char c) => SecretText.IsWordDash(c) || c == '~' || c == '.';

        private static readonly string[] DatabaseSchemes =
        {
            "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
            "mssql", "sqlserver", "oracle", "jdbc", "cockroachdb", "clickhouse", "couchdb", "neo4j", "cassandra",
        };

        private static void ScanUrl(ScanText s, int schemeSep, int end, List<SecretMatch> results)
        {
            var a = schemeSep;
            while (a > 0 && (SecretText.IsAlnum(s[a - 1]) || s[a - 1] == '+' || s[a - 1] == '.' || s[a - 1] == '-'))
            {
                a--;
            }
            if (a == schemeSep)
            {
                return;
            }
            var authStart = schemeSep + 3;
            var authEnd = authStart;
            while (authEnd < end)
            {
                var c = s[authEnd];
                if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' || c == '\\' || char.IsWhiteSpace(c) || c == ',' || c == ';' || c == ')' || c == '>')
                {
                    break;
                }
                authEnd++;
            }
            var at = s.LastIndexOf('@', authEnd - 1, authEnd - authStart);
            if (at < 0 || at == authStart)
            {
                return;
            }
            var colon = s.IndexOf(':', authStart, at - authStart);
            var scheme = s.Substring(a, schemeSep - a).ToLowerInvariant();
            var host = s.Substring(at + 1, authEnd - at - 1);
            if (colon < 0)
            {
                // Sentry DSN: https://<32-hex public key>@oNNN.ingest.sentry.io/NNN
                if ((scheme == "https" || scheme == "http") && at - authStart == 32 && SecretText.All(s, authStart, 32, SecretText.IsLowerHex)
                    && host.IndexOf("sentry", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    Add(results, Create(s, authStart, 32, "sentry", SecretKind.Provider, null));
                }
                return;
            }

            var userLen = colon - authStart;
            var passStart = colon + 1;
            var passLen = at - passStart;
            if (passLen < 6 || passLen > 200 || userLen == 0)
            {
                return;
            }
            for (var i = passStart; i < at; i++)
            {
                var c = s[i];
                if (c == '$' || c == '{' || c == '}' || c == '(' || c == '<' || c == '%' || c == '[')
                {
                    return;
                }
            }
            if (!(LooksLikePassword(s, passStart, passLen) || LooksLikeLettersPassword(s, passStart, passLen, 8)) || SecretText.SameAt(s, authStart, s, passStart, Math.Max(userLen, passLen)) && userLen == passLen)
            {
                return;
            }
            var provider = Array.IndexOf(DatabaseSchemes, scheme.StartsWith("jdbc", StringComparison.Ordinal) ? "jdbc" : scheme) >= 0 ? "db-connection-string" : "basic-auth-url";
            Add(results, Create(s, passStart, passLen, provider, SecretKind.ConnectionPassword, null));
        }

        /// <summary>
        /// <c>curl … -u user:password</c> / <c>--user user:password</c> / <c>--user=user:password</c> (basic auth on the
        /// command line) on one line, where "curl" starts a token (<see cref="SecretText.IsBoundaryBefore"/>) and is
        /// followed by a space: the password part is judged as a URL's password is (6–200 characters, no <c>$ { } ( &lt; % [</c>
        /// — a variable or template —, password-like, not equal to the user). Arguments are read up to a pipe, ';' or '&amp;'.
        /// </summary>
        private static void ScanCurlUser(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var curl = s.IndexOf("curl", start, end - start, StringComparison.Ordinal);
            while (curl >= 0)
            {
                var i = curl + 4;
                if (SecretText.IsBoundaryBefore(s, curl) && i < end && (s[i] == ' ' || s[i] == '\t'))
                {
                    var expectValue = false;
                    while (i < end)
                    {
                        while (i < end && (s[i] == ' ' || s[i] == '\t'))
                        {
                            i++;
                        }
                        if (i >= end || s[i] == '|' || s[i] == ';' || s[i] == '&')
                        {
                            break;
                        }
                        var tokenStart = i;
                        var quote = s[i] == '"' || s[i] == '\'' ? s[i] : '\0';
                        if (quote != '\0')
                        {
                            var close = s.IndexOf(quote, i + 1, end - i - 1);
                            i = close < 0 ? end : close + 1;
                        }
                        else
                        {
                            while (i < end && s[i] != ' ' && s[i] != '\t')
                            {
                                i++;
                            }
                        }
                        if (expectValue)
                        {
                            CurlUserValue(s, tokenStart, i, results);
                            expectValue = false;
                        }
                        else if ((i - tokenStart == 2 && s[tokenStart] == '-' && s[tokenStart + 1] == 'u')
                            || (i - tokenStart == 6 && SecretText.SameAt(s, tokenStart, "--user", 6)))
                        {
                            expectValue = true;
                        }
                        else if (i - tokenStart > 7 && SecretText.SameAt(s, tokenStart, "--user=", 7))
                        {
                            CurlUserValue(s, tokenStart + 7, i, results);
                        }
                    }
                }
                curl = curl + 4 < end ? s.IndexOf("curl", curl + 4, end - curl - 4, StringComparison.Ordinal) : -1;
            }
        }

        /// <summary>The <c>user:password</c> argument of curl's --user in s[start..end) (quotes allowed).</summary>
        private static void CurlUserValue(ScanText s, int start, int end, List<SecretMatch> results)
        {
            if (end - start >= 2 && (s[start] == '"' || s[start] == '\'') && s[end - 1] == s[start])
            {
                start++;
                end--;
            }
            var colon = s.IndexOf(':', start, end - start);
            if (colon <= start)
            {
                return;
            }
            var userLen = colon - start;
            var passStart = colon + 1;
            var passLen = end - passStart;
            if (passLen < 6 || passLen > 200)
            {
                return;
            }
            for (var k = passStart; k < end; k++)
            {
                var c = s[k];
                if (c == '$' || c == '{' || c == '}' || c == '(' || c == '<' || c == '%' || c == '[' || c == '`')
                {
                    return;
                }
            }
            if (!(LooksLikePassword(s, passStart, passLen) || LooksLikeLettersPassword(s, passStart, passLen, 8))
                || (userLen == passLen && SecretText.SameAt(s, start, s, passStart, passLen)))
            {
                return;
            }
            Add(results, Create(s, passStart, passLen, "basic-auth", SecretKind.Context, "curl --user"));
        }

        internal const string NetworkCredentialType = "NetworkCredential";

        /// <summary>
        /// A NetworkCredential type name at <paramref name="i"/>: "NetworkCredential", "Net.NetworkCredential" or
        /// "System.Net.NetworkCredential" starting a token (<see cref="SecretText.IsBoundaryBefore"/>), reached from its
        /// first character or, for the qualified spellings, from the "N" of NetworkCredential (what each candidate search
        /// finds). <paramref name="typeEnd"/>: the index after the name.
        /// </summary>
        internal static bool CredentialTypeAt(ScanText s, int i, out int typeEnd)
        {
            typeEnd = -1;
            int spelling;
            if (SecretText.StartsWithAt(s, i, NetworkCredentialType))
            {
                // reached at the type: its spelling starts here, or at "Net." / "System.Net." right before it
                spelling = i >= 11 && SecretText.SameAt(s, i - 11, "System.Net.", 11) && SecretText.IsBoundaryBefore(s, i - 11) ? i - 11
                    : i >= 4 && SecretText.SameAt(s, i - 4, "Net.", 4) && SecretText.IsBoundaryBefore(s, i - 4) ? i - 4
                    : i;
                typeEnd = i + 17;
            }
            else if (SecretText.StartsWithAt(s, i, "Net.NetworkCredential"))
            {
                spelling = i;
                typeEnd = i + 21;
            }
            else if (SecretText.StartsWithAt(s, i, "System.Net.NetworkCredential"))
            {
                spelling = i;
                typeEnd = i + 28;
            }
            else
            {
                return false;
            }
            return SecretText.IsBoundaryBefore(s, spelling);
        }

        /// <summary>Most lines a NetworkCredential call's arguments are read over (the type's line included).</summary>
        private const int MaxCredentialCallLines = 16;

        /// <summary>
        /// The password of a NetworkCredential constructed after its type name (<paramref name="i"/>; <paramref name="end"/>:
        /// the end of the type's line): <c>NetworkCredential(…)</c> (C# <c>new</c>, VB <c>New</c>, PowerShell <c>New-Object</c>),
        /// PowerShell's <c>[System.Net.NetworkCredential]::new(…)</c>, a target-typed <c>NetworkCredential name = new(…)</c>
        /// — the opening parenthesis on the type's line — or PowerShell's <c>New-Object [-TypeName] System.Net.NetworkCredential
        /// -ArgumentList …</c> (the parameter on the type's line or, after a back-tick, on the next; its value a list
        /// <c>'u', '…'</c> that ends with the statement, or <c>('u', '…')</c> / <c>@('u', '…')</c>). The password is the
        /// argument named <c>password</c>, else the second argument when it is positional; reported only when it is one
        /// string literal (not interpolated, not concatenated) that the context rules judge a credential under the key
        /// "password" (as RAXX401 judges the literal by its parameter's name): placeholders, empty values, references and
        /// variables are not. The arguments may continue over the following lines (at most <see cref="MaxCredentialCallLines"/>
        /// lines and 4096 characters); a ';' or an unbalanced bracket, the bound, a string literal not closed on its line
        /// end the reading — arguments completed before (followed by ',' or the closing parenthesis) still count — so a
        /// finding never spans lines (it is located at the literal's own line). Between arguments: blanks, line ends,
        /// PowerShell's back-tick and VB's " _" line continuations, <c>//</c>, <c>/* */</c> and PowerShell <c>#</c>
        /// comments. A call in a line comment (the type's line starts with <c>//</c>, <c>#</c>, <c>'</c> or <c>*</c>) is
        /// read through the same comment marker at the start of its following lines, as the one-line text scan reports a
        /// commented-out call; a following line without the marker ends it.
        /// </summary>
        private static void ScanNetworkCredential(ScanText s, int i, int end, List<SecretMatch> results)
        {
            var callEnd = Math.Min(s.Length, i + 4096); // arguments are read at most this far: linear on a long line of constructions
            end = Math.Min(end, callEnd);
            var lines = 1;
            var bare = false; // a PowerShell -ArgumentList without parentheses: the list ends with the statement
            var j = SkipBlanks(s, i, end);
            if (j < end && s[j] == ']' && SecretText.StartsWithAt(s, j, "]::new"))
            {
                j = SkipBlanks(s, j + 6, end); // [System.Net.NetworkCredential]::new(…)
            }
            else if (j < end && (s[j] == '-' || s[j] == '`'))
            {
                // PowerShell: New-Object [-TypeName] System.Net.NetworkCredential [`⏎] -ArgumentList <list>
                if (s[j] == '`')
                {
                    var nl = SkipBlanks(s, j + 1, end) == end && end < callEnd ? s.IndexOf('\n', end, callEnd - end) : -1;
                    if (nl < 0)
                    {
                        return;
                    }
                    lines++;
                    var next = s.IndexOf('\n', nl + 1, callEnd - nl - 1);
                    end = next < 0 ? callEnd : next > nl + 1 && s[next - 1] == '\r' ? next - 1 : next;
                    j = SkipBlanks(s, nl + 1, end);
                }
                if (j < end && s[j] == '-')
                {
                    var nameEnd = j + 1;
                    while (nameEnd < end && SecretText.IsAlnum(s[nameEnd]))
                    {
                        nameEnd++;
                    }
                    if (!IsArgumentListParameter(s, j + 1, nameEnd - j - 1))
                    {
                        return;
                    }
                    j = SkipBlanks(s, nameEnd, end);
                    if (j + 1 < end && s[j] == '@' && s[j + 1] == '(')
                    {
                        j++; // -ArgumentList @('u', '…')
                    }
                    else if (j >= end || s[j] != '(')
                    {
                        bare = true; // -ArgumentList 'u', '…': the loop below starts at j + 1
                        j--;
                    }
                }
                // else New-Object System.Net.NetworkCredential `⏎ ('u', '…'): the positional list on the next line
            }
            else if (j < end && s[j] != '(')
            {
                // target-typed: NetworkCredential[?] name = new(…)
                if (j == i && s[j] == '?')
                {
                    j++;
                }
                var name = SkipBlanks(s, j, end);
                if (name == i || name == i + 1 && s[i] == '?' || name >= end || !SecretText.IsWord(s[name]) || SecretText.IsDigit(s[name]))
                {
                    return; // the name follows the type (or its '?') after a blank
                }
                j = name;
                while (j < end && SecretText.IsWord(s[j]))
                {
                    j++;
                }
                j = SkipBlanks(s, j, end);
                if (j + 1 >= end || s[j] != '=' || s[j + 1] == '=' || s[j + 1] == '>')
                {
                    return;
                }
                j = SkipBlanks(s, j + 1, end);
                if (!SecretText.StartsWithAt(s, j, "new") || (j + 3 < end && SecretText.IsWord(s[j + 3])))
                {
                    return;
                }
                j = SkipBlanks(s, j + 3, end);
            }
            if (!bare && (j >= end || s[j] != '('))
            {
                return;
            }

            // the top-level arguments, up to the closing parenthesis (or a bare list's end): each one's first and last
            // significant character
            var args = new CredentialArguments();
            var depth = 0;
            var lineEnd = end; // the end of the current line's content
            var comment = '\0'; // the comment marker holding the call, once it continues on another line
            var continued = false; // the line ended with a line continuation
            var last = '\0'; // the last significant character
            var k = j + 1;
            for (; k < callEnd; k++)
            {
                var c = s[k];
                if (k >= lineEnd)
                {
                    // the line's end ('\r' or '\n'): the arguments continue on the next line, unless a bare list ends here
                    if (bare && depth == 0 && !continued && last != ',')
                    {
                        args.End(s);
                        break;
                    }
                    continued = false;
                    var nl = s.IndexOf('\n', k, callEnd - k);
                    if (nl < 0 || ++lines > MaxCredentialCallLines)
                    {
                        break;
                    }
                    if (comment == '\0' && lines == 2)
                    {
                        comment = LineCommentMarker(s, i);
                    }
                    // (bounded by the window like the type's line: a long line is read at most once per call, not to its end)
                    var next = s.IndexOf('\n', nl + 1, callEnd - nl - 1);
                    lineEnd = next < 0 ? callEnd : next > nl + 1 && s[next - 1] == '\r' ? next - 1 : next;
                    k = nl;
                    if (comment != '\0')
                    {
                        var p = SkipBlanks(s, nl + 1, lineEnd);
                        if (p >= lineEnd || s[p] != comment)
                        {
                            break; // the comment holding the call ended: what follows is not its arguments
                        }
                        while (p < lineEnd && s[p] == comment)
                        {
                            p++;
                        }
                        k = p - 1;
                    }
                    continue;
                }
                if (c == ' ' || c == '\t')
                {
                    continue;
                }
                if ((c == '`' || (c == '_' && (s[k - 1] == ' ' || s[k - 1] == '\t'))) && SkipBlanks(s, k + 1, lineEnd) == lineEnd)
                {
                    k = lineEnd - 1; // PowerShell's and VB's line continuations
                    continued = true;
                    continue;
                }
                if (c == '/' && k + 1 < lineEnd && s[k + 1] == '/'
                    || c == '#' && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == ',' || s[k - 1] == '('))
                {
                    k = lineEnd - 1; // a comment to the end of the line (C# "//", PowerShell "#")
                    continue;
                }
                if (c == '/' && k + 1 < lineEnd && s[k + 1] == '*')
                {
                    var close = s.IndexOf("*/", k + 2, lineEnd - k - 2, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        break;
                    }
                    k = close + 1;
                    continue;
                }
                if (depth == 0 && (c == ',' || c == ')'))
                {
                    args.End(s);
                    if (c == ')')
                    {
                        break;
                    }
                    last = ',';
                    continue;
                }
                if (bare && depth == 0 && (c == ';' || c == '|' || c == ']' || c == '}'
                    || (c == '-' && (s[k - 1] == ' ' || s[k - 1] == '\t') && k + 1 < lineEnd && SecretText.IsAlnum(s[k + 1]) && !SecretText.IsDigit(s[k + 1]))))
                {
                    args.End(s); // a bare list ends with the statement, an enclosing bracket or the next parameter
                    break;
                }
                args.Significant(k);
                if (c == '"' || c == '\'')
                {
                    k = StringLiteralEnd(s, k, lineEnd, verbatim: s[k - 1] == '@');
                    if (k < 0)
                    {
                        break; // not closed on its line
                    }
                }
                else if (c == '(' || c == '[' || c == '{')
                {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}')
                {
                    if (depth == 0)
                    {
                        break; // unbalanced: not inside the call any more
                    }
                    depth--;
                }
                else if (c == ';' && depth == 0)
                {
                    break; // the statement ended before the call closed
                }
                args.SignificantEnd(k + 1);
                last = c;
            }
            if (bare && k >= s.Length && depth == 0)
            {
                args.End(s); // a bare list at the end of the text
            }
            if (args.Named >= 0)
            {
                ReportPasswordLiteral(s, args.Named, args.NamedEnd, results);
            }
            else if (args.Positional >= 0)
            {
                ReportPasswordLiteral(s, args.Positional, args.PositionalEnd, results);
            }
        }

        /// <summary>"-ArgumentList" by any unambiguous prefix of New-Object's ("-A", "-Arg", …), or its alias "-Args".</summary>
        private static bool IsArgumentListParameter(ScanText s, int start, int length) =>
            length >= 1 && length <= 12 && SecretText.SameIgnoreCaseAt(s, start, "ArgumentList", length)
            || length == 4 && SecretText.SameIgnoreCaseAt(s, start, "Args", 4);

        /// <summary>The arguments of a NetworkCredential call as they complete: the password's span (named or second positional).</summary>
        private struct CredentialArguments
        {
            private int _index;
            private int _first;
            private int _end;
            private bool _started;
            private int _positional; // offsets + 1: 0 is "none" (the struct's default)
            private int _named;

            public int Positional => _positional - 1;
            public int PositionalEnd { get; private set; }
            public int Named => _named - 1;
            public int NamedEnd { get; private set; }

            /// <summary>A significant character at <paramref name="k"/>: the current argument's first one, if it is.</summary>
            public void Significant(int k)
            {
                if (!_started)
                {
                    _first = k;
                    _started = true;
                }
            }

            public void SignificantEnd(int end) => _end = end;

            /// <summary>The current argument ends (',' or ')', or a bare list's end): note it when it is the password.</summary>
            public void End(ScanText s)
            {
                if (_started)
                {
                    var nameEnd = _first;
                    while (nameEnd < _end && SecretText.IsWord(s[nameEnd]))
                    {
                        nameEnd++;
                    }
                    var colon = SkipBlanks(s, nameEnd, _end);
                    if (nameEnd > _first && colon < _end && s[colon] == ':' && (colon + 1 >= _end || s[colon + 1] != ':'))
                    {
                        // a named argument (C# "password:", VB "password:=")
                        if (nameEnd - _first == 8 && SecretText.SameIgnoreCaseAt(s, _first, "password", 8))
                        {
                            _named = (colon + 1 < _end && s[colon + 1] == '=' ? colon + 2 : colon + 1) + 1;
                            NamedEnd = _end;
                        }
                    }
                    else if (_index == 1)
                    {
                        _positional = _first + 1;
                        PositionalEnd = _end;
                    }
                }
                _index++;
                _started = false;
            }
        }

        /// <summary>
        /// The line-comment marker at the start of the line holding <paramref name="i"/> ('/' for "//", '#', VB's '\'',
        /// '*' of a block comment's body), or '\0' when the line does not start with one.
        /// </summary>
        private static char LineCommentMarker(ScanText s, int i)
        {
            // the line's start, looked for at most 4096 characters back (a longer line is not a comment holding a call)
            var window = Math.Min(i, 4096);
            var previous = window == 0 ? -1 : s.LastIndexOf('\n', i - 1, window);
            if (previous < 0 && window < i)
            {
                return '\0';
            }
            var p = SkipBlanks(s, previous + 1, i);
            if (p >= i)
            {
                return '\0';
            }
            var c = s[p];
            return c == '#' || c == '\'' || c == '*' || (c == '/' && p + 1 < i && s[p + 1] == '/') ? c : '\0';
        }

        /// <summary>An argument s[start..end) that is exactly one string literal ("…", @"…", '…'), judged as a password.</summary>
        private static void ReportPasswordLiteral(ScanText s, int start, int end, List<SecretMatch> results)
        {
            while (start < end && (s[start] == ' ' || s[start] == '\t' || s[start] == '\r' || s[start] == '\n'))
            {
                start++;
            }
            while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            {
                end--;
            }
            var open = start < end && s[start] == '@' ? start + 1 : start; // C# verbatim
            if (open >= end || (s[open] != '"' && s[open] != '\'') || StringLiteralEnd(s, open, end, verbatim: open > start) != end - 1)
            {
                return; // not a literal, or more than one (concatenation), or interpolated ($"…")
            }
            var match = ClassifyContext(s, open + 1, end - open - 2, "password", allowProviderFormats: false);
            if (match != null)
            {
                Add(results, match);
            }
        }

        /// <summary>The index of the quote closing the string literal opened at <paramref name="open"/> ('"' with '\' escapes unless
        /// <paramref name="verbatim"/>; a doubled quote as in VB, verbatim C# and PowerShell), or -1 when it is not closed before <paramref name="end"/>.</summary>
        private static int StringLiteralEnd(ScanText s, int open, int end, bool verbatim)
        {
            var quote = s[open];
            for (var k = open + 1; k < end; k++)
            {
                var c = s[k];
                if (c == '\\' && quote == '"' && !verbatim)
                {
                    k++;
                }
                else if (c == quote)
                {
                    if (k + 1 < end && s[k + 1] == quote)
                    {
                        k++; // "" or '' inside the literal
                        continue;
                    }
                    return k;
                }
            }
            return -1;
        }

        private static int SkipBlanks(ScanText s, int i, int end)
        {
            while (i < end && (s[i] == ' ' || s[i] == '\t'))
            {
                i++;
            }
            return i;
        }

        private static readonly string[] ExampleWords =
        {
            "password", "passwd", "secret", "pass", "pwd", "token", "key", "changeme", "example", "sample", "admin", "root",
            "test", "guest", "user", "username", "postgres", "mysql", "redis", "rabbitmq", "default", "letmein", "qwerty",
            "required", "optional", "none", "null", "undefined", "true", "false", "disabled", "enabled", "string", "value",
        };

        /// <summary>
        /// A password without digits (letters, maybe symbols) under an explicit password context (a password key, the
        /// password part of a URL): at least <paramref name="minLength"/> characters, two of upper/lower/symbol (or
        /// 14+ characters), entropy ≥ 2.8, no secret word or documentation word in it (AdminPassword, example…),
        /// not a placeholder or dotted code reference.
        /// </summary>
        private static bool LooksLikeLettersPassword(ScanText s, int start, int length, int minLength, bool underscoreIsSymbol = true)
        {
            if (length < minLength || length > 128 || Placeholders.IsPlaceholder(s, start, length) || IsCodeReference(s, start, length))
            {
                return false;
            }
            bool upper = false, lower = false, symbol = false;
            for (var i = start; i < start + length; i++)
            {
                var c = s[i];
                if (SecretText.IsDigit(c) || c <= ' ' || c > '~')
                {
                    return false;
                }
                upper |= SecretText.IsUpper(c);
                lower |= SecretText.IsLower(c);
                symbol |= !SecretText.IsAlnum(c) && (underscoreIsSymbol || c != '_');
            }
            if (!underscoreIsSymbol && !upper && !symbol && s.IndexOf('_', start, length) >= 0)
            {
                return false; // a bare snake_case word (index_info, get_from_vault): a variable in code, at any length
            }
            var classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (symbol ? 1 : 0);
            if (!(upper || lower) || (classes < 2 && length < 14))
            {
                return false;
            }
            foreach (var w in ExampleWords)
            {
                if (w.Length >= 4 ? s.IndexOf(w, start, length, StringComparison.OrdinalIgnoreCase) >= 0 : length == w.Length && SecretText.SameIgnoreCaseAt(s, start, w, w.Length))
                {
                    return false;
                }
            }
            return SecretText.Entropy(s, start, length) >= 2.8;
        }

        /// <summary>A password-looking value: no placeholder, letters and digits, not a code reference.</summary>
        private static bool LooksLikePassword(ScanText s, int start, int length)
        {
            if (length < 6 || Placeholders.IsPlaceholder(s, start, length))
            {
                return false;
            }
            if (!SecretText.HasLetter(s, start, length) || !SecretText.HasDigit(s, start, length))
            {
                return false;
            }
            return SecretText.Entropy(s, start, length) >= 2.5;
        }

        // ---------------------------------------------------------------- key/value

        private static readonly char[] AssignmentChars = { '=', ':' };

        private static void ScanAssignments(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var first = SkipBlanks(s, start, end);
            if (first < end && s[first] == '#')
            {
                ScanDefine(s, start, first, end, results);
            }
            else if (first < end && (s[first] == 'd' || s[first] == 'D'))
            {
                ScanPhpDefine(s, start, first, end, results);
            }
            for (var i = start; i < end; i++)
            {
                i = s.IndexOfAny(AssignmentChars, i, end - i);
                if (i < 0)
                {
                    return;
                }
                var c = s[i];
                var next = i + 1 < end ? s[i + 1] : '\0';
                var prev = i > start ? s[i - 1] : '\0';
                var arrow = c == '=' && next == '>'; // PHP/Perl/Ruby "key => 'value'"
                if (c == '=' && ((next == '>' && !arrow) || next == '=' || (next == '~' && !EnvTildeValue(s, start, i, end)) || prev == '=' || prev == '!' || prev == '<' || prev == '>' || prev == '+' || prev == '-' || prev == '*' || prev == '|' || prev == '&' || prev == '?'))
                {
                    continue;
                }
                if (c == ':' && (next == ':' || prev == ':' || next == '/' || next == '\\'))
                {
                    continue;
                }

                // keys that cannot name a secret are rejected before the value is read (allocation-free);
                // scanning then goes on inside the value, so "Default": "Server=…;Password=…" is still seen
                int keyStart, keyEnd;
                if (arrow ? !TryReadArrowKey(s, start, i, out keyStart, out keyEnd) : !TryReadKey(s, start, i, out keyStart, out keyEnd))
                {
                    continue;
                }
                if (c == '=' && !arrow && AfterUsingKeyword(s, start, keyStart))
                {
                    continue; // a type alias (C++ "using FunctionPassCtor = ScheduleDAGCtor;", C#'s using alias): the value is a type
                }
                var read = TryReadValue(s, arrow ? i + 2 : i + 1, end, out var vStart, out var vLen, out var vEnd);
                if (arrow && read && s[vStart - 1] != '"' && s[vStart - 1] != '\'')
                {
                    continue; // "key => value" only with a quoted value: a bare one is code (a constant, a call, a variable)
                }
                // YAML/JSON: the value on the next, more indented line ("password:\n  value", "key: |\n  value")
                if (c == ':' && (!read || IsBlockIndicator(s, vStart, vLen)) && KeyMightBeSecret(s, keyStart, keyEnd)
                    && TryReadNextLineValue(s, start, end, out var nStart, out var nLen))
                {
                    NextLineContent(s, end, out var nLine, out var nLineEnd);
                    ScanLaterValueLine(s, nLine, nLineEnd, results); // the value's line is scanned first (both paths alike)
                    vStart = nStart;
                    vLen = nLen;
                    vEnd = end;
                    read = true;
                }
                // PowerShell here-string: $Password = @'⏎value⏎'@ (a body of one value)
                if (c == '=' && KeyMightBeSecret(s, keyStart, keyEnd) && TryReadHereStringValue(s, i + 1, end, results, out var hStart, out var hLen))
                {
                    vStart = hStart;
                    vLen = hLen;
                    vEnd = end;
                    read = true;
                }
                if (!read)
                {
                    continue;
                }
                if (ReportAssignment(s, start, i, keyStart, keyEnd, vStart, vLen, results))
                {
                    i = Math.Max(i, vEnd - 1);
                }
            }
        }

        /// <summary>
        /// C/C++'s <c>#define NAME "value"</c> (also <c># define</c>, indented): the macro's name is the key of its string
        /// literal. A function-like macro (<c>#define KEY(x) …</c>) or a bare replacement (<c>#define API_KEY OTHER_KEY</c>,
        /// a number) is code.
        /// </summary>
        private static void ScanDefine(ScanText s, int start, int hash, int end, List<SecretMatch> results)
        {
            var i = SkipBlanks(s, hash + 1, end);
            if (end - i < 12 || !SecretText.SameAt(s, i, "define", 6) || (s[i + 6] != ' ' && s[i + 6] != '\t'))
            {
                return;
            }
            var keyStart = SkipBlanks(s, i + 6, end);
            var keyEnd = keyStart;
            while (keyEnd < end && SecretText.IsWord(s[keyEnd]))
            {
                keyEnd++;
            }
            if (keyEnd == keyStart || keyEnd >= end || (s[keyEnd] != ' ' && s[keyEnd] != '\t') || keyEnd - keyStart > 200
                || !KeyMightBeSecret(s, keyStart, keyEnd))
            {
                return;
            }
            var open = SkipBlanks(s, keyEnd, end);
            if (open < end && s[open] == '"' && TryReadValue(s, open, end, out var vStart, out var vLen, out _)
                && !SpellsTheName(s, keyStart, keyEnd, vStart, vLen))
            {
                ReportAssignment(s, start, -1, keyStart, keyEnd, vStart, vLen, results);
            }
        }

        /// <summary>
        /// PHP's <c>define('DB_PASSWORD', '…');</c> at the start of a line (WordPress's wp-config.php holds the database
        /// password and the salts this way): the quoted constant name is the key, a quoted literal the value. A value that is
        /// code (<c>getenv('X')</c>, <c>$_ENV['X']</c>, a constant) is not read; the names and values are judged as any
        /// assignment's (<see cref="ReportAssignment"/>).
        /// </summary>
        private static void ScanPhpDefine(ScanText s, int start, int first, int end, List<SecretMatch> results)
        {
            if (end - first < 14 || !SecretText.SameIgnoreCaseAt(s, first, "define", 6))
            {
                return;
            }
            var open = SkipBlanks(s, first + 6, end);
            if (open >= end || s[open] != '(')
            {
                return;
            }
            var nameQuote = SkipBlanks(s, open + 1, end);
            if (nameQuote >= end || (s[nameQuote] != '\'' && s[nameQuote] != '"'))
            {
                return;
            }
            var keyStart = nameQuote + 1;
            var keyEnd = keyStart;
            while (keyEnd < end && SecretText.IsWord(s[keyEnd]))
            {
                keyEnd++;
            }
            if (keyEnd == keyStart || keyEnd >= end || s[keyEnd] != s[nameQuote] || keyEnd - keyStart > 200 || !KeyMightBeSecret(s, keyStart, keyEnd))
            {
                return;
            }
            var comma = SkipBlanks(s, keyEnd + 1, end);
            if (comma >= end || s[comma] != ',')
            {
                return;
            }
            var value = SkipBlanks(s, comma + 1, end);
            if (value < end && (s[value] == '\'' || s[value] == '"') && TryReadValue(s, value, end, out var vStart, out var vLen, out _))
            {
                ReportAssignment(s, start, -1, keyStart, keyEnd, vStart, vLen, results);
            }
        }

        /// <summary>
        /// Whether the value's letters and digits are the end of the name's, in any case (separators ignored): a macro that
        /// names a thing by its own spelling (OpenSSL's <c>#define SN_setAttr_Token_B0Prime "setAttr-Token-B0Prime"</c>).
        /// </summary>
        private static bool SpellsTheName(ScanText s, int keyStart, int keyEnd, int vStart, int vLen)
        {
            var k = keyEnd - 1;
            var matched = 0;
            for (var v = vStart + vLen - 1; v >= vStart; v--)
            {
                var c = s[v];
                if (!SecretText.IsAlnum(c))
                {
                    continue;
                }
                while (k >= keyStart && !SecretText.IsAlnum(s[k]))
                {
                    k--;
                }
                if (k < keyStart || (s[k] | 0x20) != (c | 0x20))
                {
                    return false;
                }
                k--;
                matched++;
            }
            return matched > 0;
        }

        /// <summary>
        /// Judges the value [vStart, vStart + vLen) of the key [keyStart, keyEnd) (the operator at <paramref name="op"/>, or -1
        /// without one; <c>&lt;add key="K" value="…"/&gt;</c>: the sibling key names the value) by <see cref="ReportNamedValue"/>.
        /// </summary>
        private static bool ReportAssignment(ScanText s, int lineStart, int op, int keyStart, int keyEnd, int vStart, int vLen, List<SecretMatch> results)
        {
            if (keyEnd - keyStart == 5 && SecretText.SameIgnoreCaseAt(s, keyStart, "value", 5)
                && op >= 0 && TryXmlSiblingKey(s, lineStart, op, out var siblingStart, out var siblingEnd))
            {
                keyStart = siblingStart;
                keyEnd = siblingEnd;
            }
            return ReportNamedValue(s, keyStart, keyEnd, keyStart, vStart, vLen, results);
        }

        /// <summary>
        /// Judges a value under a name, for every reader that pairs the two (assignments, PowerShell parameters, command-line
        /// options): names the provider tokens already found in [vStart, vStart + vLen), or adds the context finding; true for
        /// either. The name [keyStart, keyEnd) is what <see cref="SecretKeyNames.Classify"/> reads; the finding's key is
        /// [nameStart, keyEnd), which may include what is written before the name (<c>-Password</c>, <c>--token</c>).
        /// </summary>
        private static bool ReportNamedValue(ScanText s, int keyStart, int keyEnd, int nameStart, int vStart, int vLen, List<SecretMatch> results)
        {
            // no credential is shorter than 8 characters (log levels, ports…); without a provider token in it,
            // a value the context rules reject by its characters alone needs no key string (no allocation)
            var hasProvider = HasProviderMatchIn(results, vStart, vLen);
            if (!hasProvider && (vLen < 8 || !ContextValueCharacters(s, vStart, vLen)))
            {
                return false;
            }
            if (!hasProvider && (SecretKeyNames.Classify(s, keyStart, keyEnd) == KeyNameClass.NotSecret || NeverContextSecret(s, vStart, vLen)))
            {
                return false; // what ClassifyContext would say, without allocating the key
            }
            if (!hasProvider && (InsideSecretArn(s, keyStart, vStart + vLen) || InSecretTargetOption(s, keyStart, vStart, vStart + vLen)))
            {
                return false; // ":secret:<name>" of an AWS secret's ARN, an item of gcloud's --set-secrets: not a key and its value
            }
            var key = s.Substring(nameStart, keyEnd - nameStart);

            // a provider token already found in this value: name the key it is assigned to
            var named = NameProviderMatches(results, vStart, vLen, key);
            if (!named)
            {
                var bare = vStart > 0 && s[vStart - 1] != '"' && s[vStart - 1] != '\'';
                var match = ClassifyContext(s, vStart, vLen, key, allowProviderFormats: false, bare);
                if (match == null)
                {
                    return false;
                }
                Add(results, match);
            }
            return true;
        }

        /// <summary>
        /// Gives <paramref name="key"/> to the provider tokens already found in the value [start, start + length) that have
        /// no key yet (a key/value pair names the token assigned to it); true when one was named.
        /// </summary>
        private static bool NameProviderMatches(List<SecretMatch> results, int start, int length, string key)
        {
            var named = false;
            for (var r = 0; r < results.Count; r++)
            {
                var m = results[r];
                if (m.KeyName == null && m.Offset >= start && m.Offset < start + length && m.Kind != SecretKind.PrivateKey)
                {
                    results[r] = m.WithKey(key);
                    named = true;
                }
            }
            return named;
        }

        private static bool HasProviderMatchIn(List<SecretMatch> results, int start, int length)
        {
            foreach (var m in results)
            {
                if (m.Offset >= start && m.Offset < start + length)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>YAML block scalar indicators: |, >, with optional chomping/indentation (|-, >+, |2).</summary>
        private static bool IsBlockIndicator(ScanText s, int start, int length)
        {
            if (length < 1 || length > 3 || (s[start] != '|' && s[start] != '>'))
            {
                return false;
            }
            for (var i = start + 1; i < start + length; i++)
            {
                if (s[i] != '-' && s[i] != '+' && !SecretText.IsDigit(s[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// The scalar on the line after a key line that ends at its ':' (YAML "password:\n  value", a block scalar's
        /// first line, pretty-printed JSON "key":\n "value"): the next non-blank line, indented deeper than the
        /// key line, holding one scalar (quoted or bare; not a mapping, list item, object, array or comment).
        /// </summary>
        private static bool TryReadNextLineValue(ScanText s, int lineStart, int lineEnd, out int vStart, out int vLen)
        {
            vStart = vLen = 0;
            var keyIndent = 0;
            while (lineStart + keyIndent < lineEnd && (s[lineStart + keyIndent] == ' ' || s[lineStart + keyIndent] == '\t'))
            {
                keyIndent++;
            }
            var nl = s.IndexOf('\n', lineEnd);
            if (nl < 0)
            {
                return false;
            }
            var next = nl + 1;
            var nextEnd = s.IndexOf('\n', next);
            nextEnd = nextEnd < 0 ? s.Length : nextEnd;
            if (nextEnd > next && s[nextEnd - 1] == '\r')
            {
                nextEnd--;
            }
            var i = next;
            while (i < nextEnd && (s[i] == ' ' || s[i] == '\t'))
            {
                i++;
            }
            if (i - next <= keyIndent || i >= nextEnd)
            {
                return false;
            }
            var e = nextEnd;
            while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == ','))
            {
                e--;
            }
            var first = s[i];
            if (first == '"' || first == '\'')
            {
                if (e - i < 2 || s[e - 1] != first)
                {
                    return false;
                }
                i++;
                e--;
            }
            else if (first == '-' || first == '{' || first == '[' || first == '#' || first == '&' || first == '*' || first == '!')
            {
                return false;
            }
            if (e <= i || s[e - 1] == ':' || s.IndexOf(": ", i, e - i, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
            vStart = i;
            vLen = e - i;
            return true;
        }

        /// <summary>The characters a context value may have (printable ASCII, no space, quote, back-tick or parenthesis; at most 1000).</summary>
#if NET8_0_OR_GREATER
        private static readonly System.Buffers.SearchValues<char> ContextValueChars = System.Buffers.SearchValues.Create(
            "!#$%&)*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_abcdefghijklmnopqrstuvwxyz{|}~");
#endif

        [MethodImpl(HotPath.Options)]
        private static bool ContextValueCharacters(ScanText s, int start, int length)
        {
            if (length <= 0 || length > 1000)
            {
                return false;
            }
#if NET8_0_OR_GREATER
            return s.AsSpan(start, length).IndexOfAnyExcept(ContextValueChars) < 0;
#else
            for (var i = start; i < start + length; i++)
            {
                var c = s[i];
                if (c <= ' ' || c > '~' || c == '(' || c == '"' || c == '\'' || c == '`')
                {
                    return false;
                }
            }
            return true;
#endif
        }

        /// <summary>Reads the key left of an '=' or ':' (identifier, "quoted", ['indexer'], or Section:Key) as [keyStart, keyEnd).</summary>
        private static bool TryReadKey(ScanText s, int lineStart, int op, out int keyStart, out int keyEnd)
        {
            keyStart = keyEnd = 0;
            var j = op - 1;
            while (j >= lineStart && (s[j] == ' ' || s[j] == '\t'))
            {
                j--;
            }
            if (j < lineStart)
            {
                return false;
            }
            if (s[j] == ']' && j > lineStart && (s[j - 1] == '"' || s[j - 1] == '\''))
            {
                j--;
            }
            else if (s[j] == ']' && s[op] == '=')
            {
                // a C array declarator: char password[] = "…", char token[33] = "…" (the name before it is the key)
                var d = j - 1;
                while (d >= lineStart && j - d <= 6 && SecretText.IsDigit(s[d]))
                {
                    d--;
                }
                if (d <= lineStart || s[d] != '[' || !SecretText.IsWord(s[d - 1]))
                {
                    return false;
                }
                j = d - 1;
            }
            if (s[j] == '"' || s[j] == '\'')
            {
                var quote = s[j];
                var open = s.LastIndexOf(quote, j - 1 < lineStart ? lineStart : j - 1, j - lineStart);
                if (open < lineStart || open >= j)
                {
                    return false;
                }
                if (j - open - 1 <= 0 || j - open - 1 > 200 || !KeyMightBeSecret(s, open + 1, j))
                {
                    return false;
                }
                keyStart = open + 1;
                keyEnd = j;
                return true;
            }
            if (s[j] == ':' && j == op - 1 && s[op] == '=')
            {
                // Go's "name := value"
                j--;
                while (j >= lineStart && (s[j] == ' ' || s[j] == '\t'))
                {
                    j--;
                }
                if (j < lineStart)
                {
                    return false;
                }
            }
            var nullable = s[j] == '?' && s[op] == '=' && j > lineStart; // Kotlin/Swift "String? = …": the type's '?'
            var k = nullable ? j - 1 : j;
            var wordEnd = k;
            while (k >= lineStart && (SecretText.IsWord(s[k]) || s[k] == '-' || s[k] == '.'))
            {
                k--;
            }
            if (k == wordEnd || wordEnd - k > 200)
            {
                return false;
            }
            // "value" may stand for a sibling key="…" attribute; otherwise the name must mention a secret word
            if (!nullable && (KeyMightBeSecret(s, k + 1, j + 1) || (j - k == 5 && SecretText.SameIgnoreCaseAt(s, k + 1, "value", 5))))
            {
                if (s[op] == ':' && AfterBlockKeyword(s, lineStart, k))
                {
                    return false; // Python's "if user or passwd: …": a condition and its block, not key: value
                }
                keyStart = k + 1;
                keyEnd = j + 1;
                return true;
            }
            // a typed declaration: the word is the type, the name before it is the key
            return s[op] == '=' && TryReadDeclaredName(s, lineStart, k, out keyStart, out keyEnd);
        }

        /// <summary>
        /// The key left of a <c>=&gt;</c> (PHP arrays, Perl hashes, Ruby hashes): a quoted string (<c>'password' =&gt;</c>), a
        /// bare word (Perl's <c>password =&gt;</c>, <c>-password =&gt;</c>) or a Ruby symbol (<c>:token =&gt;</c>) that names a
        /// secret and is an entry of a list: at the line's start or after <c>( [ { ,</c>. So an arrow function's parameter
        /// after <c>=</c> or a word (<c>const f = token =&gt; …</c>, <c>async key =&gt; …</c>), C#'s expression-bodied
        /// member (<c>string Password =&gt; …</c>), a parenthesised parameter list or a pattern (<c>(a) =&gt;</c>,
        /// <c>Some(x) =&gt;</c>, <c>_ =&gt;</c>), a PHP <c>$key =&gt; $value</c> and a scope (<c>Foo::TOKEN =&gt;</c>) are no key.
        /// </summary>
        private static bool TryReadArrowKey(ScanText s, int lineStart, int op, out int keyStart, out int keyEnd)
        {
            keyStart = keyEnd = 0;
            var j = op - 1;
            while (j >= lineStart && (s[j] == ' ' || s[j] == '\t'))
            {
                j--;
            }
            if (j <= lineStart)
            {
                return false;
            }
            int before;
            if (s[j] == '"' || s[j] == '\'')
            {
                var open = s.LastIndexOf(s[j], j - 1, j - lineStart);
                if (open < lineStart || j - open - 1 <= 0 || j - open - 1 > 200)
                {
                    return false;
                }
                keyStart = open + 1;
                keyEnd = j;
                before = open - 1;
            }
            else
            {
                var k = j;
                while (k >= lineStart && j - k <= 200 && (SecretText.IsWord(s[k]) || s[k] == '-'))
                {
                    k--;
                }
                if (k == j || j - k > 200)
                {
                    return false;
                }
                keyStart = s[k + 1] == '-' ? k + 2 : k + 1; // Perl's -password => …
                keyEnd = j + 1;
                before = k;
                if (before >= lineStart && s[before] == ':')
                {
                    if (before > lineStart && s[before - 1] == ':')
                    {
                        return false; // a scope, not a Ruby symbol
                    }
                    before--;
                }
            }
            while (before >= lineStart && (s[before] == ' ' || s[before] == '\t'))
            {
                before--;
            }
            if (before >= lineStart && s[before] != '(' && s[before] != '[' && s[before] != '{' && s[before] != ',')
            {
                return false;
            }
            return keyEnd > keyStart && KeyMightBeSecret(s, keyStart, keyEnd);
        }

        /// <summary>
        /// Whether the <c>=~</c> at <paramref name="op"/> assigns a value starting with '~' in an .env-like line
        /// (<c>TOKEN=~abc…</c>): the key is a name from the line's start (a letter or '_' first, then word characters) and the
        /// line has no blank. Perl's and Ruby's match operator has an operand that is no bare name (<c>$x =~ /…/</c>) or blanks.
        /// </summary>
        private static bool EnvTildeValue(ScanText s, int lineStart, int op, int end)
        {
            if (op == lineStart || !(SecretText.IsUpper(s[lineStart]) || SecretText.IsLower(s[lineStart]) || s[lineStart] == '_'))
            {
                return false;
            }
            for (var k = lineStart + 1; k < op; k++)
            {
                if (!SecretText.IsWord(s[k]))
                {
                    return false;
                }
            }
            return s.IndexOfAny(Blanks, op, end - op) < 0;
        }

        private static readonly char[] Blanks = { ' ', '\t' };

        /// <summary>
        /// The name declared with a type that ends at <paramref name="beforeType"/> (the character before the type's first):
        /// <c>name: Type</c> / <c>name?: Type</c> (TypeScript, Kotlin, Swift, Python, Scala), VB's <c>name As Type</c>, Go's
        /// <c>var|const name Type</c>; only a name that mentions a secret word.
        /// </summary>
        private static bool TryReadDeclaredName(ScanText s, int lineStart, int beforeType, out int keyStart, out int keyEnd)
        {
            keyStart = keyEnd = 0;
            var p = beforeType;
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            if (p < lineStart)
            {
                return false;
            }
            var go = false;
            if (s[p] == '&')
            {
                p = SkipBlanksBack(s, lineStart, p - 1); // Rust's reference type: name: &str
            }
            else if (SecretText.IsWord(s[p]) && p < beforeType)
            {
                var w = p;
                while (w >= lineStart && SecretText.IsWord(s[w]))
                {
                    w--;
                }
                if (w > lineStart && s[w] == '\'' && s[w - 1] == '&')
                {
                    p = SkipBlanksBack(s, lineStart, w - 2); // name: &'static str
                }
            }
            if (p < lineStart)
            {
                return false;
            }
            if (s[p] == ':')
            {
                if (p > lineStart && s[p - 1] == ':')
                {
                    return false; // a scope operator
                }
                p--;
                if (p >= lineStart && s[p] == '?')
                {
                    p--; // TypeScript's optional member
                }
            }
            else if (p < beforeType && p > lineStart && (s[p] | 0x20) == 's' && (s[p - 1] | 0x20) == 'a' && (p - 2 < lineStart || s[p - 2] == ' ' || s[p - 2] == '\t'))
            {
                p -= 2; // VB: name As Type
            }
            else if (p < beforeType && SecretText.IsWord(s[p]))
            {
                go = true; // Go: var|const name Type
            }
            else
            {
                return false;
            }
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            var q = p;
            while (q >= lineStart && SecretText.IsWord(s[q]))
            {
                q--;
            }
            if (q == p || p - q > 200 || !KeyMightBeSecret(s, q + 1, p + 1))
            {
                return false;
            }
            if (go)
            {
                var w = q;
                while (w >= lineStart && (s[w] == ' ' || s[w] == '\t'))
                {
                    w--;
                }
                if (w == q || !((w - 2 >= lineStart && SecretText.StartsWithAt(s, w - 2, "var") && (w - 3 < lineStart || !SecretText.IsWord(s[w - 3])))
                    || (w - 4 >= lineStart && SecretText.StartsWithAt(s, w - 4, "const") && (w - 5 < lineStart || !SecretText.IsWord(s[w - 5])))))
                {
                    return false;
                }
            }
            keyStart = q + 1;
            keyEnd = p + 1;
            return true;
        }

        private static int SkipBlanksBack(ScanText s, int lineStart, int p)
        {
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            return p;
        }

        /// <summary>Whether the key starting at <paramref name="keyStart"/> is the first word after <c>using</c>, which starts its line.</summary>
        private static bool AfterUsingKeyword(ScanText s, int lineStart, int keyStart)
        {
            var p = keyStart - 1;
            if (p < lineStart || (s[p] != ' ' && s[p] != '\t'))
            {
                return false;
            }
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            if (p - 4 < lineStart || !SecretText.SameAt(s, p - 4, "using", 5))
            {
                return false;
            }
            for (var k = lineStart; k < p - 4; k++)
            {
                if (s[k] != ' ' && s[k] != '\t')
                {
                    return false;
                }
            }
            return true;
        }

        private static readonly string[] BlockKeywords = { "if", "elif", "while", "or", "and", "not", "lambda", "in" };

        /// <summary>
        /// Whether the word before the key (ending at <paramref name="beforeKey"/>, the character before the key's first) is a
        /// Python keyword that opens or continues a condition (<c>if</c>, <c>elif</c>, <c>while</c>, <c>or</c>, <c>and</c>,
        /// <c>not</c>, <c>in</c>) or a <c>lambda</c>: then the ':' after the key ends a condition or parameter list. A YAML key
        /// or .env name is the first word of its line (after indentation, "- ", "{" or ","), so never follows one of these.
        /// </summary>
        private static bool AfterBlockKeyword(ScanText s, int lineStart, int beforeKey)
        {
            var p = beforeKey;
            while (p >= lineStart && (s[p] == ' ' || s[p] == '\t'))
            {
                p--;
            }
            if (p == beforeKey || p < lineStart)
            {
                return false; // no blank between them: part of the key, or the line's first word
            }
            var q = p;
            while (q >= lineStart && SecretText.IsWord(s[q]))
            {
                q--;
            }
            if (q >= lineStart && s[q] != ' ' && s[q] != '\t' && s[q] != '(')
            {
                return false;
            }
            foreach (var w in BlockKeywords)
            {
                if (p - q == w.Length && SecretText.SameAt(s, q + 1, w, w.Length))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Allocation-free prefilter: could <see cref="SecretKeyNames.Classify"/> say secret for s[start..end)? It holds
        /// key, tok, sec, pas, pwd, pat, cred, bearer or dsn (the fragments of a letter looked up by it: a key is read per
        /// assignment).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool KeyMightBeSecret(ScanText s, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = s[i] | 0x20;
                if (c < FragmentsByLetter.Length && FragmentsByLetter[c] is { } fragments)
                {
                    foreach (var f in fragments)
                    {
                        if (SecretText.EqualsLowerAt(s, i, end, f))
                        {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /// <summary>The fragments <see cref="KeyMightBeSecret"/> looks for, by their first (lower-case) letter.</summary>
        private static readonly string[]?[] FragmentsByLetter = BuildFragmentsByLetter("key", "tok", "sec", "pas", "pwd", "pat", "cred", "bearer", "dsn");

        private static string[]?[] BuildFragmentsByLetter(params string[] fragments)
        {
            var table = new string[]?['z' + 1];
            foreach (var f in fragments)
            {
                var list = table[f[0]] ?? Array.Empty<string>();
                Array.Resize(ref list, list.Length + 1);
                list[list.Length - 1] = f;
                table[f[0]] = list;
            }
            return table;
        }

        /// <summary>Reads the value right of an operator: a quoted string, or a bare token.</summary>
        private static bool TryReadValue(ScanText s, int from, int end, out int vStart, out int vLen, out int vEnd)
        {
            vStart = vLen = vEnd = 0;
            var i = from;
            while (i < end && (s[i] == ' ' || s[i] == '\t'))
            {
                i++;
            }
            if (i < end && (s[i] == '@' || s[i] == '$') && i + 1 < end && s[i + 1] == '"')
            {
                if (s[i] == '$')
                {
                    return false; // interpolated strings are handled by the C# analyzer
                }
                i++;
            }
            if (i >= end)
            {
                return false;
            }
            var c = s[i];
            if (c == '"' || c == '\'')
            {
                var close = i + 1;
                while (close < end && s[close] != c)
                {
                    if (s[close] == '\\' && c == '"')
                    {
                        close++;
                    }
                    close++;
                }
                if (close >= end)
                {
                    close = end; // unterminated on this line (multi-line strings): take the rest
                }
                vStart = i + 1;
                vLen = Math.Max(0, Math.Min(close, end) - vStart);
                vEnd = Math.Min(close + 1, end);
                return true;
            }
            var e = i;
            while (e < end)
            {
                var ch = s[e];
                if (ch == ' ' || ch == '\t' || ch == ';' || ch == ',' || ch == '"' || ch == '\'' || ch == ')' || ch == '}' || ch == ']' || ch == '<' || ch == '>')
                {
                    break;
                }
                if (ch == '&' && e > i && s[e - 1] != '&' && StartsParameter(s, e + 1, end))
                {
                    break; // a query string's next parameter (a=1&client_secret=…&grant_type=…)
                }
                e++;
            }
            vStart = i;
            vLen = e - i;
            vEnd = e;
            // a bare token that opens a subscript or a call before a quote is code, not a value (os.environ["X"], process.env["X"]);
            // so is a subscript (credentials[1], self.cache[key]), a subscripted type (Union[bytes, …]) or a generic type (IsEmpty<{}>)
            return vLen > 0 && s[e - 1] != '[' && s[e - 1] != '(' && !IsSubscriptOrGeneric(s, i, e, end)
                && !IsOperandOfAnExpression(s, i, e, end);
        }

        /// <summary>
        /// A bare identifier [start, e) followed by blanks and a binary operator (<c>+ - * / % | &amp; ^ ?</c>, then a blank,
        /// <c>(</c> or a digit) is an operand of an expression, code: a C enum or constant (<c>SEC_ERROR_BAD_PASSWORD =
        /// SEC_ERROR_BASE + 15,</c>, <c>x86_cpu_PAT = x86_cpu_index_1_edx + 16,</c>), a function pointer type
        /// (<c>= ScheduleDAGSDNodes *(*)(…)</c>). A value with a symbol in it is no identifier; a value followed by a comment
        /// (<c># …</c>, <c>// …</c>) is still a value.
        /// </summary>
        private static bool IsOperandOfAnExpression(ScanText s, int start, int e, int end)
        {
            if (e >= end || (s[e] != ' ' && s[e] != '\t') || !(SecretText.IsUpper(s[start]) || SecretText.IsLower(s[start]) || s[start] == '_'))
            {
                return false;
            }
            for (var k = start + 1; k < e; k++)
            {
                if (!SecretText.IsWord(s[k]))
                {
                    return false;
                }
            }
            var op = SkipBlanks(s, e, end);
            if (op + 1 >= end)
            {
                return false;
            }
            var c = s[op];
            var n = s[op + 1];
            if (c == '/' && (n == '/' || n == '*'))
            {
                return false; // a comment
            }
            return (c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '|' || c == '&' || c == '^' || c == '?')
                && (n == ' ' || n == '\t' || n == '(' || SecretText.IsDigit(n));
        }

        /// <summary>A query-string parameter at <paramref name="i"/>: a name (letter or '_' first, then word characters, '.', '-') and '='.</summary>
        private static bool StartsParameter(ScanText s, int i, int end)
        {
            if (i >= end || !(SecretText.IsUpper(s[i]) || SecretText.IsLower(s[i]) || s[i] == '_'))
            {
                return false;
            }
            for (var j = i + 1; j < end && j - i <= 64; j++)
            {
                var c = s[j];
                if (c == '=')
                {
                    return true;
                }
                if (!SecretText.IsWord(c) && c != '.' && c != '-')
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>
        /// A bare value [start, e) that is code: an identifier (maybe dotted) followed by '[' whose read ended at the ']'
        /// or ',' of that subscript (<c>credentials[1]</c>, <c>Union[bytes, …]</c>), or a PascalCase name directly followed
        /// by a generic argument list (<c>IsEmptyObject&lt;{}&gt;</c>, <c>Brand&lt;'x'&gt;</c>). A '[' in an .env value that
        /// closes nothing on the line is still a value.
        /// </summary>
        private static bool IsSubscriptOrGeneric(ScanText s, int start, int e, int end)
        {
            if (e >= end || !(SecretText.IsUpper(s[start]) || SecretText.IsLower(s[start]) || s[start] == '_'))
            {
                return false;
            }
            var stop = s[e];
            if (stop == ']' || stop == ',')
            {
                var open = s.IndexOf('[', start, e - start);
                if (open <= start)
                {
                    return false;
                }
                for (var i = start; i < open; i++)
                {
                    if (!SecretText.IsWord(s[i]) && s[i] != '.')
                    {
                        return false;
                    }
                }
                return true;
            }
            if (stop == '<' && e + 1 < end && SecretText.IsUpper(s[start]))
            {
                var next = s[e + 1];
                if (!(SecretText.IsUpper(next) || SecretText.IsLower(next) || next == '{' || next == '[' || next == '(' || next == '\'' || next == '"'))
                {
                    return false;
                }
                for (var i = start; i < e; i++)
                {
                    if (!SecretText.IsAlnum(s[i]))
                    {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private static readonly string[] XmlKeyAttributes = { "key=\"", "name=\"", "Key=\"", "Name=\"" };

        /// <summary>For XML &lt;add key="ApiKey" value="…"/&gt;: the key/name attribute before value, as [keyStart, keyEnd).</summary>
        private static bool TryXmlSiblingKey(ScanText s, int lineStart, int op, out int keyStart, out int keyEnd)
        {
            keyStart = keyEnd = 0;
            foreach (var attr in XmlKeyAttributes)
            {
                var a = s.LastIndexOf(attr, op, op - lineStart, StringComparison.Ordinal);
                if (a >= 0)
                {
                    var vs = a + attr.Length;
                    var ve = s.IndexOf('"', vs, op - vs);
                    if (ve > vs)
                    {
                        keyStart = vs;
                        keyEnd = ve;
                        return true;
                    }
                }
            }
            return false;
        }

        private static void ScanXmlElements(ScanText s, int start, int end, List<SecretMatch> results)
        {
            var lt = s.IndexOf('<', start, end - start);
            while (lt >= 0 && lt + 1 < end)
            {
                var nameEnd = lt + 1;
                while (nameEnd < end && (SecretText.IsWord(s[nameEnd]) || s[nameEnd] == '.' || s[nameEnd] == '-' || s[nameEnd] == ':'))
                {
                    nameEnd++;
                }
                if (nameEnd > lt + 1 && nameEnd < end && s[nameEnd] == '>')
                {
                    var name = s.Substring(lt + 1, nameEnd - lt - 1);
                    var vStart = nameEnd + 1;
                    var close = s.IndexOf("</" + name + ">", vStart, end - vStart, StringComparison.Ordinal);
                    if (close > vStart)
                    {
                        var match = ClassifyContext(s, vStart, close - vStart, name, allowProviderFormats: false);
                        if (match != null)
                        {
                            Add(results, match);
                        }
                    }
                }
                lt = nameEnd < end ? s.IndexOf('<', nameEnd, end - nameEnd) : -1;
            }
        }

        /// <summary>
        /// A value the context rules never take, whatever its key: a placeholder, a reference to code or configuration, a URL
        /// (judged by its user:password part, ScanUrl), a regular expression, or a secret store's reference to where the secret
        /// is kept (<see cref="LooksLikeSecretReference"/>: <c>projects/p/secrets/db/versions/2</c>, <c>arn:aws:secretsmanager:…</c>).
        /// Asked before a key's name is made a string: most secret-named keys in real files hold such values
        /// (<c>API_TOKEN: ${{ secrets.API_TOKEN }}</c>).
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private static bool NeverContextSecret(ScanText s, int start, int length) =>
            Placeholders.IsPlaceholder(s, start, length) || IsCodeReference(s, start, length)
            || s.IndexOf("://", start, length, StringComparison.Ordinal) >= 0 || LooksLikeRegex(s, start, length)
            || LooksLikeSecretReference(s, start, length);

        /// <summary>The context rules: a value that is a secret because of the key it is assigned to.</summary>
        [MethodImpl(HotPath.Options)]
        internal static SecretMatch? ClassifyContext(ScanText s, int start, int length, string key, bool allowProviderFormats, bool bare = false)
        {
            if (length <= 0 || length > 1000)
            {
                return null;
            }
            var cls = SecretKeyNames.Classify(key);
            if (cls == KeyNameClass.NotSecret)
            {
                // Google API keys are secrets only when a secret-named key holds them: handled below for secret keys only
                return null;
            }
            if (!ContextValueCharacters(s, start, length))
            {
                return null;
            }
            if (NeverContextSecret(s, start, length))
            {
                return null;
            }

            // a provider format that needs a secret-named key (e.g. Google API keys)
            if (ProviderDetectors.IsPrefixStart(s[start]))
            {
                if (ProviderDetectors.TryMatch(s, start, start + length, out var d, out var n) && n == length)
                {
                    return Create(s, start, length, d!.Provider, d.RequiresContext ? SecretKind.Context : SecretKind.Provider, key);
                }
                if (ProviderDetectors.HasKnownPrefix(s, start, length))
                {
                    return null; // a provider's prefix with an invalid body/checksum: a sample, not that provider's secret
                }
            }

            // a file path (private_key: /etc/ssl/private/app01.pem), or an account under a credential-named key
            // ($Credential = 'CONTOSO\svc-app01'): what the key names is elsewhere, or is not a secret
            if (LooksLikeFilePath(s, start, length)
                || (IsCredentialName(key, cls) && LooksLikeAccountName(s, start, length)))
            {
                return null;
            }

            var hint = SecretKeyNames.ProviderHint(key);
            if (cls == KeyNameClass.Password)
            {
                return (LooksLikePassword(s, start, length) && length >= 8) || LooksLikeLettersPassword(s, start, length, 10, underscoreIsSymbol: !bare)
                    ? Create(s, start, length, hint ?? "password", SecretKind.Context, key)
                    : null;
            }

            var value = s.Substring(start, length);
            if (SecretText.IsUuid(value))
            {
                return Create(s, start, length, hint ?? "generic-uuid", SecretKind.Context, key);
            }

            // AWS secret access keys: 40 base64 characters under an AWS secret/access key name
            if (length == 40 && SecretText.All(s, start, length, c => SecretText.IsAlnum(c) || c == '/' || c == '+')
                && (hint == "aws" || (SecretText.ContainsIgnoreCase(key, "secret") && SecretText.ContainsIgnoreCase(key, "access"))))
            {
                return value.EndsWith("EXAMPLEKEY", StringComparison.Ordinal) ? null : Create(s, start, length, "aws", SecretKind.Context, key);
            }

            if (length >= 32 && SecretText.All(s, start, length, SecretText.IsHex))
            {
                return SecretText.Entropy(s, start, length) >= 3.0 ? Create(s, start, length, hint ?? "generic-hex", SecretKind.Context, key) : null;
            }

            return LooksLikeGenericSecret(s, start, length) && !HasDocumentationWord(s, start, length)
                ? Create(s, start, length, hint ?? "generic-secret", SecretKind.Context, key)
                : null;
        }

        /// <summary>
        /// A regular expression, not a secret: a character class with a range (<c>[0-9A-F]</c>, <c>[a-z</c>) followed by a
        /// quantifier (<c>{1,4}</c>, <c>+</c>, <c>*</c>, <c>?</c>). Tokens are base64/hex/alphanumeric; a password with
        /// brackets has a range and a quantifier after it by chance only.
        /// </summary>
        private static bool LooksLikeRegex(ScanText s, int start, int length)
        {
            var end = start + length;
            var open = s.IndexOf('[', start, length);
            while (open >= 0 && open + 4 < end)
            {
                var close = s.IndexOf(']', open + 1, end - open - 1);
                if (close < 0 || close + 1 >= end)
                {
                    return false;
                }
                var q = s[close + 1];
                if (q == '{' || q == '+' || q == '*' || q == '?')
                {
                    for (var i = open + 2; i < close - 1; i++)
                    {
                        if (s[i] == '-' && SecretText.IsAlnum(s[i - 1]) && SecretText.IsAlnum(s[i + 1]))
                        {
                            return true;
                        }
                    }
                }
                open = s.IndexOf('[', close + 1, end - close - 1);
            }
            return false;
        }

        /// <summary>Dotted identifiers (var.db_password, os.environ, Settings.ApiKey) are code, not values.</summary>
        private static bool IsCodeReference(ScanText s, int start, int length)
        {
            var dots = 0;
            var segmentStart = true;
            for (var i = start; i < start + length; i++)
            {
                var c = s[i];
                if (c == '.')
                {
                    if (segmentStart)
                    {
                        return false;
                    }
                    dots++;
                    segmentStart = true;
                    continue;
                }
                if (segmentStart && !(SecretText.IsUpper(c) || SecretText.IsLower(c) || c == '_'))
                {
                    return false;
                }
                if (!SecretText.IsWord(c))
                {
                    return false;
                }
                segmentStart = false;
            }
            return dots > 0 && !segmentStart;
        }

        // ---------------------------------------------------------------- private keys

        private static void ScanPrivateKeys(ScanText s, List<SecretMatch> results, int firstBegin = -2)
        {
            const string Begin = "-----BEGIN ";
            var b = firstBegin >= -1 ? firstBegin : s.IndexOf(Begin, StringComparison.Ordinal);
            while (b >= 0)
            {
                var labelStart = b + Begin.Length;
                var labelEnd = s.IndexOf("-----", labelStart, Math.Min(80, s.Length - labelStart), StringComparison.Ordinal);
                if (labelEnd < 0)
                {
                    b = s.IndexOf(Begin, labelStart, StringComparison.Ordinal);
                    continue;
                }
                var label = s.Substring(labelStart, labelEnd - labelStart);
                var bodyStart = labelEnd + 5;
                if (label.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0)
                {
                    // the END line must name the same label (trailing dashes leniently counted: some tools emit 4)
                    var endMarker = "-----END " + label + "-";
                    var searchLength = Math.Min(s.Length - bodyStart, 256 * 1024);
                    var e = s.IndexOf(endMarker, bodyStart, searchLength, StringComparison.Ordinal);
                    if (e >= 0 && IsKeyBody(s, bodyStart, e))
                    {
                        var blockEnd = e + endMarker.Length;
                        while (blockEnd < s.Length && s[blockEnd] == '-')
                        {
                            blockEnd++;
                        }
                        Add(results, Create(s, b, blockEnd - b, "private-key", SecretKind.PrivateKey, null, hashStart: bodyStart, hashLength: e - bodyStart));
                        b = s.IndexOf(Begin, blockEnd, StringComparison.Ordinal);
                        continue;
                    }
                }
                b = s.IndexOf(Begin, bodyStart, StringComparison.Ordinal);
            }
        }

        private static bool IsKeyBody(ScanText s, int start, int end)
        {
            var counts = 0;
            var sb = new System.Text.StringBuilder();
            for (var i = start; i < end; i++)
            {
                var c = s[i];
                if (c == '\\' && i + 1 < end && (s[i + 1] == 'n' || s[i + 1] == 'r'))
                {
                    i++;
                    continue;
                }
                if (SecretText.IsBase64(c))
                {
                    counts++;
                    if (sb.Length < 4096)
                    {
                        sb.Append(c);
                    }
                }
            }
            if (counts < 64)
            {
                return false;
            }
            var body = sb.ToString();
            var filler = 0;
            foreach (var c in body)
            {
                if (c == 'x' || c == 'X')
                {
                    filler++;
                }
            }
            // real key bodies are random base64 (structure bytes give runs of 'A', so no run filter here)
            return SecretText.Entropy(body) >= 4.5 && filler * 5 < body.Length;
        }

        // ---------------------------------------------------------------- helpers

        private static SecretMatch Create(ScanText s, int start, int length, string provider, SecretKind kind, string? key, int hashStart = -1, int hashLength = 0)
        {
#if NET9_0_OR_GREATER
            // redacted and hashed where the value lies: no string of the secret
            var value = s.Slice(start, length);
            var hashed = hashStart >= 0 ? s.Slice(hashStart, hashLength) : value;
#else
            var value = s.Substring(start, length);
            var hashed = hashStart >= 0 ? s.Substring(hashStart, hashLength) : value;
#endif
            return new SecretMatch(provider, kind, start, length, key, Redaction.Redact(value), Redaction.Fingerprint(hashed));
        }

        /// <summary>Adds unless it overlaps a match already found (provider matches come first).</summary>
        private static void Add(List<SecretMatch> results, SecretMatch match)
        {
            foreach (var m in results)
            {
                if (match.Offset < m.Offset + m.Length && m.Offset < match.Offset + match.Length)
                {
                    return;
                }
            }
            results.Add(match);
        }

        /// <summary>Only comment punctuation and spaces before the marker: the comment has its own line.</summary>
        internal static bool IsOwnLineComment(ScanText text, int lineStart, int marker)
        {
            for (var k = lineStart; k < marker; k++)
            {
                var c = text[k];
                if (!(c == ' ' || c == '\t' || c == '/' || c == '#' || c == '*' || c == '-' || c == '<' || c == '!' || c == ';' || c == '\''))
                {
                    return false;
                }
            }
            return true;
        }

        private static HashSet<int> SuppressedLines(ScanText text, LineMap map)
        {
            var lines = new HashSet<int>();
            var i = text.IndexOf(SuppressionMarker, StringComparison.Ordinal);
            while (i >= 0)
            {
                var r = i + SuppressionMarker.Length;
                while (r < text.Length && (text[r] == ' ' || text[r] == '\t' || text[r] == ':'))
                {
                    r++;
                }
                // a reason is required: some text that is not the end of the comment
                var hasReason = r < text.Length && text[r] != '\n' && text[r] != '\r'
                    && !SecretText.SameAt(text, r, "*/", 2) && !SecretText.SameAt(text, r, "-->", 3);
                if (hasReason)
                {
                    var (line, column) = map.GetPosition(i);
                    lines.Add(line);
                    if (IsOwnLineComment(text, i - column + 1, i))
                    {
                        lines.Add(line + 1); // a comment line covers the line below it
                    }
                }
                i = text.IndexOf(SuppressionMarker, r, StringComparison.Ordinal);
            }
            return lines;
        }

        /// <summary>1-based line and column like <see cref="LineMap"/> (\n, \r\n and \r end a line) for ascending offsets.</summary>
        private ref struct ForwardLineCounter
        {
            private static readonly char[] Breaks = { '\r', '\n' };
            private readonly ScanText _text;
            private int _position;
            private int _line;
            private int _lineStart;

            public ForwardLineCounter(ScanText text)
            {
                _text = text;
                _position = 0;
                _line = 1;
                _lineStart = 0;
            }

            public (int Line, int Column) GetPosition(int offset)
            {
                if (offset > _text.Length)
                {
                    offset = _text.Length;
                }
#if NET8_0_OR_GREATER
                // without a '\r' before the offset, lines are counted with one vectorised pass
                if (_position < offset)
                {
                    var span = _text.AsSpan(_position, offset - _position);
                    if (span.IndexOf('\r') < 0)
                    {
                        var count = span.Count('\n');
                        if (count > 0)
                        {
                            _line += count;
                            _lineStart = _position + span.LastIndexOf('\n') + 1;
                        }
                        _position = offset;
                    }
                }
#endif
                while (_position < offset)
                {
                    var b = _text.IndexOfAny(Breaks, _position, offset - _position);
                    if (b < 0)
                    {
                        _position = offset;
                        break;
                    }
                    var next = _text[b] == '\r' && b + 1 < _text.Length && _text[b + 1] == '\n' ? b + 2 : b + 1;
                    if (next > offset)
                    {
                        _position = offset; // offset is the '\n' of a \r\n: still on this line
                        break;
                    }
                    _line++;
                    _lineStart = next;
                    _position = next;
                }
                return (_line, offset - _lineStart + 1);
            }
        }
    }
}
