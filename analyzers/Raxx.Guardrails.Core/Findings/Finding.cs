using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Raxx.Guardrails.Core.Findings
{
    /// <summary>Severity of a finding; maps to SARIF levels and MSBuild error/warning/message.</summary>
    public enum FindingSeverity
    {
        None = 0,
        Note = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>
    /// A 1-based, end-inclusive-line / end-exclusive-column region of a file, as SARIF and GitHub
    /// annotations expect. <see cref="Path"/> is repository-relative with forward slashes when a
    /// repository root is known.
    /// </summary>
    public sealed class FindingLocation
    {
        public FindingLocation(string path, int startLine, int startColumn, int endLine, int endColumn)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            StartLine = Math.Max(1, startLine);
            StartColumn = Math.Max(1, startColumn);
            EndLine = Math.Max(StartLine, endLine);
            EndColumn = EndLine == StartLine ? Math.Max(StartColumn, endColumn) : Math.Max(1, endColumn);
        }

        /// <summary>A location that names a file but no particular line (line 1, column 1).</summary>
        public static FindingLocation WholeFile(string path) => new FindingLocation(path, 1, 1, 1, 1);

        public string Path { get; }
        public int StartLine { get; }
        public int StartColumn { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        public FindingLocation WithPath(string path) => new FindingLocation(path, StartLine, StartColumn, EndLine, EndColumn);

        public override string ToString() => $"{Path}({StartLine},{StartColumn})";
    }

    /// <summary>One result of a repository rule (or a converted analyzer diagnostic).</summary>
    public sealed class Finding
    {
        public Finding(string ruleId, FindingSeverity severity, string message, FindingLocation location,
            string? fingerprintMaterial = null, IReadOnlyDictionary<string, string>? properties = null)
        {
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Severity = severity;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Location = location ?? throw new ArgumentNullException(nameof(location));
            FingerprintMaterial = fingerprintMaterial;
            Properties = properties ?? EmptyProperties;
        }

        private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

        public string RuleId { get; }
        public FindingSeverity Severity { get; }

        /// <summary>Message shown to users. Must already be redacted: it is printed as is by every host.</summary>
        public string Message { get; }
        public FindingLocation Location { get; }

        /// <summary>
        /// What identifies this finding independent of its line (e.g. workflow + pattern, or a
        /// secret's hash): used for the stable SARIF partial fingerprint and for baselines. Never
        /// the secret itself.
        /// </summary>
        public string? FingerprintMaterial { get; }
        public IReadOnlyDictionary<string, string> Properties { get; }

        public Finding WithSeverity(FindingSeverity severity) =>
            new Finding(RuleId, severity, Message, Location, FingerprintMaterial, Properties);

        public Finding WithLocation(FindingLocation location) =>
            new Finding(RuleId, Severity, Message, location, FingerprintMaterial, Properties);

        /// <summary>Stable fingerprint: rule, path and the rule's material (or the message when none).</summary>
        public string Fingerprint
        {
            get
            {
                var material = RuleId + "\n" + Location.Path + "\n" + (FingerprintMaterial ?? Message);
                using (var sha = SHA256.Create())
                {
                    var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(material));
                    var sb = new StringBuilder(32);
                    for (var i = 0; i < 16; i++)
                    {
                        sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    return sb.ToString();
                }
            }
        }

        public override string ToString() =>
            $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
    }

    /// <summary>Where repository rules put their findings.</summary>
    public interface IFindingSink
    {
        void Report(Finding finding);
    }

    /// <summary>A sink that keeps findings in a list (thread-safe).</summary>
    public sealed class FindingList : IFindingSink
    {
        private readonly List<Finding> _items = new List<Finding>();
        private readonly object _gate = new object();

        public void Report(Finding finding)
        {
            if (finding == null)
            {
                return;
            }

            lock (_gate)
            {
                _items.Add(finding);
            }
        }

        public IReadOnlyList<Finding> Items
        {
            get
            {
                lock (_gate)
                {
                    return _items.ToArray();
                }
            }
        }
    }
}
