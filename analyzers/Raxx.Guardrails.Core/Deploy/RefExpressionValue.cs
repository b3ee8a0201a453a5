using System;
using System.Globalization;

namespace Raxx.Guardrails.Core.Deploy
{
    /// <summary>Three-valued truth: a static check reports only on <see cref="False"/>/<see cref="True"/>, never on <see cref="Unknown"/>.</summary>
    public enum Tri
    {
        False,
        True,
        Unknown,
    }

    public enum ExprValueKind
    {
        Null,
        Bool,
        Number,
        String,

        /// <summary>A string of which only a prefix is known (e.g. <c>github.ref</c> for "any tag matching <c>v*</c>").</summary>
        StringWithPrefix,

        /// <summary>Nothing is known (an input, a secret, a step output, an unsupported function).</summary>
        Unknown,

        /// <summary>An unknown value that is certainly truthy (<c>unknown || 'x'</c>).</summary>
        UnknownTruthy,

        /// <summary>An unknown value that is certainly falsy (<c>unknown &amp;&amp; false</c>).</summary>
        UnknownFalsy,
    }

    /// <summary>A value of a GitHub Actions expression, possibly only partly known.</summary>
    public sealed class ExprValue
    {
        private ExprValue(ExprValueKind kind, string? text, bool flag, double number)
        {
            Kind = kind;
            Text = text;
            Flag = flag;
            Number = number;
        }

        public static readonly ExprValue Unknown = new ExprValue(ExprValueKind.Unknown, null, false, 0);
        public static readonly ExprValue UnknownTruthy = new ExprValue(ExprValueKind.UnknownTruthy, null, true, 0);
        public static readonly ExprValue UnknownFalsy = new ExprValue(ExprValueKind.UnknownFalsy, null, false, 0);
        public static readonly ExprValue Null = new ExprValue(ExprValueKind.Null, null, false, 0);
        public static readonly ExprValue True = new ExprValue(ExprValueKind.Bool, null, true, 0);
        public static readonly ExprValue False = new ExprValue(ExprValueKind.Bool, null, false, 0);

        public static ExprValue String(string s) => new ExprValue(ExprValueKind.String, s, false, 0);
        public static ExprValue Prefix(string prefix) => new ExprValue(ExprValueKind.StringWithPrefix, prefix, false, 0);
        public static ExprValue FromNumber(double d) => new ExprValue(ExprValueKind.Number, null, false, d);
        public static ExprValue FromBool(bool b) => b ? True : False;
        public static ExprValue FromTri(Tri t) => t == Tri.True ? True : t == Tri.False ? False : Unknown;

        public ExprValueKind Kind { get; }

        /// <summary>The string (String) or the known prefix (StringWithPrefix).</summary>
        public string? Text { get; }
        public bool Flag { get; }
        public double Number { get; }

        public bool IsKnown => Kind == ExprValueKind.Null || Kind == ExprValueKind.Bool || Kind == ExprValueKind.Number || Kind == ExprValueKind.String;

        /// <summary>GitHub's truthiness: false, 0, -0, NaN, "" and null are falsy.</summary>
        public Tri Truthiness
        {
            get
            {
                switch (Kind)
                {
                    case ExprValueKind.Null:
                        return Tri.False;
                    case ExprValueKind.Bool:
                        return Flag ? Tri.True : Tri.False;
                    case ExprValueKind.Number:
                        return Number == 0 || double.IsNaN(Number) ? Tri.False : Tri.True;
                    case ExprValueKind.String:
                        return Text!.Length == 0 ? Tri.False : Tri.True;
                    case ExprValueKind.StringWithPrefix:
                        return Text!.Length > 0 ? Tri.True : Tri.Unknown;
                    case ExprValueKind.UnknownTruthy:
                        return Tri.True;
                    case ExprValueKind.UnknownFalsy:
                        return Tri.False;
                    default:
                        return Tri.Unknown;
                }
            }
        }

        /// <summary>GitHub's string conversion of a known value (null for unknown values).</summary>
        public string? AsString()
        {
            switch (Kind)
            {
                case ExprValueKind.Null:
                    return string.Empty;
                case ExprValueKind.Bool:
                    return Flag ? "true" : "false";
                case ExprValueKind.Number:
                    return Number.ToString(CultureInfo.InvariantCulture);
                case ExprValueKind.String:
                    return Text;
                default:
                    return null;
            }
        }

        public override string ToString() => Kind switch
        {
            ExprValueKind.String => "'" + Text + "'",
            ExprValueKind.StringWithPrefix => "'" + Text + "…'",
            ExprValueKind.Unknown => "<unknown>",
            _ => AsString() ?? "<unknown>",
        };
    }

    /// <summary>
    /// What is known about the run an expression is evaluated in: the event and the ref. Anything
    /// not set here evaluates to <see cref="ExprValue.Unknown"/>.
    /// </summary>
    public sealed class RefContext
    {
        /// <summary><c>github.event_name</c> (null = unknown).</summary>
        public string? EventName { get; set; }

        /// <summary><c>github.ref</c>: a full ref (refs/tags/x), a known prefix, or unknown.</summary>
        public ExprValue Ref { get; set; } = ExprValue.Unknown;

        /// <summary><c>github.ref_name</c>.</summary>
        public ExprValue RefName { get; set; } = ExprValue.Unknown;

        /// <summary><c>github.ref_type</c>: tag / branch.</summary>
        public ExprValue RefType { get; set; } = ExprValue.Unknown;

        /// <summary><c>github.event.release.tag_name</c> (null outside release events).</summary>
        public ExprValue ReleaseTagName { get; set; } = ExprValue.Unknown;

        /// <summary>True when this run is for a tag (tag push or release event).</summary>
        public bool IsTagRun => RefType.Kind == ExprValueKind.String && RefType.Text == "tag" || EventName == "release";

        /// <summary>True when the run starts without a person asking for it (push, release, create).</summary>
        public bool IsAutomaticRefEvent => EventName == "push" || EventName == "release" || EventName == "create";

        /// <summary>A short description for messages ("tag push of 'v1.0.0'").</summary>
        public string Description { get; set; } = "an unknown run";

        /// <summary>A run for a concrete tag pushed (event push) or released (event release).</summary>
        public static RefContext ForTag(string tag, string eventName)
        {
            var isRelease = eventName == "release";
            return new RefContext
            {
                EventName = eventName,
                Ref = ExprValue.String("refs/tags/" + tag),
                RefName = ExprValue.String(tag),
                RefType = ExprValue.String("tag"),
                ReleaseTagName = isRelease ? ExprValue.String(tag) : ExprValue.Null,
                Description = isRelease ? $"a release of tag '{tag}'" : $"a push of tag '{tag}'",
            };
        }

        /// <summary>A run for any tag whose name starts with <paramref name="namePrefix"/>.</summary>
        public static RefContext ForTagPrefix(string namePrefix, string eventName, string description)
        {
            var isRelease = eventName == "release";
            return new RefContext
            {
                EventName = eventName,
                Ref = ExprValue.Prefix("refs/tags/" + namePrefix),
                RefName = ExprValue.Prefix(namePrefix),
                RefType = ExprValue.String("tag"),
                ReleaseTagName = isRelease ? ExprValue.Prefix(namePrefix) : ExprValue.Null,
                Description = description,
            };
        }

        /// <summary>A run for any branch whose name starts with <paramref name="namePrefix"/>.</summary>
        public static RefContext ForBranchPrefix(string namePrefix, string eventName, string description) => new RefContext
        {
            EventName = eventName,
            Ref = ExprValue.Prefix("refs/heads/" + namePrefix),
            RefName = ExprValue.Prefix(namePrefix),
            RefType = ExprValue.String("branch"),
            ReleaseTagName = ExprValue.Null,
            Description = description,
        };

        /// <summary>A run of an event about which nothing ref-related is known (workflow_dispatch, schedule, …).</summary>
        public static RefContext ForEvent(string eventName) => new RefContext
        {
            EventName = eventName,
            ReleaseTagName = eventName == "release" ? ExprValue.Unknown : ExprValue.Null,
            Description = $"a {eventName} run",
        };
    }
}
