namespace Raxx.Companion.Flags;

/// <summary>Flag registration, flag-gated routes and the console's flags page.</summary>
public static class FlagEndpoints
{
    public static IServiceCollection AddCompanionFlags(this IServiceCollection services) =>
        services.AddSingleton(sp => CompanionFlags.Load(sp.GetRequiredService<IConfiguration>()));

    /// <summary>
    /// Answers 404 (as if the route did not exist) while the flag is off. The gate is also recorded as endpoint
    /// metadata (<see cref="RequiresFlagAttribute"/>): a filter is invisible from outside, metadata is not.
    /// </summary>
    public static TBuilder RequireFlag<TBuilder>(this TBuilder builder, [FlagName] string flag)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .WithMetadata(new RequiresFlagAttribute(flag))
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<CompanionFlags>().IsEnabled(flag)
                    ? await next(context)
                    : Results.NotFound());

    /// <summary>WebAuthn registration options, gated on <c>webauthn_registration</c>.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/auth/register/options", (IConfiguration config) => Results.Ok(new
        {
            rp = new { id = config["WEBAUTHN_RP_ID"], name = config["WEBAUTHN_RP_NAME"] },
            challenge = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            timeout = 60000,
        })).RequireFlag("webauthn_registration");
        return endpoints;
    }

    /// <summary><c>/console/flags</c>: every declared flag with its default and effective value.</summary>
    public static IEndpointRouteBuilder MapFlagsConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/flags", (CompanionFlags flags) => Results.Ok(new
        {
            count = flags.Flags.Count,
            flags = flags.Flags,
        }));
        return endpoints;
    }
}
