import random, zlib, base64, os, hashlib, json, sys
rng = random.Random(20261130)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HEX = "0123456789abcdef"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
B64 = B62 + "+/"
def r(alpha, n): return "".join(rng.choice(alpha) for _ in range(n))
def uuid(): return f"{r(HEX,8)}-{r(HEX,4)}-4{r(HEX,3)}-{rng.choice('89ab')}{r(HEX,3)}-{r(HEX,12)}"
def ghp():
    body = r(B62, 30); crc = zlib.crc32(body.encode()) & 0xffffffff
    s = ""
    for _ in range(6): s = B62[crc % 62] + s; crc //= 62
    return "ghp_" + body + s
def b64url(b): return base64.urlsafe_b64encode(b).decode().rstrip("=")
out = sys.argv[1]
files = {}; labels = []
def add(path, lines, positives):
    files[path] = "\n".join(lines) + "\n"
    for provider, lineno in positives: labels.append((path, provider, lineno))

# 1 appsettings.Production.json
sig = r(HEX, 64); dsn_key = r(HEX, 32); tenant = uuid(); client = uuid(); dbpw = r(B62, 18)
add("api/appsettings.Production.json", [
 '{',
 '  "Logging": { "LogLevel": { "Default": "Warning" } },',
 '  "AzureAd": {',
 f'    "TenantId": "{tenant}",',
 f'    "ClientId": "{client}",',
 '    "Instance": "https://login.microsoftonline.com/"',
 '  },',
 '  "ConnectionStrings": {',
 f'    "Main": "Host=db.prod.internal;Database=raptor;Username=raptor_app;Password={dbpw}"',
 '  },',
 '  "Sentry": {',
 f'    "Dsn": "https://{dsn_key}@o4507211.ingest.us.sentry.io/4507211990"',
 '  },',
 '  "Jwt": {',
 f'    "SigningKey": "{sig}",',
 '    "Issuer": "https://api.raptor.example"',
 '  },',
 f'  "BuildHash": "{r(HEX,40)}"',
 '}'], [("db-connection-string", 9), ("sentry", 12), ("generic-hex", 15)])

# 2 .env.production
akid = "AKIA" + r(B32.replace("A",""), 16); aws_secret = r(B64, 40); heroku = uuid()
add("ops/.env.production", [
 "# production values (should never have been committed)",
 "NODE_ENV=production",
 f"HEROKU_API_KEY={heroku}",
 f"AWS_ACCESS_KEY_ID={akid}",
 f"AWS_SECRET_ACCESS_KEY={aws_secret}",
 f"APP_INSTANCE_ID={uuid()}",
 "REQUEST_TIMEOUT_SECONDS=30",
 f"DATABASE_URL=postgres://raptor:{r(B62,16)}@db.prod.internal:5432/raptor",
 f"ALPACA_PAPER_API_KEY_ID=PK{r(B32,18)}",
 f"ALPACA_PAPER_API_SECRET={r(B62,40)}",
 f"RELEASE_SHA={r(HEX,40)}",
], [("heroku",3),("aws",4),("aws",5),("db-connection-string",8),("alpaca",10)])

# 3 workflow
hook = f"https://hooks.slack.com/services/T{r(B32,10)}/B{r(B32,10)}/{r(B62,24)}"
bearer = r(B62, 32)
add(".github/workflows/release.yml", [
 "name: release",
 "on: { push: { tags: ['api-v*'] } }",
 "jobs:",
 "  release:",
 "    runs-on: ubuntu-latest",
 "    env:",
 "      CLOUDFLARE_API_TOKEN: ${{ secrets.CLOUDFLARE_API_TOKEN }}",
 f"      SLACK_WEBHOOK_URL: {hook}",
 "    steps:",
 f"      - uses: actions/checkout@{r(HEX,40)}",
 f"      - uses: actions/setup-dotnet@{r(HEX,40)}",
 "      - run: dotnet publish -c Release",
 "      - name: notify",
 f"        run: curl -fsS -H \"Authorization: Bearer {bearer}\" https://status.raptor.example/api/deploys",
 "      - run: echo \"digest sha256:" + r(HEX,64) + "\"",
], [("slack",8),("bearer-token",14)])

# 4 C# settings
tok = r(B62, 40)
add("src/Raptor.Api/Integrations/IntegrationDefaults.cs", [
 "using System.Net;",
 "using System.Runtime.InteropServices;",
 "",
 "namespace Raptor.Api.Integrations;",
 "",
 f"[Guid(\"{uuid()}\")]",
 "public static class IntegrationDefaults",
 "{",
 f"    public const string ExpectedPayloadSha256 = \"{r(HEX,64)}\";",
 f"    public const string MarketDataApiToken = \"{tok}\";",
 f"    public static readonly NetworkCredential Smtp = new(\"mailer\", \"{r(B62,6)}Q{r(B62,9)}\");",
 "    public const string CorrelationHeader = \"X-Correlation-Id\";",
 f"    public const string DefaultTenant = \"{uuid()}\";",
 "}",
], [("generic-secret",10), ("password",11)])

# 5 manifest with integrity hashes and a data URI image
img = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(300))).decode()
add("web/vendor/manifest.json", [
 "{",
 '  "name": "raptor-web",',
 f'  "integrity": "sha512-{base64.b64encode(hashlib.sha512(b"raptor").digest()).decode()}",',
 f'  "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz#{r(HEX,40)}",',
 f'  "icon": "data:image/png;base64,iVBORw0KGgo{img}",',
 f'  "contentHash": "{r(HEX,64)}",',
 f'  "buildId": "{uuid()}"',
 "}",
], [])

# 6 docker-compose
pgpw = r(B62, 20)
add("deploy/docker-compose.yml", [
 "services:",
 "  db:",
 f"    image: postgres:16@sha256:{r(HEX,64)}",
 "    environment:",
 "      POSTGRES_USER: raptor",
 f"      POSTGRES_PASSWORD: {pgpw}",
 "      POSTGRES_DB: raptor",
 "  api:",
 "    image: ghcr.io/raptor/api:1.4.2",
 "    environment:",
 "      ConnectionStrings__Main: Host=db;Database=raptor;Username=raptor;Password=${POSTGRES_PASSWORD}",
 f"      RAPTOR_TRACE_ID: {r(HEX,32)}",
], [("password",6)])

# 7 k8s secret with base64 data
pw = r(B62, 14)
add("deploy/k8s/raptor-secrets.yaml", [
 "apiVersion: v1",
 "kind: Secret",
 "metadata:",
 "  name: raptor-secrets",
 "  annotations:",
 f"    checksum/config: {r(HEX,64)}",
 "type: Opaque",
 "data:",
 f"  db-password: {base64.b64encode(pw.encode()).decode()}",
 f"  api-token: {base64.b64encode(r(B62,32).encode()).decode()}",
], [("password",9),("generic-secret",10)])

# 8 tfvars with a GitHub token
add("infra/prod.tfvars", [
 'region       = "us-east-1"',
 f'github_token = "{ghp()}"',
 f'vpc_id       = "vpc-{r(HEX,17)}"',
 f'kms_key_arn  = "arn:aws:kms:us-east-1:{r("0123456789",12)}:key/{uuid()}"',
], [("github",2)])

# 9 deploy script
add("scripts/deploy.sh", [
 "#!/usr/bin/env bash",
 "set -euo pipefail",
 f"GIT_SHA={r(HEX,40)}",
 f"export STRIPE_SECRET_KEY=sk_live_{r(B62,24)}",
 "heroku config:set RELEASE_SHA=\"$GIT_SHA\" -a raptor-api > /dev/null",
 f"curl -fsS -u deploy:{r(B62,5)}x{r(B62,10)} https://ci.raptor.example/hooks/deploy",
], [("stripe",4)])
# note: `curl -u user:pass` (line 6) is a known, documented gap; it is labeled as a positive anyway.
labels.append(("scripts/deploy.sh", "basic-auth", 6))

# 10 .http file
add("api/requests/smoke.http", [
 "### health",
 "GET https://api.raptor.example/health",
 "",
 "### list jobs",
 "GET https://api.raptor.example/v1/jobs",
 f"Authorization: Bearer {r(B62,8)}.{r(B62,20)}",
 "",
 "### templated",
 "GET {{host}}/v1/jobs",
 "Authorization: Bearer {{token}}",
], [("bearer-token",6)])

# 11 notes with hashes and GUIDs only
add("docs/notes/release-checklist.txt", [
 "Release 1.4.2",
 f"commit {r(HEX,40)}",
 f"artifact sha256 {r(HEX,64)}",
 f"migration id {uuid()}",
 "tokens are rotated by the platform team; see the runbook.",
 "password policy: at least 16 characters, rotated every 90 days",
], [])

# 12 yaml with a value on the next line and a letters-only password
add("config/worker.yaml", [
 "queue:",
 "  url: amqps://worker@mq.raptor.example:5671/raptor",
 "  password:",
 f"    {''.join(rng.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(18))}",
 "smtp:",
 "  host: smtp.raptor.example",
 "  password: ${SMTP_PASSWORD}",
 f"  message_id_domain: {r(HEX,12)}.raptor.example",
], [("password",4)])

for path, text in files.items():
    full = os.path.join(out, path); os.makedirs(os.path.dirname(full), exist_ok=True)
    open(full, "w").write(text)
with open(os.path.join(out, "labels.tsv"), "w") as f:
    f.write("file\tprovider\tline\n")
    for p, prov, line in labels: f.write(f"{p}\t{prov}\t{line}\n")
print(len(files), "files", len(labels), "positives")
