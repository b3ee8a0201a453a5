using Microsoft.Extensions.Options;

namespace Raptor.Api.Configuration;

/// <summary>Relying-party settings for WebAuthn, from WEBAUTHN_RP_ID / WEBAUTHN_RP_NAME / WEBAUTHN_ORIGIN.</summary>
public sealed class WebAuthnOptions
{
    public string? RpId { get; set; }
    public string? RpName { get; set; }
    public string? Origin { get; set; }

    /// <summary>True when a WebAuthn flag is on (then the settings are required at boot).</summary>
    public bool Enabled { get; set; }
}

/// <summary>Boot-time validation: refuses to start when WebAuthn is on and a setting is missing.</summary>
public sealed class WebAuthnOptionsValidator : IValidateOptions<WebAuthnOptions>
{
    public ValidateOptionsResult Validate(string? name, WebAuthnOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RpId))
        {
            missing.Add("WEBAUTHN_RP_ID");
        }
        if (string.IsNullOrWhiteSpace(options.RpName))
        {
            missing.Add("WEBAUTHN_RP_NAME");
        }
        if (string.IsNullOrWhiteSpace(options.Origin))
        {
            missing.Add("WEBAUTHN_ORIGIN");
        }

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"WebAuthn config validation failed — refusing to start: {string.Join(", ", missing)} is not set");
    }
}

public static class WebAuthnServiceCollectionExtensions
{
    /// <summary>Binds WebAuthn settings from configuration and validates them on start.</summary>
    public static IServiceCollection AddWebAuthn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<WebAuthnOptions>, WebAuthnOptionsValidator>();
        services.AddOptions<WebAuthnOptions>()
            .Configure<IConfiguration>((options, config) =>
            {
                options.RpId = config["WEBAUTHN_RP_ID"];
                options.RpName = config["WEBAUTHN_RP_NAME"];
                options.Origin = config["WEBAUTHN_ORIGIN"];
                options.Enabled = IsOn(config["FLAG_WEBAUTHN_REGISTRATION"]) || IsOn(config["FLAG_AUTH_WEBAUTHN_LOGIN"]);
            })
            .ValidateOnStart();
        return services;
    }

    private static bool IsOn(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));
}
