using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Raxx.Guardrails.Testing
{
    /// <summary>The application a test assembly boots, compiled in memory as a separate assembly (RAXX203 and its code fix need the app's factory outside the tests).</summary>
    public static class AppUnderTest
    {
        public const string Source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;

            namespace Raptor.Api
            {
                public static class AppFactory
                {
                    public static WebApplication CreateApp(string[] args, IDictionary<string, string?>? testConfig = null)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        if (testConfig != null)
                        {
                            builder.Configuration.AddInMemoryCollection(testConfig);
                        }
                        else
                        {
                            builder.Configuration.AddJsonFile("instance/config.json", optional: true);
                        }
                        return builder.Build();
                    }

                    public static string Describe() => "Raptor";
                }

                public partial class Program { }
            }
            """;

        private static readonly Lazy<MetadataReference> Reference = new(() =>
        {
            var compilation = CSharpCompilation.Create(
                "Raptor.Api",
                new[] { CSharpSyntaxTree.ParseText(Source) },
                ReferenceAssemblies.AspNet,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("App under test does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
            return MetadataReference.CreateFromImage(stream.ToArray());
        });

        public static MetadataReference MetadataReference => Reference.Value;
    }
}
