using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Raxx.Guardrails.Core.Flags;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>
    /// The declared flags a compilation sees: the canonical flags file (AdditionalFile with metadata
    /// <c>RaxxKind=FlagsFile</c>, or the path in <c>build_property.RaxxFeatureFlagsFile</c>, or a file
    /// named feature_flags.yaml / feature-flags.yaml / flags.yaml when nothing is marked) plus
    /// Microsoft.FeatureManagement declarations in appsettings*.json. Parsed documents are cached by
    /// path and content checksum, so each file is parsed once however many analyzers and compilations ask.
    /// </summary>
    internal sealed class FlagsFileContext
    {
        public const string FlagsFileProperty = "build_property.RaxxFeatureFlagsFile";
        public const string KindMetadata = "build_metadata.AdditionalFiles.RaxxKind";
        public const string FlagsFileKind = "FlagsFile";

        private const int MaxCacheEntries = 64;
        private static readonly ConcurrentDictionary<string, FlagsDocument> Cache = new ConcurrentDictionary<string, FlagsDocument>(StringComparer.Ordinal);

        private FlagsFileContext(FlagsDocument document, AdditionalText? flagsFile, string? canonicalPath, IReadOnlyDictionary<string, AdditionalText> textsByPath)
        {
            Document = document;
            FlagsFile = flagsFile;
            CanonicalPath = canonicalPath;
            TextsByPath = textsByPath;
        }

        public FlagsDocument Document { get; }

        /// <summary>The canonical flags file among the AdditionalFiles, if any.</summary>
        public AdditionalText? FlagsFile { get; }

        /// <summary>Full path of the canonical flags file (from the AdditionalFile or the build property).</summary>
        public string? CanonicalPath { get; }

        private IReadOnlyDictionary<string, AdditionalText> TextsByPath { get; }

        /// <summary>True when any flag source exists: without one, flag rules stay silent.</summary>
        public bool HasDeclarations => Document.HasSources;

        public static FlagsFileContext Create(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            provider.GlobalOptions.TryGetValue(FlagsFileProperty, out var configured);
            configured = string.IsNullOrWhiteSpace(configured) ? null : configured!.Trim();

            AdditionalText? marked = null, byProperty = null, byName = null;
            var appSettings = new List<AdditionalText>();
            var texts = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (var file in options.AdditionalFiles)
            {
                if (file?.Path == null)
                {
                    continue;
                }
                texts[file.Path] = file;
                if (provider.GetOptions(file).TryGetValue(KindMetadata, out var kind)
                    && string.Equals(kind, FlagsFileKind, StringComparison.OrdinalIgnoreCase))
                {
                    marked = marked ?? file;
                }
                else if (configured != null && SamePath(file.Path, configured))
                {
                    byProperty = byProperty ?? file;
                }
                else if (FlagsDocument.IsAppSettingsFile(file.Path))
                {
                    appSettings.Add(file);
                }
                else if (byName == null && IsDefaultFlagsFileName(file.Path))
                {
                    byName = file;
                }
            }

            var flagsFile = marked ?? byProperty ?? byName;
            var documents = new List<FlagsDocument>();
            if (flagsFile != null)
            {
                documents.Add(Parse(flagsFile, yaml: true, cancellationToken));
            }
            appSettings.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            foreach (var file in appSettings)
            {
                documents.Add(Parse(file, yaml: false, cancellationToken));
            }

            var canonical = flagsFile?.Path ?? configured;
            return new FlagsFileContext(FlagsDocument.Combine(documents), flagsFile, canonical, texts);
        }

        /// <summary>True when this AdditionalFile is the canonical flags file of its project.</summary>
        public static bool IsFlagsFile(AdditionalText file, AnalyzerOptions options)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (provider.GetOptions(file).TryGetValue(KindMetadata, out var kind))
            {
                return string.Equals(kind, FlagsFileKind, StringComparison.OrdinalIgnoreCase);
            }
            if (provider.GlobalOptions.TryGetValue(FlagsFileProperty, out var configured) && !string.IsNullOrWhiteSpace(configured))
            {
                return SamePath(file.Path, configured.Trim());
            }
            return IsDefaultFlagsFileName(file.Path);
        }

        public static FlagsDocument Parse(AdditionalText file, bool yaml, CancellationToken cancellationToken)
        {
            SourceText? text;
            try
            {
                text = file.GetText(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                text = null;
            }
            if (text == null)
            {
                return yaml ? FlagsDocument.ParseYaml(file.Path, string.Empty) : FlagsDocument.Empty;
            }

            var key = (yaml ? "y|" : "j|") + file.Path + "|" + Hex(text.GetChecksum());
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
            var content = text.ToString();
            var doc = yaml ? FlagsDocument.ParseYaml(file.Path, content) : FlagsDocument.ParseFeatureManagementJson(file.Path, content);
            if (Cache.Count >= MaxCacheEntries)
            {
                Cache.Clear();
            }
            Cache[key] = doc;
            return doc;
        }

        /// <summary>A location in a flags source (YAML or JSON AdditionalFile), or None when the file is unknown.</summary>
        public Location LocationOf(string path, FlagSpan span, CancellationToken cancellationToken)
        {
            if (!TextsByPath.TryGetValue(path, out var file))
            {
                return Location.None;
            }
            var text = file.GetText(cancellationToken);
            return text == null ? Location.None : CreateLocation(path, text, span);
        }

        public static Location CreateLocation(string path, SourceText text, FlagSpan span)
        {
            var lines = text.Lines;
            if (lines.Count == 0)
            {
                return Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));
            }
            var startLine = Math.Min(span.Line - 1, lines.Count - 1);
            var endLine = Math.Min(Math.Max(span.EndLine - 1, startLine), lines.Count - 1);
            var startCol = Math.Min(span.Column - 1, lines[startLine].End - lines[startLine].Start);
            var endCol = Math.Min(span.EndColumn - 1, lines[endLine].End - lines[endLine].Start);
            var start = lines[startLine].Start + startCol;
            var end = Math.Max(start, lines[endLine].Start + endCol);
            if (endLine == startLine && endCol < startCol)
            {
                endCol = startCol;
            }
            return Location.Create(path, TextSpan.FromBounds(start, end),
                new LinePositionSpan(new LinePosition(startLine, startCol), new LinePosition(endLine, Math.Max(endCol, endLine == startLine ? startCol : 0))));
        }

        /// <summary>Path of a flags source relative to the canonical file's folder when possible, for messages.</summary>
        public static string Display(string? path) => path == null ? "(none)" : Path.GetFileName(path);

        public static bool SamePath(string a, string b)
        {
            try
            {
                return string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return false;
            }
        }

        public static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/').TrimEnd('/');

        private static bool IsDefaultFlagsFileName(string path)
        {
            var name = Path.GetFileName(path);
            foreach (var candidate in FlagNames.DefaultFileNames)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }

        private static string Hex(ImmutableArray<byte> bytes)
        {
            if (bytes.IsDefaultOrEmpty)
            {
                return string.Empty;
            }
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                chars[2 * i + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }
            return new string(chars);
        }
    }
}
