using System;
using System.Collections.Generic;
using System.Linq;
using Raxx.Guardrails.Core.Deploy;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Flags;
using Raxx.Guardrails.Core.Preflight;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Sarif;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Robustness;

/// <summary>
/// The rule families' own parsers and engines under mutated inputs (fixed seeds, bounded time per
/// input): filter patterns, workflows, ref expressions, release-please files, flags documents,
/// the credential scanner, SARIF, the repository config and the preflight settings. Each input ends
/// in a result or a located diagnostic, never an exception.
/// </summary>
public class EngineFuzzTests
{
    // ------------------------------------------------------------------ deploy

    private static readonly string[] FilterPatternSeeds =
    {
        "v*.*.*", "v[0-9]+.[0-9]+.[0-9]+", "!v*-rc*", "releases/**", "feature/*", "**/*.md", "src/**/[a-z]?.cs",
        "v\\*", "*-v[12].*", "[!a-c]x", "refs/tags/v+", "docs/*.{md,txt}",
    };

    [Theory]
    [InlineData(11, FilterPatternKind.Ref)]
    [InlineData(12, FilterPatternKind.Path)]
    public void FilterPatterns_NeverThrow(int seed, FilterPatternKind kind)
    {
        var random = new Random(seed);
        Fuzz.Run(FilterPatternSeeds, 2000, seed, pattern =>
        {
            foreach (var error in FilterPatternValidator.Validate(pattern, kind))
            {
                Assert.True(error.Column >= 0 && error.Column <= pattern.Length + 1, $"error column {error.Column} outside '{pattern}'");
            }
            var names = new[] { "v1.2.3", "refs/tags/v1.0.0", Fuzz.Mutate("releases/2024/x.md", random), string.Empty };
            var compiled = FilterPattern.TryCompile(pattern, kind);
            compiled?.IsMatch(names[2]);
            var lenient = FilterPattern.CompileUnchecked(pattern); // what the matcher does with a questionable pattern
            lenient.IsMatch(names[2]);
            _ = lenient.LiteralPrefix;
            var list = new FilterList(new[] { pattern, "!" + pattern, "v*" }, kind);
            list.Includes(names[0]);
            list.IncludesAny(names);
            list.Ignores(names[1]);
            list.RunsForAny(names);
        });
    }

    [Theory]
    [InlineData("[z-a]x")]
    [InlineData("[!a-    c]x")]
    public void FilterPattern_LenientCompile_OfAReversedRange_MatchesNothing(string pattern)
    {
        // found by the fuzzer: the lenient compile built a regex with a reversed range and threw
        Assert.False(FilterPattern.CompileUnchecked(pattern).IsMatch("bx"));
        Assert.Null(FilterPattern.TryCompile(pattern, FilterPatternKind.Path));
    }

    [Fact]
    public void FilterPattern_RepeatedGlobstars_MatchWithoutBacktracking()
    {
        // found by the fuzzer: "**/**/**/…" compiled to nested optional groups; each match ran into the
        // regex timeout and answered "no match". Redundant wildcards are now collapsed.
        var pattern = FilterPattern.TryCompile("r" + string.Concat(Enumerable.Repeat("**/", 120)) + "x*****y", FilterPatternKind.Path)!;
        // a backtracking pattern answers the non-match only after the 250 ms regex timeout: ten of them take >= 2.5 s,
        // a linear one microseconds, so a 2 s bound tells them apart without depending on the machine's load
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(pattern.IsMatch("r/a/b/c/x-y"));
        for (var i = 0; i < 10; i++)
        {
            Assert.False(pattern.IsMatch("r/a/b/c/" + new string('z', 200 + i)));
        }
        Assert.True(stopwatch.ElapsedMilliseconds < 2000, $"{stopwatch.ElapsedMilliseconds} ms");
        Assert.True(FilterPattern.TryCompile("docs/**/**/*.md", FilterPatternKind.Path)!.IsMatch("docs/a.md"));
        Assert.True(FilterPattern.TryCompile("v***", FilterPatternKind.Ref)!.IsMatch("v1/2"));
    }

    private static readonly string[] WorkflowSeeds =
    {
        "name: Deploy\non:\n  push:\n    tags: ['v*.*.*']\n    branches-ignore: [main]\n    paths: ['src/**', '!docs/**']\njobs:\n  deploy:\n    if: startsWith(github.ref, 'refs/tags/v') && github.event_name == 'push'\n    runs-on: ubuntu-latest\n    environment:\n      name: production\n      url: https://x\n    permissions: { contents: write }\n    steps:\n      - uses: actions/checkout@v4\n      - name: Ship\n        if: ${{ github.ref_type == 'tag' }}\n        run: heroku container:release web\n        env:\n          HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}\n",
        "on: [push, release]\njobs:\n  rp:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: googleapis/release-please-action@v4\n        with:\n          release-type: python\n          package-name: trademaster-api\n          token: ${{ secrets.GITHUB_TOKEN }}\n",
        "on:\n  release:\n    types: [published]\n  workflow_dispatch:\n    inputs:\n      env: {type: choice, options: [staging, production]}\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n    needs: [build]\n    with: { environment: \"${{ inputs.env == 'production' && 'production' || 'staging' }}\" }\n",
        "'on':\n  push: ~\n  workflow_run: {workflows: [CI], types: [completed]}\nenv: {A: b}\njobs: {}\n",
    };

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void WorkflowReader_NeverThrows(int seed) =>
        Fuzz.Run(WorkflowSeeds, 1500, seed, text =>
        {
            var result = WorkflowReader.Load(".github/workflows/deploy.yml", text);
            if (result.Workflow == null)
            {
                Assert.True(result.Error!.Line >= 1 && result.Error.Column >= 1, $"error without a location: {result.Error}");
                return;
            }
            var workflow = result.Workflow;
            var tag = RefContext.ForTag("v1.2.3", "push");
            foreach (var trigger in workflow.Triggers)
            {
                foreach (var filter in trigger.Filters)
                {
                    filter.Compile().Includes("v1.2.3");
                }
                trigger.AdmitsPushRef("refs/tags/v1.2.3");
                trigger.HasType("published");
            }
            _ = workflow.IsTagTriggered;
            RefExpression.EvaluateCondition(workflow.If?.Value, tag);
            foreach (var job in workflow.Jobs)
            {
                RefExpression.EvaluateCondition(job.If?.Value, tag);
                if (job.Environment != null)
                {
                    RefExpression.EvaluateValue(job.Environment.Name.Value, tag);
                }
            }
            foreach (var (_, step) in workflow.AllSteps)
            {
                RefExpression.EvaluateCondition(step.If?.Value, tag);
                _ = step.ActionName;
                _ = step.DisplayName;
            }
        });

    private static readonly string[] ExpressionSeeds =
    {
        "startsWith(github.ref, 'refs/tags/v') && github.event_name == 'push'",
        "${{ github.ref == 'refs/heads/main' || (github.ref_type == 'tag' && !contains(github.ref_name, '-rc')) }}",
        "${{ github.event_name == 'release' && 'production' || 'staging' }}",
        "deploy-${{ github.ref_name }}-${{ github.event.release.tag_name }}",
        "endsWith(github.ref, format('{0}', 'x')) != false && 0x1F >= 1.5e3 && null == ''",
        "!(!(!(github.ref_type == 'branch'))) && fromJSON('[1]')[0] == 1 && github.event.inputs.*.name",
    };

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void RefExpression_NeverThrows(int seed)
    {
        var contexts = new[]
        {
            RefContext.ForTag("v1.2.3", "push"), RefContext.ForTagPrefix("v", "push", "a v tag"),
            RefContext.ForBranchPrefix("release/", "push", "a release branch"), RefContext.ForEvent("workflow_dispatch"), new RefContext(),
        };
        var i = 0;
        Fuzz.Run(ExpressionSeeds, 2000, seed, text =>
        {
            var context = contexts[i++ % contexts.Length];
            RefExpression.EvaluateCondition(text, context);
            _ = RefExpression.EvaluateValue(text, context).ToString();
            if (!RefExpression.TryParse(text, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        });
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(5_000)]
    public void RefExpression_DeepNesting_IsUnknownNotAStackOverflow(int depth)
    {
        // found by the fuzzer: the recursive-descent parser had no depth bound, so a repeated '(' or '!'
        // (a copy-paste accident in an `if:`) overflowed the stack, which no catch can stop.
        var context = RefContext.ForTag("v1.2.3", "push");
        var parens = new string('(', depth) + "true" + new string(')', depth);
        Assert.Equal(Tri.Unknown, RefExpression.EvaluateCondition(parens, context));
        Assert.False(RefExpression.TryParse(parens, out _));
        Assert.Equal(Tri.Unknown, RefExpression.EvaluateCondition(new string('!', depth) + "true", context));
        Assert.Equal(Tri.Unknown, RefExpression.EvaluateCondition(string.Concat(Enumerable.Repeat("contains(", depth)) + "'a'" + new string(')', depth), context));
    }

    [Fact]
    public void RefExpression_ModerateNesting_StillEvaluates()
    {
        var context = RefContext.ForTag("v1.2.3", "push");
        Assert.Equal(Tri.True, RefExpression.EvaluateCondition(new string('(', 50) + "github.ref_type == 'tag'" + new string(')', 50), context));
    }

    private static readonly string[] ReleaseConfigSeeds =
    {
        "{\n  \"release-type\": \"node\",\n  \"include-v-in-tag\": true,\n  \"tag-separator\": \"-\",\n  \"packages\": {\n    \".\": { \"package-name\": \"@raxx/api\" },\n    \"packages/web\": { \"component\": \"web\", \"include-component-in-tag\": false, \"release-type\": \"python\" },\n    \"charts/app\": { \"release-type\": \"helm\" },\n    \"crates/core\": { \"release-type\": \"rust\", \"skip-github-release\": false, \"draft\": true },\n    \"src/Lib\": { \"release-type\": \"dotnet-yoshi\" }\n  }\n}",
        "{ \"packages\": { \".\": { \"release-type\": \"ruby-yoshi\", \"package-name\": \"gem\" } }, \"include-component-in-tag\": true }",
    };

    private static readonly string[] ManifestSeeds =
    {
        "{ \".\": \"1.10.1\", \"packages/web\": \"0.3.0\", \"charts/app\": \"2.0.0\", \"crates/core\": \"0.1.0\", \"src/Lib\": \"5.0.0\" }",
        "{\n  \"./\": \"1.0.0-rc.1\"\n}\n",
    };

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void ReleasePleaseFiles_NeverFailADeployRule(int seed)
    {
        using var repo = new FuzzRepo()
            .Write("package.json", "{ \"name\": \"@raxx/api\" }")
            .Write("charts/app/Chart.yaml", "name: app\nversion: 1.0.0\n")
            .Write("crates/core/Cargo.toml", "[package]\nname = \"core\"\n[dependencies]\n")
            .Write(".github/workflows/release.yml", "on:\n  push:\n    tags: ['v*', 'web-v*']\njobs:\n  rp:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: googleapis/release-please-action@v4\n  deploy:\n    if: startsWith(github.ref, 'refs/tags/v')\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy\n");
        var deployRules = RepositoryRules.All.Where(r => r.GetType().Namespace!.Contains(".Deploy")).ToArray();
        Assert.NotEmpty(deployRules);
        var random = new Random(seed);
        var manifestRandom = new Random(seed + 1000);
        Fuzz.Run(ReleaseConfigSeeds, 700, seed, config =>
        {
            repo.Write("release-please-config.json", config);
            var manifest = manifestRandom.Next(3) == 0 ? ManifestSeeds[random.Next(ManifestSeeds.Length)] : Fuzz.Mutate(ManifestSeeds[random.Next(ManifestSeeds.Length)], random);
            repo.Write(".release-please-manifest.json", manifest);
            var context = repo.Open();
            var model = ReleasePleaseReader.Load(context, Array.Empty<Workflow>(), DeploySettings.From(context.Config));
            foreach (var error in model.Errors)
            {
                Assert.True(error.Location.StartLine >= 1, $"release config error without a line: {error.Message}");
            }
            foreach (var package in model.Packages)
            {
                _ = package.ExampleTag;
                _ = package.TagPrefix;
                _ = package.SampleTags;
                _ = package.Describe();
            }
            FuzzRepo.AssertWellFormed(RepositoryRunner.Run(context, deployRules));
        }, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(51)]
    public void MutatedWorkflows_NeverFailAnyRepositoryRule(int seed)
    {
        using var repo = new FuzzRepo()
            .Write("release-please-config.json", ReleaseConfigSeeds[1])
            .Write(".release-please-manifest.json", "{ \".\": \"1.0.0\" }");
        Fuzz.Run(WorkflowSeeds, 400, seed, text =>
        {
            repo.Write(".github/workflows/deploy.yml", text);
            repo.RunAll();
        }, TimeSpan.FromSeconds(5));
    }

    // ------------------------------------------------------------------ flags

    private static readonly string[] FlagsYamlSeeds =
    {
        "flags:\n  webauthn_registration:\n    default: false\n    description: Passkey registration endpoints\n    risk: high\n    owner: auth-team\n    env: FLAG_WEBAUTHN_REGISTRATION\n  new_checkout:\n    default: true\n    risk: low\n    owner: payments\n",
        "# comment\nflags:\n  a: {default: true, risk: medium, owner: x}\n  b:\n    default: 'false'\n    risk: [high]\n  a:\n    default: true\nextra: 1\n",
        "flags: ~\n",
    };

    private static readonly string[] FeatureManagementSeeds =
    {
        "{\n  \"FeatureManagement\": {\n    \"Beta\": true,\n    \"Gamma\": { \"EnabledFor\": [ { \"Name\": \"Percentage\", \"Parameters\": { \"Value\": 50 } } ] },\n    \"Off\": false\n  }\n}",
        "{ \"feature_management\": { \"feature_flags\": [ { \"id\": \"Beta\", \"enabled\": true }, { \"id\": 5 }, {} ] }, \"Logging\": {} }",
    };

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    public void FlagsDocument_ParseYaml_NeverThrows(int seed) =>
        Fuzz.Run(FlagsYamlSeeds, 2000, seed, text =>
        {
            var doc = FlagsDocument.ParseYaml("flags.yaml", text);
            foreach (var problem in doc.Problems)
            {
                Assert.True(problem.Span.Line >= 1 && problem.Span.Column >= 1, problem.ToString());
            }
            foreach (var flag in doc.Flags)
            {
                doc.Find(flag.Name);
                doc.EnvName(flag.Name);
            }
            doc.Suggest("webauthn_registraton");
            _ = doc.ToPreflightFlags();
        });

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    public void FlagsDocument_FeatureManagementJson_NeverThrows(int seed) =>
        Fuzz.Run(FeatureManagementSeeds, 2000, seed, text =>
        {
            var doc = FlagsDocument.ParseFeatureManagementJson("appsettings.json", text);
            foreach (var problem in doc.Problems)
            {
                Assert.True(problem.Span.Line >= 1 && problem.Span.Column >= 1, problem.ToString());
            }
            FlagsDocument.Combine(new[] { doc, FlagsDocument.ParseYaml("flags.yaml", FlagsYamlSeeds[0]) });
        });

    // ------------------------------------------------------------------ secrets

    // Synthetic values shaped like credentials (not real ones), in the file formats RAXX402 scans.
    private static readonly string[] SecretSeeds =
    {
        "# .env\nDATABASE_URL=postgres://app:Xk9vQ2mLp7Rz@db.internal:5432/app\nSTRIPE_SECRET_KEY=sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc\nexport API_TOKEN=\"ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\" # raxx:allow-credential\nEMPTY=\nPLACEHOLDER=<your-key-here>\n",
        "{\n  \"ConnectionStrings\": { \"Default\": \"Server=db;User Id=sa;Password=P4ssw0rd!Xq7z;\" },\n  \"Jwt\": { \"SigningKey\": \"q8Zr2LmN5vXc7BtY1pKd9WfHs3JgQa6E\" },\n  \"Sentry\": { \"Dsn\": \"https://0123456789abcdef0123456789abcdef@o123.ingest.sentry.io/456\" }\n}\n",
        "<configuration>\n  <appSettings>\n    <add key=\"ApiKey\" value=\"AKIA" + "IOSFODNN7EXAMPLQ\" />\n    <add key=\"Secret\" value=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\" />\n  </appSettings>\n  <password>hunter2hunter2X9</password>\n</configuration>\n",
        "steps:\n  - run: curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123ghiJKL456\" https://x\n    env:\n      AZURE_CLIENT_SECRET: Q~abc8Q~defGHIjkl.mnoPQRstu_vwx-yz0123\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxyz0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\n-----END RSA PRIVATE KEY-----\n",
        "$sec = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force\n$s2 = ConvertTo-SecureString `\n  -String \"Tq4!zWm8Lp2x\" `\n  -asPlainText -Force:$true\n$c = [pscredential]::new('u', ('Xk9vQ2mLp7Rz' | convertto-securestring -asplaintext -Force))\n$p = @{ Password = 'Vm8kRq2LpZx7'; ApiKey = \"k7QpL2mZx9RtWv4YbN8c\" }\nDim password As String = \"Vm8kRq2LpZx7\"\nconst apiToken?: string = 'k7QpL2mZx9RtWv4YbN8cJ3';\npassword := os.Getenv(\"PW\")\n",
    };

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    [InlineData(73)]
    public void SecretScanner_NeverThrows_AndLocatesEveryMatch(int seed) =>
        Fuzz.Run(SecretSeeds, 2000, seed, text =>
        {
            foreach (var match in SecretScanner.Scan(text))
            {
                Assert.True(match.Offset >= 0 && match.Length >= 0 && match.Offset + match.Length <= text.Length, $"match outside the text: {match}");
                Assert.True(match.Line >= 1 && match.Column >= 1 && match.EndLine >= match.Line, $"match without a location: {match}");
                Assert.False(string.IsNullOrEmpty(match.Redacted));
                _ = match.Describe();
            }
            var noContext = new SecretScanOptions { HonourSuppressions = false, IncludeContext = false, MaxContextLineLength = 16 };
            SecretScanner.Scan(text, noContext);
            var eq = text.IndexOf('=');
            if (eq > 0)
            {
                SecretScanner.ClassifyValue(text.Substring(eq + 1), text.Substring(0, eq));
            }
            SecretScanner.ClassifyValue(text, null);
            SecretBaseline.Parse(text);
        });

    // ------------------------------------------------------------------ SARIF

    private static readonly string[] SarifSeeds =
    {
        "{\n  \"version\": \"2.1.0\",\n  \"runs\": [ {\n    \"tool\": { \"driver\": { \"name\": \"csc\", \"rules\": [ { \"id\": \"RAXX101\", \"defaultConfiguration\": { \"level\": \"error\" } } ] } },\n    \"originalUriBaseIds\": { \"SRC\": { \"uri\": \"file:///repo/\" } },\n    \"results\": [ {\n      \"ruleId\": \"RAXX101\", \"ruleIndex\": 0, \"level\": \"error\", \"message\": { \"text\": \"late source\" },\n      \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"src/Program.cs\", \"uriBaseId\": \"SRC\" }, \"region\": { \"startLine\": 12, \"startColumn\": 5, \"endLine\": 12, \"endColumn\": 30 } } } ],\n      \"partialFingerprints\": { \"a\": \"b\" },\n      \"suppressions\": []\n    }, { \"rule\": { \"id\": \"RAXX305\" }, \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"file:///repo/a%20b.cs\" }, \"region\": { \"startLine\": 0 } } } ] } ]\n  } ]\n}",
        "{ \"version\": \"2.1.0\", \"runs\": [ { \"results\": [ { \"ruleId\": \"X\", \"suppressions\": [ { \"kind\": \"inSource\" } ], \"locations\": [] } ] } ] }",
    };

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public void SarifReader_NeverThrowsAnythingButALocatedReadError(int seed) =>
        Fuzz.Run(SarifSeeds, 2000, seed, text =>
        {
            try
            {
                foreach (var finding in SarifReader.Read(text, "build.sarif", "/repo"))
                {
                    Assert.True(finding.Location.StartLine >= 1 && finding.Location.StartColumn >= 1, $"finding without a location: {finding}");
                    _ = finding.Fingerprint;
                }
            }
            catch (SarifReadException ex)
            {
                Assert.True(ex.Line >= 1 && ex.Column >= 1, $"read error without a location: {ex.Message}");
            }
        });

    // ------------------------------------------------------------------ repository config + preflight

    private static readonly string[] ConfigSeeds =
    {
        "include: ['src/**', 'tests/**']\nexclude:\n  - samples/incidents/**\nseverity:\n  RAXX402: warning\n  RAXX501: none\nflags:\n  files: [flags.yaml, src/App/flags.yaml]\nrelease:\n  configs: [release-please-config.json]\ncredentials:\n  allowlist: .raxx/allow.txt\n  baseline: .raxx/baseline.json\ndeploy:\n  tag_format: \"v{version}\"\n  protected_environments: [production]\n  production_environments: live-eu\n",
        "preflight:\n  health: /healthz\n  timeout_seconds: 45\n  max_parallel: 2\n  app_json: app.json\n  env:\n    DATABASE_URL: postgres://localhost/app\n    PORT: 5000\n  routes:\n    /webauthn/register: webauthn_registration\n    /checkout: new_checkout\n",
        "severities: {RAXX101: error}\nflags: {file: flags.yaml}\npreflight: [1]\n",
    };

    [Theory]
    [InlineData(91)]
    [InlineData(92)]
    public void RepositoryConfig_AndItsSections_NeverThrow(int seed) =>
        Fuzz.Run(ConfigSeeds, 2000, seed, text =>
        {
            var result = RepositoryConfigLoader.Parse(text, "raxx-guardrails.yaml");
            if (!result.Success)
            {
                Assert.True(result.Error!.Line >= 1 && result.Error.Column >= 1, $"error without a location: {result.Error}");
                _ = result.Error.ToFinding();
                return;
            }
            var config = result.Config!;
            var deploy = DeploySettings.From(config);
            deploy.IsProductionLike("prod-eu");
            deploy.IsProtected("production");
            var problems = new FindingList();
            var preflight = PreflightSettings.FromSection(config.GetSection(PreflightSettings.SectionName), "raxx-guardrails.yaml", problems);
            preflight.AddAppJson("{ \"env\": { \"SECRET_KEY\": { \"generator\": \"secret\" }, \"WEB_URL\": { \"required\": true } } }", "app.json", problems);
            foreach (var problem in problems.Items)
            {
                Assert.True(problem.Location.StartLine >= 1 && problem.Location.StartColumn >= 1, problem.ToString());
            }
            config.IsIncluded("src/App/Program.cs");
            config.EffectiveSeverity("RAXX402", FindingSeverity.Error);
        });

    private static readonly string[] AppJsonSeeds =
    {
        "{\n  \"name\": \"companion\",\n  \"env\": {\n    \"SECRET_KEY\": { \"generator\": \"secret\" },\n    \"WEB_ORIGIN\": { \"required\": true },\n    \"MAX_WORKERS\": \"4\",\n    \"FLAG_X\": { \"value\": \"true\" }\n  },\n  \"formation\": { \"web\": { \"quantity\": 1 } }\n}",
    };

    [Fact]
    public void PreflightAppJson_NeverThrows() =>
        Fuzz.Run(AppJsonSeeds, 1500, 93, text =>
        {
            var problems = new FindingList();
            var settings = new PreflightSettings();
            settings.AddAppJson(text, "app.json", problems);
            foreach (var problem in problems.Items)
            {
                Assert.True(problem.Location.StartLine >= 1 && problem.Location.StartColumn >= 1, problem.ToString());
            }
            foreach (var name in settings.Environment.Keys)
            {
                PreflightSettings.Placeholder(name);
            }
        });
}
