using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Secrets;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Analyzers.Tests.Secrets
{
    /// <summary>
    /// RAXX401 judges a literal under a secret name by Core's context rules: a secret store's reference (a GCP Secret
    /// Manager name, an AWS secret's or parameter's ARN, <c>vault:path#key</c>) names where the secret is kept and is not
    /// reported; the nearest look-alikes (a token in the reference, a real secret under the same name) still are.
    /// </summary>
    public class Raxx401SecretStoreReferenceTests
    {
        private static Task Verify(string source) =>
            Verify<Raxx401CredentialLiteralAnalyzer>.VerifyAsync(source);

        [Fact]
        public Task SecretStoreReferences_NoReport() => Verify("""
            class Settings
            {
                public const string DbPassword = "projects/my-proj/secrets/db-password/versions/2";
                public static readonly string ApiKey = "//secretmanager.googleapis.com/projects/my-proj/secrets/api-key/versions/7";
                public string ClientSecret { get; set; } = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/client-secret-x1Y2z3";
                private const string SmtpPassword = "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/app/smtp_password2";
                // never reported before either: a URL ("://"), an app-setting reference ('(')
                public const string StorageKey = "https://kv01.vault.azure.net/secrets/storage-key2/0123456789abcdef0123456789abcdef";
                public const string ApiSecret = "@Microsoft.KeyVault(VaultName=kv01;SecretName=api-secret2)";
                void M()
                {
                    var apiToken = "vault:secret/data/prod/app2#api_token";
                    var dbPassword = "projects/123456789012/locations/us-central1/secrets/db-password:3";
                    System.Console.WriteLine(apiToken + dbPassword);
                }
            }
            """);

        [Fact]
        public Task TokenInAReference_OrASecretBesideIt_Reports() => Verify("""
            class Settings
            {
                public const string DbPassword = {|RAXX401:"projects/my-proj/secrets/k7QpL2mZx9RtWv4YbN8cJ3"|};
                public const string ApiKey = {|RAXX401:"arn:aws:secretsmanager:us-east-1:123456789012:secret:k7QpL2mZx9RtWv4YbN8cJ3"|};
                public const string ClientSecret = {|RAXX401:"k7QpL2mZx9RtWv4YbN8cJ3"|};
                public const string SmtpPassword = {|RAXX401:"projects/Xk9#mP2$vL8q"|};
                public const string DbPasswordV = {|RAXX401:"projects/my-proj/secret/db-password/versions/2"|};
            }
            """);
    }
}
