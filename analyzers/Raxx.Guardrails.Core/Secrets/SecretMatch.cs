using System;

namespace Raxx.Guardrails.Core.Secrets
{
    /// <summary>How a credential was recognised.</summary>
    public enum SecretKind
    {
        /// <summary>A provider format with a fixed prefix/shape (and checksum where the format has one).</summary>
        Provider,

        /// <summary>A private key block (PEM BEGIN/END pair with a key body).</summary>
        PrivateKey,

        /// <summary>A password inside a URL or a connection string.</summary>
        ConnectionPassword,

        /// <summary>A value that is only a secret because of the key it is assigned to (UUID, hex, base64…).</summary>
        Context,
    }

    /// <summary>
    /// One credential found by the engine. Carries positions, the provider, the redacted form and a
    /// fingerprint (a hash), never the secret itself.
    /// </summary>
    public sealed class SecretMatch
    {
        internal SecretMatch(string provider, SecretKind kind, int offset, int length, string? keyName, string redacted, string hash)
        {
            Provider = provider;
            Kind = kind;
            Offset = offset;
            Length = length;
            KeyName = keyName;
            Redacted = redacted;
            Hash = hash;
        }

        /// <summary>Provider label (github, aws, slack, heroku, generic-secret…).</summary>
        public string Provider { get; }
        public SecretKind Kind { get; }

        /// <summary>Offset of the secret value in the scanned text.</summary>
        public int Offset { get; }
        public int Length { get; }

        /// <summary>The key/identifier the value is assigned to, when known.</summary>
        public string? KeyName { get; }

        /// <summary>At most the first 4 characters and the length (see <see cref="Redaction"/>).</summary>
        public string Redacted { get; }

        /// <summary>SHA-256 based fingerprint of the value (hex, 32 chars): for baselines and SARIF. Not reversible.</summary>
        public string Hash { get; }

        /// <summary>1-based line/column of the start and exclusive end (set by <see cref="SecretScanner.Scan"/>).</summary>
        public int Line { get; internal set; }
        public int Column { get; internal set; }
        public int EndLine { get; internal set; }
        public int EndColumn { get; internal set; }

        /// <summary>True when the value has a provider's own format (or is a private key), i.e. not merely a guess from its name.</summary>
        public bool IsProviderFormat => Kind == SecretKind.Provider || Kind == SecretKind.PrivateKey;

        /// <summary>Short description for messages: "GitHub token 'ghp_…(40 chars)'".</summary>
        public string Describe() => Describe(null, null);

        /// <summary>
        /// <see cref="Describe()"/> between <paramref name="before"/> and <paramref name="after"/>, built as one string
        /// (a repository finding's message: no intermediate description string per finding).
        /// </summary>
        internal string Describe(string? before, string? after)
        {
            var what = Kind switch
            {
                SecretKind.PrivateKey => "private key",
                SecretKind.ConnectionPassword => Provider == "db-connection-string" ? "password in a connection string" : "password in a URL",
                SecretKind.Context => "secret value",
                _ => null,
            };
            var provider = what == null ? Provider : null;
            var credential = what == null ? " credential" : null;
            return KeyName != null
                ? string.Concat(before, provider, credential, what, " ", Redacted, " assigned to '", KeyName, "'", after)
                : string.Concat(before, provider, credential, what, " ", Redacted, after);
        }

        public override string ToString() => $"({Line},{Column}) {Provider} {Kind} {Redacted}";

        internal SecretMatch WithOffset(int offset) =>
            new SecretMatch(Provider, Kind, offset, Length, KeyName, Redacted, Hash);

        internal SecretMatch WithKey(string? keyName) =>
            new SecretMatch(Provider, Kind, Offset, Length, keyName ?? KeyName, Redacted, Hash);
    }
}
