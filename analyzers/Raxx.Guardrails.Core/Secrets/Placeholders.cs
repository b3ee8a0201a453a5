using System;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>
    /// Values that are references or placeholders, not secrets: CI/env references (<c>${{ secrets.X }}</c>,
    /// <c>$VAR</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>$(VAR)</c>, <c>@VAR@</c>, back-ticked commands),
    /// templates (<c>{{ x }}</c>, <c>{x}</c>, <c>&lt;your-token&gt;</c>), documentation words
    /// (changeme, REPLACE_ME, your-…, placeholder, dummy, not_a_real…), runs of x/X/*/#/., empty values, and the example
    /// tokens published in RFCs and vendor docs (<see cref="IsPublishedExample"/>).
    /// </summary>
    public static class Placeholders
    {
        private static readonly string[] Words =
        {
            "changeme", "change_me", "change-me", "replace_me", "replaceme", "replace-me", "replace_with", "replace-with",
            "your_", "your-", "yourkey", "yoursecret", "yourtoken", "yourpassword", "placeholder", "dummy", "not_a_real",
            "not-a-real", "notareal", "notreal", "redacted", "put_your", "insert_", "insert-", "<your", "todo",
        };

        /// <summary>
        /// Example values published in specifications and vendor documentation, copied verbatim into tests, docs and sample
        /// code: RFC 6749's access token, refresh token and authorization code (§4.1), RFC 5849's consumer key and token
        /// (§3.5.1), RFC 7009's revoked token (§2.1), and the HS256 token of RFC 7519 / jwt.io ("John Doe"). Only the exact
        /// value is an example (as AWS's documented …EXAMPLE keys are): one character changed is a token again. (RFC 6750's
        /// <c>mF_9.B5f-4.1JqM</c> is not here: 15 characters, no rule reports it or its look-alikes.)
        /// </summary>
        private static readonly string[] PublishedExamples =
        {
            "2YotnFZFEjr1zCsicMWpAA", // RFC 6749 §4.1.4: access_token, refresh_token; §4.1.2: code
            "tGzv3JOkF0XG5Qx2TlKWIA",
            "SplxlOBeZQQYbYS6WxSbIA",
            "0685bd9184jfhq22", // RFC 5849 (OAuth 1.0) §3.5.1: oauth_consumer_key, oauth_token
            "ad180jjd733klru7",
            "45ghiukldjahdnhzdauz", // RFC 7009 §2.1: the token revoked
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        };

        /// <summary>The whole value is one of <see cref="PublishedExamples"/> (compared by length first: no cost for other values).</summary>
        public static bool IsPublishedExample(ScanText s, int start, int length)
        {
            foreach (var example in PublishedExamples)
            {
                if (example.Length == length && SecretText.SameAt(s, start, example, length))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True when the whole value is a placeholder/reference (the caller trims quotes first).</summary>
        public static bool IsPlaceholder(string value) => IsPlaceholder(value, 0, value.Length);

        public static bool IsPlaceholder(ScanText s, int start, int length)
        {
            if (length <= 0)
            {
                return true;
            }

            var first = s[start];
            var last = s[start + length - 1];
            // references and templates
            if (first == '$' || first == '`' || first == '%' && last == '%' || first == '@' && last == '@'
                || first == '<' || first == '{' || first == '[' && last == ']')
            {
                return true;
            }
            for (var i = start; i < start + length - 1; i++)
            {
                var c = s[i];
                var n = s[i + 1];
                if ((c == '$' && (n == '{' || n == '(')) || (c == '{' && n == '{') || (c == '<' && IsAlpha(n)))
                {
                    return true;
                }
            }

            if (IsPublishedExample(s, start, length))
            {
                return true;
            }

            // documentation words
            foreach (var w in Words)
            {
                if (s.IndexOf(w, start, length, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return HasPlaceholderRun(s, start, length) || IsSingleChar(s, start, length);
        }

        /// <summary>A run of 4+ x/X/*/#/•, 3+ dots, or 6+ of any one character.</summary>
        public static bool HasPlaceholderRun(ScanText s, int start, int length)
        {
            var run = 1;
            for (var i = start + 1; i < start + length; i++)
            {
                run = s[i] == s[i - 1] ? run + 1 : 1;
                var c = s[i];
                if ((run >= 4 && (c == 'x' || c == 'X' || c == '*' || c == '#' || c == '•'))
                    || (run >= 3 && c == '.')
                    || run >= 6)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsSingleChar(ScanText s, int start, int length)
        {
            for (var i = start + 1; i < start + length; i++)
            {
                if (s[i] != s[start])
                {
                    return false;
                }
            }
            return true;
        }

        private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
