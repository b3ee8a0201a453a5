using System;
using System.IO;
using System.Linq;
using Raxx.Guardrails.Core.Repository;
using Raxx.Guardrails.Core.Secrets.Rules;
using Raxx.Guardrails.Core.Tests.Robustness;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Sources of languages RAXX402 did not read before (Rust, C, C++ and their headers, Perl, Lua, Swift, Kotlin script, and
/// the other extensions: .cc/.cxx/.hh, Perl modules, JSX/TSX, Objective-C/C++, Rakefiles, gemspecs, Elixir): a
/// credential literal in each is reported, an environment read beside it is not, and the rule's page lists each file
/// type. Values are fake.
/// </summary>
public sealed class Raxx402SourceLanguageFileTests : IDisposable
{
    private const string Secret = "k7QpL2mZx9RtWv4YbN8cJ3";

    private readonly FuzzRepo _repo = new FuzzRepo();

    public void Dispose() => _repo.Dispose();

    public static TheoryData<string, string, int, string> Sources => new()
    {
        { "src/main.rs", "fn main() {\n    let api_key = \"" + Secret + "\";\n}\n", 2, "fn main() {\n    let api_key = std::env::var(\"API_KEY\").unwrap();\n}\n" },
        { "src/client.c", "#include <stdio.h>\nconst char *api_key = \"" + Secret + "\";\n", 2, "#include <stdlib.h>\nconst char *api_key = getenv(\"API_KEY\");\n" },
        { "include/client.h", "#pragma once\nstatic const char *api_token = \"" + Secret + "\";\n", 2, "#pragma once\nextern const char *api_token;\n" },
        { "src/client.cpp", "#include <string>\nconst std::string apiKey = \"" + Secret + "\";\n", 2, "#include <cstdlib>\nconst std::string apiKey = std::getenv(\"API_KEY\");\n" },
        { "include/client.hpp", "#pragma once\nconstexpr auto kApiSecret = \"" + Secret + "\";\n", 2, "#pragma once\nconstexpr auto kApiSecretName = \"API_SECRET\";\n" },
        { "scripts/deploy.pl", "use strict;\nmy $api_key = '" + Secret + "';\n", 2, "use strict;\nmy $api_key = $ENV{'API_KEY'};\n" },
        { "scripts/init.lua", "local api_key = \"" + Secret + "\"\n", 1, "local api_key = os.getenv(\"API_KEY\")\n" },
        { "Sources/App/Client.swift", "struct Client {\n    private let clientSecret: String = \"" + Secret + "\"\n}\n", 2, "struct Client {\n    private let clientSecret = ProcessInfo.processInfo.environment[\"CLIENT_SECRET\"]\n}\n" },
        { "build.gradle.kts", "val apiToken = \"" + Secret + "\"\n", 1, "val apiToken = System.getenv(\"API_TOKEN\")\n" },
        { "src/client.cc", "#include <string>\n#define API_TOKEN \"" + Secret + "\"\n", 2, "#include <cstdlib>\n#define API_TOKEN_ENV \"API_TOKEN\"\n" },
        { "src/client.cxx", "char api_secret[] = \"" + Secret + "\";\n", 1, "char api_secret[64] = {0};\n" },
        { "include/client.hh", "#pragma once\n#define API_SECRET \"" + Secret + "\"\n", 2, "#pragma once\n#define API_SECRET_LEN 64\n" },
        { "lib/App/Config.pm", "package App::Config;\nour %cfg = (\n    api_key => '" + Secret + "',\n);\n", 3, "package App::Config;\nour %cfg = (\n    api_key => $ENV{API_KEY},\n);\n" },
        { "src/Client.tsx", "export const Client = () => <Api apiKey=\"" + Secret + "\" />;\n", 1, "export const Client = () => <Api apiKey={process.env.API_KEY} />;\n" },
        { "src/Client.jsx", "const apiToken = '" + Secret + "';\n", 1, "const apiToken = process.env.API_TOKEN;\n" },
        { "Classes/Client.m", "static NSString * const kApiSecret = @\"" + Secret + "\";\n", 1, "static NSString * const kApiSecretName = @\"API_SECRET\";\n" },
        { "Classes/Client.mm", "static NSString * const kApiToken = @\"" + Secret + "\";\n", 1, "static NSString * const kApiToken = NSProcessInfo.processInfo.environment[@\"API_TOKEN\"];\n" },
        { "lib/tasks/deploy.rake", "task :deploy do\n  sh 'deploy', :token => '" + Secret + "'\nend\n", 2, "task :deploy do\n  sh 'deploy', :token => ENV['DEPLOY_TOKEN']\nend\n" },
        { "client.gemspec", "Gem::Specification.new do |s|\n  s.metadata = { 'api_key' => '" + Secret + "' }\nend\n", 2, "Gem::Specification.new do |s|\n  s.metadata = { 'api_key' => ENV['API_KEY'] }\nend\n" },
        { "config/runtime.exs", "config :app, api_key: \"" + Secret + "\"\n", 1, "config :app, api_key: System.get_env(\"API_KEY\")\n" },
        { "lib/app/client.ex", "defmodule App.Client do\n  def headers, do: [api_token: \"" + Secret + "\"]\nend\n", 2, "defmodule App.Client do\n  def headers, do: [api_token: System.fetch_env!(\"API_TOKEN\")]\nend\n" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void CredentialLiteralInSource_Reports_EnvironmentReadDoesNot(string path, string bad, int line, string clean)
    {
        var cleanPath = Path.ChangeExtension(path, null) + ".clean" + Path.GetExtension(path);
        _repo.Write(path, bad).Write(cleanPath, clean);
        var f = Assert.Single(RepositoryRunner.Run(_repo.Open(), new IRepositoryRule[] { new Raxx402CredentialInRepositoryFileRule() }));
        Assert.Equal((path, line, bad.Split('\n')[line - 1].IndexOf(Secret, StringComparison.Ordinal) + 1), (f.Location.Path, f.Location.StartLine, f.Location.StartColumn));
        Assert.DoesNotContain(Secret, f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/main.rs")]
    [InlineData("src/client.c")]
    [InlineData("include/client.h")]
    [InlineData("src/client.cpp")]
    [InlineData("include/client.hpp")]
    [InlineData("scripts/deploy.pl")]
    [InlineData("scripts/init.lua")]
    [InlineData("Sources/App/Client.swift")]
    [InlineData("src/Main.kt")]
    [InlineData("build.gradle.kts")]
    [InlineData("SRC/CLIENT.CPP")]
    [InlineData("src/client.cc")]
    [InlineData("src/client.cxx")]
    [InlineData("include/client.hh")]
    [InlineData("lib/App/Config.pm")]
    [InlineData("src/Client.tsx")]
    [InlineData("src/Client.jsx")]
    [InlineData("Classes/Client.m")]
    [InlineData("Classes/Client.mm")]
    [InlineData("lib/tasks/deploy.rake")]
    [InlineData("client.gemspec")]
    [InlineData("config/runtime.exs")]
    [InlineData("lib/app/client.ex")]
    public void SourceFile_IsAScannedTextFile(string path) => Assert.True(CredentialRuleSupport.IsScannedTextFile(path));

    [Theory]
    [InlineData("src/Client.cs")]
    [InlineData("docs/client.md")]
    [InlineData("src/client.o")]
    [InlineData("src/client.rlib")]
    [InlineData("src/client.hh.bak")]
    [InlineData("app/views/home/index.html.erb")] // HTML templates
    [InlineData("view/scripts/index.phtml")]
    public void OtherFile_IsNotAScannedTextFile(string path) => Assert.False(CredentialRuleSupport.IsScannedTextFile(path));

    [Fact]
    public void RulePage_ListsEachSourceFileType()
    {
        var page = File.ReadAllText(RepoPaths.Combine("docs", "rules", "RAXX402.md"));
        foreach (var ext in new[] { ".rs", ".c", ".h", ".cpp", ".hpp", ".pl", ".lua", ".swift", ".kt", ".kts",
            ".cc", ".cxx", ".hh", ".pm", ".tsx", ".jsx", ".m", ".mm", ".rake", ".gemspec", ".ex", ".exs" })
        {
            Assert.Contains("`" + ext + "`", page, StringComparison.Ordinal);
        }
    }
}
