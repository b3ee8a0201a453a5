using System;

namespace Raxx.Guardrails.Core.Flags
{
    /// <summary>Declared risk of turning a flag on (flags file <c>risk:</c>).</summary>
    public enum FlagRisk
    {
        Unspecified = 0,
        Low,
        Medium,
        High,
    }

    /// <summary>Where a flag was declared.</summary>
    public enum FlagDeclarationKind
    {
        /// <summary>The Raxx flags file (<c>flags:</c> map in YAML).</summary>
        FlagsFile,

        /// <summary>Microsoft.FeatureManagement in appsettings*.json (<c>FeatureManagement</c> or <c>feature_management.feature_flags</c>).</summary>
        FeatureManagement,
    }

    /// <summary>A 1-based region of a flags source (end column exclusive).</summary>
    public sealed class FlagSpan
    {
        public FlagSpan(int line, int column, int endLine, int endColumn)
        {
            Line = Math.Max(1, line);
            Column = Math.Max(1, column);
            EndLine = Math.Max(Line, endLine);
            EndColumn = EndLine == Line ? Math.Max(Column, endColumn) : Math.Max(1, endColumn);
        }

        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        public override string ToString() => $"({Line},{Column})";
    }

    /// <summary>One declared feature flag.</summary>
    public sealed class FlagDeclaration
    {
        public FlagDeclaration(string name, bool defaultValue, string envName, string path, FlagSpan keySpan, FlagDeclarationKind kind)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Default = defaultValue;
            EnvName = envName ?? throw new ArgumentNullException(nameof(envName));
            Path = path ?? string.Empty;
            KeySpan = keySpan ?? throw new ArgumentNullException(nameof(keySpan));
            Kind = kind;
        }

        public string Name { get; }
        public bool Default { get; }

        /// <summary>The environment variable (configuration key) that overrides the default.</summary>
        public string EnvName { get; }

        /// <summary>File the flag is declared in (as given to the parser).</summary>
        public string Path { get; }

        /// <summary>The flag's key in the file (the squiggle of diagnostics about the declaration).</summary>
        public FlagSpan KeySpan { get; }
        public FlagDeclarationKind Kind { get; }

        public string? Description { get; internal set; }
        public FlagRisk Risk { get; internal set; }
        public string? Owner { get; internal set; }

        /// <summary>True when the file names the env var (<c>env:</c>) instead of using the default name.</summary>
        public bool HasExplicitEnv { get; internal set; }

        public override string ToString() => $"{Name} (default {(Default ? "on" : "off")}, {EnvName})";
    }

    /// <summary>A problem in a flags source, at a 1-based region of the file.</summary>
    public sealed class FlagsProblem
    {
        public FlagsProblem(string message, string path, FlagSpan span)
        {
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Path = path ?? string.Empty;
            Span = span ?? throw new ArgumentNullException(nameof(span));
        }

        public string Message { get; }
        public string Path { get; }
        public FlagSpan Span { get; }

        public override string ToString() => $"{Path}{Span}: {Message}";
    }
}
