using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Raxx.Guardrails.Tasks.Secrets;
using Raxx.Guardrails.Tasks.Tests.Hosting;
using Xunit;

namespace Raxx.Guardrails.Tasks.Tests.Secrets;

/// <summary>RAXX403's output part with fake item lists: what is copied, what is not, redaction, baseline, off switch.</summary>
public sealed class Raxx403SecretFileOutputCheckTests : IDisposable
{
    // fake, realistic-shaped values: a 64-hex signing key and a UUID Heroku key (context secrets)
    private const string SigningKey = "4e7d1c9b2a8f3e6d5c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
    private const string HerokuKey = "6b1f0e2a-93c4-4d8e-b7a5-1c2d3e4f5a6b";

    private readonly TempRepository _repo = new();
    private readonly FakeBuildEngine _engine = new();
    private readonly string _projectDirectory;

    public Raxx403SecretFileOutputCheckTests()
    {
        _repo.Git("init -q");
        _projectDirectory = Path.GetDirectoryName(_repo.Write("src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />"))!;
        _repo.Write("src/Api/.env", "BOOTSTRAP_TOKEN_SIGNING_KEY=" + SigningKey + "\nLOG_LEVEL=debug\n");
        _repo.Write("src/Api/.env.example", "BOOTSTRAP_TOKEN_SIGNING_KEY=<your-signing-key>\n");
        _repo.Write("src/Api/instance/config.json", "{ \"Heroku\": { \"ApiKey\": \"" + HerokuKey + "\" } }\n");
        _repo.Write("src/Api/instance/flags.json", "{ \"webauthn_registration\": true }\n");
        _repo.Write("src/Api/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n");
    }

    public void Dispose() => _repo.Dispose();

    private static TaskItem Item(string spec, params (string Name, string Value)[] metadata) =>
        new(spec, metadata.ToDictionary(m => m.Name, m => m.Value));

    private Raxx403SecretFileOutputCheck Task(FakeBuildEngine? engine = null, string? mode = null) =>
        new() { BuildEngine = engine ?? _engine, ProjectDirectory = _projectDirectory, AnalysisMode = mode };

    [Fact]
    public void EnvWithSecretCopiedToBuildOutput_Reports_Redacted()
    {
        var task = Task();
        task.None = new ITaskItem[] { Item(".env", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RAXX403", error.Code);
        Assert.Equal(Path.Combine(_projectDirectory, ".env"), error.File);
        Assert.Equal(
            ".env file .env holds 1 secret value ('4e7d…' (64 chars)) and is copied to the build output by None item '.env': the secrets ship with every copy of the output. Fix: remove the None item or set CopyToOutputDirectory=\"Never\"; read the values from the environment or a secret store at run time, and rotate them.",
            error.Message);
        Assert.DoesNotContain(SigningKey.Substring(4, 12), error.Message, StringComparison.Ordinal);
        Assert.Single(task.SecretBearingFiles);
    }

    [Fact]
    public void InstanceOverrideWithSecretPublished_Reports()
    {
        var task = Task();
        task.ResolvedFileToPublish = new ITaskItem[]
        {
            Item(Path.Combine(_projectDirectory, "instance", "config.json"), ("RelativePath", "instance/config.json"), ("CopyToPublishDirectory", "PreserveNewest")),
            Item(Path.Combine(_projectDirectory, "appsettings.json"), ("RelativePath", "appsettings.json"), ("CopyToPublishDirectory", "PreserveNewest")),
        };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.StartsWith("Instance override configuration instance/config.json holds 1 secret value ('6b1f…' (36 chars)) and is copied to the publish output by ResolvedFileToPublish item", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(HerokuKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateKeyLinkedIntoOutput_Reports_ByItsTargetPath()
    {
        var pem = "-----BEGIN RSA PRIVATE KEY-----\n" + string.Concat(Enumerable.Range(0, 12).Select(i => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))) + "\n")) + "-----END RSA PRIVATE KEY-----\n";
        _repo.Write("certs/signing.txt", pem);
        var task = Task();
        task.None = new ITaskItem[] { Item("../../certs/signing.txt", ("Link", "signing.pem"), ("CopyToOutputDirectory", "Always")) };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.StartsWith("Private key file signing.txt holds 1 secret value ('----…'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotCopied_Template_NoSecret_OrNeverPublished_NoReport()
    {
        var task = Task();
        task.None = new ITaskItem[]
        {
            Item(".env"), // not copied
            Item(".env.example", ("CopyToOutputDirectory", "Always")), // template with placeholders
            Item("instance/flags.json", ("CopyToOutputDirectory", "PreserveNewest")), // override without a secret (RAXX105's business)
            Item("appsettings.json", ("CopyToOutputDirectory", "PreserveNewest")),
        };
        task.ResolvedFileToPublish = new ITaskItem[]
        {
            Item(Path.Combine(_projectDirectory, ".env"), ("RelativePath", ".env"), ("CopyToPublishDirectory", "Never")),
        };

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
        Assert.Empty(task.SecretBearingFiles);
    }

    [Fact]
    public void BaselinedSecret_NoReport()
    {
        var fingerprint = Core.Secrets.SecretScanner.Scan(File.ReadAllText(Path.Combine(_projectDirectory, ".env"))).Single().Hash;
        _repo.Write(".raxx-credentials.baseline", fingerprint + "  src/Api/.env:1  generic-hex\n");
        var task = Task();
        task.None = new ITaskItem[] { Item(".env", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void RuleOffInRepositoryConfig_NoReport()
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX403: none\n");
        var task = Task();
        task.None = new ITaskItem[] { Item(".env", ("CopyToOutputDirectory", "PreserveNewest")) };

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void ReadFiles_NameConfigBaselineAndCopiedCandidates_NotOtherCopiedFiles()
    {
        // the build target keeps these as the check's inputs: an edited .env must re-run a skipped check
        _repo.Write("raxx-guardrails.yaml", "credentials:\n  baseline: config/secrets.baseline\n");
        var task = Task();
        task.None = new ITaskItem[]
        {
            Item(".env", ("CopyToOutputDirectory", "PreserveNewest")),
            Item(".env.example", ("CopyToOutputDirectory", "Always")),
            Item("appsettings.json", ("CopyToOutputDirectory", "PreserveNewest")),
        };
        task.Content = new ITaskItem[] { Item("instance/flags.json", ("CopyToPublishDirectory", "PreserveNewest")) };

        Assert.False(task.Execute());

        Assert.Equal(
            new[]
            {
                _repo.Path_("raxx-guardrails.yaml"),
                _repo.Path_("raxx-guardrails.yml"),
                _repo.Path_(Path.Combine("config", "secrets.baseline")),
                Path.Combine(_projectDirectory, "instance", "flags.json"),
                Path.Combine(_projectDirectory, ".env"),
            },
            task.ReadFiles.Select(i => i.ItemSpec));
    }

    [Fact]
    public void ReadFiles_WhenRuleOff_NameTheConfig()
    {
        // turning the rule on again must re-run a skipped check
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX403: none\n");
        var task = Task();

        Assert.True(task.Execute());

        Assert.Equal(new[] { _repo.Path_("raxx-guardrails.yaml"), _repo.Path_("raxx-guardrails.yml") }, task.ReadFiles.Select(i => i.ItemSpec));
    }

    [Fact]
    public void ConfiguredSeverity_Warning_Reports_AsWarning_AndStrictModeMakesItAnError()
    {
        _repo.Write("raxx-guardrails.yaml", "severities:\n  RAXX403: warning\n");
        var strict = new FakeBuildEngine();
        var task = Task();
        task.None = new ITaskItem[] { Item(".env", ("CopyToOutputDirectory", "PreserveNewest")) };
        var strictTask = Task(strict, mode: "ci");
        strictTask.None = task.None;

        Assert.True(task.Execute());
        Assert.False(strictTask.Execute());

        Assert.Empty(_engine.Errors);
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("RAXX403", warning.Code);
        Assert.StartsWith(".env file .env holds 1 secret value ('4e7d…' (64 chars))", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningKey.Substring(4, 12), warning.Message, StringComparison.Ordinal);
        // still returned: the target writes no stamp, so the warning comes back on every build
        Assert.Single(task.SecretBearingFiles);
        Assert.Equal("RAXX403", Assert.Single(strict.Errors).Code);
    }
}
