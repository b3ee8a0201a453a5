using System;
using System.IO;
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

    /// <summary>App/App.csproj (an Exe importing the package's build files, repository checks off) and its Program.cs.</summary>
    private string CreateApp(string properties, string items)
    {
        var app = _temp.Combine("App");
        Directory.CreateDirectory(app);
        var tasks = RepoPaths.Combine("msbuild", "Raxx.Guardrails.Tasks", "bin", RepoPaths.Configuration, "netstandard2.0", "Raxx.Guardrails.Tasks.dll");
        Assert.True(File.Exists(tasks), "build the solution first: " + tasks);
        _temp.Write("Directory.Build.props", "<Project />");
        _temp.Write("Directory.Build.targets", "<Project />");
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
              <Import Project="{RepoPaths.Combine("msbuild", "Raxx.Guardrails", "build", "Raxx.Guardrails.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"ok\");\n");
        return app;
    }

    private static ProcessResult Build(string project) =>
        DotnetCli.Run(project, new[]
        {
            "build", "-c", RepoPaths.Configuration, "-nologo", "-v:d", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        });

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
