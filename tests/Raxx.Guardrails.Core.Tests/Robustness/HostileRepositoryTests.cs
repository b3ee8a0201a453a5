using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Raxx.Guardrails.Core.Repository;

namespace Raxx.Guardrails.Core.Tests.Robustness;

/// <summary>
/// Every discovered repository rule over one repository full of hostile files: no rule throws
/// (RAXX001 "could not complete"), every finding sits at line ≥ 1 inside the repository, and the run is
/// bounded in time.
/// </summary>
public sealed class HostileRepositoryTests : IDisposable
{
    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    private static readonly (string Name, string Yaml)[] OddWorkflows =
    {
        ("number-on.yml", "on: 42\njobs:\n  a:\n    runs-on: 5\n    steps: 7\n"),
        ("null-on.yml", "on: ~\njobs: ~\n"),
        ("null-events.yml", "on:\n  push: null\n  release:\n  workflow_dispatch: ~\njobs:\n  a: ~\n"),
        ("nested-lists.yml", "on: [[push], [[release]], {push: [[tags]]}]\njobs:\n  a:\n    steps: [[[run: x]]]\n    if: [[startsWith(github.ref, 'refs/tags/')]]\n    environment: [[production]]\n"),
        ("anchors.yml", "x: &trig\n  push:\n    tags: &tags ['v*', *tags]\non: *trig\njobs:\n  a: &job\n    environment: production\n    steps:\n      - uses: googleapis/release-please-action@v4\n        with: &with { release-type: *trig }\n  b: *job\n  c:\n    <<: *job\n    if: *tags\n"),
        ("merge-keys.yml", "base: &b {branches: [main]}\non:\n  push:\n    <<: *b\n    tags: {'v*': 1}\n    paths: 3\njobs:\n  d:\n    if: \"${{ ((((( github.ref \"\n    steps:\n      - run: echo ${{ secrets.TOKEN }} | base64\n      - {uses: ~, with: [1, 2]}\n"),
        ("keys-not-strings.yml", "? [on]\n: push\n1: 2\ntrue: false\n~: x\njobs:\n  ? {a: b}\n  : {steps: []}\n"),
        ("tabs-and-errors.yml", "on:\n\tpush:\n  tags: [v*\n"),
        ("deep.yml", "on:\n  push:\n    tags: " + new string('[', 300) + new string(']', 300) + "\njobs: {}\n"),
        ("multi-doc.yml", "on: push\n---\non: release\n...\n---\n- x\n"),
        ("empty.yml", string.Empty),
        ("only-comment.yaml", "# nothing here\n"),
        ("scalar.yml", "just a string\n"),
        ("big-if.yml", "on: push\njobs:\n  a:\n    if: " + string.Concat(Enumerable.Repeat("!(", 2000)) + "true" + new string(')', 2000) + "\n    steps: [{run: x}]\n"),
    };

    [Fact]
    public void AllRules_OnAHostileRepository_NeverThrow_AndLocateEveryFinding()
    {
        foreach (var (name, yaml) in OddWorkflows)
        {
            _repo.Write(".github/workflows/" + name, yaml);
        }
        // release-please: broken config + broken manifest + a package.json that is not JSON
        _repo.Write("release-please-config.json", "{ \"packages\": { \".\": { \"release-type\": \"node\", \"component\": ")
            .Write(".release-please-manifest.json", "[\"1.0.0\", {\"x\": ]")
            .Write("package.json", "{ name: ");
        // flags: a broken flags file and an appsettings with a broken FeatureManagement section
        _repo.Write("flags.yaml", "flags:\n  a:\n    default: [\n  b: {default: true, default: false}\n  &x c: *y\n")
            .Write("src/App/flags.yaml", "flags: 5\n")
            .Write("src/App/appsettings.json", "{ \"FeatureManagement\": { \"Beta\": { \"EnabledFor\": [ { \"Name\": 5 } }, ");
        // binary files with text extensions
        var binary = Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray();
        _repo.WriteBytes(".github/workflows/binary.yml", binary)
            .WriteBytes("appsettings.Production.json", binary)
            .WriteBytes(".env", binary)
            .WriteBytes("config/settings.yaml", new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x3A, 0x00 });
        // invalid UTF-8 in a scanned .env and a workflow
        _repo.WriteBytes(".env.local", new byte[] { (byte)'K', (byte)'=', 0xC3, 0x28, 0xA0, 0xA1, (byte)'\n', (byte)'A', (byte)'P', (byte)'I', (byte)'_', (byte)'K', (byte)'E', (byte)'Y', (byte)'=', 0xF0, 0x28, 0x8C, 0x28, (byte)'\n' })
            .WriteBytes(".github/workflows/bad-utf8.yml", Encoding.ASCII.GetBytes("on: push\njobs:\n  a:\n    steps:\n      - run: echo ").Concat(new byte[] { 0xED, 0xA0, 0x80, 0xFF, (byte)'\n' }).ToArray());
        // CRLF + BOM files
        var bom = Encoding.UTF8.GetPreamble();
        _repo.WriteBytes(".github/workflows/crlf.yml", bom.Concat(Encoding.UTF8.GetBytes("on:\r\n  push:\r\n    tags: ['v*']\r\njobs:\r\n  deploy:\r\n    environment: production\r\n    steps:\r\n      - run: ./deploy\r\n")).ToArray())
            .WriteBytes("src/App/appsettings.Development.json", bom.Concat(Encoding.UTF8.GetBytes("{\r\n  \"FeatureManagement\": { \"Beta\": true },\r\n  \"Stripe\": { \"SecretKey\": \"sk_live_" + "51Hx9QeLkdIwHu7ix2RdM2zXq\" }\r\n}\r\n")).ToArray())
            .WriteBytes("raxx-flags-copy/flags.yaml", bom.Concat(Encoding.UTF8.GetBytes("flags:\r\n  a:\r\n    default: true\r\n")).ToArray());
        // a 10 MB single-line YAML (over the text limit) and a 4 MB one (read and parsed)
        _repo.Write(".github/workflows/huge.yml", "on: {push: {tags: [" + string.Join(",", Enumerable.Repeat("'v*'", 10 * 1024 * 1024 / 5)) + "]}}")
            .Write("config/long.yaml", "k: " + new string('x', 4 * 1024 * 1024));
        // a broken repository config still lets the rules run on defaults
        _repo.Write(RepositoryConfig.FileName, "include: [\nseverity: {RAXX402: loud}\n");

        var config = RepositoryConfigLoader.Load(_repo.Root);
        Assert.False(config.Success); // reported at its line by the CLI; rules run on the defaults
        Assert.True(config.Error!.Line >= 1);

        var stopwatch = Stopwatch.StartNew();
        var findings = _repo.RunAll();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");

        // the rules did look: the readable, wrong files are reported (not silently skipped)
        Assert.Contains(findings, f => f.RuleId == "RAXX402" && f.Location.Path == "src/App/appsettings.Development.json" && f.Location.StartLine == 3);
        Assert.DoesNotContain(findings, f => f.Message.Contains("sk_live_" + "51Hx9QeLkdIwHu7ix2RdM2zXq"));
    }

    [Fact]
    public void AllRules_OnAValidConfigWithHostileSections_NeverThrow()
    {
        _repo.Write(RepositoryConfig.FileName,
                "flags:\n  files: [flags.yaml, missing.yaml, .github/workflows/d.yml]\nrelease:\n  configs: [nope/release-please-config.json, flags.yaml]\n" +
                "credentials:\n  allowlist: .raxx/allow\n  baseline: .raxx/baseline.json\ndeploy:\n  tag_format: [\"{version}{version}\", \"\", \"v{nothing}\"]\n  protected_environments: {a: b}\npreflight: {health: 5, routes: [1], env: x}\n")
            .Write(".raxx/baseline.json", "{ \"not\": \"a baseline\" ")
            .Write(".raxx/allow", "\0\0\0")
            .Write("flags.yaml", "flags:\n  a: {default: maybe}\n")
            .Write(".github/workflows/d.yml", "on: {push: {tags: ['v*']}}\njobs: {d: {environment: production, steps: [{run: x}]}}\n");
        var loaded = RepositoryConfigLoader.Load(_repo.Root);
        Assert.True(loaded.Success, loaded.Error?.ToString());
        _repo.RunAll(loaded.Config);
    }
}
