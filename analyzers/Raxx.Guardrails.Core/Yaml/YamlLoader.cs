using System;
using System.Linq;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Yaml
{
    /// <summary>A YAML problem at a 1-based line and column.</summary>
    public sealed class YamlError
    {
        public YamlError(string message, int line, int column)
        {
            Message = message;
            Line = Math.Max(1, line);
            Column = Math.Max(1, column);
        }

        public string Message { get; }
        public int Line { get; }
        public int Column { get; }

        public override string ToString() => $"({Line},{Column}): {Message}";
    }

    /// <summary>Result of loading YAML: a root node (null for an empty document) or an error.</summary>
    public sealed class YamlLoadResult
    {
        internal YamlLoadResult(YamlNode? root, YamlError? error)
        {
            Root = root;
            Error = error;
        }

        public YamlNode? Root { get; }
        public YamlError? Error { get; }
        public bool Success => Error == null;
    }

    /// <summary>
    /// Loads YAML into YamlDotNet's representation model, turning every failure into a located
    /// <see cref="YamlError"/> instead of an exception. Aliases are kept as shared node references
    /// (never expanded), and the number of aliases is bounded so an alias bomb cannot make a
    /// traversal explode.
    /// </summary>
    public static class YamlLoader
    {
        /// <summary>Largest YAML input accepted (bytes of text); bigger inputs are reported, not parsed.</summary>
        public const int MaxTextLength = 8 * 1024 * 1024;

        /// <summary>Most alias references accepted in one document.</summary>
        public const int MaxAliases = 1000;

        /// <summary>Most nodes a document may expand to once every alias is followed (alias bombs stay small as text).</summary>
        public const long MaxExpandedNodes = 1_000_000;

        public static YamlLoadResult Load(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return new YamlLoadResult(null, null);
            }

            if (text!.Length > MaxTextLength)
            {
                return new YamlLoadResult(null, new YamlError(
                    $"the file is {text.Length:N0} characters long; YAML inputs over {MaxTextLength:N0} characters are not parsed", 1, 1));
            }

            try
            {
                var aliasError = CountAliases(text);
                if (aliasError != null)
                {
                    return new YamlLoadResult(null, aliasError);
                }

                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0)
                {
                    return new YamlLoadResult(null, null);
                }

                return new YamlLoadResult(stream.Documents[0].RootNode, null);
            }
            catch (YamlException ex)
            {
                var message = CleanMessage(ex);
                return new YamlLoadResult(null, new YamlError(message, (int)ex.Start.Line, (int)ex.Start.Column));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return new YamlLoadResult(null, new YamlError("YAML could not be read: " + ex.Message, 1, 1));
            }
        }

        /// <summary>
        /// A first pass over the event stream: bounds aliases, checks every alias names an anchor
        /// defined before it, and turns parser failures of any kind into a located error (the
        /// representation model reports some of these without a position).
        /// </summary>
        private static YamlError? CountAliases(string text)
        {
            var parser = new Parser(new StringReader(text));
            var aliases = 0;
            // Expanded size of every anchored node, and of the collections being read (a stack of
            // [size, anchor]): a consumer that walks the tree follows aliases, so bound what it would see.
            var anchors = new System.Collections.Generic.Dictionary<string, long>(StringComparer.Ordinal);
            var open = new System.Collections.Generic.Stack<(long Size, string? Anchor)>();
            long expanded = 0;
            var last = Mark.Empty;
            try
            {
                while (parser.MoveNext())
                {
                    var current = parser.Current;
                    if (current == null)
                    {
                        continue;
                    }
                    last = current.End;
                    long added = 0;
                    if (current is YamlDotNet.Core.Events.AnchorAlias alias)
                    {
                        aliases++;
                        if (aliases > MaxAliases)
                        {
                            return new YamlError($"more than {MaxAliases} YAML aliases; refusing to expand (possible alias bomb)",
                                (int)alias.Start.Line, (int)alias.Start.Column);
                        }
                        if (!anchors.TryGetValue(alias.Value.Value, out added))
                        {
                            return new YamlError($"alias '*{alias.Value.Value}' refers to an anchor that is not defined before it",
                                (int)alias.Start.Line, (int)alias.Start.Column);
                        }
                    }
                    else if (current is YamlDotNet.Core.Events.Scalar scalar)
                    {
                        added = 1;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }
                    }
                    else if (current is YamlDotNet.Core.Events.MappingStart mappingStart)
                    {
                        open.Push((1, mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value));
                    }
                    else if (current is YamlDotNet.Core.Events.SequenceStart sequenceStart)
                    {
                        open.Push((1, sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value));
                    }
                    else if ((current is YamlDotNet.Core.Events.MappingEnd || current is YamlDotNet.Core.Events.SequenceEnd) && open.Count > 0)
                    {
                        var done = open.Pop();
                        if (done.Anchor != null)
                        {
                            anchors[done.Anchor] = done.Size;
                        }
                        if (open.Count > 0)
                        {
                            var parent = open.Pop();
                            open.Push((parent.Size + done.Size, parent.Anchor));
                        }
                        continue;
                    }

                    if (added > 0)
                    {
                        if (open.Count > 0)
                        {
                            var parent = open.Pop();
                            open.Push((parent.Size + added, parent.Anchor));
                        }
                        expanded = open.Count > 0 ? expanded : expanded + added;
                        var total = expanded + open.Sum(o => o.Size);
                        if (total > MaxExpandedNodes)
                        {
                            return new YamlError($"YAML aliases expand to more than {MaxExpandedNodes:N0} nodes; refusing to expand (possible alias bomb)",
                                (int)current.Start.Line, (int)current.Start.Column);
                        }
                    }
                }
            }
            catch (YamlException ex)
            {
                return new YamlError(CleanMessage(ex), (int)ex.Start.Line, (int)ex.Start.Column);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is FormatException)
            {
                return new YamlError("YAML structure is incomplete or invalid after this point (an unclosed '[', '{' or quote?)",
                    Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column));
            }
            return null;
        }

        private static string CleanMessage(YamlException ex)
        {
            // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): ".
            var message = ex.InnerException != null && !(ex.InnerException is YamlException)
                ? ex.InnerException.Message
                : ex.Message;
            var marker = "): ";
            var idx = message.LastIndexOf(marker, StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && idx >= 0)
            {
                message = message.Substring(idx + marker.Length);
            }
            return message.Trim();
        }

        /// <summary>1-based start line/column of a node.</summary>
        public static (int Line, int Column) StartOf(YamlNode node) => ((int)node.Start.Line, (int)node.Start.Column);

        /// <summary>1-based end line/column (exclusive column) of a node.</summary>
        public static (int Line, int Column) EndOf(YamlNode node) => ((int)node.End.Line, (int)node.End.Column);
    }
}
