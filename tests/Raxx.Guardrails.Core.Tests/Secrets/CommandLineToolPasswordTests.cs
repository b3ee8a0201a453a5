using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using static Raxx.Guardrails.Core.Tests.Secrets.ContextScanAssert;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// More passwords on command lines (branch cliopts2): <c>redis-cli -a …</c> (and <c>valkey-cli</c>, <c>keydb-cli</c>),
/// <c>htpasswd -b file user …</c> / <c>htpasswd -nb user …</c> (the password is a positional argument after the batch
/// flag), a word starting with <c>#</c> after an option (a comment, not a value), long options named like secrets that
/// take none (<c>--no-password</c>, <c>--list-secret-keys</c>, <c>--with-token</c>, <c>--ask-pass</c>), and
/// <c>ConvertTo-SecureString -String @'</c>⏎<c>…</c>⏎<c>'@ -AsPlainText</c> (a here-string of one value). Before, the
/// first three tools' passwords and the here-string were not read, and the '#' word and the switches' next word were
/// judged as values. Values are fake.
/// </summary>
public sealed class CommandLineToolPasswordTests : IDisposable
{
    private const string Pw = "Xy7#kq93Lm";
    private const string Token = "k7QpL2mZx9RtWv4YbN8cJ3";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    private static void AssertReported(string text, string key, string value, int line = 1)
    {
        var m = AssertSingleOnEveryPath(text);
        var lineText = text.Split('\n')[line - 1];
        Assert.Equal((SecretKind.Context, key, line, lineText.IndexOf(value, StringComparison.Ordinal) + 1, value.Length),
            (m.Kind, m.KeyName, m.Line, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        // and with CRLF line ends
        var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var c = Assert.Single(SecretScanner.Scan(crlf));
        var cr = Assert.Single(SecretScanner.ScanReference(crlf));
        Assert.Equal((m.Hash, m.KeyName, m.Line), (c.Hash, c.KeyName, c.Line));
        Assert.Equal((m.Hash, m.KeyName, m.Line), (cr.Hash, cr.KeyName, cr.Line));
    }

    [Theory]
    [InlineData("redis-cli -a " + Pw + " ping", "redis-cli -a")]
    [InlineData("redis-cli -h cache.internal -p 6379 -a '" + Pw + "' ping", "redis-cli -a")]
    [InlineData("docker exec -it cache redis-cli --no-auth-warning -a \"" + Pw + "\" INFO", "redis-cli -a")]
    [InlineData("kubectl exec redis-0 -- redis-cli -n 2 -a " + Pw + " info; echo ok", "redis-cli -a")]
    [InlineData("PONG=$(redis-cli -a " + Pw + " ping)", "redis-cli -a")]
    [InlineData("/usr/local/bin/valkey-cli -a " + Pw, "valkey-cli -a")]
    [InlineData("keydb-cli -h db -a " + Pw + " | grep role", "keydb-cli -a")]
    [InlineData("htpasswd -b /etc/nginx/.htpasswd admin " + Pw, "htpasswd -b")]
    [InlineData("htpasswd -bc /etc/nginx/.htpasswd admin " + Pw, "htpasswd -b")]
    [InlineData("htpasswd -cb .htpasswd admin '" + Pw + "' && echo done", "htpasswd -b")]
    [InlineData("htpasswd -nbB admin '" + Pw + "'", "htpasswd -b")]
    [InlineData("htpasswd -nb admin " + Pw + " | sed -e s/x/y/g", "htpasswd -b")]
    [InlineData("RUN htpasswd -B -C 10 -b -c /etc/nginx/htpasswd admin " + Pw, "htpasswd -b")]
    [InlineData("htpasswd -b -C12 /etc/nginx/htpasswd \"web admin\" " + Pw, "htpasswd -b")]
    [InlineData("htpasswd -b $(pwd)/conf/.htpasswd admin " + Pw + ")", "htpasswd -b")]
    [InlineData("docker run --rm httpd:2.4 htpasswd -Bbn admin \"" + Pw + "\" > auth/htpasswd", "htpasswd -b")]
    [InlineData("/usr/bin/htpasswd -vb .htpasswd admin " + Pw, "htpasswd -b")]
    public void ToolPasswordOnACommandLine_Reports(string text, string key) => AssertReported(text, key, Pw);

    [Fact]
    public void RedisCliPassword_AfterALineContinuation_Reports() =>
        AssertReported("redis-cli -h cache -a \\\n    " + Pw + " ping", "redis-cli -a", Pw, line: 2);

    [Theory]
    // redis-cli: not a literal, a placeholder, a comment, not the tool, not its -a
    [InlineData("redis-cli -a $REDIS_PASSWORD ping")]
    [InlineData("redis-cli -a \"$REDIS_PASSWORD\" ping")]
    [InlineData("redis-cli -a ${{ secrets.REDIS_PASSWORD }} ping")]
    [InlineData("redis-cli -a \"$(cat /run/secrets/redis)\" ping")]
    [InlineData("redis-cli -a changeme ping")]
    [InlineData("redis-cli -a '<password>' ping")]
    [InlineData("redis-cli -a #" + Pw)]
    [InlineData("redis-cli -a")]
    [InlineData("redis-cli -a \\")]
    [InlineData("redis-cli -a \\\n    --verbose")]
    [InlineData("redis-cli -n 2 ping")]
    [InlineData("redis-cli --askpass ping")]
    [InlineData("REDISCLI_AUTH=\"$PW\" redis-cli ping")]
    [InlineData("redis-cli ping && grep -a " + Pw + " log")]
    [InlineData("redis-cli ping; cp -a " + Pw + " /tmp")]
    [InlineData("redis-cli ping&& cp -a " + Pw + " /tmp")]
    [InlineData("(redis-cli ping) || grep -a " + Pw + " log")]
    [InlineData("grep -a " + Pw + " log")]
    [InlineData("cp -a " + Pw + " /backup")]
    [InlineData("myredis-cli -a " + Pw)]
    [InlineData("redis-client -a " + Pw)]
    [InlineData("redis-cli -ask " + Pw)]
    [InlineData("redis-cli -a" + Pw)]
    [InlineData("azure-cli -a " + Pw)]
    // htpasswd: no batch flag (prompts), not a literal, a placeholder, too few arguments, not its syntax
    [InlineData("htpasswd -B /etc/nginx/.htpasswd admin")]
    [InlineData("htpasswd -B /etc/nginx/.htpasswd admin " + Pw)]
    [InlineData("htpasswd -c .htpasswd admin")]
    [InlineData("htpasswd -D .htpasswd admin")]
    [InlineData("htpasswd -n admin")]
    [InlineData("htpasswd -b .htpasswd admin \"$HTPASSWD_PASSWORD\"")]
    [InlineData("htpasswd -b .htpasswd admin ${{ secrets.HTPASSWD }}")]
    [InlineData("htpasswd -b .htpasswd admin \"$(cat /run/secrets/web)\"")]
    [InlineData("htpasswd -nb admin password")]
    [InlineData("htpasswd -nbB admin changeme")]
    [InlineData("htpasswd -b .htpasswd admin")]
    [InlineData("htpasswd -b .htpasswd admin #" + Pw)]
    [InlineData("htpasswd -nb admin; echo " + Pw)]
    [InlineData("htpasswd -b .htpasswd admin|tee " + Pw)]
    [InlineData("htpasswd .htpasswd admin -b " + Pw)]
    [InlineData("htpasswd -bx .htpasswd admin " + Pw)]
    [InlineData("htpasswd -nb " + Pw)]
    [InlineData("tar -b 20 -cf " + Pw + ".tar .")]
    [InlineData("git checkout -b " + Pw)]
    [InlineData("cat .htpasswd -b a b " + Pw)]
    [InlineData("myhtpasswd -b file admin " + Pw)]
    public void NotAToolPassword_NoReport(string text) => AssertNone(text);

    [Theory]
    // a word starting with '#' after an option is a comment: the option has no value on its line
    [InlineData("mysqladmin --password #" + Pw)]
    [InlineData("tool --token #" + Token)]
    [InlineData("tool --token\t#" + Token + " more words")]
    [InlineData("sshpass -p #" + Pw + " ssh host")]
    [InlineData("docker login -u bob -p #" + Pw)]
    // secret-named switches: the next word is another argument
    [InlineData("gpg --no-password " + Token)]
    [InlineData("tool --no-auth-token " + Token)]
    [InlineData("gpg --list-secret-keys " + Token)]
    [InlineData("gpg --export-secret-keys " + Token)]
    [InlineData("gpg --delete-secret-keys " + Token)]
    [InlineData("gpg --delete-secret-and-public-key " + Token)]
    [InlineData("tool --show-token " + Token)]
    [InlineData("tool --print-token " + Token)]
    [InlineData("gh auth login --with-token " + Token)]
    [InlineData("ansible-playbook --ask-pass " + Pw)]
    [InlineData("ansible-playbook --ask-become-pass " + Pw)]
    [InlineData("tool --prompt-password " + Pw)]
    [InlineData("tool --generate-secret " + Token)]
    [InlineData("tool --gen-token " + Token)]
    [InlineData("tool --skip-password " + Pw)]
    [InlineData("tool --disable-password-auth " + Pw)]
    [InlineData("tool --enable-token-auth " + Token)]
    [InlineData("tool --allow-empty-password " + Pw)]
    [InlineData("tool --require-token " + Token)]
    [InlineData("tool --hide-secrets " + Token)]
    [InlineData("tool --without-password " + Pw)]
    [InlineData("TOOL --NO-PASSWORD " + Pw)]
    [InlineData("docker login -u bob --password-stdin " + Pw)]
    [InlineData("gpg --no-password \\\n  " + Token)]
    public void CommentOrSwitchBeforeAWord_NoReport(string text) => AssertNone(text);

    [Theory]
    // the nearest look-alikes: a '#' inside a word or in quotes, attached; options that take a value
    [InlineData("tool --token ab#" + Token, "--token", "ab#" + Token)]
    [InlineData("mysqladmin --password '#" + Pw + "'", "--password", "#" + Pw)]
    [InlineData("sshpass -p '#" + Pw + "' ssh host", "sshpass -p", "#" + Pw)]
    [InlineData("mysql -u root -p#" + Pw + " app", "mysql -p", "#" + Pw)]
    [InlineData("tool --new-password " + Pw, "--new-password", Pw)]
    [InlineData("tool --reset-password " + Pw, "--reset-password", Pw)]
    [InlineData("tool --node-password " + Pw, "--node-password", Pw)]
    [InlineData("tool --known-password " + Pw, "--known-password", Pw)]
    [InlineData("tool --listen-token " + Token, "--listen-token", Token)]
    [InlineData("tool --token-show " + Token, "--token-show", Token)]
    [InlineData("tool --nopassword " + Pw, "--nopassword", Pw)]
    [InlineData("redis-cli --pass " + Pw + " ping", "--pass", Pw)]
    public void NearestLookAlikes_StillReport(string text, string key, string value) => AssertReported(text, key, value);

    [Theory]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n'@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -AsPlainText -Force -String @'\n" + Pw + "\n'@")]
    [InlineData("$p = ConvertTo-SecureString -St @\"\n" + Pw + "\n\"@ -AsPlainText")]
    [InlineData("$p = ConvertTo-SecureString @'\n    " + Pw + "  \n\n'@ -AsPlainText -Force")]
    [InlineData("$p = convertto-securestring @'\n\n" + Pw + "\n'@ -asplaintext")]
    [InlineData("$c = New-Object PSCredential('u', (ConvertTo-SecureString -String @\"\n" + Pw + "\n\"@ -AsPlainText -Force))")]
    [InlineData("$p = ConvertTo-SecureString `\n  -String @'\n" + Pw + "\n'@ `\n  -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n'@ `\n  -Force `\n  -AsPlainText")]
    public void SecureStringFromAHereStringOfOneValue_Reports(string text)
    {
        var line = text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(Pw, StringComparison.Ordinal)).i + 1;
        AssertReported(text, "ConvertTo-SecureString -AsPlainText", Pw, line);
    }

    [Theory]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n'@")] // no -AsPlainText: an encrypted standard string
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n'@ -Key $k")]
    [InlineData("$p = ConvertTo-SecureString -String @\"\n" + Pw + "$x\n\"@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @\"\nXy7`kq93Lm\n\"@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\nline one\n" + Pw + "\n'@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n\n'@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\nchangeme\n'@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n  '@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n'@.Trim() -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'x\n" + Pw + "\n'@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n-AsPlainText")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n\n\n\n\n" + Pw + "\n'@ -AsPlainText -Force")]
    [InlineData("$p = ConvertTo-SecureString -String @'\n" + Pw + "\n'@\n$q = 'x' -AsPlainText")]
    [InlineData("$p = ConvertTo-SecureString -Key @'\n" + Pw + "\n'@ -String $s -AsPlainText")]
    public void SecureStringHereStringLookAlikes_NoReport(string text) => AssertNone(text);

    [Fact]
    public void Raxx402_ReportsToolPasswords_InScriptsDockerfilesAndPowerShell()
    {
        _repo.Write("scripts/cache.sh", "#!/bin/sh\nredis-cli -h cache -a " + Pw + " ping\nredis-cli -a \"$REDIS_PASSWORD\" ping\ngrep -a x log\n")
            .Write("Dockerfile", "FROM nginx:1.27\nRUN htpasswd -bc /etc/nginx/.htpasswd admin '" + Pw + "' \\\n && htpasswd -B /etc/nginx/.htpasswd ops\n")
            .Write("deploy.ps1", "$s = ConvertTo-SecureString -String @'\r\n" + Pw + "\r\n'@ -AsPlainText -Force\r\ngpg --list-secret-keys " + Token + "\r\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { ("Dockerfile", 2, 46), ("deploy.ps1", 2, 1), ("scripts/cache.sh", 2, 23) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        Assert.Contains("assigned to 'htpasswd -b'", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to 'ConvertTo-SecureString -AsPlainText'", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to 'redis-cli -a'", findings[2].Message, StringComparison.Ordinal);
        foreach (var f in findings)
        {
            Assert.DoesNotContain(Pw, f.Message, StringComparison.Ordinal);
        }
    }
}
