using Microsoft.Extensions.Configuration;

namespace Raxx.Companion.Configuration;

/// <summary>
/// Every credential the companion uses, read from configuration (environment variables / platform
/// config vars) at run time, never from a literal (INCIDENTS.md §4, RAXX401). The constants are
/// configuration key names, not values.
/// </summary>
public sealed record IntegrationCredentials(
    string? HerokuApiKey,
    string? AlpacaPaperApiKey,
    string? AlpacaPaperApiSecret,
    string? BootstrapTokenSigningKey,
    string? ConsoleAuditIngestToken,
    string? SentryDsn)
{
    public const string HerokuApiKeyName = "HEROKU_API_KEY";
    public const string AlpacaPaperApiKeyName = "ALPACA_PAPER_API_KEY";
    public const string AlpacaPaperApiSecretName = "ALPACA_PAPER_API_SECRET";
    public const string BootstrapTokenSigningKeyName = "BOOTSTRAP_TOKEN_SIGNING_KEY";
    public const string ConsoleAuditIngestTokenName = "CONSOLE_AUDIT_INGEST_TOKEN";
    public const string SentryDsnName = "SENTRY_DSN";

    public static IntegrationCredentials From(IConfiguration configuration) => new(
        configuration[HerokuApiKeyName],
        configuration[AlpacaPaperApiKeyName],
        configuration[AlpacaPaperApiSecretName],
        configuration[BootstrapTokenSigningKeyName],
        configuration[ConsoleAuditIngestTokenName],
        configuration[SentryDsnName]);

    /// <summary>Safe for logs: which credentials are present, never their values.</summary>
    public override string ToString() =>
        $"IntegrationCredentials(heroku={HerokuApiKey is not null}, alpacaKey={AlpacaPaperApiKey is not null}, alpacaSecret={AlpacaPaperApiSecret is not null}, signingKey={BootstrapTokenSigningKey is not null}, ingestToken={ConsoleAuditIngestToken is not null}, sentry={SentryDsn is not null})";
}
