using System.Net;
using System.Runtime.InteropServices;

namespace Raptor.Api.Integrations;

[Guid("75f57933-09f4-433d-9f23-a97fa7c2aaf2")]
public static class IntegrationDefaults
{
    public const string ExpectedPayloadSha256 = "c25fe28fac1d4c7d81baead9ba2494ced8b3a57442b52f087301457e15f93fd6";
    public const string MarketDataApiToken = "O8OVk6cgb5PjtPAhssYbgTLpoBguDofx7yn0F4s9";
    public static readonly NetworkCredential Smtp = new("mailer", "3L0E6DQKP7aLvedY");
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string DefaultTenant = "33fc51c7-d852-4567-a868-094d9b2ada50";
}
