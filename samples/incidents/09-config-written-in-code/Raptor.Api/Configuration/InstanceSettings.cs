namespace Raptor.Api.Configuration;

/// <summary>Raptor's instance/config.py, ported as code (the file held WEBAUTHN_RP_ID = '').</summary>
public static class InstanceSettings
{
    public const string WebAuthnRpId = "";
}
