namespace RaxxConsole;

/// <summary>The console's flags: FLAG_&lt;NAME&gt; config vars (set on the platform), off unless set.</summary>
public sealed class ConsoleFlags(IConfiguration configuration)
{
    public bool IsEnabled([FlagName] string flag) =>
        configuration["FLAG_" + flag.ToUpperInvariant()]?.Trim().ToLowerInvariant() is "1" or "true" or "on";
}

/// <summary>Marks a parameter that takes a flag name: RAXX301 checks constant arguments against the flags file.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FlagNameAttribute : Attribute
{
}

/// <summary>
/// Endpoint metadata "this route is gated by <see cref="Flag"/>" (the convention the Raxx preflight reads from the
/// app's endpoints: a <c>*FlagAttribute</c> with a string <c>Flag</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresFlagAttribute([FlagName] string flag) : Attribute
{
    public string Flag { get; } = flag;
}

public static class FlagGates
{
    /// <summary>404 (as if the route did not exist) while the flag is off; the gate is also endpoint metadata.</summary>
    public static TBuilder RequireFlag<TBuilder>(this TBuilder builder, [FlagName] string flag)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithMetadata(new RequiresFlagAttribute(flag))
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<ConsoleFlags>().IsEnabled(flag)
                    ? await next(context)
                    : Results.NotFound());
}
