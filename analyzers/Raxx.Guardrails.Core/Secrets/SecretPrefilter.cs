using System;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Where a finding can be. Every finding of <see cref="SecretScanner"/> needs, on its line, a provider
    /// prefix (<see cref="ProviderDetectors"/>), "://" (URL passwords, Slack webhooks, Sentry DSNs), "Q~"
    /// (Azure AD secrets), "-us" (Mailchimp), or — for key/value context — a fragment without which
    /// <see cref="SecretKeyNames.Classify"/> never says secret (token, secret, cred, key, bearer, dsn, pat,
    /// pwd, pass). On .NET 8+ these are vectorised <c>SearchValues&lt;string&gt;</c> searches over the whole
    /// text, so lines without a trigger are never looked at character by character; netstandard2.0 hosts
    /// (analyzers, MSBuild tasks) run the line-by-line reference scan (same findings).
    /// </summary>
    internal static class SecretPrefilter
    {
        /// <summary>Fragments every secret-bearing key name contains (see SecretKeyNames: SecretWords, PasswordWords, "key").</summary>
        internal static readonly string[] KeyFragments = { "token", "secret", "cred", "key", "bearer", "dsn", "pat", "pwd", "pass" };

        /// <summary>Markers searched with the provider prefixes (one set of passes for both): URLs, Mailchimp, PEM blocks, suppressions.
        /// Declared before the groups built from it (static initialisers run in text order).</summary>
        internal static readonly string[] StructureMarkers = { "://", "-us", "Q~", "-----BEGIN ", SecretScanner.SuppressionMarker, "curl", SecretScanner.NetworkCredentialType,
            "-AsPlainText", "-asplaintext", "-asPlainText", // SecretScanner.PlainTextSwitches
            SecretScanner.ShortPasswordOption, // mysql -pX, sshpass -p, … login -p
            SecretScanner.RedisCliMarker }; // redis-cli -a

        internal static IReadOnlyList<string> ProviderPrefixes()
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in ProviderDetectors.All)
            {
                foreach (var p in d.Prefixes)
                {
                    set.Add(p);
                }
            }
            var list = new List<string>(set);
            list.Sort(StringComparer.Ordinal);
            return list;
        }

#if NET8_0_OR_GREATER
        /// <summary>Case-insensitive secret-name fragments: one Teddy search (fast with few values).</summary>
        private static readonly SearchValues<string> KeyFragmentValues = SearchValues.Create(KeyFragments, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Provider prefixes in groups of at most 12 (measured: one search over ~50 values is several times slower per
        /// byte than a few searches over 12 (12 beat 8, 10, 16 and 25 on the bench tree), because Teddy's buckets overflow and most positions need verifying).
        /// </summary>
        private static readonly SearchValues<string>[] ProviderGroups = BuildProviderGroups();

        private static SearchValues<string>[] BuildProviderGroups()
        {
            var prefixes = new List<string>(ProviderPrefixes());
            // Slack webhook URLs ("https://hooks.slack.com/…") are found at their "://" (an anchor of "htt" would
            // make every URL a candidate of the provider search)
            prefixes.RemoveAll(p => p.IndexOf("://", StringComparison.Ordinal) >= 0);
            prefixes.AddRange(StructureMarkers);
            var groups = new List<SearchValues<string>>();
            for (var i = 0; i < prefixes.Count; i += 12)
            {
                var n = Math.Min(12, prefixes.Count - i);
                var chunk = new string[n];
                for (var k = 0; k < n; k++)
                {
                    chunk[k] = prefixes[i + k];
                }
                groups.Add(SearchValues.Create(chunk, StringComparison.Ordinal));
            }
            return groups.ToArray();
        }

        /// <summary>Every position where a provider prefix or a structure marker occurs, ascending (one Teddy search per group).</summary>
        internal static void CollectGroupHits(ScanText text, List<int> hits)
        {
            var span = text.AsSpan();
            var groupsWithHits = 0;
            foreach (var group in ProviderGroups)
            {
                var before = hits.Count;
                var pos = 0;
                while (pos < span.Length)
                {
                    var i = span.Slice(pos).IndexOfAny(group);
                    if (i < 0)
                    {
                        break;
                    }
                    hits.Add(pos + i);
                    pos += i + 1;
                }
                if (hits.Count > before)
                {
                    groupsWithHits++;
                }
            }
            if (groupsWithHits > 1)
            {
                hits.Sort();
            }
        }

        // ---- one-pass candidate search (AVX2) ------------------------------------------------------------
        // A provider token is only ever taken where it starts a token (SecretText.IsBoundaryBefore: the previous
        // character is not [A-Za-z0-9_+/.~-]), so the candidates are: a provider prefix's (or "curl"'s, or NetworkCredential's) first three
        // characters right after a boundary (Teddy-style buckets, then checked exactly against the prefix table), ':'
        // before '/' or 'a' ("://", and the suppression marker "raxx:allow-credential" by its colon), '-' before 'u',
        // '-', 'p' or 'c' ("-us", "-----BEGIN ", a command line's "-p", redis-cli's "-cli") and "Q~". The character classes are nibble tables looked up with PSHUFB on the
        // UTF-16 text packed to bytes (a char >= 0x100 packs to 0xFF or 0x00: in no class, as the scalar checks say for
        // non-ASCII). ScanByTriggers visits a provider hit only at a boundary and only succeeds where TryMatch finds a
        // prefix, so this set gives the same findings as the groups (asserted by SecretScannerEquivalenceTests).

        private static readonly Vector256<byte> TokenClassLow = NibbleTable(c => SecretText.IsAlnum(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '.' || c == '~');

        /// <summary>The <see cref="TeddyTables"/> of the anchors a provider token (or curl, NetworkCredential, -AsPlainText) starts with.</summary>
        private static readonly Vector256<byte>[] PrefixTables = BuildPrefixTables();

        private static Vector256<byte>[] BuildPrefixTables()
        {
            // the anchors taken at a token start: provider prefixes (Slack webhook URLs are found at their "://") and "curl"
            var anchors = new List<string>();
            foreach (var p in ProviderPrefixes())
            {
                if (p.IndexOf("://", StringComparison.Ordinal) < 0)
                {
                    anchors.Add(p);
                }
            }
            anchors.Add("curl");
            // NetworkCredential's spellings that start a token ("Net…" also covers "Net.NetworkCredential")
            anchors.Add(SecretScanner.NetworkCredentialType);
            anchors.Add("System.Net.NetworkCredential");
            // ConvertTo-SecureString's plain-text switch (SecretScanner.PlainTextSwitches: "-As…", "-as…")
            anchors.Add("-As");
            anchors.Add("-as");
            return TeddyTables(anchors);
        }

        /// <summary>
        /// Teddy-style bucket tables for the strings' first three characters: the strings are put in 8 buckets by their
        /// first character; for position k (0, 1, 2) and a character's low / high nibble, the bits of the buckets holding a
        /// string with that nibble there (both 128-bit lanes alike). A position is a candidate when one bucket bit
        /// survives all six lookups.
        /// </summary>
        private static Vector256<byte>[] TeddyTables(IReadOnlyList<string> anchors)
        {
            var firsts = new List<char>();
            foreach (var p in anchors)
            {
                if (!firsts.Contains(p[0]))
                {
                    firsts.Add(p[0]);
                }
            }
            var tables = new byte[6][];
            for (var t = 0; t < 6; t++)
            {
                tables[t] = new byte[32];
            }
            foreach (var p in anchors)
            {
                var bucket = (byte)(1 << (firsts.IndexOf(p[0]) % 8));
                for (var k = 0; k < 3; k++)
                {
                    var c = p[k];
                    tables[2 * k][c & 15] |= bucket;
                    tables[2 * k][16 + (c & 15)] |= bucket;
                    tables[2 * k + 1][c >> 4] |= bucket;
                    tables[2 * k + 1][16 + (c >> 4)] |= bucket;
                }
            }
            return Array.ConvertAll(tables, Vector256.Create);
        }

        private static readonly Vector256<byte> HighNibbleBit = Vector256.Create(
            (byte)1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0);

        /// <summary>For each low nibble, the bit set of high nibbles (0–7) whose ASCII character is in the class; both 128-bit lanes alike.</summary>
        private static Vector256<byte> NibbleTable(Func<char, bool> member)
        {
            var table = new byte[32];
            for (var c = 0; c < 128; c++)
            {
                if (member((char)c))
                {
                    table[c & 15] |= (byte)(1 << (c >> 4));
                    table[16 + (c & 15)] |= (byte)(1 << (c >> 4));
                }
            }
            return Vector256.Create(table);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<byte> Pack32(ref ushort at)
        {
            var a = Vector256.LoadUnsafe(ref at).AsInt16();
            var b = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, 16)).AsInt16();
            return Avx2.Permute4x64(Avx2.PackUnsignedSaturate(a, b).AsUInt64(), 0b11_01_10_00).AsByte();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint InClass(Vector256<byte> bytes, Vector256<byte> lowTable, Vector256<byte> highBits)
        {
            var nibble = Vector256.Create((byte)15);
            var low = Avx2.Shuffle(lowTable, bytes & nibble);
            var high = Avx2.Shuffle(highBits, (bytes.AsUInt16() >> 4).AsByte() & nibble);
            return ~(uint)Avx2.MoveMask(Avx2.CompareEqual(low & high, Vector256<byte>.Zero));
        }

        /// <summary>
        /// Every position where a provider prefix's first three characters start a token, and every structure marker
        /// ("://", "-us", "Q~", "-----BEGIN ", the suppression marker), ascending. Needs AVX2 (callers check).
        /// </summary>
        internal static bool CollectBoundaryHits(ScanText text, List<int> hits) => CollectBoundaryHits(text, hits, WideSteps, null);

        /// <summary>As the one above; with AVX-512 it also records the key-fragment candidates in <paramref name="fragments"/>.</summary>
        internal static bool CollectBoundaryHits(ScanText text, List<int> hits, KeyFragmentCandidates? fragments) =>
            CollectBoundaryHits(text, hits, WideSteps, fragments);

        internal static bool CollectBoundaryHits(ScanText text, List<int> hits, bool wide) => CollectBoundaryHits(text, hits, wide, null);

        /// <summary>The 64-character steps are used: AVX-512 is there and the runtime finds it worth using.</summary>
        internal static readonly bool WideSteps = Vector512.IsHardwareAccelerated && Avx512BW.IsSupported && Avx512F.IsSupported;

        /// <summary>
        /// <paramref name="wide"/>: 64 characters per step with AVX-512 (where the runtime finds it worth using) up to the
        /// last 128, then the 32-character AVX2 steps and the scalar tail as without it; both give the same hits, in the
        /// same order (asserted by SecretPrefilterTests on the corpus and on generated texts).
        /// </summary>
        /// <returns>
        /// Whether the text holds a '\r' (seen on the way: the scan then makes lone ones line feeds, without a pass of its
        /// own over every text). The hits do not depend on it: '\r' and '\n' are both outside the token class and no
        /// marker holds either, so they are the hits of the text with its lone '\r' made '\n'.
        /// </returns>
        /// <param name="fragments">
        /// Where the AVX-512 steps record the key-fragment candidates of the blocks they look at (null: not asked; without
        /// the wide steps none are recorded and <see cref="KeyFragmentCandidates.Covered"/> is 0).
        /// </param>
        internal static bool CollectBoundaryHits(ScanText text, List<int> hits, bool wide, KeyFragmentCandidates? fragments)
        {
            var n = text.Length;
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var sawReturn = false;
            if (fragments != null)
            {
                fragments.Covered = 0;
            }
            var i = wide ? CollectBoundaryHits512(text, hits, ref sawReturn, fragments) : 0;
            var carriageReturn = Vector256.Create((byte)'\r');
            var returns = Vector256<byte>.Zero;
            // the tables in locals: static readonly fields are not constants to the first (optimised, not tier-1) JIT
            var tokenClass = TokenClassLow;
            var low0 = PrefixTables[0];
            var high0 = PrefixTables[1];
            var low1 = PrefixTables[2];
            var high1 = PrefixTables[3];
            var low2 = PrefixTables[4];
            var high2 = PrefixTables[5];
            var nibble = Vector256.Create((byte)15);
            var highBits = HighNibbleBit;
            var colon = Vector256.Create((byte)':');
            var dash = Vector256.Create((byte)'-');
            var slash = Vector256.Create((byte)'/');
            var letterA = Vector256.Create((byte)'a');
            var letterU = Vector256.Create((byte)'u');
            var letterP = Vector256.Create((byte)'p');
            var letterC = Vector256.Create((byte)'c');
            var letterQ = Vector256.Create((byte)'Q');
            var tilde = Vector256.Create((byte)'~');
            // each 32-character block is packed once; the previous, next and third characters of its positions are the
            // block shifted by one or two bytes across its neighbours (before the text: 0, a boundary, as at offset 0)
            // (from where the wide steps stopped: the block there, and the one before it for the previous character)
            // (each block's candidates are stored and checked after the loop, as in the wide steps: no call inside it)
            var candidateBlocks = (fragments ?? (ScratchCandidates ??= new KeyFragmentCandidates())).ReserveCandidates(n);
            var from = i;
            var block = i + 64 <= n ? Pack32(ref Unsafe.Add(ref chars, i)) : Vector256<byte>.Zero;
            var previousBlock = i >= 32 ? Pack32(ref Unsafe.Add(ref chars, i - 32)) : Vector256<byte>.Zero;
            for (; i + 64 <= n; i += 32)
            {
                var current = block;
                var nextBlock = Pack32(ref Unsafe.Add(ref chars, i + 32));
                var ahead = Avx2.Permute2x128(current, nextBlock, 0x21);
                var previous = Avx2.AlignRight(current, Avx2.Permute2x128(previousBlock, current, 0x21), 15);
                var next = Avx2.AlignRight(ahead, current, 1);
                var third = Avx2.AlignRight(ahead, current, 2);
                previousBlock = current;
                block = nextBlock;
                returns |= Avx2.CompareEqual(current, carriageReturn); // (a char above 0xFF packs to 0xFF or 0x00, never '\r')
                // ':' then '/' ("://") or 'a' (the suppression marker's "raxx:allow"); '-' then 'u' ("-us"), '-' ("-----BEGIN ")
                // 'p' (a command line's "-p") or 'c' (redis-cli's "-cli"); "Q~" (Azure AD)
                var markers = (Avx2.CompareEqual(current, colon) & (Avx2.CompareEqual(next, slash) | Avx2.CompareEqual(next, letterA)))
                    | (Avx2.CompareEqual(current, dash) & (Avx2.CompareEqual(next, letterU) | Avx2.CompareEqual(next, dash) | Avx2.CompareEqual(next, letterP)
                        | Avx2.CompareEqual(next, letterC)))
                    | (Avx2.CompareEqual(current, letterQ) & Avx2.CompareEqual(next, tilde));
                var buckets = Avx2.Shuffle(low0, current & nibble) & Avx2.Shuffle(high0, (current.AsUInt16() >> 4).AsByte() & nibble)
                    & Avx2.Shuffle(low1, next & nibble) & Avx2.Shuffle(high1, (next.AsUInt16() >> 4).AsByte() & nibble)
                    & Avx2.Shuffle(low2, third & nibble) & Avx2.Shuffle(high2, (third.AsUInt16() >> 4).AsByte() & nibble);
                var candidates = (~(uint)Avx2.MoveMask(Avx2.CompareEqual(buckets, Vector256<byte>.Zero)) & ~InClass(previous, tokenClass, highBits))
                    | (uint)Avx2.MoveMask(markers);
                candidateBlocks[i >> 5] = candidates;
            }
            for (var b = from >> 5; b < i >> 5; b++)
            {
                var candidates = candidateBlocks[b];
                while (candidates != 0)
                {
                    CheckCandidate(text, (b << 5) + BitOperations.TrailingZeroCount(candidates), hits);
                    candidates &= candidates - 1;
                }
            }
            for (; i < n; i++)
            {
                CheckCandidate(text, i, hits);
                sawReturn |= text[i] == '\r';
            }
            return sawReturn || returns != Vector256<byte>.Zero;
        }

        private static readonly Vector512<byte> TokenClassLow512 = Vector512.Create(TokenClassLow, TokenClassLow);
        private static readonly Vector512<byte> HighNibbleBit512 = Vector512.Create(HighNibbleBit, HighNibbleBit);
        private static readonly Vector512<byte>[] PrefixTables512 = Array.ConvertAll(PrefixTables, v => Vector512.Create(v, v));

        /// <summary>
        /// The two-character markers the AVX2 steps compare for (":/" and ":a", "-u", "--", "-p" and "-c", "Q~") as nibble tables of
        /// their first and second characters, a bucket of their own each: a position is a marker when a bucket bit survives the
        /// four lookups, and with one character per bucket and position that is exact (same candidates as the compares).
        /// </summary>
        private static readonly Vector512<byte>[] MarkerTables512 = BuildMarkerTables();

        private static Vector512<byte>[] BuildMarkerTables()
        {
            string[] markers = { ":/", ":a", "-u", "--", "-p", "-c", "Q~" };
            var tables = new byte[4][];
            for (var t = 0; t < 4; t++)
            {
                tables[t] = new byte[64];
            }
            for (var m = 0; m < markers.Length; m++)
            {
                for (var k = 0; k < 2; k++)
                {
                    var c = markers[m][k];
                    for (var lane = 0; lane < 64; lane += 16)
                    {
                        tables[2 * k][lane + (c & 15)] |= (byte)(1 << m);
                        tables[2 * k + 1][lane + (c >> 4)] |= (byte)(1 << m);
                    }
                }
            }
            return Array.ConvertAll(tables, t => Vector512.Create(t));
        }

        /// <summary>The 64 characters at <paramref name="at"/> packed to bytes, in order (as <see cref="Pack32"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<byte> Pack64(ref ushort at)
        {
            var a = Vector512.LoadUnsafe(ref at).AsInt16();
            var b = Vector512.LoadUnsafe(ref Unsafe.Add(ref at, 32)).AsInt16();
            // the pack works per 128-bit lane (a0 b0 a1 b1 … in quadwords): put the quadwords back in order
            return Avx512F.PermuteVar8x64(Avx512BW.PackUnsignedSaturate(a, b).AsInt64(), Vector512.Create(0L, 2, 4, 6, 1, 3, 5, 7)).AsByte();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<byte> HighNibbles(Vector512<byte> bytes, Vector512<byte> nibble) =>
            Vector512.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble;

        /// <summary>
        /// <see cref="CollectBoundaryHits(ScanText, List{int}, bool)"/>'s steps 64 characters wide, while 128 are left;
        /// returns where it stopped. The same lookups as the AVX2 steps: the byte shifts across the 128-bit lanes take
        /// the neighbouring lanes' quadwords first (PermuteVar8x64x2), then align within each lane.
        /// </summary>
        private static int CollectBoundaryHits512(ScanText text, List<int> hits, ref bool sawReturn, KeyFragmentCandidates? fragments)
        {
            // the key-fragment lookups ride along (the blocks are already packed and shifted): into this thread's scratch
            // when not asked for. The candidates of each block are stored too and checked after the loop: a call inside
            // it made the JIT spill and reload every vector it holds (18 of them) on each step, call or not
            var store = fragments ?? (ScratchCandidates ??= new KeyFragmentCandidates());
            var fragmentBlocks = store.Reserve(text.Length);
            var candidateBlocks = store.Candidates;
            var fragmentLow0 = FragmentTables512[0];
            var fragmentHigh0 = FragmentTables512[1];
            var fragmentLow1 = FragmentTables512[2];
            var fragmentHigh1 = FragmentTables512[3];
            var fragmentLow2 = FragmentTables512[4];
            var fragmentHigh2 = FragmentTables512[5];
            var caseBitHigh = Vector512.Create((byte)2); // 0x20 (c | 0x20 lowers a letter) in the high nibble
            var carriageReturn = Vector512.Create((byte)'\r');
            var returns = Vector512<byte>.Zero;
            var n = text.Length;
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var tokenClass = TokenClassLow512;
            var highBits = HighNibbleBit512;
            var low0 = PrefixTables512[0];
            var high0 = PrefixTables512[1];
            var low1 = PrefixTables512[2];
            var high1 = PrefixTables512[3];
            var low2 = PrefixTables512[4];
            var high2 = PrefixTables512[5];
            var nibble = Vector512.Create((byte)15);
            var markerLow0 = MarkerTables512[0];
            var markerHigh0 = MarkerTables512[1];
            var markerLow1 = MarkerTables512[2];
            var markerHigh1 = MarkerTables512[3];
            // quadword indices: the lanes after this block's first (the next block's first lane last), and the lanes
            // before its last (the previous block's last lane first)
            var aheadIndex = Vector512.Create(2L, 3, 4, 5, 6, 7, 8, 9);
            var behindIndex = Vector512.Create(6L, 7, 8, 9, 10, 11, 12, 13);
            var i = 0;
            var block = n >= 128 ? Pack64(ref chars) : Vector512<byte>.Zero;
            var previousBlock = Vector512<byte>.Zero;
            for (; i + 128 <= n; i += 64)
            {
                var current = block;
                var nextBlock = Pack64(ref Unsafe.Add(ref chars, i + 64));
                var ahead = Avx512F.PermuteVar8x64x2(current.AsInt64(), aheadIndex, nextBlock.AsInt64()).AsByte();
                var behind = Avx512F.PermuteVar8x64x2(previousBlock.AsInt64(), behindIndex, current.AsInt64()).AsByte();
                var previous = Avx512BW.AlignRight(current, behind, 15);
                var next = Avx512BW.AlignRight(ahead, current, 1);
                var third = Avx512BW.AlignRight(ahead, current, 2);
                previousBlock = current;
                block = nextBlock;
                returns |= Vector512.Equals(current, carriageReturn);
                var lowCurrent = current & nibble;
                var highCurrent = HighNibbles(current, nibble);
                var lowNext = next & nibble;
                var highNext = HighNibbles(next, nibble);
                // the two-character markers (":/", ":a", "-u", "--", "-p", "-c", "Q~"), one bucket each, so the four lookups are
                // exact: four shuffles where ten compares were
                var markers = Avx512BW.Shuffle(markerLow0, lowCurrent) & Avx512BW.Shuffle(markerHigh0, highCurrent)
                    & Avx512BW.Shuffle(markerLow1, lowNext) & Avx512BW.Shuffle(markerHigh1, highNext);
                var lowThird = third & nibble;
                var highThird = HighNibbles(third, nibble);
                var buckets = Avx512BW.Shuffle(low0, lowCurrent) & Avx512BW.Shuffle(high0, highCurrent)
                    & Avx512BW.Shuffle(low1, lowNext) & Avx512BW.Shuffle(high1, highNext)
                    & Avx512BW.Shuffle(low2, lowThird) & Avx512BW.Shuffle(high2, highThird);
                // the key fragments' buckets of the lowered characters (c | 0x20 keeps the low nibble, sets the high one's bit 1)
                var fragmentBuckets = Avx512BW.Shuffle(fragmentLow0, lowCurrent) & Avx512BW.Shuffle(fragmentHigh0, highCurrent | caseBitHigh)
                    & Avx512BW.Shuffle(fragmentLow1, lowNext) & Avx512BW.Shuffle(fragmentHigh1, highNext | caseBitHigh)
                    & Avx512BW.Shuffle(fragmentLow2, lowThird) & Avx512BW.Shuffle(fragmentHigh2, highThird | caseBitHigh);
                fragmentBlocks[i >> 6] = ~Vector512.Equals(fragmentBuckets, Vector512<byte>.Zero).ExtractMostSignificantBits();
                var inClass = Avx512BW.Shuffle(tokenClass, previous & nibble) & Avx512BW.Shuffle(highBits, HighNibbles(previous, nibble));
                var candidates = (~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits()
                        & Vector512.Equals(inClass, Vector512<byte>.Zero).ExtractMostSignificantBits())
                    | ~Vector512.Equals(markers, Vector512<byte>.Zero).ExtractMostSignificantBits();
                candidateBlocks[i >> 6] = candidates;
            }
            sawReturn = returns != Vector512<byte>.Zero;
            // each candidate checked, in order (so the hits ascend as before)
            for (var b = 0; b < i >> 6; b++)
            {
                var candidates = candidateBlocks[b];
                while (candidates != 0)
                {
                    CheckCandidate(text, (b << 6) + BitOperations.TrailingZeroCount(candidates), hits);
                    candidates &= candidates - 1;
                }
            }
            if (fragments != null)
            {
                fragments.Covered = i;
            }
            return i;
        }

        /// <summary>Where the wide steps store their masks when the caller does not ask for the fragment candidates.</summary>
        [ThreadStatic]
        private static KeyFragmentCandidates? ScratchCandidates;

        [MethodImpl(HotPath.Options)]
        private static void CheckCandidate(ScanText s, int i, List<int> hits)
        {
            var c = s[i];
            if (c == ':')
            {
                if (i + 2 < s.Length && s[i + 1] == '/' && s[i + 2] == '/')
                {
                    hits.Add(i);
                }
                else if (i >= 4 && s[i - 4] == 'r' && SecretText.SameAt(s, i - 4, SecretScanner.SuppressionMarker, SecretScanner.SuppressionMarker.Length))
                {
                    hits.Add(i - 4);
                }
            }
            else if (c == '-')
            {
                if (i + 2 < s.Length && s[i + 1] == 'u' && s[i + 2] == 's')
                {
                    hits.Add(i);
                }
                else if (i + 11 <= s.Length && s[i + 1] == '-' && SecretText.SameAt(s, i, "-----BEGIN ", 11))
                {
                    hits.Add(i);
                }
                else if (SecretScanner.PlainTextSwitchAt(s, i))
                {
                    hits.Add(i); // ConvertTo-SecureString's -AsPlainText where it starts a token
                }
                else if (i + 1 < s.Length && s[i + 1] == 'p')
                {
                    hits.Add(i); // "-p", a command line's short password option (SecretScanner.ScanShortPasswordOptions)
                }
                else if (i + 3 < s.Length && s[i + 1] == 'c' && s[i + 2] == 'l' && s[i + 3] == 'i')
                {
                    hits.Add(i); // "-cli", redis-cli's (SecretScanner.ScanRedisCliPasswords)
                }
            }
            else if (c == 'Q')
            {
                if (i + 1 < s.Length && s[i + 1] == '~')
                {
                    hits.Add(i);
                }
            }
            else if (i + 2 < s.Length && (ProviderDetectors.IsFirstThree(c, s[i + 1], s[i + 2]) || (c == 'c' && SecretText.StartsWithAt(s, i, "curl"))
                    || ((c == 'N' || c == 'S') && SecretScanner.CredentialTypeAt(s, i, out _)))
                && SecretText.IsBoundaryBefore(s, i))
            {
                hits.Add(i); // a provider prefix's start, "curl" (its -u/--user argument) or a NetworkCredential type name
            }
        }

        /// <summary>
        /// Position of the next secret-name fragment at or after <paramref name="from"/>, or -1. A bare
        /// <c> key=</c> attribute (XML <c>&lt;add key="…"</c>) is not one: the key it names is exactly "key",
        /// which never classifies as secret (a secret-named sibling value holds its own fragment, and a finding
        /// on the line is visited anyway).
        /// </summary>
        public static int NextKeyFragment(ScanText text, int from) => NextKeyFragmentTeddy(text, from);

        /// <summary>
        /// <see cref="NextKeyFragment(ScanText, int)"/> from the candidates the candidate search recorded (before
        /// <see cref="KeyFragmentCandidates.Covered"/>: each checked in order by <see cref="IsKeyFragmentAt"/>, no search
        /// of the text), then by searching the rest. The same position as the search from <paramref name="from"/>: a
        /// position's candidate bit depends only on its own three characters.
        /// </summary>
        internal static int NextKeyFragment(ScanText text, int from, KeyFragmentCandidates fragments)
        {
            var covered = fragments.Covered;
            if (from < covered)
            {
                var blocks = fragments.Blocks;
                var b = from >> 6;
                var mask = blocks[b] & (ulong.MaxValue << (from & 63));
                while (true)
                {
                    while (mask != 0)
                    {
                        var at = (b << 6) + BitOperations.TrailingZeroCount(mask);
                        if (IsKeyFragmentAt(text, at))
                        {
                            return at;
                        }
                        mask &= mask - 1;
                    }
                    b++;
                    if (b << 6 >= covered)
                    {
                        break;
                    }
                    mask = blocks[b];
                }
                from = covered;
            }
            return NextKeyFragment(text, from);
        }

        /// <summary>
        /// Teddy tables of the key fragments' first three characters in lower case (the candidate search looks a block up
        /// with its letters lowered, c | 0x20), each 128-bit lane alike; a candidate is then checked exactly by
        /// <see cref="IsKeyFragmentAt"/> (<see cref="NextKeyFragment(ScanText, int, KeyFragmentCandidates)"/>).
        /// </summary>
        private static readonly Vector512<byte>[] FragmentTables512 = Array.ConvertAll(TeddyTables(KeyFragments), v => Vector512.Create(v, v));

        /// <summary>
        /// A key fragment starts at <paramref name="i"/> (ASCII case-insensitive, as the SearchValues search), and it is not
        /// a bare <c> key=</c> attribute.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        internal static bool IsKeyFragmentAt(ScanText s, int i)
        {
            if (BitConverter.IsLittleEndian && i + 6 <= s.Length)
            {
                // four characters at once, letters lowered (c | 0x20 equals a lower-case letter only for it and its upper case)
                var four = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), i))) | 0x0020_0020_0020_0020UL;
                var three = four & 0x0000_FFFF_FFFF_FFFFUL;
                switch ((char)four)
                {
                    case 't':
                        return four == TokeChars && (s[i + 4] | 0x20) == 'n';
                    case 's':
                        return four == SecrChars && (s[i + 4] | 0x20) == 'e' && (s[i + 5] | 0x20) == 't';
                    case 'c':
                        return four == CredChars;
                    case 'k':
                        return three == KeyChars
                            && !IsBareKeyAttribute(s, i);
                    case 'b':
                        return four == BearChars && (s[i + 4] | 0x20) == 'e' && (s[i + 5] | 0x20) == 'r';
                    case 'd':
                        return three == DsnChars;
                    case 'p':
                        return three == PatChars || three == PwdChars || four == PassChars;
                    default:
                        return false;
                }
            }
            switch ((char)(s[i] | 0x20))
            {
                case 't':
                    return SecretText.EqualsLowerAt(s, i, "token");
                case 's':
                    return SecretText.EqualsLowerAt(s, i, "secret");
                case 'c':
                    return SecretText.EqualsLowerAt(s, i, "cred");
                case 'k':
                    return SecretText.EqualsLowerAt(s, i, "key")
                        && !IsBareKeyAttribute(s, i);
                case 'b':
                    return SecretText.EqualsLowerAt(s, i, "bearer");
                case 'd':
                    return SecretText.EqualsLowerAt(s, i, "dsn");
                case 'p':
                    return SecretText.EqualsLowerAt(s, i, "pat") || SecretText.EqualsLowerAt(s, i, "pwd") || SecretText.EqualsLowerAt(s, i, "pass");
                default:
                    return false;
            }
        }

        /// <summary>
        /// The key-fragment candidates the AVX-512 candidate search records on its way through a text (the blocks are
        /// already packed and shifted there, so the fragments' Teddy lookups cost six shuffles more per block instead of a
        /// search of their own): bit k of <see cref="Blocks"/>[b] is position 64·b + k, unchecked; positions before
        /// <see cref="Covered"/> have theirs. One per thread, reused from text to text.
        /// </summary>
        internal sealed class KeyFragmentCandidates
        {
            internal ulong[] Blocks = new ulong[256];

            /// <summary>Every position before this one has its candidate bit (the wide steps' end; 0 without them).</summary>
            internal int Covered;

            /// <summary>
            /// The candidate search's own candidates, one mask per block as <see cref="Blocks"/> (the positions it checks
            /// after its vector steps; sized with it by <see cref="Reserve"/>).
            /// </summary>
            internal ulong[] Candidates = new ulong[256];

            /// <summary>The 32-character steps' candidates, one mask per 32 positions (the steps after the wide ones, or all of them without AVX-512).</summary>
            private uint[] _candidates32 = new uint[512];

            internal uint[] ReserveCandidates(int length)
            {
                var needed = (length >> 5) + 1;
                if (_candidates32.Length < needed)
                {
                    _candidates32 = new uint[Math.Max(needed, _candidates32.Length * 2)];
                }
                return _candidates32;
            }

            internal ulong[] Reserve(int length)
            {
                var needed = (length >> 6) + 1;
                if (Blocks.Length < needed)
                {
                    Blocks = new ulong[Math.Max(needed, Blocks.Length * 2)];
                    Candidates = new ulong[Blocks.Length];
                }
                return Blocks;
            }
        }

        /// <summary>The "key" at <paramref name="i"/> is a bare <c> key=</c> attribute (see <see cref="NextKeyFragment"/>).</summary>
        private static bool IsBareKeyAttribute(ScanText s, int i) =>
            i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t') && i + 3 < s.Length && s[i + 3] == '=';

        /// <summary>Four (three) characters as the little-endian quadword they are in memory.</summary>
        private static ulong Four(string s) => s[0] | ((ulong)s[1] << 16) | ((ulong)s[2] << 32) | ((ulong)s[3] << 48);

        private static ulong Three(string s) => s[0] | ((ulong)s[1] << 16) | ((ulong)s[2] << 32);

        // the fragments' first characters as quadwords (static readonly: constants to the optimising JIT)
        private static readonly ulong TokeChars = Four("toke");
        private static readonly ulong SecrChars = Four("secr");
        private static readonly ulong CredChars = Four("cred");
        private static readonly ulong BearChars = Four("bear");
        private static readonly ulong PassChars = Four("pass");
        private static readonly ulong KeyChars = Three("key");
        private static readonly ulong DsnChars = Three("dsn");
        private static readonly ulong PatChars = Three("pat");
        private static readonly ulong PwdChars = Three("pwd");

        private static int NextKeyFragmentTeddy(ScanText text, int from)
        {
            while (from < text.Length)
            {
                var i = text.AsSpan(from).IndexOfAny(KeyFragmentValues);
                if (i < 0)
                {
                    return -1;
                }
                i += from;
                if (IsBareKeyAttribute(text, i)
                    && SecretText.SameIgnoreCaseAt(text, i, "key", 3))
                {
                    from = i + 3;
                    continue;
                }
                return i;
            }
            return -1;
        }
#endif
    }
}
