using System;
using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Raxx.Guardrails.Core.Flags;

namespace Raxx.Guardrails.Analyzers.Flags
{
    /// <summary>A flag named in code: the name (or env name) and the expression that names it.</summary>
    internal readonly struct FlagReference
    {
        private readonly FlagApi _api;

        public FlagReference(string name, SyntaxNode syntax, string api)
            : this(name, syntax, FlagApi.Of(api))
        {
        }

        public FlagReference(string name, SyntaxNode syntax, FlagApi api)
        {
            Name = name;
            Syntax = syntax;
            _api = api;
        }

        public string Name { get; }
        public SyntaxNode Syntax { get; }

        /// <summary>
        /// The API that takes the flag (for messages): FeatureGate, IsEnabledAsync, FLAG_* read, <c>Ns.Type.Method</c>…; a
        /// symbol's display string is built here, when a message needs it (<see cref="FlagApi"/>), not for every argument.
        /// </summary>
        public string Api => _api.Text;
    }

    /// <summary>
    /// The API named in a message, kept as the symbol it comes from until the message is built: <c>ToDisplayString</c> was
    /// 6 % of RAXX301's time when it ran for every argument of a parameter with any attribute (docs/notes/perf.md). The text is
    /// exactly what was computed eagerly before: <see cref="FlagReferences"/>' ApiName, an attribute type's display string,
    /// DeclarationApiName.
    /// </summary>
    internal readonly struct FlagApi
    {
        private enum Kind : byte { Text, Method, AttributeType, Declaration }

        private readonly string? _text;
        private readonly ISymbol? _symbol;
        private readonly Kind _kind;

        private FlagApi(string? text, ISymbol? symbol, Kind kind)
        {
            _text = text;
            _symbol = symbol;
            _kind = kind;
        }

        public static FlagApi Of(string text) => new FlagApi(text, null, Kind.Text);

        /// <summary>A called method (the original of a reduced extension): <c>Ns.Type.Method</c> or <c>Ns.Type constructor</c>.</summary>
        public static FlagApi OfMethod(IMethodSymbol method) => new FlagApi(null, method, Kind.Method);

        /// <summary>An attribute's type (<c>[RequiresFlag("x")]</c>): its display string, or "attribute".</summary>
        public static FlagApi OfAttributeType(INamedTypeSymbol? type) => new FlagApi(null, type, Kind.AttributeType);

        /// <summary>The owner of a marked parameter whose default is reported at its declaration.</summary>
        public static FlagApi OfDeclaration(ISymbol? owner) => new FlagApi(null, owner, Kind.Declaration);

        public string Text => _kind switch
        {
            Kind.Method => FlagReferences.ApiName((IMethodSymbol)_symbol!),
            Kind.AttributeType => _symbol?.ToDisplayString() ?? "attribute",
            Kind.Declaration => FlagReferences.DeclarationApiName(_symbol),
            _ => _text ?? "",
        };
    }

    /// <summary>
    /// Finds the places code names a feature flag: Microsoft.FeatureManagement APIs
    /// (<c>[FeatureGate]</c>, <c>WithFeatureGate</c>, <c>IsEnabledAsync</c>, <c>UseForFeature</c>,
    /// <c>AddForFeature</c>…), <c>FLAG_*</c> environment/configuration reads, methods listed in
    /// <c>raxx_guardrails.flag_methods</c>, and parameters marked with an attribute named
    /// <c>FlagName</c> (or the name in <c>raxx_guardrails.flag_parameter_attribute</c>).
    /// Only compile-time constants count (literals, const fields and locals).
    /// </summary>
    internal sealed class FlagReferences
    {
        public const string FlagMethodsOption = "raxx_guardrails.flag_methods";
        public const string FlagParameterAttributeOption = "raxx_guardrails.flag_parameter_attribute";

        private static readonly ImmutableHashSet<string> FeatureManagementMethods = ImmutableHashSet.Create(StringComparer.Ordinal,
            "IsEnabledAsync", "GetVariantAsync", "WithFeatureGate", "UseForFeature", "AddForFeature", "MapForFeature");

        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _configuration;
        private readonly INamedTypeSymbol? _configurationExtensions;
        private readonly INamedTypeSymbol? _binderExtensions;
        private readonly ImmutableHashSet<string> _flagMethods;

        /// <summary>
        /// True when the module's #Strings heap (UTF-8, every type, member, parameter and namespace name) holds one of
        /// the names' bytes anywhere: one vectorised search of a few kilobytes per reference instead of a comparison per
        /// type definition.
        /// </summary>
        private static unsafe bool StringHeapContainsAny(System.Reflection.Metadata.MetadataReader reader, byte[][] utf8Names)
        {
            var offset = System.Reflection.Metadata.Ecma335.MetadataReaderExtensions.GetHeapMetadataOffset(reader, System.Reflection.Metadata.Ecma335.HeapIndex.String);
            var size = System.Reflection.Metadata.Ecma335.MetadataReaderExtensions.GetHeapSize(reader, System.Reflection.Metadata.Ecma335.HeapIndex.String);
            if (offset < 0 || size < 0 || (long)offset + size > reader.MetadataLength)
            {
                return true; // not what a valid image has: let the type definitions decide
            }
            var heap = new ReadOnlySpan<byte>(reader.MetadataPointer + offset, size);
            foreach (var name in utf8Names)
            {
                if (heap.IndexOf(name) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// The simple name of a configured method: the part after the last dot, and <c>.ctor</c> for a constructor
        /// (<c>Ns.Type..ctor</c>, as <see cref="Collect(IMethodSymbol, ImmutableArray{IArgumentOperation}, List{FlagReference})"/>
        /// spells it: the type's display string, a dot, the method's name). Before, a configured constructor's simple name came
        /// out as <c>ctor</c>, so the <c>.ctor</c> gates never opened and no configured constructor was ever checked.
        /// </summary>
        private static string SimpleName(string method) =>
            method == ".ctor" || method.EndsWith("..ctor", StringComparison.Ordinal) ? ".ctor" : method.Substring(method.LastIndexOf('.') + 1);

        /// <summary>The simple method names of <see cref="_flagMethods"/>: most invocations are rejected on the name alone.</summary>
        private readonly ImmutableHashSet<string> _flagMethodNames;
        private readonly ImmutableHashSet<string> _parameterAttributes;

        /// <summary>The syntax of calls whose operation is an <see cref="IInvocationOperation"/>.</summary>
        public static readonly SyntaxKind[] InvocationKinds =
        {
            SyntaxKind.InvocationExpression, SyntaxKind.BaseConstructorInitializer, SyntaxKind.ThisConstructorInitializer, SyntaxKind.PrimaryConstructorBaseType,
        };

        /// <summary>Methods that read a FLAG_* name from the environment or configuration (their first string argument).</summary>
        private static readonly ImmutableHashSet<string> EnvStyleReaders = ImmutableHashSet.Create(StringComparer.Ordinal,
            "GetEnvironmentVariable", "GetValue", "GetSection");

        private readonly Compilation _compilation;

        /// <summary>
        /// Names of referenced attribute types (<see cref="OmittedDefaultAttributeNames"/>) with a constructor whose marked parameter
        /// has a default value: <c>[RequiresFlag]</c> written without arguments uses it. Computed on first use.
        /// </summary>
        private ImmutableHashSet<string>? _omittedDefaultAttributeNames;

        private FlagReferences(Compilation compilation, ImmutableHashSet<string> flagMethods, ImmutableHashSet<string> parameterAttributes)
        {
            _compilation = compilation;
            _environment = compilation.GetTypeByMetadataName("System.Environment");
            _configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            _configurationExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
            _binderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
            _flagMethods = flagMethods;
            _flagMethodNames = flagMethods.Select(SimpleName).ToImmutableHashSet(StringComparer.Ordinal);
            _parameterAttributes = parameterAttributes;
            MayHaveMarkedParameters = AnyTypeNamed(compilation, parameterAttributes);
        }

        /// <summary>
        /// False when no type of the compilation or its references is named like a flag-parameter attribute
        /// (FlagName, FlagNameAttribute…): then no parameter anywhere can be marked, and only calls named like
        /// a flag API need the semantic model. Decided once per compilation from the declaration table and
        /// the references' type-name sets (nested types included).
        /// </summary>
        public bool MayHaveMarkedParameters { get; }

        private static bool AnyTypeNamed(Compilation compilation, ImmutableHashSet<string> names)
        {
            foreach (var name in names)
            {
                if (compilation.ContainsSymbolsWithName(name, SymbolFilter.Type) || compilation.ContainsSymbolsWithName(name + "Attribute", SymbolFilter.Type))
                {
                    return true;
                }
            }
            var nameArray = names.ToArray(); // an ImmutableHashSet's enumerator is slow, and the scan below runs per type definition
            var utf8Names = new byte[nameArray.Length][];
            for (var i = 0; i < nameArray.Length; i++)
            {
                utf8Names[i] = System.Text.Encoding.UTF8.GetBytes(nameArray[i]);
            }
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (ReferenceDeclaresTypeNamed(compilation, assembly, nameArray, utf8Names))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// The modules of a file reference's metadata (an assembly's, or a lone module's), or default for any other kind.
        /// Reading them can still fail on a damaged or vanished file: callers catch <see cref="IsUnreadableMetadata"/> and
        /// fall back to the symbols.
        /// </summary>
        private static ImmutableArray<ModuleMetadata> ModulesOf(PortableExecutableReference reference) => reference.GetMetadata() switch
        {
            AssemblyMetadata assemblyMetadata => assemblyMetadata.GetModules(),
            ModuleMetadata moduleMetadata => ImmutableArray.Create(moduleMetadata),
            _ => default,
        };

        /// <summary>What reading a reference's metadata throws when the file is damaged, gone or unreadable.</summary>
        private static bool IsUnreadableMetadata(Exception ex) =>
            ex is BadImageFormatException || ex is System.IO.IOException || ex is ObjectDisposedException
            || ex is InvalidOperationException || ex is NotSupportedException || ex is UnauthorizedAccessException;

        /// <summary>
        /// Whether <paramref name="assembly"/>'s <see cref="IAssemblySymbol.TypeNames"/> holds one of the names (or the
        /// name + "Attribute"), read for a metadata reference from its metadata instead: <c>TypeNames</c> builds a set of
        /// every type name of the assembly, 20–40 ms of thread CPU time per compilation for an ASP.NET Core project's 309
        /// references (13,000 type definitions; docs/notes/perf.md). A module whose #Strings heap does not hold a name's
        /// UTF-8 bytes cannot have a type of that name; otherwise its type definitions are compared, with the same names as
        /// <c>TypeNames</c> (every module, nested types included, generic arity <c>`1</c> stripped). Anything else (a
        /// compilation reference, metadata that cannot be read) asks <c>TypeNames</c>.
        /// </summary>
        private static bool ReferenceDeclaresTypeNamed(Compilation compilation, IAssemblySymbol assembly, string[] names, byte[][] utf8Names)
        {
            if (compilation.GetMetadataReference(assembly) is PortableExecutableReference reference)
            {
                try
                {
                    var modules = ModulesOf(reference);
                    if (!modules.IsDefault)
                    {
                        foreach (var module in modules)
                        {
                            if (ModuleDeclaresTypeNamed(module.GetMetadataReader(), names, utf8Names))
                            {
                                return true;
                            }
                        }
                        return false;
                    }
                }
                catch (Exception ex) when (IsUnreadableMetadata(ex))
                {
                    // fall back to the symbol's type names
                }
            }
            var typeNames = assembly.TypeNames;
            foreach (var name in names)
            {
                if (typeNames.Contains(name) || typeNames.Contains(name + "Attribute"))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool ModuleDeclaresTypeNamed(System.Reflection.Metadata.MetadataReader reader, string[] names, byte[][] utf8Names)
        {
            if (!StringHeapContainsAny(reader, utf8Names))
            {
                return false; // a type's name is a string of the #Strings heap: no such bytes there, no such type
            }
            var comparer = reader.StringComparer;
            foreach (var handle in reader.TypeDefinitions)
            {
                var nameHandle = reader.GetTypeDefinition(handle).Name;
                foreach (var name in names)
                {
                    // "FlagName", "FlagNameAttribute", "FlagName`1", "FlagNameAttribute`2" all start with the name
                    if (comparer.StartsWith(nameHandle, name))
                    {
                        var metadataName = reader.GetString(nameHandle);
                        var backtick = metadataName.IndexOf('`');
                        var typeName = backtick < 0 ? metadataName : metadataName.Substring(0, backtick);
                        if (typeName == name || typeName == name + "Attribute")
                        {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /// <summary>
        /// Cheap syntactic pre-check of a call (<see cref="InvocationKinds"/>): false when the call cannot name a
        /// flag, so its operation is never built. Exact with respect to <see cref="Collect(IInvocationOperation, List{FlagReference})"/>:
        /// a flag comes from a FLAG_* reader, a Microsoft.FeatureManagement method, a configured method (all
        /// matched by their simple name) or a marked parameter (see <see cref="MayHaveMarkedParameters"/>; a call by the simple
        /// name of a method with one, <see cref="MarkedCalls"/>).
        /// </summary>
        public bool MayNameFlag(SyntaxNode node)
        {
            if (!(node is InvocationExpressionSyntax invocation))
            {
                if (node is ObjectCreationExpressionSyntax creation && MayHaveMarkedParameters && !_flagMethodNames.Contains(".ctor"))
                {
                    return MayCreateMarked(creation);
                }
                // constructor initialisers, target-typed creations, an attribute's creation (RAXX304), a collection initialiser's
                // Add call (its syntax is the element)
                return MayHaveMarkedParameters || _flagMethodNames.Contains(".ctor");
            }
            var name = InvokedNames.TextOf(invocation.Expression);
            if (MayHaveMarkedParameters)
            {
                // a call by name whose method has a marked parameter: its simple name is one of MarkedCalls' (unless every
                // call stays a candidate: a delegate's marked parameter, a declaration not understood); else the gates below
                var marked = MarkedCalls;
                if (marked.EveryCall || name != null && marked.Names.Contains(name))
                {
                    return true;
                }
            }
            if (name == null || _flagMethodNames.Contains("Invoke"))
            {
                // a delegate call's method is Invoke: only a configured Invoke could name a flag
                return _flagMethodNames.Contains("Invoke");
            }
            if (FeatureManagementMethods.Contains(name) || _flagMethodNames.Contains(name))
            {
                return true;
            }
            return EnvStyleReaders.Contains(name) && MayBeEnvStyleName(invocation.ArgumentList);
        }

        /// <summary>
        /// The nodes of a tree the semantic pass of RAXX301 has to look at: every call <see cref="MayNameFlag"/> can
        /// accept and every element access. Found where the tree's text spells a flag API's name (an identifier token
        /// of that name naming the invoked method) or an opening bracket (the argument list of an element access),
        /// so the tree is not walked node by node. Falls back to a walk of every node when a call can be accepted
        /// without its name (marked parameters, configured constructors or Invoke) or when the text has a unicode
        /// escape (an identifier written with one does not spell its name).
        /// </summary>
        public void CollectCandidates(SyntaxTree tree, SyntaxNode root, List<SyntaxNode> result, System.Threading.CancellationToken cancellationToken)
        {
            if (MayHaveMarkedParameters)
            {
                _ = MarkedCalls; // (computed once per compilation; first here, before this tree's text is loaded)
            }
            var text = TextBuffer.Load(tree, root, null, cancellationToken);
            if (MayHaveMarkedParameters || _flagMethodNames.Contains(".ctor") || _flagMethodNames.Contains("Invoke") || text.HasUnicodeEscape())
            {
                foreach (var node in root.DescendantNodes())
                {
                    switch (node.Kind())
                    {
                        case SyntaxKind.InvocationExpression:
                            if (MayNameFlag(node))
                            {
                                result.Add(node); // (with a marker type, a call by a marked method's name: MarkedCalls)
                            }
                            break;
                        case SyntaxKind.BaseConstructorInitializer:
                        case SyntaxKind.ThisConstructorInitializer:
                        case SyntaxKind.PrimaryConstructorBaseType:
                        case SyntaxKind.ElementAccessExpression:
                        case SyntaxKind.ElementBindingExpression:
                        case SyntaxKind.ImplicitElementAccess:
                        case SyntaxKind.CollectionInitializerExpression:
                        case SyntaxKind.ObjectCreationExpression:
                        case SyntaxKind.ImplicitObjectCreationExpression:
                            result.Add(node);
                            break;
                        case SyntaxKind.Attribute when MayHaveMarkedParameters && (MayNameFlag((AttributeSyntax)node) || MayUseOmittedDefault((AttributeSyntax)node)):
                            result.Add(node); // [RequiresFlag("x")]: an attribute constructor's marked parameter (Collect(AttributeSyntax, …))
                            break;
                        case SyntaxKind.Parameter when MayHaveMarkedParameters && MayNameFlagByDefault((ParameterSyntax)node):
                            result.Add(node); // ([FlagName] string flag = "x"): the default, reported at the declaration (CollectDefault)
                            break;
                    }
                }
                return;
            }
            AddNamedCalls(text, root, FeatureManagementMethods, result, cancellationToken);
            AddNamedCalls(text, root, _flagMethodNames, result, cancellationToken);
            AddNamedCalls(text, root, EnvStyleReaders, result, cancellationToken);
            for (var i = text.IndexOf('[', 0); i >= 0; i = text.IndexOf('[', i + 1))
            {
                var token = root.FindToken(i);
                if (token.IsKind(SyntaxKind.OpenBracketToken) && token.SpanStart == i && token.Parent is BracketedArgumentListSyntax list
                    && (list.Parent is ElementAccessExpressionSyntax || list.Parent is ElementBindingExpressionSyntax || list.Parent is ImplicitElementAccessSyntax))
                {
                    result.Add(list.Parent);
                }
            }
        }

        /// <summary>
        /// The attributes of a tree <see cref="Collect(AttributeSyntax, SemanticModel, List{FlagReference}, System.Threading.CancellationToken, bool)"/>
        /// can take: those whose written name (AttributeName: the identifier, the right of a qualified name, the name of
        /// an alias-qualified one) is FeatureGate or FeatureGateAttribute, found where the text spells "FeatureGate" (both
        /// names start with it); and those written with a using alias whose target is spelled so (<c>using Gate =
        /// Microsoft.FeatureManagement.Mvc.FeatureGateAttribute;</c> then <c>[Gate("x")]</c>): the aliases of this file are
        /// seen at the same spellings (the alias directive spells the target), those declared <c>global</c> in other files
        /// come in <paramref name="globalAliases"/> (<see cref="GlobalFeatureGateAliases"/>); each alias's uses are found where
        /// the text spells its name. Which alias really is Microsoft.FeatureManagement's attribute is decided on the symbol
        /// (Collect with <c>aliased</c>). A text with a unicode escape is walked: every attribute named so or by an alias.
        /// </summary>
        public static void CollectFeatureGateAttributes(SyntaxTree tree, SyntaxNode root, ImmutableHashSet<string> globalAliases, List<AttributeSyntax> result, System.Threading.CancellationToken cancellationToken)
        {
            var text = TextBuffer.Load(tree, root, null, cancellationToken);
            List<string>? aliases = null;
            if (text.HasUnicodeEscape())
            {
                var attributes = new List<AttributeSyntax>();
                foreach (var node in root.DescendantNodes())
                {
                    if (node is AttributeSyntax attribute)
                    {
                        attributes.Add(attribute);
                    }
                    else if (node is UsingDirectiveSyntax { Alias: { } alias } directive && TargetsFeatureGate(directive))
                    {
                        (aliases ??= new List<string>()).Add(alias.Name.Identifier.ValueText);
                    }
                }
                foreach (var attribute in attributes)
                {
                    if (IsFeatureGateName(AttributeName(attribute)) || AliasWritten(attribute, aliases, globalAliases))
                    {
                        result.Add(attribute);
                    }
                }
                return;
            }
            const string name = "FeatureGate";
            for (var i = text.IndexOf(name, 0); i >= 0; i = text.IndexOf(name, i + name.Length))
            {
                var token = root.FindToken(text.Start + i);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name && token.ValueText != name + "Attribute" || !(token.Parent is SimpleNameSyntax simple))
                {
                    continue;
                }
                SyntaxNode written = simple;
                if (simple.Parent is QualifiedNameSyntax qualified && qualified.Right == simple || simple.Parent is AliasQualifiedNameSyntax alias && alias.Name == simple)
                {
                    written = simple.Parent;
                }
                if (written.Parent is AttributeSyntax attribute && attribute.Name == written)
                {
                    if (!result.Contains(attribute))
                    {
                        result.Add(attribute);
                    }
                }
                else if (written.Parent is UsingDirectiveSyntax { Alias: { } usingAlias } directive && directive.NamespaceOrType == written)
                {
                    (aliases ??= new List<string>()).Add(usingAlias.Name.Identifier.ValueText);
                }
            }
            if (aliases != null)
            {
                foreach (var alias in aliases)
                {
                    AddAliasWritten(text, root, alias, result);
                }
            }
            if (globalAliases.Count > 0) // (an empty set's enumerator still rents from a pool)
            {
                foreach (var alias in globalAliases)
                {
                    AddAliasWritten(text, root, alias, result);
                }
            }
        }

        /// <summary>The attributes of the text written with the alias <paramref name="alias"/> (<c>[Gate(…)]</c>; an alias <c>GateAttribute</c> also as <c>[Gate(…)]</c>).</summary>
        private static void AddAliasWritten(TextBuffer text, SyntaxNode root, string alias, List<AttributeSyntax> result)
        {
            if (alias.Length == 0)
            {
                return;
            }
            // [X] binds X or XAttribute: an alias named GateAttribute is also written Gate, which it starts with.
            var spelled = alias.Length > "Attribute".Length && alias.EndsWith("Attribute", StringComparison.Ordinal) ? alias.Substring(0, alias.Length - "Attribute".Length) : alias;
            for (var i = text.IndexOf(spelled, 0); i >= 0; i = text.IndexOf(spelled, i + spelled.Length))
            {
                if (i > 0 && IsIdentifierPart(text.CharAt(i - 1)))
                {
                    continue; // inside a longer identifier (cheap check before FindToken: a short alias is spelled often)
                }
                var token = root.FindToken(text.Start + i);
                if (token.IsKind(SyntaxKind.IdentifierToken)
                    && (token.SpanStart == text.Start + i || token.SpanStart == text.Start + i - 1 && token.Text.Length > 0 && token.Text[0] == '@')
                    && (token.ValueText == alias || token.ValueText + "Attribute" == alias)
                    && token.Parent is IdentifierNameSyntax identifier && identifier.Parent is AttributeSyntax attribute && attribute.Name == identifier
                    && !result.Contains(attribute))
                {
                    result.Add(attribute);
                }
            }
        }

        private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

        /// <summary>The attribute's written name is a plain identifier naming one of the aliases (as written or without its Attribute suffix).</summary>
        private static bool AliasWritten(AttributeSyntax attribute, List<string>? aliases, ImmutableHashSet<string> globalAliases)
        {
            if (!(attribute.Name is IdentifierNameSyntax identifier))
            {
                return false;
            }
            var written = identifier.Identifier.ValueText;
            bool Names(string alias) => alias == written || alias == written + "Attribute";
            if (aliases != null && aliases.Any(Names))
            {
                return true;
            }
            return globalAliases.Contains(written) || globalAliases.Contains(written + "Attribute");
        }

        private static bool IsFeatureGateName(string? name) => name == "FeatureGate" || name == "FeatureGateAttribute";

        /// <summary><c>using X = ….FeatureGateAttribute;</c> (the right-most name of the target as written; the symbol decides later).</summary>
        private static bool TargetsFeatureGate(UsingDirectiveSyntax directive)
        {
            var target = directive.NamespaceOrType;
            var right = target is QualifiedNameSyntax q ? q.Right : target is AliasQualifiedNameSyntax a ? a.Name : target as SimpleNameSyntax;
            return IsFeatureGateName(right?.Identifier.ValueText);
        }

        /// <summary>
        /// The <c>[FeatureGate]</c> attributes of the model's tree (<see cref="CollectFeatureGateAttributes"/>), shared by RAXX301
        /// and RAXX304. The compilation's global aliases are computed on first use into <paramref name="globalAliases"/> (a
        /// per-compilation slot of the caller: once, or twice in a race with the same result).
        /// </summary>
        public static List<AttributeSyntax> FeatureGateAttributesOf(SemanticModel model, ref ImmutableHashSet<string>? globalAliases, System.Threading.CancellationToken cancellationToken)
        {
            var aliases = System.Threading.Volatile.Read(ref globalAliases);
            if (aliases == null)
            {
                aliases = GlobalFeatureGateAliases(model.Compilation, cancellationToken);
                System.Threading.Interlocked.CompareExchange(ref globalAliases, aliases, null);
            }
            var attributes = new List<AttributeSyntax>();
            CollectFeatureGateAttributes(model.SyntaxTree, model.SyntaxTree.GetRoot(cancellationToken), aliases, attributes, cancellationToken);
            return attributes;
        }

        /// <summary>
        /// The names of the <c>global using X = ….FeatureGateAttribute;</c> aliases of the compilation (any file; they are in
        /// scope in every file; <see cref="GlobalAliasDirectives"/>).
        /// </summary>
        public static ImmutableHashSet<string> GlobalFeatureGateAliases(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            ImmutableHashSet<string>.Builder? names = null;
            foreach (var directive in GlobalAliasDirectives(compilation, cancellationToken))
            {
                if (TargetsFeatureGate(directive))
                {
                    (names ??= ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal)).Add(directive.Alias!.Name.Identifier.ValueText);
                }
            }
            return names?.ToImmutable() ?? ImmutableHashSet<string>.Empty;
        }

        /// <summary>
        /// The <c>global using X = …;</c> alias directives of a compilation. Global usings precede all other usings of a
        /// compilation unit, so each file's scan stops at its first non-global using: one or two nodes a file.
        /// </summary>
        private static IEnumerable<UsingDirectiveSyntax> GlobalAliasDirectives(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!(tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit))
                {
                    continue;
                }
                foreach (var directive in unit.Usings)
                {
                    if (!directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    {
                        break;
                    }
                    if (directive.Alias != null)
                    {
                        yield return directive;
                    }
                }
            }
        }

        private static void AddNamedCalls(TextBuffer text, SyntaxNode root, ImmutableHashSet<string> names, List<SyntaxNode> result, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (name.Length == 0)
                {
                    continue;
                }
                for (var i = text.IndexOf(name, 0); i >= 0; i = text.IndexOf(name, i + 1))
                {
                    var token = root.FindToken(i);
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || !(token.Parent is SimpleNameSyntax simple))
                    {
                        continue;
                    }
                    SyntaxNode expression = simple;
                    if ((simple.Parent is MemberAccessExpressionSyntax member && member.Name == simple) || (simple.Parent is MemberBindingExpressionSyntax binding && binding.Name == simple))
                    {
                        expression = simple.Parent;
                    }
                    while (expression.Parent is ParenthesizedExpressionSyntax)
                    {
                        expression = expression.Parent;
                    }
                    if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression && !result.Contains(invocation))
                    {
                        result.Add(invocation);
                    }
                }
            }
        }

        /// <summary>
        /// Pre-check of an element access for <see cref="Collect(IPropertyReferenceOperation, List{FlagReference})"/>:
        /// one argument that is not a literal other than a FLAG_* string.
        /// </summary>
        public static bool MayNameEnvStyleKey(SyntaxNode node)
        {
            var arguments = node switch
            {
                ElementAccessExpressionSyntax access => access.ArgumentList,
                ElementBindingExpressionSyntax binding => binding.ArgumentList,
                ImplicitElementAccessSyntax implicitAccess => implicitAccess.ArgumentList,
                _ => null,
            };
            return arguments != null && arguments.Arguments.Count == 1 && MayBeEnvStyleName(arguments);
        }

        /// <summary>False when every argument is a literal and no string literal is a FLAG_* name.</summary>
        private static bool MayBeEnvStyleName(BaseArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (!(argument.Expression is LiteralExpressionSyntax literal))
                {
                    return true; // a const field/local, a concatenation… : ask the semantic model
                }
                if (literal.IsKind(SyntaxKind.StringLiteralExpression) && FlagNames.IsEnvStyleName(literal.Token.ValueText))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// True when a call to a Microsoft.FeatureManagement method (by name) can only name declared flags: its
        /// receiver and every argument are, syntactically, either not a constant (a parameter, <c>this</c>, a
        /// non-const field of the enclosing type, a non-string literal) or a string constant that is declared
        /// (a literal, or a const field of the enclosing type initialised with one). RAXX301 reports only
        /// undeclared names, so such a call needs no semantic model (whose first use in an endpoint lambda binds
        /// the whole MapGet/MapPost call). Anything else (configured or marked methods, FLAG_* readers, member
        /// access to other types' constants, casts, locals) answers false and is decided semantically.
        /// </summary>
        public bool NamesOnlyDeclaredFlags(SyntaxNode node, Func<string, bool> isDeclared)
        {
            if (MayHaveMarkedParameters || !(node is InvocationExpressionSyntax invocation))
            {
                return false;
            }
            var name = InvokedNames.TextOf(invocation.Expression);
            if (name == null || !FeatureManagementMethods.Contains(name) || _flagMethodNames.Contains(name) || _flagMethodNames.Contains("Invoke"))
            {
                return false;
            }
            if (invocation.Expression is MemberAccessExpressionSyntax member && !OnlyDeclared(member.Expression, isDeclared))
            {
                return false; // the receiver of a reduced extension is an argument too
            }
            if (!(invocation.Expression is MemberAccessExpressionSyntax) && !(invocation.Expression is SimpleNameSyntax))
            {
                return false;
            }
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || !OnlyDeclared(argument.Expression, isDeclared))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// <c>[FeatureGate("a", "b")]</c> with declared literal names only (named arguments are not flags);
        /// <paramref name="aliased"/>: written with an alias (CollectFeatureGateAttributes), any name.
        /// </summary>
        public static bool NamesOnlyDeclaredFlags(AttributeSyntax attribute, Func<string, bool> isDeclared, bool aliased = false)
        {
            if (!aliased && !IsFeatureGateName(AttributeName(attribute)) || attribute.ArgumentList == null)
            {
                return true; // Collect finds nothing in other attributes or without arguments
            }
            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                if (argument.NameEquals != null)
                {
                    continue;
                }
                if (!(argument.Expression is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression) || !isDeclared(literal.Token.ValueText))
                {
                    return false;
                }
            }
            return true;
        }

        private static bool OnlyDeclared(ExpressionSyntax expression, Func<string, bool> isDeclared)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    // a string literal names itself; numbers, true/false, null, default are no string or enum constant
                    return !literal.IsKind(SyntaxKind.StringLiteralExpression) || isDeclared(literal.Token.ValueText);
                case ThisExpressionSyntax _:
                case BaseExpressionSyntax _:
                case SimpleLambdaExpressionSyntax _:
                case ParenthesizedLambdaExpressionSyntax _:
                case AnonymousMethodExpressionSyntax _:
                case ObjectCreationExpressionSyntax _:
                case ImplicitObjectCreationExpressionSyntax _:
                case AnonymousObjectCreationExpressionSyntax _:
                    return true;
                case IdentifierNameSyntax identifier:
                    return IdentifierOnlyDeclared(identifier, isDeclared);
                default:
                    return false;
            }
        }

        /// <summary>
        /// An identifier that is a parameter of an enclosing method, lambda or local function (never a constant),
        /// or a field of the innermost enclosing type: non-const, or const with a declared string literal. Any
        /// other declaration of the name in the member (a local, a pattern or query variable…) or a type that may
        /// have the member elsewhere (partial, with a base type) answers false.
        /// </summary>
        private static bool IdentifierOnlyDeclared(IdentifierNameSyntax identifier, Func<string, bool> isDeclared)
        {
            var text = identifier.Identifier.ValueText;
            SyntaxNode? member = null;
            for (var node = identifier.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == text:
                        return true;
                    case ParenthesizedLambdaExpressionSyntax lambda when HasParameter(lambda.ParameterList, text):
                        return true;
                    case LocalFunctionStatementSyntax local when HasParameter(local.ParameterList, text):
                        return true;
                    case BaseMethodDeclarationSyntax method:
                        if (HasParameter(method.ParameterList, text))
                        {
                            return true;
                        }
                        member = node;
                        break;
                }
                if (member != null || node is MemberDeclarationSyntax)
                {
                    member ??= node;
                    break;
                }
            }
            if (member == null || DeclaresName(member, text))
            {
                return false; // a local, pattern, query or out variable of that name, or top-level code
            }
            if (!(member.Parent is TypeDeclarationSyntax type) || type.BaseList != null || type.TypeParameterList != null
                || type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
            foreach (var candidate in type.Members)
            {
                if (candidate is FieldDeclarationSyntax field)
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText != text)
                        {
                            continue;
                        }
                        if (!field.Modifiers.Any(SyntaxKind.ConstKeyword))
                        {
                            return true; // a field that is not const is never a constant
                        }
                        return variable.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                            && isDeclared(literal.Token.ValueText);
                    }
                }
            }
            return false; // not a field of this type: another part, an outer type, a using static…
        }

        private static bool HasParameter(BaseParameterListSyntax? parameters, string name)
        {
            if (parameters == null)
            {
                return false;
            }
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Any declaration of <paramref name="name"/> inside the member (identifier tokens that are not a use).
        /// Only the places where the member's text spells the name are looked at (a token walk of the whole member
        /// was most of RAXX301's time); an identifier written with a unicode escape does not spell its value, so a
        /// member with an escape anywhere is walked token by token.
        /// </summary>
        private static bool DeclaresName(SyntaxNode member, string name)
        {
            var span = member.Span;
            var text = TextBuffer.Load(member.SyntaxTree, member, span, System.Threading.CancellationToken.None);
            if (text.HasUnicodeEscape())
            {
                return DeclaresNameInTokens(member, name);
            }
            for (var i = text.IndexOf(name, 0); i >= 0; i = text.IndexOf(name, i + 1))
            {
                if (IsDeclaration(member.FindToken(span.Start + i), name))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool DeclaresNameInTokens(SyntaxNode member, string name)
        {
            foreach (var token in member.DescendantTokens())
            {
                if (IsDeclaration(token, name))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsDeclaration(SyntaxToken token, string name) =>
            token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && !(token.Parent is SimpleNameSyntax);

        /// <summary>The invocation of a call's operation (a constructor initialiser comes wrapped in a statement).</summary>
        public static IInvocationOperation? AsInvocation(IOperation? operation) => operation switch
        {
            IInvocationOperation invocation => invocation,
            IExpressionStatementOperation { Operation: IInvocationOperation inner } => inner,
            _ => null,
        };

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Tuple<AnalyzerOptions, FlagReferences>> PerCompilation =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Tuple<AnalyzerOptions, FlagReferences>>();

        /// <summary>
        /// <see cref="Create"/>, made once per compilation and shared by RAXX301 and RAXX304 (the <c>[FlagName]</c> gate reads
        /// the references' metadata); a caller with other options gets its own.
        /// </summary>
        public static FlagReferences For(Compilation compilation, AnalyzerOptions options)
        {
            var entry = PerCompilation.GetValue(compilation, c => Tuple.Create(options, Create(c, options)));
            return ReferenceEquals(entry.Item1, options) ? entry.Item2 : Create(compilation, options);
        }

        public static FlagReferences Create(Compilation compilation, AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var methods = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            if (global.TryGetValue(FlagMethodsOption, out var configured))
            {
                AddList(methods, configured);
            }
            // .editorconfig sections apply per file; take the option from every tree too.
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(FlagMethodsOption, out var perTree))
                {
                    AddList(methods, perTree);
                }
            }

            var attributes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            attributes.Add("FlagName");
            attributes.Add("FeatureFlagName");
            if (global.TryGetValue(FlagParameterAttributeOption, out var attr))
            {
                AddList(attributes, attr);
            }
            return new FlagReferences(compilation, methods.ToImmutable(), attributes.ToImmutable());
        }

        private static void AddList(ImmutableHashSet<string>.Builder set, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }
            foreach (var part in value!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
                {
                    set.Add(name.Substring(0, name.Length - "Attribute".Length));
                }
                set.Add(name);
            }
        }

        /// <summary>Flags named by an invocation.</summary>
        public void Collect(IInvocationOperation invocation, List<FlagReference> results) => Collect(invocation.TargetMethod, invocation.Arguments, results);

        /// <summary>
        /// Flags named by an object creation (<c>new FlagGate("x")</c>, target-typed <c>new("x")</c>): its constructor's
        /// arguments, exactly as a call's (a marked parameter; a configured constructor <c>Ns.Type..ctor</c> takes its first
        /// string parameter). An object or collection initialiser is not looked at here (its Add calls are candidates of their own).
        /// </summary>
        public void Collect(IObjectCreationOperation creation, List<FlagReference> results) => Collect(creation.Constructor, creation.Arguments, results);

        private void Collect(IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments, List<FlagReference> results)
        {
            if (method == null)
            {
                return;
            }

            // FLAG_* environment reads
            if (method.Name == "GetEnvironmentVariable" && _environment != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _environment))
            {
                AddEnvStyle(arguments, results, "Environment.GetEnvironmentVariable");
                return;
            }

            // FLAG_* configuration reads: GetValue<T>("FLAG_X"), GetSection("FLAG_X"), GetConnectionString is not a flag
            if ((method.Name == "GetValue" && (IsType(method.ContainingType, _binderExtensions) || IsNamed(method.ContainingType, "Microsoft.Extensions.Configuration", "ConfigurationBinder")))
                || (method.Name == "GetSection" && (IsConfiguration(method.ContainingType) || IsType(method.ContainingType, _configurationExtensions) || IsNamed(method.ContainingType, "Microsoft.Extensions.Configuration", "ConfigurationExtensions"))))
            {
                AddEnvStyle(arguments, results, "configuration read");
                return;
            }

            var original = method.ReducedFrom ?? method;
            // ToDisplayString allocates: only for methods whose simple name is configured; a message's API name is built
            // when the message is (FlagApi.OfMethod).
            var isConfigured = false;
            if (_flagMethodNames.Contains(original.Name))
            {
                var qualified = original.ContainingType?.ToDisplayString() + "." + original.Name;
                isConfigured = _flagMethods.Contains(qualified) || _flagMethods.Contains(original.Name);
            }
            var isFeatureManagement = FeatureManagementMethods.Contains(method.Name) && IsFeatureManagement(original);

            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || (!isFeatureManagement && parameter.GetAttributes().IsEmpty))
                {
                    continue; // only Microsoft.FeatureManagement's parameters and attribute-marked ones take flag names
                }
                var marked = HasFlagAttribute(parameter);
                if (marked && argument.ArgumentKind == ArgumentKind.DefaultValue && DefaultReportedAtDeclaration(parameter))
                {
                    continue; // an omitted argument whose marked default is this compilation's: named (once) at the declaration
                }
                if (marked || (isFeatureManagement && parameter.Name.IndexOf("feature", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    AddValues(argument, results, isFeatureManagement ? FlagApi.Of(method.Name) : FlagApi.OfMethod(original));
                }
            }

            if (isConfigured && !HasAnyFlagAttribute(original))
            {
                // a configured method without a marked parameter: its first string parameter is the flag
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                    {
                        AddValues(argument, results, FlagApi.OfMethod(original));
                        break;
                    }
                }
            }
        }

        /// <summary>The API named in a message: <c>Ns.Type.Method</c>, or <c>Ns.Type constructor</c> (not <c>Ns.Type..ctor</c>).</summary>
        internal static string ApiName(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Constructor ? method.ContainingType?.ToDisplayString() + " constructor" : method.ContainingType?.ToDisplayString() + "." + method.Name;

        /// <summary>
        /// For RAXX304, which counts every string literal and every constant string argument by itself: the flags an
        /// argument's call names beyond those, exactly as <see cref="Collect(IInvocationOperation, List{FlagReference})"/>
        /// (RAXX301's) finds them — an enum member passed to a marked parameter (<c>IsOn([FlagName] AppFlag flag)</c> with
        /// <c>IsOn(AppFlag.Beta)</c>, also as the receiver of an extension, a constructor initialiser's or a collection
        /// initialiser's Add argument, an object creation's <c>new FlagGate(AppFlag.Beta)</c>, an enum default value of a marked
        /// parameter whose argument the call omits, when its declaration is not this compilation's: <see cref="DefaultReportedAtDeclaration"/>) and the elements of an array (a params array: enum members, <c>nameof</c>, const
        /// fields). Called from an operation action on every argument, for an argument whose value is an enum constant or an
        /// array (<see cref="MayNameBeyondConstantString(IArgumentOperation)"/>, asked by the caller first); a call is collected once, at its first
        /// such argument, after <see cref="MayNameFlag"/> (the same name gate as RAXX301's; true for every call when a marker
        /// type exists). Null when nothing is collected.
        /// </summary>
        public List<FlagReference>? CollectBeyondConstantStrings(IArgumentOperation argument)
        {
            var call = argument.Parent;
            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };
            if (arguments.IsDefault || call!.Syntax.ContainsDiagnostics || !MayNameFlag(call.Syntax))
            {
                return null; // RAXX301 skips both too (the name first: it rejects almost every call, cheaply)
            }
            foreach (var other in arguments)
            {
                if (MayNameBeyondConstantString(other))
                {
                    if (other != argument)
                    {
                        return null; // collected at that argument
                    }
                    var results = new List<FlagReference>();
                    if (call is IInvocationOperation invocation)
                    {
                        Collect(invocation, results);
                    }
                    else
                    {
                        Collect((IObjectCreationOperation)call, results);
                    }
                    return results;
                }
            }
            return null; // (this argument's value names nothing beyond a constant string)
        }

        /// <summary>
        /// What <see cref="AddValues(IArgumentOperation, List{FlagReference}, FlagApi)"/> can turn into a name that is not a constant
        /// string argument: an enum constant, an array, a collection expression (a C# 13 params collection), and an enum parameter's default value (an omitted argument).
        /// </summary>
        public static bool MayNameBeyondConstantString(IArgumentOperation argument) =>
            MayNameBeyondConstantString(argument.Value) || DefaultEnumType(argument) != null && argument.Value.ConstantValue.HasValue;

        private static bool MayNameBeyondConstantString(IOperation value)
        {
            value = Unwrap(value);
            return value is IArrayCreationOperation || value is ICollectionExpressionOperation
                || value.ConstantValue.HasValue && value.Type?.TypeKind == TypeKind.Enum;
        }

        /// <summary><c>configuration["FLAG_X"]</c>.</summary>
        public void Collect(IPropertyReferenceOperation reference, List<FlagReference> results)
        {
            if (!reference.Property.IsIndexer || reference.Arguments.Length != 1 || !IsConfiguration(reference.Property.ContainingType))
            {
                return;
            }
            AddEnvStyle(reference.Arguments, results, "configuration read");
        }

        /// <summary>
        /// <c>[FeatureGate("x")]</c>, <c>[FeatureGate(MyFlags.X)]</c>; with <paramref name="aliased"/>, an attribute written with
        /// another name (a using alias: <c>[Gate("x")]</c>), taken only when its type is Microsoft.FeatureManagement's FeatureGateAttribute.
        /// </summary>
        public static void Collect(AttributeSyntax attribute, SemanticModel model, List<FlagReference> results, System.Threading.CancellationToken cancellationToken, bool aliased = false)
        {
            if (!aliased && !IsFeatureGateName(AttributeName(attribute)) || attribute.ArgumentList == null)
            {
                return;
            }
            var type = (model.GetSymbolInfo(attribute, cancellationToken).Symbol as IMethodSymbol)?.ContainingType;
            if (type == null || !IsFeatureManagementType(type) || aliased && type.Name != "FeatureGateAttribute")
            {
                return;
            }
            foreach (var arg in attribute.ArgumentList.Arguments)
            {
                if (arg.NameEquals != null)
                {
                    continue;
                }
                var constant = model.GetConstantValue(arg.Expression, cancellationToken);
                if (!constant.HasValue)
                {
                    continue;
                }
                var argType = model.GetTypeInfo(arg.Expression, cancellationToken).Type;
                if (constant.Value is string s)
                {
                    results.Add(new FlagReference(s, arg.Expression, "FeatureGate"));
                }
                else if (argType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && enumType.Name != "RequirementType")
                {
                    var member = EnumMemberName(enumType, constant.Value);
                    if (member != null)
                    {
                        results.Add(new FlagReference(member, arg.Expression, "FeatureGate"));
                    }
                }
            }
        }

        /// <summary>
        /// Syntactic pre-check of an attribute for <see cref="Collect(AttributeSyntax, SemanticModel, List{FlagReference}, System.Threading.CancellationToken)"/>
        /// (an attribute whose constructor has a marked parameter; asked only when a marker type exists): false for a
        /// <c>[FeatureGate]</c> written with its own name (collected as such) and for an attribute without a positional argument
        /// that can be a flag constant — none (<c>[Fact]</c>, <c>[Authorize]</c>), only named property arguments
        /// (<c>[X(Note = "…")]</c>), or only <c>typeof</c> and literals that are not strings (<c>[AttributeUsage]</c>'s enum
        /// members do pass: they are member accesses). An attribute without a positional argument is taken by <see cref="MayUseOmittedDefault"/> instead.
        /// </summary>
        public static bool MayNameFlag(AttributeSyntax attribute)
        {
            if (attribute.ArgumentList == null || IsFeatureGateName(AttributeName(attribute)))
            {
                return false;
            }
            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                if (argument.NameEquals != null)
                {
                    continue; // a property or field: not a constructor parameter
                }
                var expression = argument.Expression;
                while (expression is ParenthesizedExpressionSyntax parenthesized)
                {
                    expression = parenthesized.Expression;
                }
                if (expression is TypeOfExpressionSyntax || expression is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }
                return true;
            }
            return false;
        }

        /// <summary>
        /// Flags named by an attribute's positional arguments to a marked constructor parameter (<c>[RequiresFlag("x")]</c> with
        /// <c>RequiresFlagAttribute([FlagName] string flag)</c>): literals, constants, enum members, <c>nameof</c>, the elements of a
        /// <c>params</c> array, exactly as an object creation's (<see cref="Collect(IObjectCreationOperation, List{FlagReference})"/>);
        /// named property arguments are not parameters. The attribute's constructor symbol first: its operation only when one
        /// of its parameters is marked. The API in messages is the attribute type.
        /// </summary>
        public void Collect(AttributeSyntax attribute, SemanticModel model, List<FlagReference> results, System.Threading.CancellationToken cancellationToken)
        {
            if (!(model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor) || !HasAnyFlagAttribute(constructor))
            {
                return;
            }
            if (!(model.GetOperation(attribute, cancellationToken) is IAttributeOperation { Operation: IObjectCreationOperation creation }))
            {
                return;
            }
            var found = new List<FlagReference>();
            Collect(creation, found);
            var api = FlagApi.OfAttributeType(constructor.ContainingType);
            foreach (var reference in found)
            {
                results.Add(new FlagReference(reference.Name, reference.Syntax, api));
            }
        }

        /// <summary>
        /// For RAXX304: what a tree declares that names a flag beyond the driver's operation actions, found where the text has an
        /// opening bracket of an attribute list (no node walk). <paramref name="attributes"/>: the attributes on a lambda or a local
        /// function (or on their parameters and return values) that <see cref="MayNameFlag(AttributeSyntax)"/> or
        /// <see cref="MayUseOmittedDefault"/> accepts — the analyzer driver runs operation actions on the attributes of declared
        /// symbols (types, members, parameters), so RAXX304's argument action counts <c>[RequiresFlag(AppFlag.X)]</c> on a class or
        /// method, but not on an endpoint lambda (<c>app.MapGet("/x", [RequiresFlag(AppFlag.X)] () => …)</c>) or a local function.
        /// <paramref name="parameters"/>: parameters with an attribute list and a default value (<see cref="MayNameFlagByDefault"/>),
        /// whose marked default is a flag named at the declaration (<see cref="CollectDefault"/>), as RAXX301 reports it there.
        /// </summary>
        public void CollectMarkedDeclarations(SyntaxTree tree, SyntaxNode root, List<AttributeSyntax> attributes, List<ParameterSyntax> parameters, System.Threading.CancellationToken cancellationToken)
        {
            var text = TextBuffer.Load(tree, root, null, cancellationToken);
            for (var i = text.IndexOf('[', 0); i >= 0; i = text.IndexOf('[', i + 1))
            {
                var token = root.FindToken(text.Start + i);
                if (!token.IsKind(SyntaxKind.OpenBracketToken) || token.SpanStart != text.Start + i || !(token.Parent is AttributeListSyntax list))
                {
                    continue;
                }
                if (list.Parent is ParameterSyntax parameter && MayNameFlagByDefault(parameter) && !parameters.Contains(parameter))
                {
                    parameters.Add(parameter); // ([FlagName] string flag = "x"); a lambda's or local function's parameter also goes on below
                }
                var inFunctionBody = false;
                for (var node = list.Parent; node != null && !(node is MemberDeclarationSyntax); node = node.Parent)
                {
                    if (node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax)
                    {
                        inFunctionBody = true;
                        break;
                    }
                }
                if (!inFunctionBody)
                {
                    continue; // a type's, member's or their parameters' attribute: the driver's operation actions see it
                }
                foreach (var attribute in list.Attributes)
                {
                    if (MayNameFlag(attribute) || MayUseOmittedDefault(attribute))
                    {
                        attributes.Add(attribute);
                    }
                }
            }
        }

        /// <summary>
        /// Syntactic pre-check of a parameter for <see cref="CollectDefault"/>: a default value and an attribute list on the same
        /// declaration (a marked parameter is marked where it is written; a partial method whose marker is on the other part's
        /// parameter is left to its calls, see <see cref="DefaultReportedAtDeclaration"/>).
        /// </summary>
        public static bool MayNameFlagByDefault(ParameterSyntax parameter) => parameter.Default != null && parameter.AttributeLists.Count > 0;

        /// <summary>
        /// A marked parameter's default value in its declaration (<c>bool IsOn([FlagName] string flag = "x")</c>, an enum member,
        /// a constructor's, an attribute constructor's, a local function's or a lambda's): the flag is named there, once, whether or
        /// not a call omits the argument; calls that omit it are not reported again (<see cref="DefaultReportedAtDeclaration"/>).
        /// The squiggle is the default value. The API in messages is the method (an attribute type for its constructor).
        /// </summary>
        public void CollectDefault(ParameterSyntax syntax, SemanticModel model, List<FlagReference> results, System.Threading.CancellationToken cancellationToken)
        {
            if (!MayNameFlagByDefault(syntax)
                || !(model.GetDeclaredSymbol(syntax, cancellationToken) is IParameterSymbol parameter)
                || !parameter.HasExplicitDefaultValue || !HasFlagAttribute(parameter)
                || parameter.ContainingSymbol is IMethodSymbol { PartialDefinitionPart: { } })
            {
                return; // (the implementation part of a partial method: its default is the definition's business, CS1066)
            }
            if (!(model.GetOperation(syntax.Default!, cancellationToken) is IParameterInitializerOperation initializer))
            {
                return;
            }
            AddValues(initializer.Value, results, FlagApi.OfDeclaration(parameter.ContainingSymbol), parameter.Type as INamedTypeSymbol is { TypeKind: TypeKind.Enum } enumType ? enumType : null);
        }

        internal static string DeclarationApiName(ISymbol? owner)
        {
            if (!(owner is IMethodSymbol method))
            {
                return owner?.ToDisplayString() ?? "parameter";
            }
            var type = method.ContainingType?.ToDisplayString();
            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                return type + " lambda";
            }
            if (method.MethodKind == MethodKind.Constructor && IsAttributeType(method.ContainingType))
            {
                return type ?? "attribute"; // as its uses are named: [RequiresFlag("x")] → MyApp.RequiresFlagAttribute
            }
            return method.MethodKind == MethodKind.Constructor ? type + " constructor" : type + "." + method.Name;
        }

        private static bool IsAttributeType(INamedTypeSymbol? type)
        {
            for (var t = type?.BaseType; t != null; t = t.BaseType)
            {
                if (t.Name == "Attribute" && t.ContainingNamespace?.Name == "System" && t.ContainingNamespace.ContainingNamespace?.IsGlobalNamespace == true)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// True when a marked parameter's default is reported at its declaration (<see cref="CollectDefault"/>), so a call that omits
        /// the argument must not report it again: the parameter is declared in this compilation's source, with its attribute list
        /// and its default on the same declaration, outside generated code (a generated file, a <c>[GeneratedCode]</c> member: RAXX301
        /// does not analyse those, so their calls keep the report). A parameter from a referenced assembly (metadata, or another
        /// project of the solution) has no declaration here: its calls are reported.
        /// </summary>
        private bool DefaultReportedAtDeclaration(IParameterSymbol parameter)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingAssembly, _compilation.Assembly))
            {
                return false;
            }
            foreach (var reference in parameter.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is ParameterSyntax syntax && MayNameFlagByDefault(syntax))
                {
                    return !GeneratedCode.IsGenerated(parameter.ContainingSymbol)
                        && !GeneratedCode.IsGeneratedTree(reference.SyntaxTree, _compilation, System.Threading.CancellationToken.None);
                }
            }
            return false;
        }

        /// <summary>
        /// Syntactic pre-check of an attribute without a positional argument (<c>[RequiresFlag]</c>, <c>[RequiresFlag(Note = "…")]</c>)
        /// whose constructor may use a marked default: its written name (or name + Attribute) is one of
        /// <see cref="OmittedDefaultAttributeNames"/>, referenced attribute types with such a constructor. Attribute types of this
        /// compilation are not needed: their defaults are reported at the declaration. So <c>[Fact]</c>, <c>[Authorize]</c> never
        /// reach the model. An attribute written with a using alias of such a type is not matched.
        /// </summary>
        public bool MayUseOmittedDefault(AttributeSyntax attribute)
        {
            if (attribute.ArgumentList != null)
            {
                foreach (var argument in attribute.ArgumentList.Arguments)
                {
                    if (argument.NameEquals == null)
                    {
                        return false; // a positional argument: MayNameFlag(AttributeSyntax) decides
                    }
                }
            }
            var name = AttributeName(attribute);
            if (name == null)
            {
                return false;
            }
            var names = OmittedDefaultAttributeNames;
            return names.Count > 0 && (names.Contains(name) || names.Contains(name + "Attribute"));
        }

        /// <summary>
        /// Names of the types of referenced assemblies with a constructor whose parameter is marked and has a default value. For a
        /// metadata reference, only modules whose #Strings heap holds a marker name are read (a parameter's custom attribute names its
        /// type there), constructor by constructor in the metadata (no symbols); another compilation (a project reference in the
        /// IDE) is walked by symbols, types named <c>…Attribute</c> only. Once per compilation, on the first attribute without a
        /// positional argument in a compilation with a marker type.
        /// </summary>
        private ImmutableHashSet<string> OmittedDefaultAttributeNames
        {
            get
            {
                var names = System.Threading.Volatile.Read(ref _omittedDefaultAttributeNames);
                if (names == null)
                {
                    names = ComputeOmittedDefaultAttributeNames();
                    System.Threading.Interlocked.CompareExchange(ref _omittedDefaultAttributeNames, names, null);
                }
                return names;
            }
        }

        private ImmutableHashSet<string> ComputeOmittedDefaultAttributeNames()
        {
            var result = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var markers = _parameterAttributes.ToArray();
            var utf8Markers = markers.Select(m => System.Text.Encoding.UTF8.GetBytes(m)).ToArray();
            foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                var read = false;
                if (_compilation.GetMetadataReference(assembly) is PortableExecutableReference reference)
                {
                    try
                    {
                        var modules = ModulesOf(reference);
                        if (!modules.IsDefault)
                        {
                            foreach (var module in modules)
                            {
                                AddTypesWithMarkedConstructorDefault(module.GetMetadataReader(), utf8Markers, result);
                            }
                            read = true;
                        }
                    }
                    catch (Exception ex) when (IsUnreadableMetadata(ex))
                    {
                        // fall back to the symbols
                    }
                }
                if (!read)
                {
                    AddTypesWithMarkedConstructorDefault(assembly.GlobalNamespace, result);
                }
            }
            return result.ToImmutable();
        }

        private void AddTypesWithMarkedConstructorDefault(System.Reflection.Metadata.MetadataReader reader, byte[][] utf8Markers, ImmutableHashSet<string>.Builder result)
        {
            if (!StringHeapContainsAny(reader, utf8Markers))
            {
                return;
            }
            foreach (var typeHandle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(typeHandle);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    if (!reader.StringComparer.Equals(method.Name, ".ctor"))
                    {
                        continue;
                    }
                    foreach (var parameterHandle in method.GetParameters())
                    {
                        var parameter = reader.GetParameter(parameterHandle);
                        if ((parameter.Attributes & System.Reflection.ParameterAttributes.HasDefault) == 0)
                        {
                            continue;
                        }
                        foreach (var attributeHandle in parameter.GetCustomAttributes())
                        {
                            if (MayBeMarker(reader, reader.GetCustomAttribute(attributeHandle)))
                            {
                                var name = reader.GetString(type.Name);
                                var backtick = name.IndexOf('`');
                                result.Add(backtick < 0 ? name : name.Substring(0, backtick));
                                goto nextType;
                            }
                        }
                    }
                }
            nextType:;
            }
        }

        /// <summary>
        /// The custom attribute's type may be a marker (<see cref="HasFlagAttribute"/> by name). A generic attribute (<c>FlagName&lt;T&gt;</c>,
        /// a type specification) is taken without decoding it: a name too many only costs a symbol lookup for attributes so named.
        /// </summary>
        private bool MayBeMarker(System.Reflection.Metadata.MetadataReader reader, System.Reflection.Metadata.CustomAttribute attribute)
        {
            System.Reflection.Metadata.EntityHandle type;
            if (attribute.Constructor.Kind == System.Reflection.Metadata.HandleKind.MemberReference)
            {
                type = reader.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor).Parent;
            }
            else if (attribute.Constructor.Kind == System.Reflection.Metadata.HandleKind.MethodDefinition)
            {
                type = reader.GetMethodDefinition((System.Reflection.Metadata.MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            }
            else
            {
                return false;
            }
            string name;
            switch (type.Kind)
            {
                case System.Reflection.Metadata.HandleKind.TypeReference:
                    name = reader.GetString(reader.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)type).Name);
                    break;
                case System.Reflection.Metadata.HandleKind.TypeDefinition:
                    name = reader.GetString(reader.GetTypeDefinition((System.Reflection.Metadata.TypeDefinitionHandle)type).Name);
                    break;
                case System.Reflection.Metadata.HandleKind.TypeSpecification:
                    return true;
                default:
                    return false;
            }
            var backtick = name.IndexOf('`');
            if (backtick >= 0)
            {
                name = name.Substring(0, backtick);
            }
            return _parameterAttributes.Contains(name)
                || (name.EndsWith("Attribute", StringComparison.Ordinal) && _parameterAttributes.Contains(name.Substring(0, name.Length - "Attribute".Length)));
        }

        private void AddTypesWithMarkedConstructorDefault(INamespaceSymbol ns, ImmutableHashSet<string>.Builder result)
        {
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    AddTypesWithMarkedConstructorDefault(inner, result);
                }
                else if (member is INamedTypeSymbol type)
                {
                    AddTypeWithMarkedConstructorDefault(type, result);
                }
            }
        }

        private void AddTypeWithMarkedConstructorDefault(INamedTypeSymbol type, ImmutableHashSet<string>.Builder result)
        {
            if (type.Name.EndsWith("Attribute", StringComparison.Ordinal) && type.TypeKind == TypeKind.Class)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.HasExplicitDefaultValue && HasFlagAttribute(parameter))
                        {
                            result.Add(type.Name);
                        }
                    }
                }
            }
            foreach (var nested in type.GetTypeMembers())
            {
                AddTypeWithMarkedConstructorDefault(nested, result);
            }
        }

        /// <summary>
        /// <c>new T(…)</c> written with a type name (<c>T</c>, <c>Ns.T</c>, <c>T&lt;int&gt;</c>, <c>alias::T</c>): a candidate when the right-most
        /// name is a type with a marked constructor parameter (<see cref="MarkedCallNames.CreatedTypes"/>) or a using alias of the compilation
        /// (any: the alias's target is not looked at). A creation written otherwise (<c>new string(…)</c>, <c>new T?()</c>) stays a candidate.
        /// </summary>
        private bool MayCreateMarked(ObjectCreationExpressionSyntax creation)
        {
            var marked = MarkedCalls;
            if (marked.EveryCall)
            {
                return true;
            }
            var type = creation.Type;
            var name = (type is QualifiedNameSyntax q ? q.Right : type is AliasQualifiedNameSyntax a ? a.Name : type as SimpleNameSyntax)?.Identifier.ValueText;
            return name == null || marked.CreatedTypes.Contains(name) || marked.AliasNames.Contains(name);
        }

        /// <summary>The simple names of the methods with a marked parameter (<see cref="MarkedCalls"/>).</summary>
        internal sealed class MarkedCallNames
        {
            public MarkedCallNames(ImmutableHashSet<string> names, ImmutableHashSet<string> createdTypes, ImmutableHashSet<string> aliasNames, bool everyCall)
            {
                Names = names;
                CreatedTypes = createdTypes;
                AliasNames = aliasNames;
                EveryCall = everyCall;
            }

            public ImmutableHashSet<string> Names { get; }

            /// <summary>The names of types with a constructor that has a marked parameter (generic arity stripped; a primary constructor's too).</summary>
            public ImmutableHashSet<string> CreatedTypes { get; }

            /// <summary>Every using alias of the compilation (global or not, in any namespace): <c>new G(…)</c> may create a marked type.</summary>
            public ImmutableHashSet<string> AliasNames { get; }

            /// <summary>Every call stays a candidate: a delegate's parameter is marked (a delegate is called by any name), or a marked
            /// parameter's owner was not understood (a declaration this code does not know, metadata that cannot be read).</summary>
            public bool EveryCall { get; }
        }

        private MarkedCallNames? _markedCalls;

        /// <summary>
        /// With a marker type (<see cref="MayHaveMarkedParameters"/>), the simple names of the methods that have a parameter with an
        /// attribute that may be a marker: a call (an <see cref="InvocationExpressionSyntax"/>) by another name cannot pass an argument
        /// to a marked parameter, so it is no candidate (unless a flag API's name: <see cref="MayNameFlag"/>). Before, every call of
        /// every tree was bound once a marker type existed (most of RAXX301's time then, docs/notes/perf.md). Taken from this
        /// compilation's source (<see cref="AddSourceMarkedCallNames"/>), each metadata reference's method definitions
        /// (<see cref="AddMetadataMarkedCallNames"/>) and a compilation reference's source. Computed once per compilation.
        /// </summary>
        internal MarkedCallNames MarkedCalls
        {
            get
            {
                var names = System.Threading.Volatile.Read(ref _markedCalls);
                if (names == null)
                {
                    names = ComputeMarkedCalls(System.Threading.CancellationToken.None);
                    System.Threading.Interlocked.CompareExchange(ref _markedCalls, names, null);
                }
                return names;
            }
        }

        private MarkedCallNames ComputeMarkedCalls(System.Threading.CancellationToken cancellationToken)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var types = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var aliases = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var markers = _parameterAttributes.ToArray();
            var everyCall = !AddSourceMarkedCallNames(_compilation, markers, names, types, cancellationToken);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                AddAliasNames(tree.GetRoot(cancellationToken), aliases);
            }
            var utf8Markers = markers.Select(m => System.Text.Encoding.UTF8.GetBytes(m)).ToArray();
            foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (everyCall)
                {
                    break;
                }
                var reference = _compilation.GetMetadataReference(assembly);
                if (reference is CompilationReference compilationReference)
                {
                    everyCall = !AddSourceMarkedCallNames(compilationReference.Compilation, markers, names, types, cancellationToken);
                    continue;
                }
                everyCall = true; // unless its metadata is read below
                if (reference is PortableExecutableReference peReference)
                {
                    try
                    {
                        var modules = ModulesOf(peReference);
                        if (!modules.IsDefault)
                        {
                            everyCall = false;
                            foreach (var module in modules)
                            {
                                everyCall |= !AddMetadataMarkedCallNames(module.GetMetadataReader(), utf8Markers, names, types);
                            }
                        }
                    }
                    catch (Exception ex) when (IsUnreadableMetadata(ex))
                    {
                        everyCall = true;
                    }
                }
            }
            return new MarkedCallNames(names.ToImmutable(), types.ToImmutable(), aliases.ToImmutable(), everyCall);
        }

        /// <summary>The using aliases of a compilation unit and of its namespaces (usings come only there).</summary>
        private static void AddAliasNames(SyntaxNode node, ImmutableHashSet<string>.Builder aliases)
        {
            var (usings, members) = node switch
            {
                CompilationUnitSyntax unit => (unit.Usings, unit.Members),
                BaseNamespaceDeclarationSyntax ns => (ns.Usings, ns.Members),
                _ => (default, default),
            };
            foreach (var directive in usings)
            {
                if (directive.Alias != null)
                {
                    aliases.Add(directive.Alias.Name.Identifier.ValueText);
                }
            }
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax)
                {
                    AddAliasNames(member, aliases);
                }
            }
        }

        /// <summary>
        /// The names of a compilation's methods and local functions with a parameter that has an attribute (any: an alias of a marker
        /// is not told apart by its written name, and a name too many only keeps that name's calls as candidates). Only trees whose text
        /// spells a marker name are read (a marker is written with its name, or with a using alias whose directive spells it), every tree
        /// when a <c>global using</c> alias targets a marker, or when the text has a unicode escape; in them, the parameters are found
        /// where the text has an opening bracket of an attribute list (no node walk). False (every call stays a candidate) for a marked
        /// parameter of a delegate, a lambda or anonymous method, or a declaration not known here.
        /// </summary>
        private static bool AddSourceMarkedCallNames(Compilation compilation, string[] markers, ImmutableHashSet<string>.Builder names, ImmutableHashSet<string>.Builder types, System.Threading.CancellationToken cancellationToken)
        {
            var everyTree = HasGlobalMarkerAlias(compilation, markers, cancellationToken);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                var text = TextBuffer.LoadSpare(tree, cancellationToken);
                if (!everyTree && !text.HasUnicodeEscape() && !SpellsAny(text, markers))
                {
                    continue;
                }
                for (var i = text.IndexOf('[', 0); i >= 0; i = text.IndexOf('[', i + 1))
                {
                    var token = root.FindToken(text.Start + i);
                    if (!token.IsKind(SyntaxKind.OpenBracketToken) || token.SpanStart != text.Start + i
                        || !(token.Parent is AttributeListSyntax list) || !(list.Parent is ParameterSyntax parameter))
                    {
                        continue;
                    }
                    switch (parameter.Parent?.Parent)
                    {
                        case MethodDeclarationSyntax method:
                            names.Add(method.Identifier.ValueText);
                            break;
                        case LocalFunctionStatementSyntax local:
                            names.Add(local.Identifier.ValueText);
                            break;
                        case ConstructorDeclarationSyntax constructor:
                            types.Add(constructor.Identifier.ValueText);
                            break;
                        case TypeDeclarationSyntax primary: // a primary constructor's
                            types.Add(primary.Identifier.ValueText);
                            break;
                        case OperatorDeclarationSyntax _:
                        case ConversionOperatorDeclarationSyntax _:
                        case IndexerDeclarationSyntax _:
                            break; // never called by an invocation or creation (operators and element accesses stay candidates)
                        default:
                            return false; // a delegate's, a lambda's (called through a delegate), or unknown (a C# 14 extension block's receiver…)
                    }
                }
            }
            return true;
        }

        private static bool SpellsAny(TextBuffer text, string[] names)
        {
            foreach (var name in names)
            {
                if (text.IndexOf(name, 0) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>A <c>global using X = ….FlagNameAttribute;</c> (right-most name as written, any marker): its uses in other files do not spell the marker.</summary>
        private static bool HasGlobalMarkerAlias(Compilation compilation, string[] markers, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var directive in GlobalAliasDirectives(compilation, cancellationToken))
            {
                var target = directive.NamespaceOrType;
                var right = (target is QualifiedNameSyntax q ? q.Right : target is AliasQualifiedNameSyntax a ? a.Name : target as SimpleNameSyntax)?.Identifier.ValueText;
                foreach (var marker in markers)
                {
                    if (right == marker || right == marker + "Attribute")
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /// <summary>
        /// The names of a module's methods with a parameter whose custom attribute may be a marker (<see cref="MayBeMarker"/>), read from
        /// the metadata (no symbols); a module whose #Strings heap has no marker name has none. False (every call stays a candidate)
        /// for a marked <c>Invoke</c> (a delegate's, called by any name) and a C# 14 extension block's marker method.
        /// </summary>
        private bool AddMetadataMarkedCallNames(System.Reflection.Metadata.MetadataReader reader, byte[][] utf8Markers, ImmutableHashSet<string>.Builder names, ImmutableHashSet<string>.Builder types)
        {
            if (!StringHeapContainsAny(reader, utf8Markers))
            {
                return true;
            }
            foreach (var methodHandle in reader.MethodDefinitions)
            {
                var method = reader.GetMethodDefinition(methodHandle);
                foreach (var parameterHandle in method.GetParameters())
                {
                    foreach (var attributeHandle in reader.GetParameter(parameterHandle).GetCustomAttributes())
                    {
                        if (!MayBeMarker(reader, reader.GetCustomAttribute(attributeHandle)))
                        {
                            continue;
                        }
                        var name = reader.GetString(method.Name);
                        if (name == "Invoke" || name == "<Extension>$")
                        {
                            return false;
                        }
                        names.Add(name);
                        if (name == ".ctor")
                        {
                            var typeName = reader.GetString(reader.GetTypeDefinition(method.GetDeclaringType()).Name);
                            var backtick = typeName.IndexOf('`');
                            types.Add(backtick < 0 ? typeName : typeName.Substring(0, backtick));
                        }
                        goto nextMethod;
                    }
                }
            nextMethod:;
            }
            return true;
        }

        /// <summary>True when the attribute is written with its own name (FeatureGate, FeatureGateAttribute), not an alias.</summary>
        public static bool IsWrittenFeatureGate(AttributeSyntax attribute) => IsFeatureGateName(AttributeName(attribute));

        private static string? AttributeName(AttributeSyntax attribute) =>
            attribute.Name is QualifiedNameSyntax q ? q.Right.Identifier.ValueText
            : attribute.Name is AliasQualifiedNameSyntax a ? a.Name.Identifier.ValueText
            : (attribute.Name as IdentifierNameSyntax)?.Identifier.ValueText;

        private static string? EnumMemberName(INamedTypeSymbol enumType, object? value)
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                {
                    return field.Name;
                }
            }
            return null;
        }

        private void AddEnvStyle(ImmutableArray<IArgumentOperation> arguments, List<FlagReference> results, string api)
        {
            IOperation? value = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    value = argument.Value;
                    break;
                }
            }
            if (value != null && value.ConstantValue.HasValue && value.ConstantValue.Value is string s && FlagNames.IsEnvStyleName(s))
            {
                results.Add(new FlagReference(s, value.Syntax, api));
            }
        }

        /// <summary>
        /// The value of an argument: a call's default value (an omitted optional argument) comes as a constant without its
        /// enum type, so the parameter's type names the member then (<see cref="DefaultEnumType"/>).
        /// </summary>
        private static void AddValues(IArgumentOperation argument, List<FlagReference> results, FlagApi api) =>
            AddValues(argument.Value, results, api, DefaultEnumType(argument));

        /// <summary>The parameter's enum type when the argument is its default value (an omitted optional argument), else null.</summary>
        private static INamedTypeSymbol? DefaultEnumType(IArgumentOperation argument) =>
            argument.ArgumentKind == ArgumentKind.DefaultValue && argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } type ? type : null;

        private static void AddValues(IOperation value, List<FlagReference> results, FlagApi api, INamedTypeSymbol? defaultEnumType = null)
        {
            value = Unwrap(value);
            if (value is IArrayCreationOperation array && array.Initializer != null)
            {
                foreach (var element in array.Initializer.ElementValues)
                {
                    AddValues(element, results, api);
                }
                return;
            }
            if (value is ICollectionExpressionOperation collection)
            {
                // a C# 13 params collection (`[FlagName] params ReadOnlySpan<string> flags`, expanded: `AnySpan("a", "b")`) or a
                // collection expression (`AnySpan(["a", "b"])`, also for a marked array): each element, as an array's; a spread's
                // operand when it is itself written out (`[.. new[] { "a" }]`), else nothing (not a constant).
                foreach (var element in collection.Elements)
                {
                    AddValues(element is ISpreadOperation spread ? spread.Operand : element, results, api);
                }
                return;
            }
            if (!value.ConstantValue.HasValue)
            {
                return;
            }
            if (value.ConstantValue.Value is string s)
            {
                results.Add(new FlagReference(s, value.Syntax, api));
            }
            else if ((value.Type as INamedTypeSymbol is { TypeKind: TypeKind.Enum } valueType ? valueType : defaultEnumType) is { } enumType
                && enumType.Name != "RequirementType")
            {
                var member = EnumMemberName(enumType, value.ConstantValue.Value);
                if (member != null)
                {
                    results.Add(new FlagReference(member, value.Syntax, api));
                }
            }
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }
            return value;
        }

        private bool HasFlagAttribute(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name == null)
                {
                    continue;
                }
                if (_parameterAttributes.Contains(name)
                    || (name.EndsWith("Attribute", StringComparison.Ordinal) && _parameterAttributes.Contains(name.Substring(0, name.Length - "Attribute".Length))))
                {
                    return true;
                }
            }
            return false;
        }

        private bool HasAnyFlagAttribute(IMethodSymbol method)
        {
            foreach (var p in method.Parameters)
            {
                if (HasFlagAttribute(p))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsFeatureManagement(IMethodSymbol method) =>
            method.ContainingAssembly?.Name.StartsWith("Microsoft.FeatureManagement", StringComparison.Ordinal) == true
            || IsFeatureManagementType(method.ContainingType);

        private static bool IsFeatureManagementType(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace?.ToDisplayString();
            return (ns != null && ns.StartsWith("Microsoft.FeatureManagement", StringComparison.Ordinal))
                || type?.ContainingAssembly?.Name.StartsWith("Microsoft.FeatureManagement", StringComparison.Ordinal) == true;
        }

        private bool IsConfiguration(INamedTypeSymbol? type)
        {
            if (type == null || _configuration == null)
            {
                return false;
            }
            if (SymbolEqualityComparer.Default.Equals(type, _configuration))
            {
                return true;
            }
            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i, _configuration))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsNamed(INamedTypeSymbol? type, string ns, string name) =>
            type != null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == ns;

        private static bool IsType(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            type != null && expected != null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
