namespace Raptor.Api.Configuration;

/// <summary>The boot-time validator of INCIDENTS.md §1, as an explicit check.</summary>
public static class WebAuthnBootCheck
{
    public static void RequireRpId(string? rpId)
    {
        if (string.IsNullOrWhiteSpace(rpId))
        {
            throw new InvalidOperationException("WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set");
        }
    }
}
