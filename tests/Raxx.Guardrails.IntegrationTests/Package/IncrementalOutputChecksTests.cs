using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;
using Xunit;

namespace Raxx.Guardrails.IntegrationTests.Package;

/// <summary>
/// The output checks (RAXX105, RAXX306 and RAXX403 build parts) are incremental: a no-op rebuild skips the
/// targets (their description in obj/ is unchanged and older than the stamp), and a real change re-runs
/// them — a stale copy of the flags file put into the output, an instance file appearing under a copied
/// glob, an edited flags file, a copied .env that gets a secret value (its content, not its item, changed).
/// One small app outside the repository, importing the package's build files with the Tasks project's
/// output; built with -v:d to see which targets ran.
/// </summary>
[Collection(DotnetCollection.Name)]
public sealed class IncrementalOutputChecksTests : IDisposable
{
    private const string FlagsTarget = "RaxxCheckFlagsFileBuildOutput";
    private const string OverridesTarget = "RaxxCheckLocalOverridesInBuildOutput";
    private const string SecretFilesTarget = "RaxxCheckSecretFilesInBuildOutput";
    private const string SecretFilesTask = "Task \"Raxx.Guardrails.Tasks.Secrets.Raxx403SecretFileOutputCheck\"";
    private const string SecretFilesPublishTarget = "RaxxCheckSecretFilesInPublishOutput";
    private const string OverridesPublishTarget = "RaxxCheckLocalOverridesInPublishOutput";
    private const string OverridesTask = "Task \"Raxx.Guardrails.Tasks.Config.Raxx105LocalOverrideOutputCheck\"";
    private const string FlagsPublishTarget = "RaxxCheckFlagsFilePublishOutput";
    // fake, realistic-shaped value (64 hex) and the placeholder a committed .env would hold
    private const string SigningKey = "4e7d1c9b2a8f3e6d5c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
    private const string EnvPlaceholders = "BOOTSTRAP_TOKEN_SIGNING_KEY=<your-signing-key>\nLOG_LEVEL=debug\n";
    private const string Flags = "flags:\n  console_nav:\n    default: false\n    description: the console's navigation\n    risk: low\n    owner: ops\n";

    private readonly TempDirectory _temp = new("incremental");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NoOpRebuild_SkipsOutputChecks_AndChanges_RunThemAgain()
    {
        var app = CreateApp(
            """
                <RaxxFeatureFlagsFile>feature_flags.yaml</RaxxFeatureFlagsFile>
            """,
            """
                <None Update="feature_flags.yaml" CopyToOutputDirectory="PreserveNewest" />
                <Content Include="instance/**" CopyToOutputDirectory="PreserveNewest" />
                <None Remove=".env" />
                <None Include=".env" CopyToOutputDirectory="PreserveNewest" />
            """);
        File.WriteAllText(Path.Combine(app, "feature_flags.yaml"), Flags);
        var env = Path.Combine(app, ".env");
        File.WriteAllText(env, EnvPlaceholders);
        var outputCopy = Path.Combine(app, "bin", RepoPaths.Configuration, "net10.0", "feature_flags.yaml");

        // 1. first build: the three checks run (the .env holds placeholders: RAXX403 passes)
        var first = Build(app);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(Ran(first, FlagsTarget) && Ran(first, OverridesTarget) && Ran(first, SecretFilesTarget), first.ToString());
        Assert.True(File.Exists(outputCopy), first.ToString());
        Assert.Contains(SecretFilesTask, first.Output, StringComparison.Ordinal);

        // 2. no-op rebuild: all three skipped as up-to-date
        var noop = Build(app);
        Assert.True(noop.ExitCode == 0, noop.ToString());
        Assert.True(Skipped(noop, FlagsTarget), "RAXX306 check not skipped:\n" + noop);
        Assert.True(Skipped(noop, OverridesTarget), "RAXX105 check not skipped:\n" + noop);
        Assert.True(Skipped(noop, SecretFilesTarget), "RAXX403 check not skipped:\n" + noop);
        Assert.DoesNotContain("Task \"CheckFlagsFileOutput\"", noop.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretFilesTask, noop.Output, StringComparison.Ordinal);

        // 3. a stale copy put into the output (newer than the canonical file, so the SDK keeps it): RAXX306 again
        File.WriteAllText(outputCopy, Flags.Replace("console_nav", "console_nav_old", StringComparison.Ordinal));
        var stale = Build(app);
        Assert.True(stale.ExitCode != 0 && stale.Output.Contains("RAXX306", StringComparison.Ordinal), stale.ToString());
        // the error leaves no stamp: it comes back on the next build too
        var staleAgain = Build(app);
        Assert.True(staleAgain.ExitCode != 0 && staleAgain.Output.Contains("RAXX306", StringComparison.Ordinal), staleAgain.ToString());
        File.Delete(outputCopy);
        var repaired = Build(app);
        Assert.True(repaired.ExitCode == 0 && Ran(repaired, FlagsTarget), repaired.ToString());

        // 4. an instance file appearing under the copied glob: RAXX105 again, before it is copied
        Directory.CreateDirectory(Path.Combine(app, "instance"));
        File.WriteAllText(Path.Combine(app, "instance", "config.json"), "{ \"Db\": \"local\" }\n");
        var instance = Build(app);
        Assert.True(instance.ExitCode != 0 && instance.Output.Contains("RAXX105", StringComparison.Ordinal), instance.ToString());
        Assert.False(File.Exists(Path.Combine(app, "bin", RepoPaths.Configuration, "net10.0", "instance", "config.json")), instance.ToString());
        Directory.Delete(Path.Combine(app, "instance"), recursive: true);
        var removed = Build(app);
        Assert.True(removed.ExitCode == 0 && Ran(removed, OverridesTarget), removed.ToString());

        // 5. an edited flags file: the RAXX306 check runs again (and passes: the SDK copies the new file first)
        File.WriteAllText(Path.Combine(app, "feature_flags.yaml"), Flags.Replace("risk: low", "risk: medium", StringComparison.Ordinal));
        var edited = Build(app);
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.True(Ran(edited, FlagsTarget), "RAXX306 check skipped after the flags file changed:\n" + edited);
        Assert.True(Skipped(edited, OverridesTarget), "RAXX105 check ran although no copied item changed:\n" + edited);
        Assert.True(Skipped(edited, SecretFilesTarget), "RAXX403 check ran although no candidate file changed:\n" + edited);

        // 6. the copied .env gets a secret value; same item, only its content changed. Its time is set back
        //    (a copy that kept an older time): still re-checked, the time is compared for equality.
        File.WriteAllText(env, "BOOTSTRAP_TOKEN_SIGNING_KEY=" + SigningKey + "\nLOG_LEVEL=debug\n");
        File.SetLastWriteTimeUtc(env, DateTime.UtcNow.AddHours(-1));
        var secret = Build(app);
        Assert.True(secret.ExitCode != 0 && secret.Output.Contains("error RAXX403", StringComparison.Ordinal), "RAXX403 missed the .env's new value:\n" + secret);
        Assert.DoesNotContain(SigningKey.Substring(4, 12), secret.Output, StringComparison.Ordinal);
        // the error leaves no stamp: it comes back on the next build too
        var secretAgain = Build(app);
        Assert.True(secretAgain.ExitCode != 0 && secretAgain.Output.Contains("error RAXX403", StringComparison.Ordinal), secretAgain.ToString());
        // fixed: passes, and the no-op build after it skips the check again
        File.WriteAllText(env, EnvPlaceholders);
        var fixedEnv = Build(app);
        Assert.True(fixedEnv.ExitCode == 0 && Ran(fixedEnv, SecretFilesTarget), fixedEnv.ToString());
        var noopAfterFix = Build(app);
        Assert.True(noopAfterFix.ExitCode == 0 && Skipped(noopAfterFix, SecretFilesTarget), "RAXX403 check not skipped after the fix:\n" + noopAfterFix);
    }

    /// <summary>
    /// The publish checks (RAXX403, RAXX105) skip a second publish with nothing changed, like the build checks;
    /// the files go only to the publish folder (ResolvedFileToPublish items, which the build checks do not see),
    /// so what runs and reports here is the publish check. An edited .env (back-dated), a created config and an
    /// instance file appearing in the publish list re-run them; a finding comes back on every publish until fixed.
    /// </summary>
    [Fact]
    public void NoOpPublish_SkipsPublishChecks_AndChanges_RunThemAgain()
    {
        var app = CreateApp(
            string.Empty,
            """
                <ResolvedFileToPublish Include="deploy/.env" RelativePath=".env" CopyToPublishDirectory="PreserveNewest" />
                <ResolvedFileToPublish Include="instance/**" RelativePath="instance/%(Filename)%(Extension)" CopyToPublishDirectory="PreserveNewest" />
            """);
        var env = Path.Combine(app, "deploy", ".env");
        Directory.CreateDirectory(Path.GetDirectoryName(env)!);
        File.WriteAllText(env, EnvPlaceholders);
        var published = Path.Combine(app, "bin", RepoPaths.Configuration, "net10.0", "publish");

        // 1. first publish: both publish checks run their task (the .env holds placeholders: it passes and is published)
        var first = Publish(app);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(RanTask(first, SecretFilesPublishTarget, SecretFilesTask), "RAXX403 publish check did not run:\n" + first);
        Assert.True(RanTask(first, OverridesPublishTarget, OverridesTask), "RAXX105 publish check did not run:\n" + first);
        Assert.True(File.Exists(Path.Combine(published, ".env")), first.ToString());

        // 2. a second publish with no change: both publish checks skipped as up-to-date, no RAXX403 task at all
        var noop = Publish(app);
        Assert.True(noop.ExitCode == 0, noop.ToString());
        Assert.True(Skipped(noop, SecretFilesPublishTarget), "RAXX403 publish check not skipped:\n" + noop);
        Assert.True(Skipped(noop, OverridesPublishTarget), "RAXX105 publish check not skipped:\n" + noop);
        Assert.DoesNotContain(SecretFilesTask, noop.Output, StringComparison.Ordinal);

        // 3. the published .env gets a secret value; same item, only its content changed, its time set back
        File.WriteAllText(env, "BOOTSTRAP_TOKEN_SIGNING_KEY=" + SigningKey + "\nLOG_LEVEL=debug\n");
        File.SetLastWriteTimeUtc(env, DateTime.UtcNow.AddHours(-1));
        var secret = Publish(app);
        Assert.True(secret.ExitCode != 0 && secret.Output.Contains("error RAXX403", StringComparison.Ordinal)
            && secret.Output.Contains("copied to the publish output", StringComparison.Ordinal), "RAXX403 missed the published .env's new value:\n" + secret);
        Assert.DoesNotContain(SigningKey.Substring(4, 12), secret.Output, StringComparison.Ordinal);
        // the error leaves no stamp: it comes back on the next publish too
        var secretAgain = Publish(app);
        Assert.True(secretAgain.ExitCode != 0 && secretAgain.Output.Contains("error RAXX403", StringComparison.Ordinal), secretAgain.ToString());

        // 4. fixed: runs and passes; the next publish skips it again
        File.WriteAllText(env, EnvPlaceholders);
        var fixedEnv = Publish(app);
        Assert.True(fixedEnv.ExitCode == 0 && RanTask(fixedEnv, SecretFilesPublishTarget, SecretFilesTask), fixedEnv.ToString());
        var noopAfterFix = Publish(app);
        Assert.True(noopAfterFix.ExitCode == 0 && Skipped(noopAfterFix, SecretFilesPublishTarget), "RAXX403 publish check not skipped after the fix:\n" + noopAfterFix);

        // 5. a repository config appears (the app has no git and no solution: its folder is the root): both re-run
        var config = Path.Combine(app, "raxx-guardrails.yaml");
        File.WriteAllText(config, "severities: { RAXX403: none }\n");
        var configured = Publish(app);
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.True(RanTask(configured, SecretFilesPublishTarget, SecretFilesTask), "RAXX403 publish check skipped after the config appeared:\n" + configured);
        Assert.True(RanTask(configured, OverridesPublishTarget, OverridesTask), "RAXX105 publish check skipped after the config appeared:\n" + configured);

        // 6. with the rule off the check reads only the config: a secret in the .env changes nothing it read (skipped,
        //    passes); deleting the config re-runs it, and the secret is reported
        File.WriteAllText(env, "BOOTSTRAP_TOKEN_SIGNING_KEY=" + SigningKey + "\nLOG_LEVEL=debug\n");
        var off = Publish(app);
        Assert.True(off.ExitCode == 0 && Skipped(off, SecretFilesPublishTarget), off.ToString());
        File.Delete(config);
        var on = Publish(app);
        Assert.True(on.ExitCode != 0 && on.Output.Contains("error RAXX403", StringComparison.Ordinal), "RAXX403 publish check did not re-run after the config was deleted:\n" + on);
        File.WriteAllText(env, EnvPlaceholders);

        // 7. an instance file appearing in the publish list: RAXX105's publish check reports it (and stops the publish before
        //    RAXX403's), on every publish until removed
        Directory.CreateDirectory(Path.Combine(app, "instance"));
        File.WriteAllText(Path.Combine(app, "instance", "config.json"), "{ \"Db\": \"local\" }\n");
        var instance = Publish(app);
        Assert.True(instance.ExitCode != 0 && instance.Output.Contains("error RAXX105", StringComparison.Ordinal), instance.ToString());
        var instanceAgain = Publish(app);
        Assert.True(instanceAgain.ExitCode != 0 && instanceAgain.Output.Contains("error RAXX105", StringComparison.Ordinal), instanceAgain.ToString());
        // turned off by a config: passes; the config deleted: RAXX105's check runs again and reports it
        File.WriteAllText(config, "severities: { RAXX105: none }\n");
        var off105 = Publish(app);
        Assert.True(off105.ExitCode == 0, off105.ToString());
        File.Delete(config);
        var on105 = Publish(app);
        Assert.True(on105.ExitCode != 0 && on105.Output.Contains("error RAXX105", StringComparison.Ordinal), "RAXX105 publish check did not re-run after the config was deleted:\n" + on105);
        Directory.Delete(Path.Combine(app, "instance"), recursive: true);
        var removed = Publish(app);
        Assert.True(removed.ExitCode == 0 && RanTask(removed, OverridesPublishTarget, OverridesTask), removed.ToString());
        var noopAtEnd = Publish(app);
        Assert.True(noopAtEnd.ExitCode == 0 && Skipped(noopAtEnd, SecretFilesPublishTarget) && Skipped(noopAtEnd, OverridesPublishTarget), noopAtEnd.ToString());
    }

    /// <summary>
    /// Rebuild and clean remove the checks' files in obj/ (stamps, descriptions, read lists — registered as FileWrites
    /// of every build, so they are in the project's FileListAbsolute.txt), so a rebuild runs every output check again,
    /// including RAXX306's (after Build) and the publish checks' (during publish), whose own FileWrites come too late
    /// to be recorded. The app imports the targets after the SDK has set IntermediateOutputPath, as the package's
    /// nuget.g.targets import does (see <see cref="CreateApp"/>).
    /// </summary>
    [Fact]
    public void RebuildAndClean_DeleteTheStamps_SoSkippedChecksRunAgain()
    {
        var app = CreateApp(
            """
                <RaxxFeatureFlagsFile>feature_flags.yaml</RaxxFeatureFlagsFile>
            """,
            """
                <None Update="feature_flags.yaml" CopyToOutputDirectory="PreserveNewest" CopyToPublishDirectory="PreserveNewest" />
                <Content Include="instance/**" CopyToOutputDirectory="PreserveNewest" />
                <None Remove=".env" />
                <None Include=".env" CopyToOutputDirectory="PreserveNewest" />
            """,
            importedAfterTheSdk: true);
        File.WriteAllText(Path.Combine(app, "feature_flags.yaml"), Flags);
        File.WriteAllText(Path.Combine(app, ".env"), EnvPlaceholders);
        var obj = Path.Combine(app, "obj", RepoPaths.Configuration, "net10.0");

        // 1. first build runs the three checks; their files are in obj/ and in the project's file list
        var first = Build(app);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(Ran(first, FlagsTarget) && Ran(first, OverridesTarget) && Ran(first, SecretFilesTarget), first.ToString());
        var fileList = File.ReadAllLines(Path.Combine(obj, "App.csproj.FileListAbsolute.txt"));
        foreach (var name in new[]
        {
            "raxx-local-overrides.build.stamp", "raxx-local-overrides.build.inputs", "raxx-local-overrides.build.reads",
            "raxx-secret-files.build.stamp", "raxx-secret-files.build.inputs", "raxx-secret-files.build.reads",
            "raxx-flags-output.build.stamp", "raxx-flags-output.build.inputs",
            "raxx-local-overrides.publish.stamp", "raxx-secret-files.publish.stamp", "raxx-flags-output.publish.stamp",
        })
        {
            Assert.True(Array.IndexOf(fileList, Path.Combine(obj, name)) >= 0, name + " not in FileListAbsolute.txt:\n" + string.Join("\n", fileList));
        }

        // 2. no-op build: skipped
        var noop = Build(app);
        Assert.True(noop.ExitCode == 0 && Skipped(noop, FlagsTarget) && Skipped(noop, OverridesTarget) && Skipped(noop, SecretFilesTarget), noop.ToString());

        // 3. rebuild (Clean, then Build): the Clean deleted the stamps, so all three run again
        var rebuild = Build(app, "--no-incremental");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.True(Ran(rebuild, FlagsTarget), "RAXX306 check skipped by a rebuild:\n" + rebuild);
        Assert.True(Ran(rebuild, OverridesTarget), "RAXX105 check skipped by a rebuild:\n" + rebuild);
        Assert.True(Ran(rebuild, SecretFilesTarget), "RAXX403 check skipped by a rebuild:\n" + rebuild);

        // 4. publish writes the publish checks' files; dotnet clean deletes every file of every check
        var publish = Publish(app);
        Assert.True(publish.ExitCode == 0 && Ran(publish, FlagsPublishTarget) && RanTask(publish, OverridesPublishTarget, OverridesTask), publish.ToString());
        Assert.True(File.Exists(Path.Combine(obj, "raxx-flags-output.publish.stamp")), publish.ToString());
        var clean = DotnetCli.Run(app, new[] { "clean", "-c", RepoPaths.Configuration, "-nologo", "-nodeReuse:false" });
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Empty(Directory.GetFiles(obj, "raxx-*"));

        // 5. the build after the clean runs the three checks
        var afterClean = Build(app);
        Assert.True(afterClean.ExitCode == 0 && Ran(afterClean, FlagsTarget) && Ran(afterClean, OverridesTarget) && Ran(afterClean, SecretFilesTarget), afterClean.ToString());
    }

    /// <summary>
    /// The output checks (RAXX105, RAXX403, RAXX306) report at the severity the repository config gives the rule, as the
    /// repository checks do: an error by default (the build fails before the file is copied), a warning when lowered (the
    /// build passes, and the warning comes back on every build: it leaves no stamp), nothing when turned off. The config
    /// is outside the project folder (RaxxRepositoryRoot is the folder above), so only the checks' read lists notice it.
    /// </summary>
    [Fact]
    public void ConfiguredSeverity_IsTheOutputChecksSeverity_AndAWarningComesBackEveryBuild()
    {
        var app = CreateApp(
            """
                <RaxxRepositoryRoot>$(MSBuildProjectDirectory)/..</RaxxRepositoryRoot>
                <RaxxFeatureFlagsFile>feature_flags.yaml</RaxxFeatureFlagsFile>
            """,
            """
                <None Update="feature_flags.yaml" CopyToOutputDirectory="PreserveNewest" />
                <Content Include="instance/**" CopyToOutputDirectory="PreserveNewest" />
                <None Remove=".env" />
                <None Include=".env" CopyToOutputDirectory="PreserveNewest" />
            """);
        File.WriteAllText(Path.Combine(app, "feature_flags.yaml"), Flags);
        // a drifted copy of the flags file in the project: RAXX306 (build check)
        Directory.CreateDirectory(Path.Combine(app, "console"));
        File.WriteAllText(Path.Combine(app, "console", "feature_flags.yaml"), Flags.Replace("default: false", "default: true", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(app, "instance"));
        File.WriteAllText(Path.Combine(app, "instance", "config.json"), "{ \"Db\": \"local\" }\n");
        File.WriteAllText(Path.Combine(app, ".env"), "BOOTSTRAP_TOKEN_SIGNING_KEY=" + SigningKey + "\nLOG_LEVEL=debug\n");
        var copied = Path.Combine(app, "bin", RepoPaths.Configuration, "net10.0", "instance", "config.json");
        var config = _temp.Combine("raxx-guardrails.yaml");

        // 1. default: an error, and the build stops before the copy
        var byDefault = Build(app);
        Assert.True(byDefault.ExitCode != 0 && byDefault.Output.Contains("error RAXX105", StringComparison.Ordinal), byDefault.ToString());
        Assert.False(File.Exists(copied), byDefault.ToString());

        // 2. lowered to warning: the build passes with the three findings as warnings (the secret redacted)
        File.WriteAllText(config, "severities: { RAXX105: warning, RAXX403: warning, RAXX306: warning }\n");
        var warned = Build(app);
        Assert.True(warned.ExitCode == 0, "a warning-level output finding failed the build:\n" + warned);
        Assert.Contains("warning RAXX105", warned.Output, StringComparison.Ordinal);
        Assert.Contains("warning RAXX403", warned.Output, StringComparison.Ordinal);
        Assert.Contains("warning RAXX306", warned.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error RAXX", warned.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningKey.Substring(4, 12), warned.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(copied), warned.ToString());

        // 3. nothing changed: the warnings come back (no stamp), the build still passes
        var again = Build(app);
        Assert.True(again.ExitCode == 0 && again.Output.Contains("warning RAXX105", StringComparison.Ordinal)
            && again.Output.Contains("warning RAXX403", StringComparison.Ordinal)
            && again.Output.Contains("warning RAXX306", StringComparison.Ordinal), "a warning was not reported again:\n" + again);

        // 4. turned off: nothing reported, and the checks pass (stamps written)
        File.WriteAllText(config, "severities: { RAXX105: none, RAXX403: none, RAXX306: none }\n");
        var off = Build(app);
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.DoesNotContain("warning RAXX", off.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error RAXX", off.Output, StringComparison.Ordinal);
        var offAgain = Build(app);
        Assert.True(offAgain.ExitCode == 0 && Skipped(offAgain, FlagsTarget), offAgain.ToString());

        // 5. RAXX306 back to its default in the config (outside the project): its check runs again and fails the build
        File.WriteAllText(config, "severities: { RAXX105: none, RAXX403: none }\n");
        var on306 = Build(app);
        Assert.True(on306.ExitCode != 0 && on306.Output.Contains("error RAXX306", StringComparison.Ordinal), "RAXX306 check did not re-run after the config changed:\n" + on306);
    }

    /// <summary>
    /// A misnamed repository config (raxx-guardrails.yml, which the loader refuses with RAXX001) re-runs a skipped
    /// RAXX105 check when it is created or deleted, as it does RAXX403's: the check names the config files it consulted
    /// (ReadFiles) and its description holds them with their times. The RAXX403 check is off here, so what reports the
    /// refusal is RAXX105's check.
    /// </summary>
    [Fact]
    public void MisnamedConfig_CreatedOrDeleted_RunsTheRaxx105CheckAgain()
    {
        var app = CreateApp(
            """
                <RaxxSecretFileOutputChecks>false</RaxxSecretFileOutputChecks>
            """,
            """
                <Content Include="instance/**" CopyToOutputDirectory="PreserveNewest" />
            """);
        var misnamed = Path.Combine(app, "raxx-guardrails.yml");

        var first = Build(app);
        Assert.True(first.ExitCode == 0 && RanTask(first, OverridesTarget, OverridesTask), first.ToString());
        var noop = Build(app);
        Assert.True(noop.ExitCode == 0 && Skipped(noop, OverridesTarget), noop.ToString());

        // created: the check runs and reports the refusal (and fails, so it comes back until fixed)
        File.WriteAllText(misnamed, "severities: { RAXX105: warning }\n");
        var created = Build(app);
        Assert.True(RanTask(created, OverridesTarget, OverridesTask), "RAXX105 check skipped after raxx-guardrails.yml appeared:\n" + created);
        Assert.True(created.ExitCode != 0 && created.Output.Contains("error RAXX001", StringComparison.Ordinal)
            && created.Output.Contains("the config file must be named 'raxx-guardrails.yaml' (found 'raxx-guardrails.yml'", StringComparison.Ordinal), created.ToString());
        var createdAgain = Build(app);
        Assert.True(createdAgain.ExitCode != 0 && createdAgain.Output.Contains("error RAXX001", StringComparison.Ordinal), createdAgain.ToString());

        // deleted: runs and passes; the next build skips it
        File.Delete(misnamed);
        var deleted = Build(app);
        Assert.True(deleted.ExitCode == 0 && RanTask(deleted, OverridesTarget, OverridesTask), deleted.ToString());
        var noopAgain = Build(app);
        Assert.True(noopAgain.ExitCode == 0 && Skipped(noopAgain, OverridesTarget), noopAgain.ToString());
    }

    /// <summary>
    /// A broken or misnamed repository config is reported once per build — the repository check, the three output checks
    /// and the preflight all read it, and each used to log the same RAXX001 — and still on every build until fixed: no
    /// check that met the problem writes a stamp, so a no-op build runs them all again and the first reports it. Also
    /// without the repository check (RaxxRepositoryChecks=false), on a publish with --no-build (only the publish checks
    /// read the config) and with the preflight after the build. Fixed: all pass, and the next no-op build skips them.
    /// </summary>
    [Fact]
    public void BrokenConfig_OneRaxx001PerBuild_OnEveryBuildUntilFixed()
    {
        var app = CreateApp(
            """
                <RaxxRepositoryChecks>true</RaxxRepositoryChecks>
                <RaxxFeatureFlagsFile>feature_flags.yaml</RaxxFeatureFlagsFile>
            """,
            """
                <None Update="feature_flags.yaml" CopyToOutputDirectory="PreserveNewest" CopyToPublishDirectory="PreserveNewest" />
                <None Remove=".env" />
                <None Include=".env" CopyToOutputDirectory="PreserveNewest" />
            """,
            importedAfterTheSdk: true);
        File.WriteAllText(Path.Combine(app, "feature_flags.yaml"), Flags);
        File.WriteAllText(Path.Combine(app, ".env"), EnvPlaceholders);
        var config = Path.Combine(app, "raxx-guardrails.yaml");
        const string InvalidYaml = "invalid YAML: While parsing a flow sequence";
        File.WriteAllText(config, "severities:\n  RAXX105: [warning\n");

        // 1. every check runs and meets the problem; one of them reports it
        var first = Build(app);
        AssertOneConfigError(first, InvalidYaml, "first build");
        Assert.True(Ran(first, "RaxxRepositoryCheck") && Ran(first, OverridesTarget) && Ran(first, SecretFilesTarget) && Ran(first, FlagsTarget), first.ToString());

        // 2. nothing changed: no check was stamped, all run again, still one report
        var noop = Build(app);
        AssertOneConfigError(noop, InvalidYaml, "no-op build");
        Assert.True(Ran(noop, "RaxxRepositoryCheck") && Ran(noop, OverridesTarget) && Ran(noop, SecretFilesTarget) && Ran(noop, FlagsTarget), noop.ToString());

        // 3. without the repository check, after builds where it was the one reporting: an output check reports it
        AssertOneConfigError(Build(app, "-p:RaxxRepositoryChecks=false"), InvalidYaml, "build without the repository check");

        // 4. publish without building: only the publish checks read the config
        AssertOneConfigError(DotnetCli.Run(app, new[] { "publish", "-c", RepoPaths.Configuration, "-nologo", "-v:d", "-nodeReuse:false", "--no-build" }), InvalidYaml, "publish --no-build");

        // 5. the preflight after the build (the app, a console program, exits at once: RAXX601 besides)
        AssertOneConfigError(Build(app, "-p:RaxxPreflight=true", "-p:RaxxPreflightTimeoutSeconds=10"), InvalidYaml, "build with the preflight");

        // 6. misnamed instead of broken: the same, once
        File.Delete(config);
        File.WriteAllText(Path.Combine(app, "raxx-guardrails.yml"), "severities: { RAXX105: warning }\n");
        AssertOneConfigError(Build(app), "the config file must be named 'raxx-guardrails.yaml'", "misnamed config");
        AssertOneConfigError(Build(app), "the config file must be named 'raxx-guardrails.yaml'", "misnamed config, no-op build");

        // 7. fixed: passes; the next no-op build skips every check again
        File.Delete(Path.Combine(app, "raxx-guardrails.yml"));
        var repaired = Build(app);
        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        var noopAfterFix = Build(app);
        Assert.True(noopAfterFix.ExitCode == 0 && Skipped(noopAfterFix, "RaxxRepositoryCheck") && Skipped(noopAfterFix, OverridesTarget)
            && Skipped(noopAfterFix, SecretFilesTarget) && Skipped(noopAfterFix, FlagsTarget), "checks not skipped after the fix:\n" + noopAfterFix);
    }

    /// <summary>The build failed with exactly one error, RAXX001 with <paramref name="message"/> (MSBuild's closing summary lists each logged error once).</summary>
    private static void AssertOneConfigError(ProcessResult result, string message, string step)
    {
        var output = result.Output;
        var summary = output.LastIndexOf("Build FAILED.", StringComparison.Ordinal);
        Assert.True(result.ExitCode != 0 && summary >= 0, step + ": the broken config did not fail the build:\n" + result);
        var lines = output.Substring(summary).Split('\n').Where(l => l.Contains("error RAXX001", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1 && lines[0].Contains(message, StringComparison.Ordinal),
            $"{step}: {lines.Length} RAXX001 errors, expected one:\n{string.Join("\n", lines)}\n{result}");
    }

    /// <summary>
    /// App/App.csproj (an Exe importing the package's build files, repository checks off) and its Program.cs. The
    /// targets are imported in the project body, before the SDK's targets, unless <paramref name="importedAfterTheSdk"/>:
    /// then from Directory.Build.targets, after the SDK has set IntermediateOutputPath, as a package's build targets are
    /// (nuget.g.targets) — imported in the body, the checks' obj/ files land in the project folder (IntermediateOutputPath
    /// is still empty there), outside obj/, where Clean does not look.
    /// </summary>
    private string CreateApp(string properties, string items, bool importedAfterTheSdk = false)
    {
        var app = _temp.Combine("App");
        Directory.CreateDirectory(app);
        var tasks = RepoPaths.Combine("msbuild", "Raxx.Guardrails.Tasks", "bin", RepoPaths.Configuration, "netstandard2.0", "Raxx.Guardrails.Tasks.dll");
        Assert.True(File.Exists(tasks), "build the solution first: " + tasks);
        _temp.Write("Directory.Build.props", "<Project />");
        var targets = RepoPaths.Combine("msbuild", "Raxx.Guardrails", "build", "Raxx.Guardrails.targets");
        _temp.Write("Directory.Build.targets", importedAfterTheSdk ? $"<Project><Import Project=\"{targets}\" /></Project>" : "<Project />");
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{RepoPaths.Combine("msbuild", "Raxx.Guardrails", "build", "Raxx.Guardrails.props")}" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RaxxTasksAssembly>{tasks}</RaxxTasksAssembly>
                <RaxxRepositoryChecks>false</RaxxRepositoryChecks>
            {properties}
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            {(importedAfterTheSdk ? string.Empty : $"<Import Project=\"{targets}\" />")}
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"ok\");\n");
        return app;
    }

    private static ProcessResult Build(string project, params string[] more) =>
        DotnetCli.Run(project, new[]
        {
            "build", "-c", RepoPaths.Configuration, "-nologo", "-v:d", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        }.Concat(more));

    private static ProcessResult Publish(string project) =>
        DotnetCli.Run(project, new[]
        {
            "publish", "-c", RepoPaths.Configuration, "-nologo", "-v:d", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        });

    /// <summary>The target ran and executed <paramref name="task"/> (with or without Inputs/Outputs: the task is in the target's log).</summary>
    private static bool RanTask(ProcessResult result, string target, string task)
    {
        var output = result.Output;
        var start = output.IndexOf($"Target \"{target}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        var end = output.IndexOf($"Done building target \"{target}\"", start, StringComparison.Ordinal);
        var log = end < 0 ? output.Substring(start) : output.Substring(start, end - start);
        return log.Contains(task, StringComparison.Ordinal);
    }

    private static bool Skipped(ProcessResult result, string target) =>
        result.Output.Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal);

    /// <summary>The target ran its task (not skipped; MSBuild logs "Building target" with a reason).</summary>
    private static bool Ran(ProcessResult result, string target) =>
        !Skipped(result, target) && result.Output.Contains($"Target \"{target}\"", StringComparison.Ordinal)
        && (result.Output.Contains($"Building target \"{target}\" completely", StringComparison.Ordinal)
            || result.Output.Contains($"Building target \"{target}\" partially", StringComparison.Ordinal));
}
