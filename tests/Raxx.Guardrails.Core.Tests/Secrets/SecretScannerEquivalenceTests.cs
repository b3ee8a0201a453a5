using System;
using System.IO;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// The trigger-driven scan (vectorised prefilters, what the CLI runs on .NET) must find exactly what the
/// line-by-line reference scan (what the netstandard2.0 analyzer and MSBuild hosts run) finds: same
/// provider, kind, key, offsets, positions and fingerprints, on every corpus file and on mixed, CRLF and
/// lone-CR text.
/// </summary>
public class SecretScannerEquivalenceTests
{
    private static string Describe(SecretMatch m) =>
        $"{m.Provider}|{m.Kind}|{m.KeyName}|{m.Offset}+{m.Length}|{m.Line}:{m.Column}-{m.EndLine}:{m.EndColumn}|{m.Hash}";

    private static void AssertSame(string text, string what)
    {
        var reference = SecretScanner.ScanReference(text).Select(Describe).ToArray();
        var fast = SecretScanner.Scan(text).Select(Describe).ToArray();
        Assert.True(reference.SequenceEqual(fast), $"{what}: reference [{string.Join(", ", reference)}] vs trigger-driven [{string.Join(", ", fast)}]");
        // both candidate searches: the AVX2 one-pass search (where the CPU has it) and the SearchValues groups
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            var vector = SecretScanner.Scan(text, null, vectorPass: true).Select(Describe).ToArray();
            Assert.True(reference.SequenceEqual(vector), $"{what}: reference [{string.Join(", ", reference)}] vs one-pass candidates [{string.Join(", ", vector)}]");
        }
        var groups = SecretScanner.Scan(text, null, vectorPass: false).Select(Describe).ToArray();
        Assert.True(reference.SequenceEqual(groups), $"{what}: reference [{string.Join(", ", reference)}] vs SearchValues groups [{string.Join(", ", groups)}]");
    }

    [Fact]
    public void CorpusFiles_TriggerScan_EqualsReferenceScan()
    {
        var files = Directory.EnumerateFiles(SecretCorpusTests.CorpusRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .ToArray();
        Assert.True(files.Length > 400, "corpus files missing");
        var withFindings = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            AssertSame(text, file);
            AssertSame(text.Replace("\n", "\r\n"), file + " (CRLF)");
            AssertSame(text.Replace("\n", "\r"), file + " (CR)");
            if (SecretScanner.ScanReference(text).Count > 0)
            {
                withFindings++;
            }
        }
        Assert.True(withFindings > 100, $"only {withFindings} corpus files have findings");
    }

    [Fact]
    public void MixedText_TriggerScan_EqualsReferenceScan()
    {
        var lines = new[]
        {
            "HEROKU_API_KEY=0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10",
            "  token: ghp_notarealtokenbutlongenough0000000000",
            "url = postgres://app:S3cretPassw0rd@db.internal:5432/app",
            "<add key=\"ApiKey\" value=\"d8e8fca2dc0f896fd7cb4cb0031ba249\" />",
            "<Password>Tr0ub4dor3xyz</Password>",
            "x-ghp_AAAA sk-ant-api03- xoxb-123 AKIAIOSFODNN7EXAMPLE",
            "client_secret = \"abc1Q~" + new string('z', 10) + "\"",
            "mailchimp 0123456789abcdef0123456789abcdef-us12",
            "https://o1.ingest.sentry.io",
            "",
            "just prose with a key word and a token word and a pass",
            // a finding on a line without a secret-name fragment is still named by its assignment
            "<setting name=\"Stripe\" value=\"sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z\" />",
            "<add key=\"Db\" value=\"postgres://app:S3cretPassw0rd@db.internal/app\" />",
            "<add key=\"LOG_LEVEL\" value=\"information\" />",
            "<add key=\"ApiKey\" value=\"0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10\" />",
            "value:",
            "  sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z",
            "signing_secret: |",
            "  q8ZxL2mVt7RwN4pYk9HbJ3sC",
            "var smtp = new NetworkCredential(\"mailer\", \"Tr0ub4dor3xyzQ\"); NetworkCredential c = new(\"a\", \"q8ZxL2mVt7RwN4pYk9HbJ3sC\");",
            "$c = New-Object Net.NetworkCredential('deploy', 'S3cretPassw0rd') # x.Net.NetworkCredential(\"u\", \"S3cretPassw0rd\")",
            // command-line passwords: the -p of named tools (found from "-p") and secret-named long options (context lines)
            "mysql -uroot -pS3cretPassw0rd app; docker run -p 8080:80 app; ssh -p 22 host",
            "docker login -u ci -p 'S3cretPassw0rd' r.example && sshpass -p S3cretPassw0rd ssh h",
            "tool --api-key q8ZxL2mVt7RwN4pYk9HbJ3sC --password-stdin --client-secret 'q8ZxL2mVt7RwN4pYk9HbJ3sC'",
            // secret-store references (not reported) beside their look-alikes (reported)
            "gcloud run deploy api --secret=projects/my-proj/secrets/db-password/versions/2 --secret=k7QpL2mZx9RtWv4YbN8cJ3",
            "  --set-secrets=DB_PASSWORD=db-password-2024:3,API_KEY=projects/p/secrets/api-key:latest --set-secretz=DB_PASSWORD=db-password-2024:3",
            "\"password\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password:AWSCURRENT:\", \"api_key\": \"arn:aws:ssm:eu-west-1:123456789012:parameter/k7QpL2mZx9RtWv4YbN8cJ3\"",
            "DB_PASSWORD: vault:secret/data/prod/db2#password",
            "docker build --secret id=db_password2,src=./secrets/db.txt . && docker build --secret id=k7QpL2mZx9RtWv4YbN8cJ3,src=./a.txt .",
            // PowerShell values on the next line: a here-string, a back-tick continuation
            "$Password = @'",
            "S3cretPassw0rd",
            "'@",
            "Connect-Lab -Password `",
            "    'S3cretPassw0rd'",
            // a shell continuation between the option and its value; a here-string body of one value (blank lines around it)
            "mysqladmin --password \\",
            "  'S3cretPassw0rd' status",
            "docker login -u ci -p \\",
            "  q8ZxL2mVt7RwN4pYk9HbJ3sC r.example",
            "$Token = @'",
            "",
            "  q8ZxL2mVt7RwN4pYk9HbJ3sC",
            "'@",
            // redis-cli -a and htpasswd -b (their look-alikes beside them), '#' words and switch-like long options
            "redis-cli -h cache -p 6379 -a 'S3cretPassw0rd' ping && grep -a S3cretPassw0rd log; valkey-cli -a $PW ping",
            "docker exec c redis-cli --no-auth-warning -a bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR info; myredis-cli -a S3cretPassw0rd",
            "htpasswd -nbB admin 'S3cretPassw0rd' && htpasswd -B .htpasswd admin; tar -b 20 -cf S3cretPassw0rd.tar .",
            "RUN htpasswd -B -C 10 -bc /etc/nginx/htpasswd admin ghp_notarealtokenbutlongenough0000000000",
            "tool --password #S3cretPassw0rd; gpg --no-password S3cretPassw0rd --list-secret-keys q8ZxL2mVt7RwN4pYk9HbJ3sC",
            // ConvertTo-SecureString given a here-string of one value
            "$s = ConvertTo-SecureString -String @'",
            "  Tq4!zWm8Lp2x",
            "'@ -AsPlainText -Force",
        };
        var rng = new Random(7);
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n'); // each once in order (the two-line cases stay together)
        }
        for (var i = 0; i < 400; i++)
        {
            sb.Append(lines[rng.Next(lines.Length)]).Append(rng.Next(3) == 0 ? "\r\n" : "\n");
        }
        AssertSame(sb.ToString(), "mixed");
        AssertSame(sb.ToString().TrimEnd('\n', '\r'), "mixed without final newline");
    }

    /// <summary>
    /// The one-pass candidate search works on 32-character blocks of text packed to bytes: tokens and markers at every
    /// offset from a block edge (including the text's first and last characters), after ASCII punctuation, token
    /// characters and non-ASCII characters (packing to 0x00 or 0xFF), must be found as the reference finds them.
    /// </summary>
    [Fact]
    public void TokensAtEveryBlockOffset_AfterAnyCharacter_EqualsReferenceScan()
    {
        var pieces = new[]
        {
            "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",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z",
            "AKIARAXXFIXTURE2345Q",
            "bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR",
            "cefa780880ba5f5696192a34f6292c35-us18",
            "postgres://app:S3cretPassw0rd@db.internal/app",
            "https://hooks.slack.com/services/T11111AA/BAAAA111A/qKirRWalryBGqKirRWalryBG",
            "curl -fsS -u deploy:q8ZxL2mVt7RwN4pYk9HbJ3sC https://ci.example.com",
            "NetworkCredential(\"mailer\", \"q8ZxL2mVt7RwN4pYk9HbJ3sC\")",
            "System.Net.NetworkCredential('deploy', 'q8ZxL2mVt7RwN4pYk9HbJ3sC')",
            "ConvertTo-SecureString 'q8ZxL2mVt7RwN4pYk9HbJ3sC' -AsPlainText -Force",
            "convertto-securestring -asplaintext -String 'q8ZxL2mVt7RwN4pYk9HbJ3sC'",
            "x raxx:allow-credential fixture",
            "-----BEGIN RSA PRIVATE KEY-----",
        };
        // the pieces with a finding of their own must be found alone (else the comparisons below could not fail)
        foreach (var piece in pieces.Take(12))
        {
            Assert.True(SecretScanner.ScanReference(" " + piece).Count > 0, "no finding for " + piece);
        }
        var before = new[] { "", " ", "\"", "=", ":", "a", "_", "-", "/", ".", "\u00e9", "\u00ff", "\u0100", "\u20ac", "\uac00", "\uffff", "\n" };
        foreach (var piece in pieces)
        {
            foreach (var b in before)
            {
                for (var pad = 0; pad < 34; pad++)
                {
                    var text = new string('x', pad) + " " + b + piece;
                    AssertSame(text, $"pad {pad}, before '{b}': {piece}");
                    AssertSame(b + piece + new string(' ', pad % 3), $"start, before '{b}': {piece}");
                }
            }
        }
    }

    /// <summary>
    /// NetworkCredential calls whose arguments continue over the following lines, among other findings (a provider token
    /// or an Azure AD secret as the password, a password on a line that also holds an assignment, calls in comments),
    /// joined with LF and CRLF at random: both scan paths find the same.
    /// </summary>
    [Fact]
    public void MultiLineNetworkCredentialCalls_TriggerScan_EqualsReferenceScan()
    {
        var pieces = new[]
        {
            "var cred = new NetworkCredential(\n    \"deploy\",\n    \"Xk9#mP2$vL8qR4wZ\");",
            "var c = new NetworkCredential(\n    userName: \"deploy\",\n    password: \"q8ZxL2mVt7RwN4pYk9HbJ3sC\", token = \"ghp_notarealtokenbutlongenough0000000000\");",
            "var c = new NetworkCredential(\"deploy\",\n    \"sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z\"); var d = new NetworkCredential(\"x\",\n\"Tr0ub4dor3xyzQ\");",
            "var c = new NetworkCredential(\n    \"deploy\",\n    \"bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR\");",
            "$cred = New-Object System.Net.NetworkCredential( `\n    'deploy', `\n    'q8ZxL2mVt7RwN4pYk9HbJ3sC')",
            "// var cred = new NetworkCredential(\n//     \"deploy\",\n//     \"Xk9#mP2$vL8qR4wZ\");",
            "var c = new NetworkCredential(\n    \"deploy\",\n    password);",
            "HEROKU_API_KEY=0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10",
            "url = postgres://app:S3cretPassw0rd@db.internal:5432/app",
            "$cred = New-Object -TypeName System.Net.NetworkCredential `\n    -ArgumentList 'deploy', 'S3cretPassw0rd'",
            "$c = New-Object System.Net.NetworkCredential -ArgumentList 'deploy', `\n 'bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR'",
            "var c = new NetworkCredential(",
            "    \"S3cretPassw0rd\", \"Tr0ub4dor3xyzQ\");",
        };
        Assert.True(SecretScanner.ScanReference(pieces[0]).Count == 1 && SecretScanner.ScanReference(pieces[4]).Count == 1, "the multi-line pieces must be found alone");
        var rng = new Random(11);
        var sb = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var eol = rng.Next(3) == 0 ? "\r\n" : "\n";
            sb.Append(pieces[rng.Next(pieces.Length)].Replace("\n", eol, StringComparison.Ordinal)).Append(eol);
        }
        AssertSame(sb.ToString(), "multi-line calls");
        AssertSame(sb.ToString().Replace("\n", "\r", StringComparison.Ordinal).Replace("\r\r", "\r\n", StringComparison.Ordinal), "multi-line calls (CR)");
    }

    /// <summary>
    /// Values on a later line than their name — a shell continuation (<c>--password \</c>, <c>… login -p \</c>), a here-string
    /// body (assigned or given to a parameter), a back-tick continuation, YAML's next-line value — holding a password, a
    /// provider token, an Azure AD secret, a Mailchimp key or a URL's password, with look-alikes (another option, a variable, a
    /// document), joined with LF and CRLF at random: both scan paths find the same (and name the same keys).
    /// </summary>
    [Fact]
    public void LaterLineValues_TriggerScan_EqualsReferenceScan()
    {
        var pieces = new[]
        {
            "mysqladmin --password \\\n  'S3cretPassw0rd' status",
            "docker login -u ci -p \\\n  bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR r.example",
            "tool --api-key \\\n  cefa780880ba5f5696192a34f6292c35-us18 \\\n  --client-secret \\\n  ghp_notarealtokenbutlongenough0000000000",
            "sshpass -p \\\n  \"$SSHPASS\" ssh host; tool --token \\\n  --verbose",
            "tool --password \\\n  postgres://app:S3cretPassw0rd@db.internal/app",
            "$ClientSecret = @'\n\n  bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR\n'@",
            "Connect-Lab -Password @\"\nTq4!zWm8Lp2x\n\"@ -Verbose",
            "$Password = @'\nWrite-Host 'S3cretPassw0rd'\nq8ZxL2mVt7RwN4pYk9HbJ3sC\n'@",
            "Connect-Api -Token `\n    'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z'",
            "api_key:\n  cefa780880ba5f5696192a34f6292c35-us18",
            "password:\n  postgres://app:S3cretPassw0rd@db.internal/app",
            "HEROKU_API_KEY=0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10",
            "curl -fsS -u deploy:q8ZxL2mVt7RwN4pYk9HbJ3sC \\",
            "tool --password \\",
            "$Token = @'",
            "'@",
            "Connect-Lab -Password `\n    'Xk9#mP2!vL8qR4wZ' | ConvertTo-SecureString -AsPlainText -Force",
            "tool --password \\\n  'Tq4!zWm8Lp2x' | ConvertTo-SecureString -AsPlainText; $c = New-Object Net.NetworkCredential('u', 'Tq4!zWm8Lp2x')",
        };
        Assert.True(SecretScanner.ScanReference(pieces[0]).Count == 1 && SecretScanner.ScanReference(pieces[5]).Count == 1, "the multi-line pieces must be found alone");
        var rng = new Random(17);
        var sb = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var eol = rng.Next(3) == 0 ? "\r\n" : "\n";
            sb.Append(pieces[rng.Next(pieces.Length)].Replace("\n", eol, StringComparison.Ordinal)).Append(eol);
        }
        AssertSame(sb.ToString(), "later-line values");
        AssertSame(sb.ToString().Replace("\n", "\r", StringComparison.Ordinal).Replace("\r\r", "\r\n", StringComparison.Ordinal), "later-line values (CR)");
    }

    /// <summary>
    /// ConvertTo-SecureString … -AsPlainText (the literal before, after or on another line than the switch, piped, inside a
    /// credential, several on a line, commented out, with variables), among assignments, provider tokens and NetworkCredential
    /// calls, joined with LF and CRLF at random: both scan paths find the same.
    /// </summary>
    [Fact]
    public void SecureStringPlainText_TriggerScan_EqualsReferenceScan()
    {
        var pieces = new[]
        {
            "$sec = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force",
            "$sec = ConvertTo-SecureString `\n    -String 'Tq4!zWm8Lp2x' `\n    -AsPlainText `\n    -Force",
            "$sec = ConvertTo-SecureString 'q8ZxL2mVt7RwN4pYk9HbJ3sC' `\n    -asPlainText -Force",
            "$password = 'S3cretPassw0rd' | ConvertTo-SecureString -AsPlainText -Force",
            "$cred = [pscredential]::new('deploy', (ConvertTo-SecureString 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z' -AsPlainText -Force))",
            "$a = convertto-securestring 'Tr0ub4dor3xyzQ' -asplaintext; $b = ConvertTo-SecureString $env:PW -AsPlainText",
            "# ConvertTo-SecureString 'bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR' -AsPlainText -Force",
            "$sec = ConvertTo-SecureString -AsPlainText -Force `",
            "    -String \"Xk9#mP2!vL8qR4wZ\"",
            "$sec = ConvertTo-SecureString 'S3cretPassw0rd' `",
            "$x = Get-Secret Db -AsPlainText",
            "-AsPlainText -Force",
            "$cred = New-Object System.Net.NetworkCredential -ArgumentList 'deploy', 'S3cretPassw0rd'",
            "HEROKU_API_KEY=0f5a3c3e-8d1b-4b1e-9a57-2d8c4b6e7f10",
            "Password = 'Vm8kRq2LpZx7'; $s = 'Vm8kRq2LpZx7' | ConvertTo-SecureString -AsPlainText -Force",
            "$sec = ConvertTo-SecureString -AsPlainText -Force `\n    -String 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z'",
            "$sec = ConvertTo-SecureString -String @'\n  Tq4!zWm8Lp2x\n'@ -AsPlainText -Force",
            "$sec = ConvertTo-SecureString @\"\n\nsk_live_4eC39HqLyjWDarjtT1zdp7dc9Z\n\"@ `\n    -AsPlainText",
            "$sec = ConvertTo-SecureString `\n  -String @'\nq8ZxL2mVt7RwN4pYk9HbJ3sC\n'@ `\n  -AsPlainText -Force",
            "$sec = ConvertTo-SecureString -AsPlainText -Force -String @'\napi_key=Xk9#mP2!vL8qR4wZ\n'@",
            "$sec = ConvertTo-SecureString -String @'\nline one\nS3cretPassw0rd\n'@ -AsPlainText -Force",
            "'@ -AsPlainText -Force",
            "$sec = ConvertTo-SecureString -String @'",
            "$sec = ConvertTo-SecureString `\n    'bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR' -AsPlainText",
            "Connect-Lab -Server lab01 -Password 'Xy7#kq93Lm' -Verbose; New-LocalUser -Name x -Password \"Tq4!zWm8Lp2x\"",
            "Connect-Api -Token 'k7QpL2mZx9RtWv4YbN8cJ3' `\n    -ApiKey 'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Z' -ClientSecret:'q8ZxL2mVt7RwN4pYk9HbJ3sC'",
            "Connect-Lab -Password $pw -PasswordNeverExpires -TokenType 'Bearer' -Credential 'CONTOSO\\svc-deploy01' -Password ''",
            "$Password1 = 'Xy7#kq93Lm'; $Password123 = \"Tq4!zWm8Lp2x\"",
            "PASSWORD2=Xy7#kq93Lm",
            "  db_password2: Xy7#kq93Lm",
            "  \"Password1\": \"Xy7#kq93Lm\", \"PasswordLength2\": \"Xy7#kq93Lm24\"",
        };
        Assert.True(SecretScanner.ScanReference(pieces[1]).Count == 1 && SecretScanner.ScanReference(pieces[2]).Count == 1, "the multi-line pieces must be found alone");
        var rng = new Random(13);
        var sb = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var eol = rng.Next(3) == 0 ? "\r\n" : "\n";
            sb.Append(pieces[rng.Next(pieces.Length)].Replace("\n", eol, StringComparison.Ordinal)).Append(eol);
        }
        AssertSame(sb.ToString(), "ConvertTo-SecureString calls");
        AssertSame(sb.ToString().Replace("\n", "\r", StringComparison.Ordinal).Replace("\r\r", "\r\n", StringComparison.Ordinal), "ConvertTo-SecureString calls (CR)");
    }
}
