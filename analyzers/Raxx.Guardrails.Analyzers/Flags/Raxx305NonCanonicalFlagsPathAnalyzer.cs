using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Raxx.Guardrails.Core.Flags;
using Raxx.Guardrails.Core.Rules;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>
    /// RAXX305: code loads flags from a path that is not the canonical flags file — a string literal
    /// (or <c>Path.Combine</c> ending in literals) naming a flags-like file (<c>*flags*.y*ml</c>,
    /// <c>*feature*flags*.json</c>) passed to a file or YAML load API or to
    /// <c>AddYamlFile</c>/<c>AddJsonFile</c>. The console's flags page was empty because it read
    /// <c>console/config/feature_flags.yaml</c>, a git-ignored copy (INCIDENTS.md §6).
    /// A bare file name equal to the canonical file's name is accepted: the build copies the canonical
    /// file to the output under that name (RAXX306 checks it is there and identical).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Raxx305NonCanonicalFlagsPathAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = FlagsDescriptors.Create(
            RuleIds.Raxx305,
            "Flags are loaded from '{0}', which is not the canonical flags file '{1}'; load '{2}' (copied to the build and publish output) instead of a copy that can drift");

        private const string ProjectDirProperty = "build_property.MSBuildProjectDirectory";
        private const string ProjectDirFallback = "build_property.ProjectDir";

        /// <summary>Diagnostic property: the canonical flags file's name (the name it has in the build and publish output).</summary>
        public const string CanonicalFileNameProperty = "CanonicalFileName";

        /// <summary>
        /// Diagnostic property: which kind of API reads the path — <see cref="ApiKindConfigurationSource"/> (relative paths
        /// resolve against the configuration's base path), <see cref="ApiKindSystemIO"/> (against the working directory)
        /// or <see cref="ApiKindOther"/> (a method of the application's own; how it resolves a path is unknown).
        /// </summary>
        public const string ApiKindProperty = "ApiKind";
        public const string ApiKindConfigurationSource = "ConfigurationSource";
        public const string ApiKindSystemIO = "SystemIO";
        public const string ApiKindOther = "Other";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var flags = FlagsFileContext.Create(start.Options, start.CancellationToken);
                var canonical = flags.CanonicalPath;
                if (canonical == null)
                {
                    return;
                }
                var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                if (!global.TryGetValue(ProjectDirProperty, out var projectDir) || string.IsNullOrWhiteSpace(projectDir))
                {
                    global.TryGetValue(ProjectDirFallback, out projectDir);
                }
                if (string.IsNullOrWhiteSpace(projectDir))
                {
                    projectDir = SafeDirectory(canonical);
                }
                var reported = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
                var repoRoot = global.TryGetValue("build_property.RaxxRepoRoot", out var root) && !string.IsNullOrWhiteSpace(root) ? root : null;

                start.RegisterOperationAction(c =>
                {
                    // The method's name first: the arguments of a call are operations built when first asked for, and
                    // most calls are no load API (every invocation and object creation of the compilation comes here).
                    var invocation = c.Operation as IInvocationOperation;
                    var creation = invocation == null ? (IObjectCreationOperation)c.Operation : null;
                    var method = invocation != null ? invocation.TargetMethod : creation!.Constructor;
                    if (method == null || !IsLoadApi(method))
                    {
                        return;
                    }
                    var arguments = invocation != null ? invocation.Arguments : creation!.Arguments;
                    if (!HasStringArgument(arguments))
                    {
                        return;
                    }
                    foreach (var argument in arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType != SpecialType.System_String)
                        {
                            continue;
                        }
                        var (path, literal) = PathOf(argument.Value);
                        if (path == null || literal == null || !FlagNames.LooksLikeFlagsFile(path))
                        {
                            continue;
                        }
                        if (IsCanonical(path, canonical, projectDir!))
                        {
                            continue;
                        }
                        var display = DisplayCanonical(canonical, repoRoot, projectDir!);
                        var location = literal.GetLocation();
                        if (reported.TryAdd(location.SourceTree?.FilePath + "|" + location.SourceSpan.Start, 0))
                        {
                            var properties = ImmutableDictionary<string, string?>.Empty
                                .Add(CanonicalFileNameProperty, Path.GetFileName(canonical))
                                .Add(ApiKindProperty, ApiKindOf(method));
                            c.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, path, display, Path.GetFileName(canonical)));
                        }
                        return;
                    }
                }, OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        }

        private static bool HasStringArgument(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>File reads, stream/reader constructors, configuration file sources, and any Load*/Read*/Deserialize* method.</summary>
        private static bool IsLoadApi(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (IsSystemIO(type?.ContainingNamespace))
            {
                return type!.Name == "File" || type.Name == "StreamReader" || type.Name == "FileStream" || type.Name == "FileInfo";
            }
            var name = method.MethodKind == MethodKind.Constructor ? type?.Name ?? string.Empty : method.Name;
            return name == "AddYamlFile" || name == "AddJsonFile" || name == "AddIniFile"
                || name.StartsWith("Load", StringComparison.Ordinal) || name.StartsWith("Read", StringComparison.Ordinal)
                || name.StartsWith("Deserialize", StringComparison.Ordinal) || name.StartsWith("Parse", StringComparison.Ordinal)
                || name.IndexOf("Flags", StringComparison.Ordinal) >= 0;
        }

        private static string ApiKindOf(IMethodSymbol method)
        {
            if (IsSystemIO(method.ContainingType?.ContainingNamespace))
            {
                return ApiKindSystemIO;
            }
            var name = method.Name;
            return name == "AddYamlFile" || name == "AddJsonFile" || name == "AddIniFile" ? ApiKindConfigurationSource : ApiKindOther;
        }

        /// <summary>The namespace System.IO, compared by name parts (no display string per call).</summary>
        private static bool IsSystemIO(INamespaceSymbol? ns) =>
            ns != null && ns.Name == "IO" && ns.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace?.IsGlobalNamespace == true;

        /// <summary>
        /// A constant string, or the constant tail of Path.Combine(..., "a", "b.yaml"), followed through a
        /// local initialised with one; with the syntax of the literal naming the file (the squiggle).
        /// </summary>
        private static (string? Path, SyntaxNode? Literal) PathOf(IOperation value, int depth = 0)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }
            if (value.ConstantValue.HasValue)
            {
                return (value.ConstantValue.Value as string, value.Syntax);
            }
            if (value is ILocalReferenceOperation local && depth < 3 && value.SemanticModel != null)
            {
                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator
                        && declarator.Initializer != null
                        && declarator.SyntaxTree == value.Syntax.SyntaxTree
                        && value.SemanticModel.GetOperation(declarator.Initializer.Value) is IOperation initial)
                    {
                        return PathOf(initial, depth + 1);
                    }
                }
                return (null, null);
            }
            if (value is IInvocationOperation call && call.TargetMethod.Name == "Combine" && call.TargetMethod.ContainingType?.Name == "Path")
            {
                var parts = new System.Collections.Generic.List<string>();
                SyntaxNode? last = null;
                var values = call.Arguments.Length == 1 && call.Arguments[0].Value is IArrayCreationOperation array && array.Initializer != null
                    ? array.Initializer.ElementValues
                    : ImmutableArray.CreateRange(call.Arguments, a => a.Value);
                foreach (var part in values)
                {
                    var v = part;
                    while (v is IConversionOperation conv)
                    {
                        v = conv.Operand;
                    }
                    if (v.ConstantValue.HasValue && v.ConstantValue.Value is string s)
                    {
                        parts.Add(s);
                        last = v.Syntax;
                    }
                    else
                    {
                        parts.Clear(); // a runtime base directory: keep only what follows it
                        last = null;
                    }
                }
                return parts.Count == 0 ? (null, null) : (string.Join("/", parts), last);
            }
            return (null, null);
        }

        private static bool IsCanonical(string path, string canonical, string projectDir)
        {
            var normalized = path.Replace('\\', '/');
            if (normalized.IndexOf('/') < 0)
            {
                // a bare file name: read from the content root / output folder, where the canonical file is copied
                return string.Equals(normalized, Path.GetFileName(canonical), StringComparison.OrdinalIgnoreCase);
            }
            try
            {
                var full = Path.IsPathRooted(path) ? path : Path.Combine(projectDir, path);
                return FlagsFileContext.SamePath(full, canonical);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static string DisplayCanonical(string canonical, string? repoRoot, string projectDir)
        {
            foreach (var root in new[] { repoRoot, projectDir })
            {
                if (string.IsNullOrWhiteSpace(root))
                {
                    continue;
                }
                var r = root!.Replace('\\', '/').TrimEnd('/') + "/";
                var c = canonical.Replace('\\', '/');
                if (c.StartsWith(r, StringComparison.OrdinalIgnoreCase))
                {
                    return c.Substring(r.Length);
                }
            }
            return canonical.Replace('\\', '/');
        }

        private static string SafeDirectory(string path)
        {
            try
            {
                return Path.GetDirectoryName(path) ?? string.Empty;
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }
    }
}
