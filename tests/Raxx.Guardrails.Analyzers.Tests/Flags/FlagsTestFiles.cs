namespace Raxx.Guardrails.Analyzers.Tests.Flags;

/// <summary>Flags files shared by the flags family's tests.</summary>
internal static class FlagsTestFiles
{
    public const string FlagsYaml = """
        flags:
          webauthn_registration:
            default: false
            description: Passkey registration endpoints
            risk: high
            owner: auth
          auth_webauthn_login:
            default: false
          console_nav_v2:
            default: false
            env: FLAG_CONSOLE_NAV
        """;
}
