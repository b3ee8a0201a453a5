using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>What a configuration pipeline already holds when a method starts working on it.</summary>
    internal readonly struct PipelineOrigin
    {
        public PipelineOrigin(bool known, bool environment, bool commandLine, string? argsText)
        {
            Known = known;
            Environment = environment;
            CommandLine = commandLine;
            ArgsText = argsText;
        }

        /// <summary>False when the pipeline comes from somewhere this method cannot see (a parameter, a field).</summary>
        public bool Known { get; }

        /// <summary>Environment variables are already registered (CreateBuilder and friends).</summary>
        public bool Environment { get; }

        /// <summary>The command line is already registered (the factory was given args).</summary>
        public bool CommandLine { get; }

        /// <summary>Source text of the args given to the factory (for the code fix), when a plain name.</summary>
        public string? ArgsText { get; }

        public static PipelineOrigin Unknown => new PipelineOrigin(false, false, false, null);

        public static PipelineOrigin Empty => new PipelineOrigin(true, false, false, null);

        public static PipelineOrigin Defaults(bool commandLine, string? argsText) => new PipelineOrigin(true, true, commandLine, argsText);
    }

    /// <summary>Identity of one configuration pipeline in a method: a symbol (and member), or the node creating it.</summary>
    internal sealed class PipelineKey : IEquatable<PipelineKey>
    {
        public PipelineKey(ISymbol? symbol, string member, SyntaxNode? node)
        {
            Symbol = symbol;
            Member = member;
            Node = node;
        }

        public ISymbol? Symbol { get; }
        public string Member { get; }
        public SyntaxNode? Node { get; }

        public bool Equals(PipelineKey? other) =>
            other != null
            && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
            && string.Equals(Member, other.Member, StringComparison.Ordinal)
            && Equals(Node, other.Node);

        public override bool Equals(object? obj) => Equals(obj as PipelineKey);

        public override int GetHashCode() =>
            (SymbolEqualityComparer.Default.GetHashCode(Symbol) * 397) ^ Member.GetHashCode() ^ (Node?.GetHashCode() ?? 0);
    }

    internal enum ConfigEventKind
    {
        /// <summary>A source appended to the pipeline (Add*, Sources.Add, IConfigurationBuilder.Add).</summary>
        Source,

        /// <summary>AddEnvironmentVariables() without a prefix (or Sources.Add of an environment source).</summary>
        EnvironmentVariables,

        /// <summary>AddEnvironmentVariables("PREFIX_"): environment data, but it does not re-add the unprefixed variables.</summary>
        PrefixedEnvironmentVariables,

        /// <summary>AddCommandLine(...).</summary>
        CommandLine,

        /// <summary>Sources.Insert(0, …): lowest precedence.</summary>
        InsertAtStart,

        /// <summary>Sources.Clear().</summary>
        Clear,

        /// <summary>config["K"] = …, section.Value = …, WebHost.UseSetting("K", …).</summary>
        KeyWrite,

        /// <summary>config["K"], GetValue, Get, Bind, GetConnectionString, section.Value.</summary>
        Read,
    }

    internal sealed class ConfigEvent
    {
        public ConfigEvent(ConfigEventKind kind, IOperation operation, Location location, string description)
        {
            Kind = kind;
            Operation = operation;
            Location = location;
            Description = description;
        }

        public ConfigEventKind Kind { get; }

        /// <summary>The invocation or assignment making the change (the read operation for reads).</summary>
        public IOperation Operation { get; }

        /// <summary>Where a diagnostic about this event goes: the method name, or the written/read key.</summary>
        public Location Location { get; }

        /// <summary>The source (e.g. <c>AddJsonFile("instance/config.json")</c>) or the key.</summary>
        public string Description { get; }

        /// <summary>Extra operations the event uses (the arguments of the Add or the assigned value).</summary>
        public IOperation? Payload { get; set; }
    }

    /// <summary>The events of one configuration pipeline in one method body, in execution order.</summary>
    internal sealed class ConfigFlow
    {
        public ConfigFlow(PipelineKey key, PipelineOrigin origin)
        {
            Key = key;
            Origin = origin;
        }

        public PipelineKey Key { get; }
        public PipelineOrigin Origin { get; }
        public List<ConfigEvent> Events { get; } = new List<ConfigEvent>();

        /// <summary>
        /// Sources and key writes that land above environment variables (and the command line) and are
        /// not followed by a re-added AddEnvironmentVariables() (and AddCommandLine, when it was registered).
        /// </summary>
        public List<Override> UnresolvedOverrides()
        {
            var env = Origin.Environment;
            var cmd = Origin.CommandLine;
            var pending = new List<Override>();
            foreach (var e in Events)
            {
                switch (e.Kind)
                {
                    case ConfigEventKind.Source:
                    case ConfigEventKind.KeyWrite:
                        if (env)
                        {
                            pending.Add(new Override(e, cmd));
                        }
                        break;
                    case ConfigEventKind.EnvironmentVariables:
                        foreach (var p in pending)
                        {
                            p.NeedsEnvironment = false;
                        }
                        pending.RemoveAll(p => !p.NeedsEnvironment && !p.NeedsCommandLine);
                        env = true;
                        break;
                    case ConfigEventKind.CommandLine:
                        foreach (var p in pending)
                        {
                            p.NeedsCommandLine = false;
                        }
                        pending.RemoveAll(p => !p.NeedsEnvironment && !p.NeedsCommandLine);
                        cmd = true;
                        break;
                    case ConfigEventKind.Clear:
                        pending.Clear();
                        env = false;
                        cmd = false;
                        break;
                }
            }
            return pending;
        }

        internal sealed class Override
        {
            public Override(ConfigEvent @event, bool commandLine)
            {
                Event = @event;
                CommandLineRegistered = commandLine;
                NeedsEnvironment = true;
                NeedsCommandLine = commandLine;
            }

            public ConfigEvent Event { get; }
            public bool CommandLineRegistered { get; }
            public bool NeedsEnvironment { get; set; }
            public bool NeedsCommandLine { get; set; }
        }
    }
}
