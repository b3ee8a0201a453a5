using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Raxx.Guardrails.Testing
{
    /// <summary>An expected diagnostic: ID plus location, and optionally message and severity.</summary>
    public sealed class DiagnosticResult
    {
        private DiagnosticResult(string id)
        {
            Id = id;
        }

        public string Id { get; }
        public string? Path { get; private set; }
        public LinePosition? Start { get; private set; }
        public LinePosition? End { get; private set; }
        public int? LocationIndex { get; private set; }
        public string? Message { get; private set; }
        public DiagnosticSeverity? Severity { get; private set; }

        /// <summary>True for a diagnostic with no location (compilation-level).</summary>
        public bool NoLocation { get; private set; }

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id);

        /// <summary>Location by 1-based line/column (end exclusive), as an IDE shows it.</summary>
        public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn)
        {
            var copy = Clone();
            copy.Path = path;
            copy.Start = new LinePosition(startLine - 1, startColumn - 1);
            copy.End = new LinePosition(endLine - 1, endColumn - 1);
            return copy;
        }

        /// <summary>Location given by a <c>{|#n:…|}</c> marker in any source or additional file.</summary>
        public DiagnosticResult WithLocation(int markerIndex)
        {
            var copy = Clone();
            copy.LocationIndex = markerIndex;
            return copy;
        }

        public DiagnosticResult WithNoLocation()
        {
            var copy = Clone();
            copy.NoLocation = true;
            return copy;
        }

        public DiagnosticResult WithMessage(string message)
        {
            var copy = Clone();
            copy.Message = message;
            return copy;
        }

        public DiagnosticResult WithSeverity(DiagnosticSeverity severity)
        {
            var copy = Clone();
            copy.Severity = severity;
            return copy;
        }

        internal DiagnosticResult Resolved(string path, LinePosition start, LinePosition end)
        {
            var copy = Clone();
            copy.Path = path;
            copy.Start = start;
            copy.End = end;
            return copy;
        }

        private DiagnosticResult Clone() => (DiagnosticResult)MemberwiseClone();

        public override string ToString()
        {
            var where = NoLocation ? "(no location)"
                : Start.HasValue ? $"{Path}({Start.Value.Line + 1},{Start.Value.Character + 1})-({End!.Value.Line + 1},{End.Value.Character + 1})"
                : LocationIndex.HasValue ? $"marker #{LocationIndex}" : "(unresolved)";
            return $"{where}: {Severity?.ToString() ?? "?"} {Id}" + (Message != null ? $": {Message}" : string.Empty);
        }
    }
}
