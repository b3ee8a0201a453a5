using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;
using static Raxx.Guardrails.Core.Tests.Secrets.ContextScanAssert;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// A value that names where a secret is kept — a secret store's reference — is not the secret, under whatever secret-named
/// key, parameter or option holds it (seen in the Google Cloud SDK's scripts: <c>--secret=projects/my-proj/secrets/db-password/versions/2</c>):
/// GCP Secret Manager resource names, AWS Secrets Manager / SSM ARNs, bank-vaults' <c>vault:path#key</c>, gcloud's
/// <c>--set-secrets</c> lists and Docker BuildKit's <c>--secret id=…,src=…</c>. Azure Key Vault URIs, <c>@Microsoft.KeyVault(…)</c>,
/// <c>vault://…</c> and Kubernetes <c>secretKeyRef</c> were already not reported (kept as look-alikes). The nearest
/// look-alikes — a real secret under the same keys, a password with a slash, a provider token or a URL's password under
/// <c>--secret</c>, a reference shape with a token in it — are still reported. Every case is checked on both scan paths.
/// Values are fake.
/// </summary>
public sealed class SecretStoreReferenceTests : IDisposable
{
    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    // ------------------------------------------------------------------ reported before this change, now not

    [Theory]
    // GCP Secret Manager: shell options (the reported case), YAML, .env, JSON, PowerShell
    [InlineData("gcloud run deploy svc --secret=projects/my-proj/secrets/db-password/versions/2")]
    [InlineData("gcloud run deploy svc --secret projects/my-proj/secrets/db-password/versions/2")]
    [InlineData("DB_PASSWORD: projects/my-proj/secrets/db-password/versions/2")]
    [InlineData("DB_PASSWORD=projects/my-proj/secrets/db-password/versions/2")]
    [InlineData("API_KEY=projects/my-proj/secrets/api-key-2024")]
    [InlineData("  \"DbPassword\": \"projects/my-proj/secrets/db-password/versions/2\",")]
    [InlineData("\"ApiKey\": \"//secretmanager.googleapis.com/projects/my-proj/secrets/api-key/versions/2\",")]
    [InlineData("Set-Thing -Secret 'projects/my-proj/secrets/db-password/versions/2'")]
    [InlineData("Set-Thing -Password 'projects/my-proj/secrets/db-password/versions/2'")]
    [InlineData("$env:DB_PASSWORD = 'projects/my-proj/secrets/db-password/versions/2'")]
    [InlineData("$ApiKey = \"projects/123456789012/secrets/api-key/versions/7\"")]
    [InlineData("DB_PASSWORD: projects/my-proj/locations/us-central1/secrets/db-password/versions/2")]
    [InlineData("<ClientSecret>projects/my-proj/secrets/client-secret/versions/3</ClientSecret>")]
    // gcloud's --set-secrets / --update-secrets lists (the ":version" form, the short name:version form, mount paths)
    [InlineData("gcloud run deploy svc --set-secrets=DB_PASSWORD=projects/my-proj/secrets/db-password/versions/2")]
    [InlineData("gcloud run deploy svc --update-secrets=DB_PASSWORD=projects/123456789012/secrets/db-password:3")]
    [InlineData("gcloud functions deploy fn --set-secrets 'DB_PASSWORD=projects/my-proj/secrets/db-password:2'")]
    [InlineData("gcloud run deploy svc --set-secrets=DB_PASSWORD=db-password-2024:3")]
    [InlineData("gcloud run deploy svc --set-secrets=DB_PASSWORD=db-password-2024:3,API_KEY=projects/my-proj/secrets/api-key:latest")]
    [InlineData("gcloud run deploy svc --set-secrets 'DB_PASSWORD=db-password-2024:3'")]
    [InlineData("gcloud run deploy svc --update-secrets DB_PASSWORD=db-password-2024:latest,API_KEY=api-key-2024:2 --region=x")]
    [InlineData("gcloud run deploy svc --set-secrets=/etc/secrets/db=db-password-2024:3")]
    // AWS Secrets Manager and SSM Parameter Store ARNs (aws, aws-cn, aws-us-gov; ECS's json-key suffix)
    [InlineData("DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/password-AbCdEf")]
    [InlineData("--secret=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf")]
    [InlineData("api_key: arn:aws:ssm:eu-west-1:123456789012:parameter/prod/api/key")]
    [InlineData("\"ClientSecret\": \"arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:app/client-secret-x1Y2z3\",")]
    [InlineData("password: arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/app/db_password2")]
    [InlineData("api_key = \"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-key-AbCdEf:api_key::\"")]
    [InlineData("\"password\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password:AWSCURRENT:\"")]
    [InlineData("Get-SECSecretValue -SecretId x -Secret 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db2-AbCdEf'")]
    // HashiCorp Vault as bank-vaults' webhook writes it
    [InlineData("DB_PASSWORD: vault:secret/data/prod/db2#password")]
    [InlineData("DB_PASSWORD: \"vault:secret/data/prod/db2#password#3\"")]
    // Docker BuildKit's --secret (RUN --mount=type=secret,… was already not reported)
    [InlineData("docker build --secret id=db_password2,src=./secrets/db.txt .")]
    [InlineData("docker buildx build --secret=id=npm_token2024,env=NPM_TOKEN .")]
    public void SecretStoreReference_NoReport(string text) => AssertNone(text);

    // ------------------------------------------------------------------ already not reported (kept as look-alikes)

    [Theory]
    // no digit: the generic rule never took them
    [InlineData("DB_PASSWORD_SECRET: projects/p/secrets/db/versions/latest")]
    [InlineData("gcloud run deploy svc --secret projects/my-proj/secrets/db-password/versions/latest")]
    [InlineData("DB_PASSWORD=vault:secret/data/db#password")]
    [InlineData("api_key: \"vault:kv/data/app/api#key\"")]
    // "://": a URL is judged by its user:password part only
    [InlineData("DB_PASSWORD=https://myvault.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef")]
    [InlineData("DB_PASSWORD=vault://secret/data/db2#password")]
    [InlineData("api_token: ref+vault://secret/data/app2#token")]
    // '(' is in no context value
    [InlineData("\"DbPassword\": \"@Microsoft.KeyVault(SecretUri=https://myvault.vault.azure.net/secrets/db-password/)\",")]
    [InlineData("\"DbPassword\": \"@Microsoft.KeyVault(VaultName=myvault;SecretName=db-password2)\",")]
    [InlineData("DbPassword=@Microsoft.KeyVault(VaultName=myvault;SecretName=db-password;SecretVersion=0123456789abcdef0123456789abcdef)")]
    // a name of a Kubernetes secret, a BuildKit mount: no secret-named key holds them
    [InlineData("        secretKeyRef:\n          name: db-password-2024\n          key: password")]
    [InlineData("  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-secret2\n        key: db-password")]
    [InlineData("RUN --mount=type=secret,id=db_password2024,target=/run/secrets/db_password make")]
    public void AlreadyNotReported_StillNot(string text) => AssertNone(text);

    // ------------------------------------------------------------------ the nearest look-alikes: still reported

    [Theory]
    // a real secret under the same keys and options
    [InlineData("gcloud run deploy svc --secret=k7QpL2mZx9RtWv4YbN8cJ3", "--secret", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("DB_PASSWORD: Xk9#mP2$vL8qR4wZ", "DB_PASSWORD", "Xk9#mP2$vL8qR4wZ")]
    // a password that merely contains a slash (or begins like a reference)
    [InlineData("DB_PASSWORD: Winter/2024!Xk9", "DB_PASSWORD", "Winter/2024!Xk9")]
    [InlineData("DB_PASSWORD: projects/Xk9#mP2$vL8q", "DB_PASSWORD", "projects/Xk9#mP2$vL8q")]
    [InlineData("DB_PASSWORD=vault:S3cr3t/Passw0rd!", "DB_PASSWORD", "vault:S3cr3t/Passw0rd!")]
    // reference shapes, one part wrong
    [InlineData("DB_PASSWORD=projects/my-proj/secret/db-password/versions/2", "DB_PASSWORD", "projects/my-proj/secret/db-password/versions/2")]
    [InlineData("DB_PASSWORD=projects/My-Proj/secrets/db-password/versions/2", "DB_PASSWORD", "projects/My-Proj/secrets/db-password/versions/2")]
    [InlineData("DB_PASSWORD=projects/my-proj/secrets/db-password/versions/v2", "DB_PASSWORD", "projects/my-proj/secrets/db-password/versions/v2")]
    [InlineData("DB_PASSWORD=projects/my-proj/secrets/db-password/versions/2/x", "DB_PASSWORD", "projects/my-proj/secrets/db-password/versions/2/x")]
    [InlineData("DB_PASSWORD=arn:aws:secretsmanager:us-east-1:12345678901:secret:db-password-AbCdEf", "DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:12345678901:secret:db-password-AbCdEf")]
    [InlineData("DB_PASSWORD=arn:aws:s3:us-east-1:123456789012:secret:db-password-AbCdEf", "DB_PASSWORD", "arn:aws:s3:us-east-1:123456789012:secret:db-password-AbCdEf")]
    [InlineData("DB_PASSWORD=vault:secret/data/db2", "DB_PASSWORD", "vault:secret/data/db2")]
    [InlineData("DB_PASSWORD=db-password-2024:3", "DB_PASSWORD", "db-password-2024:3")] // gcloud's short form outside --set-secrets
    [InlineData("tool --set-secretz=DB_PASSWORD=db-password-2024:3", "DB_PASSWORD", "db-password-2024:3")]
    [InlineData("docker build --secret id=db_password2,pass=S3cr3tPassw0rd .", "pass", "S3cr3tPassw0rd")] // not a BuildKit key: its own pair
    // a token in the name, path or version of a reference
    [InlineData("api_key: projects/my-proj/secrets/k7QpL2mZx9RtWv4YbN8cJ3", "api_key", "projects/my-proj/secrets/k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("DB_PASSWORD=projects/my-proj/secrets/db-password/versions/k7QpL2mZx9RtWv4YbN8cJ3", "DB_PASSWORD", "projects/my-proj/secrets/db-password/versions/k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:k7QpL2mZx9RtWv4YbN8cJ3", "DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("api_key: arn:aws:ssm:eu-west-1:123456789012:parameter/k7QpL2mZx9RtWv4YbN8cJ3", "api_key", "arn:aws:ssm:eu-west-1:123456789012:parameter/k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("DB_PASSWORD=vault:secret/data/k7QpL2mZx9RtWv4YbN8cJ3#password", "DB_PASSWORD", "vault:secret/data/k7QpL2mZx9RtWv4YbN8cJ3#password")]
    [InlineData("gcloud run deploy svc --set-secrets=DB_PASSWORD=k7QpL2mZx9RtWv4YbN8cJ3:3", "--set-secrets", "DB_PASSWORD=k7QpL2mZx9RtWv4YbN8cJ3:3")]
    [InlineData("docker build --secret id=k7QpL2mZx9RtWv4YbN8cJ3,src=./a.txt .", "--secret", "id=k7QpL2mZx9RtWv4YbN8cJ3,src=./a.txt")]
    public void NearestLookAlike_StillReports(string text, string key, string value) => AssertOne(text, key, value);

    [Theory]
    // a provider token or a URL's password under --secret: the provider/URL finding, named by the option
    [InlineData("gcloud x --secret=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", "github", "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")]
    [InlineData("gcloud x --secret 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", "github", "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")]
    [InlineData("gcloud x --secret=https://user:S3cr3tPassw0rd@host/db", "basic-auth-url", "S3cr3tPassw0rd")]
    [InlineData("DB_URL=https://user:S3cr3tPassw0rd@host/db", "basic-auth-url", "S3cr3tPassw0rd")]
    public void ProviderTokenOrUrlPassword_StillReports(string text, string provider, string value)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((provider, text.IndexOf(value, StringComparison.Ordinal), value.Length), (m.Provider, m.Offset, m.Length));
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.KeyName, m.Hash), (r.Offset, r.KeyName, r.Hash));
    }

    // ------------------------------------------------------------------ the shapes

    [Theory]
    [InlineData("projects/p/secrets/db", true)]
    [InlineData("projects/p/secrets/db/versions/latest", true)]
    [InlineData("projects/123/secrets/db_2/versions/17", true)]
    [InlineData("projects/p/secrets/db:latest", true)]
    [InlineData("projects/p/locations/europe-west1/secrets/db/versions/1", true)]
    [InlineData("//secretmanager.googleapis.com/projects/p/secrets/db/versions/1", true)]
    [InlineData("projects/p/secrets/", false)]
    [InlineData("projects//secrets/db", false)]
    [InlineData("projects/p/secrets/db/versions/", false)]
    [InlineData("projects/p/secrets/db/versions/latest2", false)]
    [InlineData("projects/p/secrets/db:", false)]
    [InlineData("projects/p/secrets/d.b", false)]
    [InlineData("projects/p/locations//secrets/db", false)]
    [InlineData("//secretmanager.googleapis.com/secrets/db", false)]
    [InlineData("/secretmanager.googleapis.com/projects/p/secrets/db", false)]
    [InlineData("db-password:3", false)] // the short form only in a --set-secrets list
    [InlineData("projects/p/secrets/DatabasePassword2024Prod", false)] // a secret-looking word (as in file paths): left
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:a/b_c+d=e.f@g-AbCdEf", true)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::", true)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password:AWSCURRENT:", true)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password:", false)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:", false)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secrets:db", false)]
    [InlineData("arn:aws:secretsmanager:us-east:123456789012:secret:db", false)]
    [InlineData("arn:aws:secretsmanager:-east-1:123456789012:secret:db", false)]
    [InlineData("arn:aws:secretsmanager::123456789012:secret:db", false)]
    [InlineData("arn:aws-iso:secretsmanager:us-east-1:123456789012:secret:db", false)]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/db", true)]
    [InlineData("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/a/b.c-d_e", true)]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/", false)]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/a b", false)]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:document/db", false)]
    [InlineData("vault:secret/db#password", true)]
    [InlineData("vault:secret/data/db#password#2", true)]
    [InlineData("vault:secret#password", false)]
    [InlineData("vault:secret/data/db#", false)]
    [InlineData("vault:secret/data/db#password#", false)]
    [InlineData("vault:secret//db#password", false)]
    [InlineData("DB_PASSWORD=db-password:3", true)]
    [InlineData("DB_PASSWORD=db-password:3,API_KEY=projects/p/secrets/k:latest", true)]
    [InlineData("/mnt/secrets/db=db-password:latest", true)]
    [InlineData("DB_PASSWORD=db-password", false)]
    [InlineData("DB_PASSWORD=db-password:3,", false)]
    [InlineData("DB-PASSWORD=db-password:3", false)]
    [InlineData("id=npmrc,src=./npmrc", true)]
    [InlineData("id=npmrc,env=NPM_TOKEN,type=env", true)]
    [InlineData("src=./npmrc,id=npmrc", true)]
    [InlineData("src=./npmrc", false)]
    [InlineData("id=npmrc,id=other", false)]
    [InlineData("id=npmrc,src=", false)]
    [InlineData("id=npmrc,token=abc", false)]
    [InlineData("id=npm!rc", false)]
    public void LooksLikeSecretReference_Shape(string value, bool expected) =>
        Assert.Equal(expected, SecretScanner.LooksLikeSecretReference(value, 0, value.Length));

    // ------------------------------------------------------------------ RAXX402 over a repository

    [Fact]
    public void Raxx402_References_NotReported_SecretsBesideThemAre()
    {
        _repo.Write("deploy/run.sh",
                "gcloud run deploy api --secret=projects/my-proj/secrets/db-password/versions/2 \\\n" +
                "  --set-secrets=DB_PASSWORD=db-password-2024:3,API_KEY=projects/my-proj/secrets/api-key:latest\n" +
                "gcloud run deploy api --secret=k7QpL2mZx9RtWv4YbN8cJ3\n")
            .Write("config/app.yaml", "DB_PASSWORD_SECRET: projects/p/secrets/db/versions/latest\n" +
                "db_password: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf\n" +
                "api_key: vault:secret/data/app2#api_key\nsmtp_password: Winter/2024!Xk9\n")
            .Write("appsettings.json", "{\n  \"DbPassword\": \"projects/my-proj/secrets/db-password/versions/2\",\n" +
                "  \"ApiKey\": \"@Microsoft.KeyVault(VaultName=kv01;SecretName=api-key2)\"\n}\n")
            .Write(".env", "DB_PASSWORD=projects/my-proj/secrets/db-password/versions/latest\nAPI_TOKEN=arn:aws:ssm:eu-west-1:123456789012:parameter/app/token2\n")
            .Write("scripts/deploy.ps1", "Set-AppSecret -Password 'projects/my-proj/secrets/db-password/versions/2'\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.StartLine).ToArray();
        Assert.Equal(
            new[] { ("config/app.yaml", 4), ("deploy/run.sh", 3) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine)));
    }
}
