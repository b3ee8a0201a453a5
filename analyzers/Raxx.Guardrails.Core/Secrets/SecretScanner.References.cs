namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Values that name where a secret is kept — a secret store's reference — not the secret (judged in
    /// <see cref="NeverContextSecret"/>, so every reader of a value under a secret name shares them: assignments, command-line
    /// options, PowerShell parameters, XML elements, RAXX401's literals). Each shape is read exactly, as its store writes it:
    /// <list type="bullet">
    /// <item>GCP Secret Manager: <c>projects/&lt;project&gt;/[locations/&lt;location&gt;/]secrets/&lt;name&gt;</c>, then nothing,
    /// <c>/versions/&lt;n|latest&gt;</c> or gcloud's <c>:&lt;n|latest&gt;</c>; maybe after <c>//secretmanager.googleapis.com/</c>.</item>
    /// <item>AWS: <c>arn:&lt;aws|aws-cn|aws-us-gov&gt;:secretsmanager:&lt;region&gt;:&lt;12 digits&gt;:secret:&lt;name&gt;</c> (maybe
    /// with ECS's <c>:&lt;json-key&gt;:&lt;stage&gt;:&lt;version-id&gt;</c>) and <c>arn:…:ssm:&lt;region&gt;:&lt;account&gt;:parameter/&lt;path&gt;</c>.</item>
    /// <item>HashiCorp Vault as bank-vaults' webhook writes it: <c>vault:&lt;path&gt;/&lt;path&gt;#&lt;key&gt;[#&lt;version&gt;]</c>
    /// (<c>vault://…</c>, <c>ref+vault://…</c> and Azure Key Vault URIs have "://": already never a context secret;
    /// <c>@Microsoft.KeyVault(…)</c> has '(' that no context value has).</item>
    /// <item>gcloud's <c>--set-secrets</c>/<c>--update-secrets</c> list: <c>TARGET=REF[,TARGET=REF…]</c>, TARGET an
    /// environment variable's name or a rooted mount path, REF a GCP reference above or <c>&lt;name&gt;:&lt;n|latest&gt;</c>.</item>
    /// <item>Docker BuildKit's secret option: <c>id=&lt;id&gt;[,src=&lt;path&gt;|,env=&lt;VAR&gt;][,type=file|env]</c>
    /// (<c>docker build --secret id=npm,src=./npmrc</c>).</item>
    /// </list>
    /// No name, path or key in a reference may hold a word that the generic rule calls a secret by itself
    /// (<see cref="HasSecretLookingWord"/>): <c>projects/p/secrets/k7QpL2mZx9RtWv4YbN8cJ3</c> is still reported.
    /// </summary>
    public static partial class SecretScanner
    {
        /// <summary>The whole value [start, start + length) is a secret-store reference (see the type's remarks).</summary>
        internal static bool LooksLikeSecretReference(ScanText s, int start, int length)
        {
            var end = start + length;
            if (length < 8)
            {
                return false;
            }
            switch (s[start])
            {
                case 'p':
                    return GcpSecretEnd(s, start, end, allowShortName: false) == end;
                case '/':
                    return GcpSecretEnd(s, start, end, allowShortName: false) == end || IsSecretTargetList(s, start, end);
                case 'a':
                    return AwsSecretArnEnd(s, start, end) == end;
                case 'v':
                    return VaultReferenceEnd(s, start, end) == end;
            }
            return (SecretText.IsUpper(s[start]) || SecretText.IsLower(s[start]) || s[start] == '_')
                && s.IndexOf('=', start, length) > start
                && (IsSecretTargetList(s, start, end) || IsBuildKitSecretOption(s, start, end));
        }

        /// <summary>
        /// The key [keyStart, …) is a field of an AWS secret's ARN that ends with the value at <paramref name="valueEnd"/>:
        /// <c>arn:aws:secretsmanager:…:secret:&lt;name&gt;</c> read as "secret: &lt;name&gt;", ECS's <c>…:password:AWSCURRENT:</c>
        /// as "password: AWSCURRENT:". Asked only of a secret-named key right after a ':' (a field of such a value); reads back
        /// over the ARN's characters to its <c>arn:</c>.
        /// </summary>
        private static bool InsideSecretArn(ScanText s, int keyStart, int valueEnd)
        {
            if (keyStart < 8 || s[keyStart - 1] != ':')
            {
                return false;
            }
            var a = keyStart - 1;
            var limit = System.Math.Max(0, keyStart - 700);
            while (a > limit && IsArnChar(s[a - 1]))
            {
                a--;
            }
            return At(s, a, valueEnd, "arn:aws") && AwsSecretArnEnd(s, a, valueEnd) == valueEnd;
        }

        private static readonly string[] SecretTargetOptions = { "--set-secrets", "--update-secrets" };

        /// <summary>
        /// The key [keyStart, …) and its value [vStart, vEnd) — gcloud's short <c>&lt;name&gt;:&lt;version&gt;</c> — are an item of
        /// a <c>--set-secrets</c>/<c>--update-secrets</c> list (<c>--set-secrets=DB_PASSWORD=db-pass:3,…</c>,
        /// <c>--set-secrets 'DB_PASSWORD=db-pass:latest'</c>): the whole list, read back to the option, is
        /// <see cref="IsSecretTargetList"/>. Outside such an option <c>DB_PASSWORD=db-pass:3</c> is judged as a value.
        /// </summary>
        private static bool InSecretTargetOption(ScanText s, int keyStart, int vStart, int vEnd)
        {
            if (keyStart < 15 || GcpSecretEnd(s, vStart, vEnd, allowShortName: true) != vEnd)
            {
                return false;
            }
            var a = keyStart;
            var limit = System.Math.Max(0, keyStart - 2000);
            while (a > limit && IsTargetListChar(s[a - 1]))
            {
                a--;
            }
            var listStart = -1;
            foreach (var option in SecretTargetOptions)
            {
                if (a + option.Length < vEnd && At(s, a, vEnd, option) && s[a + option.Length] == '=')
                {
                    listStart = a + option.Length + 1; // --set-secrets=LIST
                }
            }
            if (listStart < 0)
            {
                // --set-secrets LIST, --set-secrets 'LIST', --set-secrets "LIST"
                listStart = a;
                var o = a > 0 && (s[a - 1] == '\'' || s[a - 1] == '"') ? a - 1 : a;
                var blanks = o;
                while (blanks > 0 && (s[blanks - 1] == ' ' || s[blanks - 1] == '\t'))
                {
                    blanks--;
                }
                var named = false;
                foreach (var option in SecretTargetOptions)
                {
                    named |= blanks < o && blanks >= option.Length && At(s, blanks - option.Length, blanks, option);
                }
                if (!named)
                {
                    return false;
                }
            }
            var listEnd = vEnd;
            while (listEnd < s.Length && IsTargetListChar(s[listEnd]))
            {
                listEnd++;
            }
            return listEnd > listStart && IsSecretTargetList(s, listStart, listEnd);
        }

        private static bool IsTargetListChar(char c) =>
            SecretText.IsWordDash(c) || c == '=' || c == ',' || c == ':' || c == '/' || c == '.';

        private static bool IsArnChar(char c) =>
            SecretText.IsAlnum(c) || c == ':' || c == '/' || c == '_' || c == '-' || c == '+' || c == '=' || c == '.' || c == '@';

        /// <summary><paramref name="text"/> at [i, end).</summary>
        private static bool At(ScanText s, int i, int end, string text) => end - i >= text.Length && SecretText.StartsWithAt(s, i, text);

        /// <summary>The end of a run of characters that <paramref name="allowed"/> accepts, from <paramref name="i"/>.</summary>
        private static int RunEnd(ScanText s, int i, int end, System.Func<char, bool> allowed)
        {
            while (i < end && allowed(s[i]))
            {
                i++;
            }
            return i;
        }

        private static bool IsNameChar(char c) => SecretText.IsWordDash(c);

        /// <summary>
        /// A GCP Secret Manager reference from <paramref name="i"/>: its end (the value's end or a ',' after it), or -1.
        /// <paramref name="allowShortName"/>: gcloud's <c>&lt;name&gt;:&lt;version&gt;</c> without the project (in a target list only).
        /// </summary>
        private static int GcpSecretEnd(ScanText s, int i, int end, bool allowShortName)
        {
            const string Api = "//secretmanager.googleapis.com/";
            var nameStart = i;
            var full = false;
            if (At(s, i, end, "projects/") || (At(s, i, end, Api) && At(s, i + Api.Length, end, "projects/")))
            {
                i += s[i] == '/' ? Api.Length + 9 : 9;
                // a project number, or an ID: a lower-case letter, then lower-case letters, digits and '-'
                var projectEnd = i < end && SecretText.IsDigit(s[i]) ? RunEnd(s, i, end, SecretText.IsDigit)
                    : i < end && SecretText.IsLower(s[i]) ? RunEnd(s, i, end, c => SecretText.IsLower(c) || SecretText.IsDigit(c) || c == '-')
                    : i;
                if (projectEnd == i || !At(s, projectEnd, end, "/"))
                {
                    return -1;
                }
                i = projectEnd + 1;
                if (At(s, i, end, "locations/"))
                {
                    var locationEnd = RunEnd(s, i + 10, end, c => SecretText.IsLower(c) || SecretText.IsDigit(c) || c == '-');
                    if (locationEnd == i + 10 || !At(s, locationEnd, end, "/"))
                    {
                        return -1;
                    }
                    i = locationEnd + 1;
                }
                if (!At(s, i, end, "secrets/"))
                {
                    return -1;
                }
                i += 8;
                nameStart = i;
                full = true;
            }
            else if (!allowShortName)
            {
                return -1;
            }
            var nameEnd = RunEnd(s, nameStart, end, IsNameChar);
            if (nameEnd == nameStart || nameEnd - nameStart > 255)
            {
                return -1;
            }
            i = nameEnd;
            if (At(s, i, end, "/versions/"))
            {
                i = VersionEnd(s, i + 10, end);
            }
            else if (At(s, i, end, ":"))
            {
                i = VersionEnd(s, i + 1, end);
            }
            else if (!full)
            {
                return -1; // gcloud's short form needs its version
            }
            return i >= 0 && (i == end || s[i] == ',') && !HasSecretLookingWord(s, nameStart, nameEnd) ? i : -1;
        }

        /// <summary>A secret version (digits or <c>latest</c>) from <paramref name="i"/>: its end, or -1.</summary>
        private static int VersionEnd(ScanText s, int i, int end)
        {
            if (At(s, i, end, "latest"))
            {
                return i + 6;
            }
            var e = RunEnd(s, i, end, SecretText.IsDigit);
            return e > i ? e : -1;
        }

        /// <summary>
        /// An AWS Secrets Manager secret's or SSM parameter's ARN from <paramref name="i"/> (the value's start): its end, or -1.
        /// </summary>
        private static int AwsSecretArnEnd(ScanText s, int i, int end)
        {
            if (!At(s, i, end, "arn:aws"))
            {
                return -1;
            }
            i += 7;
            if (At(s, i, end, "-cn:"))
            {
                i += 4;
            }
            else if (At(s, i, end, "-us-gov:"))
            {
                i += 8;
            }
            else if (At(s, i, end, ":"))
            {
                i += 1;
            }
            else
            {
                return -1;
            }
            var secretsManager = At(s, i, end, "secretsmanager:");
            if (!secretsManager && !At(s, i, end, "ssm:"))
            {
                return -1;
            }
            i += secretsManager ? 15 : 4;

            // region: lower-case words joined by '-', then '-' and a number (us-east-1, us-gov-west-1, cn-north-1)
            var regionStart = i;
            i = RunEnd(s, i, end, c => SecretText.IsLower(c) || c == '-');
            var numberEnd = RunEnd(s, i, end, SecretText.IsDigit);
            if (i - regionStart < 4 || s[i - 1] != '-' || s[regionStart] == '-' || numberEnd == i || !At(s, numberEnd, end, ":"))
            {
                return -1;
            }
            i = numberEnd + 1;
            var accountEnd = RunEnd(s, i, end, SecretText.IsDigit);
            if (accountEnd - i != 12)
            {
                return -1;
            }
            i = accountEnd;
            if (secretsManager)
            {
                if (!At(s, i, end, ":secret:"))
                {
                    return -1;
                }
                i += 8;
                var nameEnd = RunEnd(s, i, end, c => SecretText.IsAlnum(c) || c == '/' || c == '_' || c == '+' || c == '=' || c == '.' || c == '@' || c == '-');
                if (nameEnd == i || HasSecretLookingWord(s, i, nameEnd))
                {
                    return -1;
                }
                i = nameEnd;
                if (i < end && s[i] == ':')
                {
                    // ECS/Batch: …:secret:<name>:<json-key>:<version-stage>:<version-id> (each maybe empty)
                    for (var field = 0; field < 3; field++)
                    {
                        if (!At(s, i, end, ":"))
                        {
                            return -1;
                        }
                        var fieldEnd = RunEnd(s, i + 1, end, c => SecretText.IsWordDash(c) || c == '.');
                        if (HasSecretLookingWord(s, i + 1, fieldEnd))
                        {
                            return -1;
                        }
                        i = fieldEnd;
                    }
                }
                return i;
            }
            if (!At(s, i, end, ":parameter/"))
            {
                return -1;
            }
            i += 11;
            var pathEnd = RunEnd(s, i, end, c => SecretText.IsWordDash(c) || c == '.' || c == '/');
            return pathEnd > i && !HasSecretLookingWord(s, i, pathEnd) ? pathEnd : -1;
        }

        /// <summary><c>vault:&lt;segment&gt;/&lt;segment&gt;[/…]#&lt;key&gt;[#&lt;version&gt;]</c> from <paramref name="i"/>: its end, or -1.</summary>
        private static int VaultReferenceEnd(ScanText s, int i, int end)
        {
            if (!At(s, i, end, "vault:"))
            {
                return -1;
            }
            i += 6;
            var segments = 0;
            while (true)
            {
                var segmentEnd = RunEnd(s, i, end, c => SecretText.IsWordDash(c) || c == '.');
                if (segmentEnd == i || HasSecretLookingWord(s, i, segmentEnd))
                {
                    return -1;
                }
                segments++;
                i = segmentEnd;
                if (!At(s, i, end, "/"))
                {
                    break;
                }
                i++;
            }
            if (segments < 2 || !At(s, i, end, "#"))
            {
                return -1;
            }
            var keyEnd = RunEnd(s, i + 1, end, c => SecretText.IsWordDash(c) || c == '.');
            if (keyEnd == i + 1 || HasSecretLookingWord(s, i + 1, keyEnd))
            {
                return -1;
            }
            i = keyEnd;
            if (At(s, i, end, "#"))
            {
                var versionEnd = RunEnd(s, i + 1, end, SecretText.IsDigit);
                i = versionEnd > i + 1 ? versionEnd : -1;
            }
            return i;
        }

        /// <summary>
        /// gcloud's <c>--set-secrets</c>/<c>--update-secrets</c> value: <c>TARGET=REF</c> items joined by ',', TARGET an
        /// environment variable's name (a letter or '_' first, then word characters) or a rooted mount path, REF a GCP
        /// reference (<see cref="GcpSecretEnd"/>, the short <c>name:version</c> too).
        /// </summary>
        private static bool IsSecretTargetList(ScanText s, int i, int end)
        {
            while (true)
            {
                int targetEnd;
                if (s[i] == '/')
                {
                    targetEnd = RunEnd(s, i + 1, end, c => SecretText.IsWordDash(c) || c == '.' || c == '/');
                }
                else if (SecretText.IsUpper(s[i]) || SecretText.IsLower(s[i]) || s[i] == '_')
                {
                    targetEnd = RunEnd(s, i, end, SecretText.IsWord);
                }
                else
                {
                    return false;
                }
                if (!At(s, targetEnd, end, "="))
                {
                    return false;
                }
                var refEnd = GcpSecretEnd(s, targetEnd + 1, end, allowShortName: true);
                if (refEnd < 0)
                {
                    return false;
                }
                if (refEnd == end)
                {
                    return true;
                }
                i = refEnd + 1; // after ','
                if (i >= end)
                {
                    return false;
                }
            }
        }

        private static readonly string[] BuildKitSecretKeys = { "id=", "src=", "source=", "env=", "type=" };

        /// <summary>
        /// Docker BuildKit's <c>--secret</c> value: <c>key=value</c> items joined by ',', the keys <c>id</c> (required),
        /// <c>src</c>/<c>source</c>, <c>env</c>, <c>type</c>, each once at most; the values names and paths (word characters,
        /// '.', '/', '~'), no word of which the generic rule calls a secret.
        /// </summary>
        private static bool IsBuildKitSecretOption(ScanText s, int i, int end)
        {
            var seen = 0;
            while (true)
            {
                var key = -1;
                for (var k = 0; k < BuildKitSecretKeys.Length; k++)
                {
                    if (At(s, i, end, BuildKitSecretKeys[k]))
                    {
                        key = k;
                        break;
                    }
                }
                if (key < 0 || (seen & (1 << key)) != 0)
                {
                    return false;
                }
                seen |= 1 << key;
                i += BuildKitSecretKeys[key].Length;
                var valueEnd = RunEnd(s, i, end, c => SecretText.IsWordDash(c) || c == '.' || c == '/' || c == '~');
                if (valueEnd == i || HasSecretLookingWord(s, i, valueEnd))
                {
                    return false;
                }
                if (valueEnd == end)
                {
                    return (seen & 1) != 0;
                }
                if (s[valueEnd] != ',' || valueEnd + 1 >= end)
                {
                    return false;
                }
                i = valueEnd + 1;
            }
        }
    }
}
