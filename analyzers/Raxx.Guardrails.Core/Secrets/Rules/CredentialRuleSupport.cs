using System;
using System.Collections.Generic;
using System.IO;
using Raxx.Guardrails.Core.Findings;
using Raxx.Guardrails.Core.Repository;
using YamlDotNet.RepresentationModel;

namespace Raxx.Guardrails.Core.Secrets.Rules
{
    /// <summary>What the credential repository rules share: file classes, baseline, finding construction.</summary>
    public static class CredentialRuleSupport
    {
        private static readonly HashSet<string> TextExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".env", ".json", ".jsonc", ".yml", ".yaml", ".xml", ".config", ".props", ".targets", ".csproj", ".pubxml",
            ".sh", ".bash", ".zsh", ".ps1", ".psm1", ".cmd", ".bat", ".properties", ".ini", ".toml", ".cfg", ".conf",
            ".tf", ".tfvars", ".py", ".js", ".mjs", ".cjs", ".ts", ".rb", ".go", ".java", ".kt", ".php", ".sql", ".txt",
            ".npmrc", ".pypirc", ".netrc", ".http", ".rest", ".vb",
            ".rs", ".c", ".h", ".cpp", ".hpp", ".pl", ".lua", ".swift", ".kts",
            // the same languages' other source extensions (C++, Perl modules, JSX/TSX, Objective-C/C++, Ruby's Rakefiles and
            // gemspecs, Elixir); not the HTML templates (.erb, .phtml): markup around the code
            ".cc", ".cxx", ".hh", ".pm", ".tsx", ".jsx", ".m", ".mm", ".rake", ".gemspec", ".ex", ".exs",
        };

        private static readonly HashSet<string> TextNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Dockerfile", "Containerfile", "Procfile", "Makefile", ".npmrc", ".pypirc", ".netrc", ".git-credentials", ".dockerconfigjson",
        };

        private static readonly HashSet<string> LockFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "packages.lock.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "npm-shrinkwrap.json", "go.sum", "poetry.lock", "Cargo.lock",
        };

        private static readonly string[] TemplateWords = { "example", "sample", "template", "dist", "defaults", "tmpl", "placeholder" };

        /// <summary>Files RAXX402 reads: configuration, scripts, workflows, Dockerfiles, non-C# sources (Visual Basic included: RAXX401 is a
        /// C# analyzer, so no other rule reads .vb). C# is RAXX401's.</summary>
        public static bool IsScannedTextFile(string relativePath)
        {
            var name = Path.GetFileName(relativePath);
            if (LockFiles.Contains(name) || name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (IsEnvFile(name) || TextNames.Contains(name) || name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            return TextExtensions.Contains(Path.GetExtension(name));
        }

        /// <summary>.env, .env.production, production.env …</summary>
        public static bool IsEnvFile(string name) =>
            name.Equals(".env", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase);

        /// <summary>.env.example, appsettings.sample.json …: templates that are meant to be tracked (with placeholders).</summary>
        public static bool IsTemplateName(string name)
        {
            foreach (var w in TemplateWords)
            {
                if (name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Private key files by name: *.pem, *.key, id_rsa …</summary>
        public static bool IsKeyFileName(string name)
        {
            var ext = Path.GetExtension(name);
            return ext.Equals(".pem", StringComparison.OrdinalIgnoreCase) || ext.Equals(".key", StringComparison.OrdinalIgnoreCase)
                || name.Equals("id_rsa", StringComparison.Ordinal) || name.Equals("id_dsa", StringComparison.Ordinal)
                || name.Equals("id_ecdsa", StringComparison.Ordinal) || name.Equals("id_ed25519", StringComparison.Ordinal);
        }

        /// <summary>Binary key stores: secret-bearing by their format.</summary>
        public static bool IsKeyStoreName(string name)
        {
            var ext = Path.GetExtension(name);
            return ext.Equals(".p12", StringComparison.OrdinalIgnoreCase) || ext.Equals(".pfx", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".jks", StringComparison.OrdinalIgnoreCase) || ext.Equals(".keystore", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Instance/local override configuration (INCIDENTS.md §1): instance/**, *.local.json, appsettings.Local.json.</summary>
        public static bool IsInstanceOverride(string relativePath)
        {
            var p = relativePath.Replace('\\', '/');
            var name = Path.GetFileName(p);
            return p.StartsWith("instance/", StringComparison.OrdinalIgnoreCase) || p.IndexOf("/instance/", StringComparison.OrdinalIgnoreCase) >= 0
                || name.EndsWith(".local.json", StringComparison.OrdinalIgnoreCase)
                || name.Equals("secrets.json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The baseline path (relative to the root) named by <c>credentials: baseline:</c> in the repository config, or the default file.</summary>
        public static string BaselinePath(RepositoryContext context) => BaselinePath(context.Config);

        /// <summary>The baseline path (relative to the root) named by <c>credentials: baseline:</c> in <paramref name="config"/>, or the default file.</summary>
        public static string BaselinePath(RepositoryConfig config)
        {
            var path = SecretBaseline.DefaultFileName;
            if (config.GetSection("credentials") is YamlMappingNode section)
            {
                foreach (var entry in section.Children)
                {
                    if (entry.Key is YamlScalarNode k && k.Value == "baseline" && entry.Value is YamlScalarNode v && !string.IsNullOrEmpty(v.Value))
                    {
                        path = v.Value!;
                    }
                }
            }
            return path;
        }

        /// <summary>The baseline named by <c>credentials: baseline:</c> in the repository config, or the default file.</summary>
        public static SecretBaseline LoadBaseline(RepositoryContext context) => LoadBaseline(context.Root, context.Config);

        /// <summary>The baseline of the repository at <paramref name="root"/> (hosts without a file listing, e.g. the output check task).</summary>
        public static SecretBaseline LoadBaseline(string root, RepositoryConfig config)
        {
            var path = BaselinePath(config);
            try
            {
                var full = Path.GetFullPath(Path.Combine(root, path));
                return File.Exists(full) ? SecretBaseline.Parse(File.ReadAllText(full)) : SecretBaseline.Empty;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return SecretBaseline.Empty;
            }
        }

        /// <summary>A finding at the secret's exact position; the fingerprint material is the value's hash.</summary>
        public static Finding CreateFinding(string ruleId, FindingSeverity severity, string path, SecretMatch match, string message) =>
            new Finding(ruleId, severity, message,
                new FindingLocation(path, match.Line, match.Column, match.EndLine, match.EndColumn),
                "credential:" + match.Provider + ":" + match.Hash,
                new CredentialProperties(match.Provider, KindName(match.Kind), match.Hash));

        /// <summary>The kind's name, as <c>ToString()</c> spells it (without boxing the value: once per finding).</summary>
        private static string KindName(SecretKind kind) => kind switch
        {
            SecretKind.Provider => nameof(SecretKind.Provider),
            SecretKind.PrivateKey => nameof(SecretKind.PrivateKey),
            SecretKind.ConnectionPassword => nameof(SecretKind.ConnectionPassword),
            SecretKind.Context => nameof(SecretKind.Context),
            _ => kind.ToString(),
        };
    }
}
