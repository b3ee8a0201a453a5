namespace Raptor.Api.Configuration;

/// <summary>Raptor's instance/config.py, ported as data: defaults below the deployment's configuration.</summary>
public static class InstanceSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> Values { get; } = new Dictionary<string, string?>
    {
        ["WEBAUTHN_RP_ID"] = "",
    };
}
