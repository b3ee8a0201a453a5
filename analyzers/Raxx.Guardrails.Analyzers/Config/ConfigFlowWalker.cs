using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// Walks one method body (operation tree) in execution order and records, per configuration
    /// pipeline, the sources added, the keys written and read, and Sources.Clear(). Pipelines are
    /// tracked by symbol: <c>builder.Configuration</c> (builder from WebApplication.CreateBuilder,
    /// Host.CreateApplicationBuilder…), locals aliasing it, <c>new ConfigurationBuilder()</c> chains,
    /// and the IConfigurationBuilder parameter of ConfigureAppConfiguration callbacks. Lambdas other
    /// than those callbacks run later and are not walked. Shared by RAXX101-104.
    /// </summary>
    internal sealed class ConfigFlowWalker
    {
        private const int MaxDepth = 12;

        /// <summary>Description of a read of the root (Bind(options), Get&lt;T&gt;() on the configuration itself).</summary>
        internal const string WholeConfiguration = "every key (Bind/Get on the root)";

        private readonly ConfigTypes _types;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ILocalSymbol, IOperation> _localInitializers = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IParameterSymbol, (PipelineKey Key, PipelineOrigin Origin)> _callbackParameters = new Dictionary<IParameterSymbol, (PipelineKey, PipelineOrigin)>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IParameterSymbol, HostOrigin> _hostParameters = new Dictionary<IParameterSymbol, HostOrigin>(SymbolEqualityComparer.Default);
        private readonly HashSet<IOperation> _walkedLambdas = new HashSet<IOperation>();
        private readonly Dictionary<PipelineKey, ConfigFlow> _flows = new Dictionary<PipelineKey, ConfigFlow>();
        private readonly List<ConfigFlow> _order = new List<ConfigFlow>();

        private ConfigFlowWalker(ConfigTypes types, CancellationToken cancellationToken)
        {
            _types = types;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The pipelines of a method body with their events, in order of first appearance.</summary>
        public static IReadOnlyList<ConfigFlow> Analyze(ImmutableArray<IOperation> blocks, ConfigTypes types, CancellationToken cancellationToken)
        {
            var walker = new ConfigFlowWalker(types, cancellationToken);
            foreach (var block in blocks)
            {
                // Stay silent on code that does not parse: the flow of a half-typed method is a guess.
                if (block.Syntax.ContainsDiagnostics)
                {
                    return Array.Empty<ConfigFlow>();
                }
            }
            foreach (var block in blocks)
            {
                walker.CollectLocals(block);
            }
            foreach (var block in blocks)
            {
                walker.Visit(block, 0);
            }
            return walker._order;
        }

        /// <summary>
        /// Syntactic pre-check of a node: a call named like a change of a configuration pipeline (Add*,
        /// Insert, Clear, UseSetting) or a simple assignment to an indexer or a Value. Every finding of
        /// RAXX101-104 needs an event other than a read, and only such nodes make one: RAXX101 a source,
        /// RAXX102 a key write, RAXX103 a change after the read, RAXX104 Sources.Clear().
        /// </summary>
        public static bool IsChangeCandidate(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => IsChangeName(InvokedNames.TextOf(invocation.Expression)),
            AssignmentExpressionSyntax assignment => IsKeyWriteTarget(assignment.Left),
            _ => false,
        };

        /// <summary>The candidate's operation could add such an event (receiver is a configuration, builder, host builder or Sources).</summary>
        public static bool ConfirmChange(SyntaxNode node, SemanticModel model, ConfigTypes types, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(node, cancellationToken);
            switch (operation)
            {
                case IInvocationOperation call:
                    return IsCandidate(call, types);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }:
                    return IsCandidate(target, types);
                case ISimpleAssignmentOperation _:
                    return false; // a field, local or array element
                default:
                    return operation != null; // a null-conditional or unusual form: let the walker decide
            }
        }

        /// <summary>
        /// The member-level node whose operation block holds <paramref name="node"/>: a method, constructor,
        /// operator, accessor or local-less member body, an expression-bodied property, a field/property
        /// initialiser, or the compilation unit of top-level statements. Lambdas and local functions belong
        /// to their member (the walker decides what in them runs in order).
        /// </summary>
        public static SyntaxNode? BodyRoot(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseMethodDeclarationSyntax _:
                    case AccessorDeclarationSyntax _:
                        return current;
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is BasePropertyDeclarationSyntax:
                        return current;
                    case EqualsValueClauseSyntax equals when equals.Parent is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax } }
                                                             || equals.Parent is PropertyDeclarationSyntax
                                                             || equals.Parent is ParameterSyntax
                                                             || equals.Parent is EnumMemberDeclarationSyntax:
                        return current;
                    case GlobalStatementSyntax global:
                        return global.Parent;
                    case PrimaryConstructorBaseTypeSyntax _:
                    case AttributeSyntax _:
                        return current;
                    case TypeDeclarationSyntax _:
                    case NamespaceDeclarationSyntax _:
                    case FileScopedNamespaceDeclarationSyntax _:
                        return null;
                }
            }
            return null;
        }

        /// <summary>The operation blocks of a <see cref="BodyRoot"/> (the blocks an operation-block action would get).</summary>
        public static ImmutableArray<IOperation> OperationBlocks(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            if (root is CompilationUnitSyntax unit)
            {
                var top = model.GetOperation(unit, cancellationToken);
                if (top != null)
                {
                    return ImmutableArray.Create(top);
                }
                var statements = ImmutableArray.CreateBuilder<IOperation>();
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax global && model.GetOperation(global.Statement, cancellationToken) is IOperation statement)
                    {
                        statements.Add(statement);
                    }
                }
                return statements.ToImmutable();
            }
            var operation = model.GetOperation(root, cancellationToken);
            return operation == null ? ImmutableArray<IOperation>.Empty : ImmutableArray.Create(operation);
        }

        private static bool IsChangeName(string? name) =>
            name != null && (name.StartsWith("Add", StringComparison.Ordinal) || name == "Insert" || name == "Clear" || name == "UseSetting");

        /// <summary>
        /// <c>x["K"] = …</c>, <c>{ ["K"] = … }</c>, <c>section.Value = …</c>, <c>Value = …</c>, and the null-conditional
        /// assignments of C# 14 (<c>x?["K"] = …</c>, <c>section?.Value = …</c>: the assignment's left side is the binding
        /// after the <c>?</c>).
        /// </summary>
        private static bool IsKeyWriteTarget(ExpressionSyntax left)
        {
            while (left is ParenthesizedExpressionSyntax parenthesized)
            {
                left = parenthesized.Expression;
            }
            switch (left)
            {
                case ElementAccessExpressionSyntax _:
                case ImplicitElementAccessSyntax _:
                case ConditionalAccessExpressionSyntax _:
                case ElementBindingExpressionSyntax _:
                    return true;
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText == "Value";
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText == "Value";
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText == "Value";
                default:
                    return false;
            }
        }

        /// <summary>Cheap pre-check for an operation callback: could this operation take part in a flow?</summary>
        public static bool IsCandidate(IOperation operation, ConfigTypes types)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var receiver = Receiver(invocation);
                    return receiver != null && (types.IsConfigurationBuilder(receiver.Type) || types.IsConfiguration(receiver.Type) || types.IsHostBuilder(receiver.Type)
                        || (StripConversions(receiver) is IPropertyReferenceOperation p && p.Property.Name == "Sources"));
                case IPropertyReferenceOperation property:
                    return property.Instance != null && types.IsConfiguration(property.Instance.Type);
                default:
                    return false;
            }
        }

        private void CollectLocals(IOperation root)
        {
            foreach (var op in root.DescendantsAndSelf())
            {
                if (op is IVariableDeclaratorOperation declarator)
                {
                    var init = declarator.GetVariableInitializer();
                    if (init != null && !_localInitializers.ContainsKey(declarator.Symbol))
                    {
                        _localInitializers[declarator.Symbol] = init.Value;
                    }
                }
            }
        }

        private void Visit(IOperation operation, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (depth > 200)
            {
                return;
            }
            if (operation is IAnonymousFunctionOperation && !_walkedLambdas.Contains(operation))
            {
                return;
            }
            if (operation is ILocalFunctionOperation)
            {
                return;
            }
            if (operation is IInvocationOperation invocation)
            {
                PrepareCallbacks(invocation);
            }
            foreach (var child in operation.ChildOperations)
            {
                Visit(child, depth + 1);
            }
            switch (operation)
            {
                case IInvocationOperation inv:
                    OnInvocation(inv);
                    break;
                case IPropertyReferenceOperation property:
                    OnPropertyRead(property);
                    break;
                case ISimpleAssignmentOperation assignment:
                    OnAssignment(assignment);
                    break;
            }
        }

        // ---- callbacks (ConfigureAppConfiguration runs after the host defaults) ----

        private void PrepareCallbacks(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            var isAppConfig = name == "ConfigureAppConfiguration";
            var isWebHost = name == "ConfigureWebHostDefaults" || name == "ConfigureWebHost" || name == "ConfigureSlimWebHost";
            if (!isAppConfig && !isWebHost)
            {
                return;
            }
            var receiver = Receiver(invocation);
            if (receiver == null || !_types.IsHostBuilder(receiver.Type))
            {
                return;
            }
            var host = ResolveHost(receiver, 0);
            foreach (var argument in invocation.Arguments)
            {
                if (!(argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }))
                {
                    continue;
                }
                _walkedLambdas.Add(lambda);
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    if (isAppConfig && _types.IsConfigurationBuilder(parameter.Type))
                    {
                        _callbackParameters[parameter] = host.ManagerKey != null
                            ? (host.ManagerKey, host.Origin)
                            : (new PipelineKey(parameter, string.Empty, null), host.Origin);
                    }
                    else if (isWebHost && _types.IsHostBuilder(parameter.Type))
                    {
                        _hostParameters[parameter] = host;
                    }
                }
            }
        }

        private readonly struct HostOrigin
        {
            public HostOrigin(PipelineKey? managerKey, PipelineOrigin origin)
            {
                ManagerKey = managerKey;
                Origin = origin;
            }

            /// <summary>Set when the host builder is WebApplicationBuilder.Host/WebHost: its callbacks change builder.Configuration directly.</summary>
            public PipelineKey? ManagerKey { get; }
            public PipelineOrigin Origin { get; }
        }

        private HostOrigin ResolveHost(IOperation operation, int depth)
        {
            operation = StripConversions(operation);
            if (depth > MaxDepth)
            {
                return new HostOrigin(null, PipelineOrigin.Unknown);
            }
            switch (operation)
            {
                case ILocalReferenceOperation local when _localInitializers.TryGetValue(local.Local, out var init):
                    return ResolveHost(init, depth + 1);
                case IParameterReferenceOperation parameter when _hostParameters.TryGetValue(parameter.Parameter, out var origin):
                    return origin;
                case IPropertyReferenceOperation property when (property.Property.Name == "Host" || property.Property.Name == "WebHost")
                                                               && property.Instance != null && _types.IsApplicationBuilder(property.Instance.Type):
                    return new HostOrigin(ManagerKey(property.Instance), ResolveApplicationBuilder(property.Instance, depth + 1));
                case IInvocationOperation invocation:
                    var factory = FactoryOrigin(invocation);
                    if (factory.HasValue)
                    {
                        return new HostOrigin(null, factory.Value);
                    }
                    var receiver = Receiver(invocation);
                    if (receiver != null && _types.IsHostBuilder(receiver.Type) && _types.IsHostBuilder(invocation.Type))
                    {
                        return ResolveHost(receiver, depth + 1);
                    }
                    break;
                case IObjectCreationOperation creation when _types.IsHostBuilder(creation.Type):
                    return new HostOrigin(null, PipelineOrigin.Empty);
            }
            return new HostOrigin(null, PipelineOrigin.Unknown);
        }

        // ---- pipeline resolution ----

        /// <summary>
        /// Conversions removed, and the receiver of a <c>?.</c> call or member (<c>builder.Configuration?.AddJsonFile(…)</c>)
        /// replaced by the expression it stands for (<c>builder.Configuration</c>), so such calls resolve to their pipeline.
        /// </summary>
        private static IOperation StripConversions(IOperation operation)
        {
            while (true)
            {
                if (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }
                else if (operation is IConditionalAccessInstanceOperation instance && ConditionalReceiver(instance) is IOperation receiver)
                {
                    operation = receiver;
                }
                else
                {
                    return operation;
                }
            }
        }

        /// <summary>The operand of the <c>?.</c> an instance belongs to: the closest conditional access holding it in its WhenNotNull.</summary>
        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return access.Operation;
                }
            }
            return null;
        }

        internal static IOperation? Receiver(IInvocationOperation invocation)
        {
            if (invocation.Instance != null)
            {
                return invocation.Instance;
            }
            if (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
            {
                return invocation.Arguments[0].Value;
            }
            return null;
        }

        private PipelineKey ManagerKey(IOperation builderInstance)
        {
            builderInstance = StripConversions(builderInstance);
            var symbol = SymbolOf(builderInstance);
            return symbol != null
                ? new PipelineKey(symbol, "Configuration", null)
                : new PipelineKey(null, "Configuration", builderInstance.Syntax);
        }

        private static ISymbol? SymbolOf(IOperation operation) => operation switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation pr when pr.Arguments.Length == 0 => pr.Property,
            _ => null,
        };

        /// <summary>The pipeline an IConfigurationBuilder / IConfiguration expression stands for.</summary>
        private (PipelineKey Key, PipelineOrigin Origin)? Resolve(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return null;
            }
            operation = StripConversions(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (_localInitializers.TryGetValue(local.Local, out var init))
                    {
                        var resolved = Resolve(init, depth + 1);
                        if (resolved != null)
                        {
                            return resolved;
                        }
                    }
                    return _types.IsConfigurationBuilder(local.Type) ? (new PipelineKey(local.Local, string.Empty, null), PipelineOrigin.Unknown) : ((PipelineKey, PipelineOrigin)?)null;
                case IParameterReferenceOperation parameter:
                    if (_callbackParameters.TryGetValue(parameter.Parameter, out var callback))
                    {
                        return callback;
                    }
                    return _types.IsConfigurationBuilder(parameter.Type) ? (new PipelineKey(parameter.Parameter, string.Empty, null), PipelineOrigin.Unknown) : ((PipelineKey, PipelineOrigin)?)null;
                case IPropertyReferenceOperation property when property.Arguments.Length == 0 && _types.IsConfigurationBuilder(property.Type):
                    if (property.Property.Name == "Configuration" && property.Instance != null && _types.IsApplicationBuilder(property.Instance.Type))
                    {
                        return (ManagerKey(property.Instance), ResolveApplicationBuilder(property.Instance, depth + 1));
                    }
                    var owner = property.Instance != null ? SymbolOf(StripConversions(property.Instance)) : null;
                    return (new PipelineKey(property.Property, owner?.Name ?? string.Empty, null), PipelineOrigin.Unknown);
                case IFieldReferenceOperation field when _types.IsConfigurationBuilder(field.Type):
                    return (new PipelineKey(field.Field, string.Empty, null), PipelineOrigin.Unknown);
                case IObjectCreationOperation creation when _types.IsConfigurationBuilder(creation.Type):
                    return (new PipelineKey(null, string.Empty, creation.Syntax), PipelineOrigin.Empty);
                case IInvocationOperation invocation when _types.IsConfigurationBuilder(invocation.Type):
                    var receiver = Receiver(invocation);
                    return receiver != null && _types.IsConfigurationBuilder(receiver.Type) ? Resolve(receiver, depth + 1) : null;
            }
            return null;
        }

        /// <summary>What WebApplicationBuilder/HostApplicationBuilder's Configuration holds at the start.</summary>
        private PipelineOrigin ResolveApplicationBuilder(IOperation instance, int depth)
        {
            instance = StripConversions(instance);
            if (depth <= MaxDepth)
            {
                switch (instance)
                {
                    case ILocalReferenceOperation local when _localInitializers.TryGetValue(local.Local, out var init):
                        return ResolveApplicationBuilder(init, depth + 1);
                    case IInvocationOperation invocation:
                        var factory = FactoryOrigin(invocation);
                        if (factory.HasValue)
                        {
                            return factory.Value;
                        }
                        break;
                    case IObjectCreationOperation creation when ConfigTypes.Is(creation.Type, _types.HostApplicationBuilder):
                        return DisablesDefaults(creation.Arguments) ? PipelineOrigin.Empty : PipelineOrigin.Defaults(HasArgs(creation.Arguments, out var a), a);
                }
            }
            // An application builder from elsewhere (a parameter): it was made by a factory with the defaults.
            return PipelineOrigin.Defaults(false, null);
        }

        private PipelineOrigin? FactoryOrigin(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var isWebApplication = ConfigTypes.Is(type, _types.WebApplication);
            var isHost = ConfigTypes.Is(type, _types.Host);
            var isWebHost = ConfigTypes.Is(type, _types.WebHost);
            if (!method.IsStatic || !(isWebApplication || isHost || isWebHost))
            {
                return null;
            }
            switch (method.Name)
            {
                case "CreateEmptyBuilder":
                case "CreateEmptyApplicationBuilder":
                    return PipelineOrigin.Empty;
                case "CreateBuilder":
                case "CreateSlimBuilder":
                case "CreateApplicationBuilder":
                case "CreateDefaultBuilder":
                    return DisablesDefaults(invocation.Arguments) ? PipelineOrigin.Empty : PipelineOrigin.Defaults(HasArgs(invocation.Arguments, out var args), args);
            }
            return null;
        }

        /// <summary>True when the factory gets command-line args (a string[] or options with Args = …).</summary>
        private bool HasArgs(ImmutableArray<IArgumentOperation> arguments, out string? argsText)
        {
            argsText = null;
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }
                var value = StripConversions(argument.Value);
                if (SymbolEqualityComparer.Default.Equals(value.Type, _types.StringArray) && !(value.ConstantValue.HasValue && value.ConstantValue.Value == null))
                {
                    argsText = ArgsText(value);
                    return true;
                }
                if (value is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Args" } } } assignment
                            && !(assignment.Value.ConstantValue.HasValue && assignment.Value.ConstantValue.Value == null))
                        {
                            argsText = ArgsText(StripConversions(assignment.Value));
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static string? ArgsText(IOperation value) =>
            value is ILocalReferenceOperation || value is IParameterReferenceOperation ? value.Syntax.ToString() : null;

        private static bool DisablesDefaults(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (StripConversions(argument.Value) is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "DisableDefaults" } } } assignment
                            && assignment.Value.ConstantValue.HasValue && assignment.Value.ConstantValue.Value is true)
                        {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /// <summary>A configuration (root or section, by path) a read or write goes to.</summary>
        private (PipelineKey Key, PipelineOrigin Origin, string? Path, IOperation? PathArgument)? ResolveConfiguration(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return null;
            }
            operation = StripConversions(operation);
            if (operation is ILocalReferenceOperation local && _localInitializers.TryGetValue(local.Local, out var init) && !_types.IsConfigurationBuilder(local.Type))
            {
                var r = ResolveConfiguration(init, depth + 1);
                return r.HasValue ? (r.Value.Key, r.Value.Origin, r.Value.Path, null) : null;
            }
            if (operation is IInvocationOperation invocation
                && (invocation.TargetMethod.Name == "GetSection" || invocation.TargetMethod.Name == "GetRequiredSection")
                && _types.IsConfiguration(Receiver(invocation)?.Type))
            {
                var parent = ResolveConfiguration(Receiver(invocation), depth + 1);
                var keyArgument = KeyArgument(invocation);
                if (parent == null || keyArgument == null)
                {
                    return null;
                }
                return (parent.Value.Key, parent.Value.Origin, Combine(parent.Value.Path, KeyText(keyArgument)), keyArgument);
            }
            if (!_types.IsConfiguration(operation.Type))
            {
                return null;
            }
            var pipeline = Resolve(operation, depth + 1);
            return pipeline.HasValue ? (pipeline.Value.Key, pipeline.Value.Origin, (string?)null, (IOperation?)null) : null;
        }

        private static string Combine(string? path, string key) => path == null ? key : path + ":" + key;

        /// <summary>The first string argument after the receiver (the key / path).</summary>
        private static IOperation? KeyArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0)
                {
                    continue;
                }
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    return argument.Value;
                }
            }
            return null;
        }

        internal static string KeyText(IOperation value) =>
            value.ConstantValue.HasValue && value.ConstantValue.Value is string s ? s : value.Syntax.ToString();

        // ---- events ----

        private void Add(PipelineKey key, PipelineOrigin origin, ConfigEvent e)
        {
            if (!_flows.TryGetValue(key, out var flow))
            {
                flow = new ConfigFlow(key, origin);
                _flows[key] = flow;
                _order.Add(flow);
            }
            flow.Events.Add(e);
        }

        private void OnInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = Receiver(invocation);
            if (receiver == null)
            {
                return;
            }

            // Sources.Add / Insert / Clear (also Sources?.Clear(): the instance is then the ?.'s stand-in)
            if (invocation.Instance != null && StripConversions(invocation.Instance) is IPropertyReferenceOperation { Property: { Name: "Sources" } } sources
                && sources.Instance != null && _types.IsConfigurationBuilder(sources.Instance.Type))
            {
                var pipeline = Resolve(sources.Instance, 0);
                if (pipeline == null)
                {
                    return;
                }
                var (key, origin) = pipeline.Value;
                var location = NameLocation(invocation);
                switch (method.Name)
                {
                    case "Clear":
                        Add(key, origin, new ConfigEvent(ConfigEventKind.Clear, invocation, location, "Sources.Clear()"));
                        break;
                    case "Add" when invocation.Arguments.Length == 1:
                        var source = invocation.Arguments[0].Value;
                        var kind = SourceKind(source);
                        Add(key, origin, new ConfigEvent(kind, invocation, location, "Sources.Add(" + DescribeSource(source) + ")") { Payload = source });
                        break;
                    case "Insert" when invocation.Arguments.Length == 2:
                        var index = invocation.Arguments[0].Value;
                        var inserted = invocation.Arguments[1].Value;
                        if (index.ConstantValue.HasValue && index.ConstantValue.Value is 0)
                        {
                            Add(key, origin, new ConfigEvent(ConfigEventKind.InsertAtStart, invocation, location, "Sources.Insert(0, " + DescribeSource(inserted) + ")") { Payload = inserted });
                        }
                        else if (StripConversions(index) is IPropertyReferenceOperation { Property: { Name: "Count" } })
                        {
                            Add(key, origin, new ConfigEvent(SourceKind(inserted), invocation, location, "Sources.Insert(Count, " + DescribeSource(inserted) + ")") { Payload = inserted });
                        }
                        break;
                }
                return;
            }

            // builder.WebHost.UseSetting("K", v) on WebApplicationBuilder writes builder.Configuration["K"]; also
            // builder.WebHost?.UseSetting(…) and through a local holding builder.WebHost (var web = builder.WebHost;).
            if (method.Name == "UseSetting" && ConfigTypes.Is(receiver.Type, _types.ConfigureWebHostBuilder)
                && WebHostProperty(receiver) is IPropertyReferenceOperation webHost
                && webHost.Instance != null && _types.IsApplicationBuilder(webHost.Instance.Type))
            {
                var keyArgument = KeyArgument(invocation);
                if (keyArgument != null)
                {
                    var e = new ConfigEvent(ConfigEventKind.KeyWrite, invocation, keyArgument.Syntax.GetLocation(), KeyText(keyArgument));
                    e.Payload = invocation.Arguments.Length > 1 ? invocation.Arguments[invocation.Arguments.Length - 1].Value : null;
                    Add(ManagerKey(webHost.Instance), ResolveApplicationBuilder(webHost.Instance, 0), e);
                }
                return;
            }

            // Add* on IConfigurationBuilder (extension or instance), returning the builder.
            if (method.Name.StartsWith("Add", StringComparison.Ordinal) && _types.IsConfigurationBuilder(receiver.Type)
                && (_types.IsConfigurationBuilder(method.ReturnType) || (method.Name == "Add" && ConfigTypes.Is(method.ContainingType, _types.ConfigurationBuilder))))
            {
                var pipeline = Resolve(receiver, 0);
                if (pipeline == null)
                {
                    return;
                }
                ConfigEventKind kind;
                if (method.Name == "AddEnvironmentVariables")
                {
                    kind = HasPrefix(invocation) ? ConfigEventKind.PrefixedEnvironmentVariables : ConfigEventKind.EnvironmentVariables;
                }
                else if (method.Name == "AddCommandLine")
                {
                    kind = ConfigEventKind.CommandLine;
                }
                else if (method.Name == "Add" && invocation.Arguments.Length > 0)
                {
                    kind = SourceKind(invocation.Arguments[invocation.Arguments.Length - 1].Value);
                }
                else
                {
                    kind = ConfigEventKind.Source;
                }
                var e = new ConfigEvent(kind, invocation, NameLocation(invocation), Describe(invocation)) { Payload = invocation };
                Add(pipeline.Value.Key, pipeline.Value.Origin, e);
                return;
            }

            // Reads: GetValue, Get, Bind, GetConnectionString on the configuration.
            switch (method.Name)
            {
                case "GetValue":
                case "Get":
                case "Bind":
                case "GetConnectionString":
                    if (!_types.IsConfiguration(receiver.Type))
                    {
                        return;
                    }
                    var target = ResolveConfiguration(receiver, 0);
                    if (target == null)
                    {
                        return;
                    }
                    var keyArgument = method.Name == "Get" ? null : KeyArgument(invocation);
                    string key;
                    if (keyArgument != null)
                    {
                        key = Combine(target.Value.Path, method.Name == "GetConnectionString" ? "ConnectionStrings:" + KeyText(keyArgument) : KeyText(keyArgument));
                    }
                    else
                    {
                        key = target.Value.Path ?? WholeConfiguration;
                    }
                    Add(target.Value.Key, target.Value.Origin, new ConfigEvent(ConfigEventKind.Read, invocation, NameLocation(invocation), key));
                    return;
            }
        }

        /// <summary>The <c>builder.WebHost</c> a ConfigureWebHostBuilder expression stands for (conversions, <c>?.</c>, locals followed), or null.</summary>
        private IPropertyReferenceOperation? WebHostProperty(IOperation operation)
        {
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                operation = StripConversions(operation);
                switch (operation)
                {
                    case IPropertyReferenceOperation { Property: { Name: "WebHost" } } webHost:
                        return webHost;
                    case ILocalReferenceOperation local when _localInitializers.TryGetValue(local.Local, out var init):
                        operation = init;
                        continue;
                }
                return null;
            }
            return null;
        }

        private bool HasPrefix(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0 || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }
                if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                {
                    return !(argument.Value.ConstantValue.HasValue && (argument.Value.ConstantValue.Value == null || (argument.Value.ConstantValue.Value is string s && s.Length == 0)));
                }
            }
            return false;
        }

        private ConfigEventKind SourceKind(IOperation source)
        {
            var type = StripConversions(source).Type;
            if (ConfigTypes.Is(type, _types.EnvironmentVariablesSource))
            {
                if (StripConversions(source) is IObjectCreationOperation { Initializer: { } init }
                    && init.Initializers.Any(i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Prefix" } } } a
                                                  && !(a.Value.ConstantValue.HasValue && a.Value.ConstantValue.Value == null)))
                {
                    return ConfigEventKind.PrefixedEnvironmentVariables;
                }
                return ConfigEventKind.EnvironmentVariables;
            }
            if (ConfigTypes.Is(type, _types.CommandLineSource))
            {
                return ConfigEventKind.CommandLine;
            }
            return ConfigEventKind.Source;
        }

        private static string DescribeSource(IOperation source)
        {
            source = StripConversions(source);
            var typeName = source.Type?.Name ?? source.Syntax.ToString();
            if (source is IObjectCreationOperation { Initializer: { } init })
            {
                foreach (var member in init.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Path" } } } a
                        && a.Value.ConstantValue.HasValue && a.Value.ConstantValue.Value is string path)
                    {
                        return typeName + " \"" + path + "\"";
                    }
                }
            }
            return typeName;
        }

        /// <summary><c>AddJsonFile("instance/config.json")</c>, <c>AddInMemoryCollection(…)</c>, <c>AddUserSecrets()</c>.</summary>
        private static string Describe(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            var hasArguments = false;
            foreach (var argument in invocation.Arguments)
            {
                if ((invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0) || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }
                hasArguments = true;
                if (argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is string s)
                {
                    return name + "(\"" + s + "\")";
                }
            }
            return name + (hasArguments ? "(…)" : "()");
        }

        /// <summary>The method name of an invocation (the squiggle of RAXX101/104).</summary>
        internal static Location NameLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax syntax)
            {
                switch (syntax.Expression)
                {
                    case MemberAccessExpressionSyntax member:
                        return member.Name.Identifier.GetLocation();
                    case MemberBindingExpressionSyntax binding:
                        return binding.Name.Identifier.GetLocation();
                    case SimpleNameSyntax simple:
                        return simple.Identifier.GetLocation();
                }
            }
            return invocation.Syntax.GetLocation();
        }

        private void OnPropertyRead(IPropertyReferenceOperation property)
        {
            if (IsWriteTarget(property))
            {
                return;
            }
            var access = Access(property);
            if (access != null)
            {
                Add(access.Value.Key, access.Value.Origin, new ConfigEvent(ConfigEventKind.Read, property, access.Value.Location, access.Value.Path));
            }
        }

        private static bool IsWriteTarget(IOperation operation) =>
            operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

        private void OnAssignment(ISimpleAssignmentOperation assignment)
        {
            if (!(assignment.Target is IPropertyReferenceOperation property))
            {
                return;
            }
            var access = Access(property);
            if (access != null)
            {
                Add(access.Value.Key, access.Value.Origin, new ConfigEvent(ConfigEventKind.KeyWrite, assignment, access.Value.Location, access.Value.Path) { Payload = assignment.Value });
            }
        }

        /// <summary>config["K"] (indexer) or section.Value on a tracked configuration.</summary>
        private (PipelineKey Key, PipelineOrigin Origin, string Path, Location Location)? Access(IPropertyReferenceOperation property)
        {
            if (property.Instance == null || !_types.IsConfiguration(property.Instance.Type))
            {
                return null;
            }
            if (property.Property.IsIndexer && property.Arguments.Length == 1)
            {
                var target = ResolveConfiguration(property.Instance, 0);
                if (target == null)
                {
                    return null;
                }
                var keyValue = property.Arguments[0].Value;
                return (target.Value.Key, target.Value.Origin, Combine(target.Value.Path, KeyText(keyValue)), keyValue.Syntax.GetLocation());
            }
            if (property.Property.Name == "Value" && _types.IsConfigurationSection(property.Instance.Type))
            {
                var target = ResolveConfiguration(property.Instance, 0);
                if (target == null || target.Value.Path == null)
                {
                    return null;
                }
                var location = target.Value.PathArgument != null
                    ? target.Value.PathArgument.Syntax.GetLocation()
                    : property.Syntax is MemberAccessExpressionSyntax member ? member.Name.GetLocation()
                    : property.Syntax is MemberBindingExpressionSyntax binding ? binding.Name.GetLocation() : property.Syntax.GetLocation();
                return (target.Value.Key, target.Value.Origin, target.Value.Path, location);
            }
            return null;
        }
    }
}
