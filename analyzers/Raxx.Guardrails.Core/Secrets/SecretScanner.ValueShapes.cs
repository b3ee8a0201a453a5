using System;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Values whose shape says they are not the secret their key names (judged in <see cref="ClassifyContext"/>, so every
    /// context path — assignments, PowerShell parameters, XML elements, RAXX401's literals — shares them): a file path
    /// (<c>private_key: /etc/ssl/private/app01.pem</c>), an account name under a credential-named key
    /// (<c>$Credential = 'CONTOSO\svc-app01'</c>), and a documentation value (<c>api_key = "example-api-key-1234567"</c>).
    /// </summary>
    public static partial class SecretScanner
    {
        /// <summary>
        /// A file path, not a secret: rooted (<c>/</c>), home-relative (<c>~/</c>, <c>~\</c>), a drive letter (<c>C:\</c>,
        /// <c>C:/</c>) or UNC (<c>\\server\share</c>); at least two separators (<c>/</c>, <c>\</c>, or an escaped <c>\\</c>),
        /// no empty segment; segments of letters, digits, <c>.</c>, <c>_</c>, <c>-</c> only; no word of a segment that the
        /// generic rule would call a secret by itself (≥ 16 letters and digits with its entropy); and a last segment that is
        /// a file name with an extension (<c>app01.pem</c>, <c>client.p12</c>: 1–8 letters and digits, a letter first) or an
        /// SSH key file's name (<c>id_rsa</c>, <c>id_ed25519_deploy</c>), or any name under a secrets mount directory
        /// (<c>/run/secrets/db_password2</c>, <see cref="InSecretMountDirectory"/>). Passwords with slashes fail it: a symbol
        /// (<c>/Xk9#mP2$v…</c>), no root (<c>ab/cd\ef…</c>), one separator, or no file name at the end. Base64 has no '.'.
        /// </summary>
        internal static bool LooksLikeFilePath(ScanText s, int start, int length)
        {
            var end = start + length;
            if (length < 5)
            {
                return false;
            }
            int i;
            var first = s[start];
            if (SecretText.IsUpper(first) || SecretText.IsLower(first))
            {
                if (s[start + 1] != ':' || (s[start + 2] != '\\' && s[start + 2] != '/'))
                {
                    return false;
                }
                i = start + 2; // C:\ or C:/
            }
            else if (first == '~')
            {
                i = start + 1; // ~/ or ~\
            }
            else if (first == '/')
            {
                i = start;
            }
            else if (first == '\\' && s[start + 1] == '\\')
            {
                // UNC: \\server (or \\\\server escaped); the root counts as one separator
                i = start + (length > 4 && s[start + 2] == '\\' && s[start + 3] == '\\' ? 3 : 1);
            }
            else
            {
                return false;
            }

            var separators = 0;
            var lastSegmentStart = -1;
            while (i < end)
            {
                var c = s[i];
                if (c == '/')
                {
                    i++;
                }
                else if (c == '\\')
                {
                    i += i + 1 < end && s[i + 1] == '\\' ? 2 : 1;
                }
                else
                {
                    return false; // a segment where a separator must be
                }
                separators++;
                var segmentStart = i;
                while (i < end && (SecretText.IsAlnum(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == '-'))
                {
                    i++;
                }
                if (i == segmentStart || HasSecretLookingWord(s, segmentStart, i))
                {
                    return false; // an empty segment, a character no path name has here, or a token in it
                }
                lastSegmentStart = segmentStart;
            }
            return separators >= 2 && (IsFileName(s, lastSegmentStart, end) || InSecretMountDirectory(s, start, length));
        }

        private static readonly string[] SecretMountDirectories = { "/run/secrets/", "/var/run/secrets/", "/etc/secrets/" };

        /// <summary>
        /// A path under a directory where Docker and Kubernetes mount secrets as files (<c>/run/secrets/db_password</c>,
        /// <c>/var/run/secrets/kubernetes.io/serviceaccount/token</c>, <c>/etc/secrets/api-key</c>): such files have no
        /// extension, and the key names the file that holds the secret (<c>DB_PASSWORD_FILE</c>, or the value of
        /// <c>DB_PASSWORD</c> read as a path). Only these directories: another rooted value needs a file name.
        /// </summary>
        private static bool InSecretMountDirectory(ScanText s, int start, int length)
        {
            foreach (var dir in SecretMountDirectories)
            {
                if (length > dir.Length && SecretText.SameAt(s, start, dir, dir.Length))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>A run of letters and digits inside [start, end) that the generic context rule calls a secret by itself.</summary>
        private static bool HasSecretLookingWord(ScanText s, int start, int end)
        {
            var w = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || !SecretText.IsAlnum(s[i]))
                {
                    if (LooksLikeGenericSecret(s, w, i - w))
                    {
                        return true;
                    }
                    w = i + 1;
                }
            }
            return false;
        }

        /// <summary><c>name.ext</c> (an extension of 1–8 letters and digits, a letter first) or an SSH key file's name.</summary>
        private static bool IsFileName(ScanText s, int start, int end)
        {
            var dot = s.LastIndexOf('.', end - 1, end - start);
            if (dot > start && dot < end - 1 && end - dot - 1 <= 8 && (SecretText.IsUpper(s[dot + 1]) || SecretText.IsLower(s[dot + 1]))
                && SecretText.All(s, dot + 1, end - dot - 1, SecretText.IsAlnum))
            {
                return true;
            }
            foreach (var name in SshKeyFileNames)
            {
                if (end - start >= name.Length && SecretText.SameAt(s, start, name, name.Length)
                    && (end - start == name.Length || s[start + name.Length] == '_' || s[start + name.Length] == '-'))
                {
                    return true; // id_rsa, id_ed25519_deploy, id_ecdsa-github
                }
            }
            return false;
        }

        private static readonly string[] SshKeyFileNames = { "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519" };

        /// <summary>
        /// A user account, not a secret, under a credential-named key: <c>DOMAIN\user</c> (<c>CONTOSO\svc-app01</c>,
        /// <c>corp.contoso.com\svc01</c>, a gMSA's <c>CONTOSO\gmsa01$</c>, the escaped <c>CONTOSO\\svc01</c>) or a UPN
        /// (<c>svc-deploy01@contoso.example</c>): a domain of letters, digits, '.', '-' (a letter or digit first), one
        /// backslash (or an escaped pair), and a user of letters, digits, '.', '_', '-' (maybe ending in '$'); a UPN is such a
        /// user, '@', and a dotted host name. A symbol other than those (<c>CONTOSO\x9!kQ…</c>, <c>CONTOSO\svc:pass</c>) is not
        /// an account name.
        /// </summary>
        internal static bool LooksLikeAccountName(ScanText s, int start, int length)
        {
            var end = start + length;
            var sep = s.IndexOf('\\', start, length);
            if (sep >= 0)
            {
                var userStart = sep + 1 < end && s[sep + 1] == '\\' ? sep + 2 : sep + 1;
                var userEnd = userStart < end && s[end - 1] == '$' ? end - 1 : end;
                return sep > start && sep - start <= 64 && SecretText.IsAlnum(s[start])
                    && SecretText.All(s, start, sep - start, c => SecretText.IsAlnum(c) || c == '.' || c == '-')
                    && userEnd > userStart && userEnd - userStart <= 64
                    && SecretText.All(s, userStart, userEnd - userStart, c => SecretText.IsWordDash(c) || c == '.');
            }
            var at = s.IndexOf('@', start, length);
            if (at <= start || at - start > 64 || !SecretText.All(s, start, at - start, c => SecretText.IsWordDash(c) || c == '.'))
            {
                return false;
            }
            var hostStart = at + 1;
            var lastDot = s.LastIndexOf('.', end - 1, end - hostStart);
            return lastDot > hostStart && end - lastDot - 1 >= 2
                && SecretText.All(s, hostStart, end - hostStart, c => SecretText.IsAlnum(c) || c == '.' || c == '-')
                && SecretText.All(s, lastDot + 1, end - lastDot - 1, c => SecretText.IsUpper(c) || SecretText.IsLower(c));
        }

        /// <summary>
        /// A key whose last word (a number after it ignored) is <c>credential</c> or <c>credentials</c> and that is not a
        /// password name (<c>$Credential</c>, <c>SERVICE_CREDENTIAL</c>, <c>DbCredentials2</c>; not <c>CredentialSecret</c>,
        /// <c>CredentialPassword</c>): what such a key holds may be an account (PowerShell's <c>-Credential 'DOMAIN\user'</c>).
        /// </summary>
        private static bool IsCredentialName(string key, KeyNameClass cls)
        {
            if (cls != KeyNameClass.Secret)
            {
                return false;
            }
            var e = key.Length;
            while (e > 0 && SecretText.IsDigit(key[e - 1]))
            {
                e--;
            }
            if (e > 0 && (key[e - 1] == 's' || key[e - 1] == 'S'))
            {
                e--;
            }
            const string word = "credential";
            return e >= word.Length && string.Compare(key, e - word.Length, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        /// <summary>
        /// Words that make a generic context value documentation, not a secret (<c>example-api-key-1234567</c>,
        /// <c>sample-key-12345678901234</c>); <see cref="Placeholders"/> has the rest (<c>your-api-key</c>, <c>changeme</c>…).
        /// Read only where no provider format matched (documented provider samples such as <c>…EXAMPLE</c> keys are judged
        /// by their format) and not for passwords (<c>Example2024!</c> is a password people use).
        /// </summary>
        private static readonly string[] DocumentationWords = { "example", "sample" };

        private static bool HasDocumentationWord(ScanText s, int start, int length)
        {
            foreach (var w in DocumentationWords)
            {
                if (s.IndexOf(w, start, length, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The generic context rule: ≥ 16 characters with letters and digits and entropy ≥ 3.3 (≥ 3.6 from 32 characters).</summary>
        private static bool LooksLikeGenericSecret(ScanText s, int start, int length)
        {
            if (length < 16 || !SecretText.HasLetter(s, start, length) || !SecretText.HasDigit(s, start, length))
            {
                return false;
            }
            return SecretText.Entropy(s, start, length) >= (length >= 32 ? 3.6 : 3.3);
        }
    }
}
