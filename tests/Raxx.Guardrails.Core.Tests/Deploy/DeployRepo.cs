using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Yaml;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.Core.Tests.Deploy;

/// <summary>A throwaway repository folder (not a git work tree) for deploy-rule fixtures.</summary>
internal sealed class DeployRepo : IDisposable
{
    private readonly TempDirectory _temp = new("deploy");
    private readonly RepositoryConfig _config = new RepositoryConfig();

    public string Root => _temp.Path;

    public DeployRepo File(string relative, string text)
    {
        _temp.Write(relative, text);
        return this;
    }

    public DeployRepo Workflow(string name, string yaml) => File(".github/workflows/" + name, yaml);

    /// <summary>release-please manifest config with one root package.</summary>
    public DeployRepo ReleasePlease(string packageJson, string manifest = "{ \".\": \"1.10.1\" }")
    {
        File("release-please-config.json", packageJson);
        return File(".release-please-manifest.json", manifest);
    }

    /// <summary>Sets the <c>deploy:</c> section of the repository config.</summary>
    public DeployRepo DeploySection(string yaml)
    {
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)YamlLoader.Load(yaml).Root!;
        foreach (var entry in root.Children)
        {
            _config.Sections[((YamlDotNet.RepresentationModel.YamlScalarNode)entry.Key).Value!] = entry.Value;
        }
        return this;
    }

    /// <summary>raxx-guardrails.yaml <c>release: { configs: [...] }</c>.</summary>
    public DeployRepo ReleaseConfigs(params string[] paths)
    {
        _config.ReleaseConfigs.AddRange(paths);
        return this;
    }

    public IReadOnlyList<Finding> Run(params string[] ruleIds)
    {
        var context = RepositoryContext.Open(_temp.Path, _config);
        var rules = RepositoryRules.All.Where(r => ruleIds.Length == 0 || ruleIds.Contains(r.RuleId));
        return RepositoryRunner.Run(context, rules);
    }

    public static string Show(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => f.ToString()));

    public void Dispose() => _temp.Dispose();
}
