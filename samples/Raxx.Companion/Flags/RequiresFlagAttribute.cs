namespace Raxx.Companion.Flags;

/// <summary>
/// Endpoint metadata saying "this route is gated by <see cref="Flag"/>". <see cref="FlagEndpoints.RequireFlag"/> adds it
/// next to the gate's filter, so tools that read the app's endpoint metadata see the gate (the Raxx preflight discovers
/// flag-gated routes by this convention: a metadata type named <c>*FlagAttribute</c> with a string <c>Flag</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresFlagAttribute([FlagName] string flag) : Attribute
{
    public string Flag { get; } = flag;
}
