using System;
using System.Collections;
using System.Collections.Generic;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>
    /// The properties of a credential finding (<c>provider</c>, <c>kind</c>, <c>fingerprint</c>, in that order) as one
    /// small object over three strings the match already holds. A <see cref="Dictionary{TKey,TValue}"/> of three
    /// entries is about 230 bytes more per finding, and a process keeps every finding until it prints them: on a large
    /// tree that retained heap is fresh pages and promotion work for the collector (docs/notes/secrets.md,
    /// "What a finding keeps").
    /// </summary>
    internal sealed class CredentialProperties : IReadOnlyDictionary<string, string>
    {
        private static readonly string[] KeyNames = { "provider", "kind", "fingerprint" };

        private readonly string _provider;
        private readonly string _kind;
        private readonly string _fingerprint;

        public CredentialProperties(string provider, string kind, string fingerprint)
        {
            _provider = provider;
            _kind = kind;
            _fingerprint = fingerprint;
        }

        public int Count => 3;

        public IEnumerable<string> Keys => KeyNames;

        public IEnumerable<string> Values => new[] { _provider, _kind, _fingerprint };

        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no property '{key}'");

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, out string value)
        {
            switch (IndexOf(key))
            {
                case 0: value = _provider; return true;
                case 1: value = _kind; return true;
                case 2: value = _fingerprint; return true;
                default: value = null!; return false;
            }
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            yield return new KeyValuePair<string, string>(KeyNames[0], _provider);
            yield return new KeyValuePair<string, string>(KeyNames[1], _kind);
            yield return new KeyValuePair<string, string>(KeyNames[2], _fingerprint);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static int IndexOf(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            return Array.IndexOf(KeyNames, key);
        }
    }
}
