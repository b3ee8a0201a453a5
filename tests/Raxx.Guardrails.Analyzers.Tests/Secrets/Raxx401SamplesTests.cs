using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Secrets;
using Raxx.Guardrails.Testing;
using Raxx.Guardrails.Testing.Process;

namespace Raxx.Guardrails.Analyzers.Tests.Secrets
{
    /// <summary>RAXX401 on the incident reproduction (reports at EXPECTED) and on the companion's sources (clean).</summary>
    public class Raxx401SamplesTests
    {
        [Fact]
        public async Task Incident04_AlpacaSettings_Reports()
        {
            var folder = RepoPaths.Combine("samples", "incidents", "04-credential-literals");
            var expected = File.ReadAllLines(Path.Combine(folder, "EXPECTED")).Single(l => l.StartsWith("RAXX401", StringComparison.Ordinal));
            var line = int.Parse(expected.Substring(expected.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture);
            var source = File.ReadAllText(Path.Combine(folder, "AlpacaSettings.cs"));
            var lineText = source.Replace("\r\n", "\n").Split('\n')[line - 1];
            var column = lineText.IndexOf('"', StringComparison.Ordinal) + 1;
            var length = lineText.LastIndexOf('"') - column + 2;

            var test = Verify<Raxx401CredentialLiteralAnalyzer>.Test(source);
            test.ExpectedDiagnostics.Add(DiagnosticResult.Diagnostic("RAXX401")
                .WithSpan("/src/Test0.cs", line, column, line, column + length)
                .WithMessage("Credential literal: secret value 'Raxx…' (40 chars) assigned to 'ALPACA_PAPER_API_SECRET'; read it from configuration or the environment at run time and rotate the exposed value"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Companion_Sources_NoReport()
        {
            var folder = RepoPaths.Combine("samples", "Raxx.Companion");
            var test = new AnalyzerTest { Analyzers = { new Raxx401CredentialLiteralAnalyzer() } };
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                test.Sources.Add((Path.GetFileName(file), "using System;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Configuration;\nusing System.Collections.Generic;\nusing System.Linq;\n" + File.ReadAllText(file)));
            }
            Assert.NotEmpty(test.Sources);
            test.AllowCompilerErrors = true; // the companion's implicit usings/partial Program are not reproduced here; RAXX401 is syntactic
            await test.RunAsync();
        }
    }
}
