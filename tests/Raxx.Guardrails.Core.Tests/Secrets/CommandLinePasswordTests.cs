using System;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets;
using static Raxx.Guardrails.Core.Tests.Secrets.ContextScanAssert;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Passwords on command lines (shell scripts, Dockerfiles, Makefiles, workflow <c>run:</c> blocks): <c>mysql -pS3…</c>
/// (attached), <c>mariadb -p'…'</c>, <c>sshpass -p '…'</c>, <c>docker|podman|helm registry login -p …</c>, and secret-named
/// long options with a literal (<c>--password …</c>, <c>--api-key '…'</c>, <c>--client-secret …</c>). Before, only
/// <c>--name=value</c> (an assignment) was read. Look-alikes: <c>-p 8080:80</c>, <c>ssh -p 22</c>, <c>mysql -p</c> (prompts),
/// <c>--password-stdin</c>, <c>--password-file</c>, shell expansions, CI references. Values are fake.
/// </summary>
public sealed class CommandLinePasswordTests : IDisposable
{
    private const string Pw = "Xy7#kq93Lm";
    private const string Token = "k7QpL2mZx9RtWv4YbN8cJ3";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("mysql -u root -p" + Pw + " mydb", "mysql -p", Pw)]
    [InlineData("mysqldump -uroot -p" + Pw + " app > app.sql", "mysql -p", Pw)]
    [InlineData("RUN mysql -uroot -p\"" + Pw + "\" -e 'select 1'", "mysql -p", Pw)]
    [InlineData("/usr/bin/mysql -h db -p'" + Pw + "'", "mysql -p", Pw)]
    [InlineData("mariadb -u root -p'" + Pw + "' mydb", "mariadb -p", Pw)]
    [InlineData("docker exec db mariadb-dump -p" + Pw + " app", "mariadb -p", Pw)]
    [InlineData("docker login -u bob -p '" + Pw + "' registry.example.com", "login -p", Pw)]
    [InlineData("podman login -u bob -p " + Pw + " quay.io", "login -p", Pw)]
    [InlineData("helm registry login r.example -u x -p" + Pw, "login -p", Pw)]
    [InlineData("sshpass -p '" + Pw + "' ssh deploy@host", "sshpass -p", Pw)]
    [InlineData("sshpass -p" + Pw + " scp a host:", "sshpass -p", Pw)]
    [InlineData("      sshpass -p \"" + Pw + "\" rsync -a . host:/srv && echo ok", "sshpass -p", Pw)]
    [InlineData("docker login -u bob --password '" + Pw + "' registry.example.com", "--password", Pw)]
    [InlineData("mysql --password '" + Pw + "' -u root", "--password", Pw)]
    [InlineData("tool --password " + Pw, "--password", Pw)]
    [InlineData("tool --db-password " + Pw + "; next", "--db-password", Pw)]
    [InlineData("tool --api-key " + Token + " --verbose", "--api-key", Token)]
    [InlineData("tool --client-secret '" + Token + "' | jq .", "--client-secret", Token)]
    [InlineData("tool --token \"" + Token + "\"", "--token", Token)]
    [InlineData("\t--token " + Token + " \\", "--token", Token)]
    public void PasswordOnACommandLine_Reports(string text, string key, string value)
    {
        var m = AssertSingleOnEveryPath(text);
        Assert.Equal((SecretKind.Context, key, text.IndexOf(value, StringComparison.Ordinal) + 1, value.Length), (m.Kind, m.KeyName, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker run -p 8080:80 nginx")]
    [InlineData("docker run -p 127.0.0.1:8080:80/tcp nginx")]
    [InlineData("ssh -p 22 deploy@host")]
    [InlineData("ssh -l login -p 2222 host")]
    [InlineData("mysql -u root -p mydb")]
    [InlineData("mysql -u root -p " + Pw)] // a separate word is the database name; -p prompts
    [InlineData("mysql -u root -p")]
    [InlineData("mysql -u root -p$DB_PASSWORD mydb")]
    [InlineData("mysql -u root -p\"$DB_PASSWORD\" mydb")]
    [InlineData("mysql -u root -p${DB_PASSWORD} mydb")]
    [InlineData("mysql -u root -p$(cat /run/secrets/db) mydb")]
    [InlineData("mysql -u root -pshort mydb")]
    [InlineData("mysql -u root -pchangeme mydb")]
    [InlineData("mysql -u root -p'<password>' mydb")]
    [InlineData("echo \"$P\" | docker login -u bob --password-stdin")]
    [InlineData("docker login -u bob --password-stdin " + Pw)]
    [InlineData("docker login -u bob -p ${{ secrets.REGISTRY_PASSWORD }} ghcr.io")]
    [InlineData("docker login -u bob -p \"$REGISTRY_PASSWORD\" ghcr.io")]
    [InlineData("sshpass -p \"$(cat file)\" ssh host")]
    [InlineData("sshpass -f /run/secrets/ssh ssh host")]
    [InlineData("sshpass -e ssh host")]
    [InlineData("tool --password \"$DB_PASSWORD\"")]
    [InlineData("tool --password $DB_PASSWORD")]
    [InlineData("tool --password `cat pw`")]
    [InlineData("tool --token ${{ secrets.X }}")]
    [InlineData("tool --password-file /etc/app/pw")]
    [InlineData("tool --password-file secrets2024.txt")]
    [InlineData("tool --token-file " + Token)]
    [InlineData("tool --password --verbose")]
    [InlineData("tool --no-password --verbose")]
    [InlineData("tool --secret-name " + Token)]
    [InlineData("tool --password-length 24")]
    [InlineData("tool --token " + Token + "\"x\"")]
    [InlineData("tool --token '" + Token)]
    [InlineData("tool --password <password>")]
    [InlineData("x--password " + Pw)]
    [InlineData("kubectl port-forward svc/db -p " + Pw)]
    public void NotALiteralCommandLinePassword_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void ProviderTokenGivenToALongOption_IsNamedByIt()
    {
        var text = "gh-release --api-key sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc9Z";
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Provider, "--api-key"), (m.Kind, m.KeyName));
        Assert.Equal("--api-key", Assert.Single(SecretScanner.ScanReference(text)).KeyName);
    }

    [Fact]
    public void Raxx402_ReportsCommandLinePasswords_InScriptsDockerfilesMakefilesAndWorkflows()
    {
        _repo.Write("scripts/backup.sh", "#!/bin/sh\nmysqldump -u root -p" + Pw + " app > app.sql\nmysql -u root -p app\nssh -p 22 host\n")
            .Write("Dockerfile", "FROM mysql:8\nEXPOSE 3306\nRUN sshpass -p '" + Pw + "' scp host:/x /x\n")
            .Write("Makefile", "login:\n\tdocker login -u ci --password " + Pw + " r.example\nrun:\n\tdocker run -p 8080:80 app\n")
            .Write(".github/workflows/ci.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker login -u x -p ${{ secrets.P }} ghcr.io\n          tool --api-key " + Token + "\n");
        var findings = RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() })
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { (".github/workflows/ci.yml", 8, 26), ("Dockerfile", 3, 17), ("Makefile", 2, 32), ("scripts/backup.sh", 2, 21) },
            findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Location.StartColumn)));
        Assert.Contains("assigned to '--api-key'", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to 'sshpass -p'", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to '--password'", findings[2].Message, StringComparison.Ordinal);
        Assert.Contains("assigned to 'mysql -p'", findings[3].Message, StringComparison.Ordinal);
        foreach (var f in findings)
        {
            Assert.DoesNotContain(Pw, f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, f.Message, StringComparison.Ordinal);
        }
    }
}
