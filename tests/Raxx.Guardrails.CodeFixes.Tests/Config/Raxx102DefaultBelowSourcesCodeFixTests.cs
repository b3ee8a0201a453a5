using System.Threading.Tasks;
using Raxx.Guardrails.Analyzers.Config;
using Raxx.Guardrails.CodeFixes.Config;
using Raxx.Guardrails.Testing;

namespace Raxx.Guardrails.CodeFixes.Tests.Config
{
    public class Raxx102DefaultBelowSourcesCodeFixTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Configuration.Memory;

            """;

        private static CodeFixTest Test(string source, string fixedSource, string usings = Usings, string? fixedUsings = null) =>
            VerifyFix<Raxx102KeyWrittenInCodeAnalyzer, Raxx102DefaultBelowSourcesCodeFix>.Test(usings + source, (fixedUsings ?? usings) + fixedSource);

        [Fact]
        public Task IndexerWriteAndUseSetting_BecomeDefaultsBelowTheSources()
        {
            // incident 09: instance/config.py ported as code wrote WEBAUTHN_RP_ID = '' over the platform's config var
            var test = Test("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration[{|RAXX102:"WEBAUTHN_RP_ID"|}] = "";
                        builder.WebHost.UseSetting({|RAXX102:"WEBAUTHN_ORIGIN"|}, "https://raxx.app");
                        var app = builder.Build();
                    }
                }
                """, """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = new Dictionary<string, string?> { ["WEBAUTHN_RP_ID"] = "" } });
                        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = new Dictionary<string, string?> { ["WEBAUTHN_ORIGIN"] = "https://raxx.app" } });
                        var app = builder.Build();
                    }
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task WithoutUsingsOrNullableAnnotations_UsingsAreAdded_NoAnnotation()
        {
            const string usings = """
                #nullable disable
                using Microsoft.AspNetCore.Builder;

                """;
            var test = Test("""
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration[{|RAXX102:"WEBAUTHN_RP_ID"|}] = "raxx.app";
                        builder.Configuration[{|RAXX102:"WEBAUTHN_ORIGIN"|}] = "https://raxx.app";
                    }
                }
                """, """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = new Dictionary<string, string> { ["WEBAUTHN_RP_ID"] = "raxx.app" } });
                        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = new Dictionary<string, string> { ["WEBAUTHN_ORIGIN"] = "https://raxx.app" } });
                    }
                }
                """, usings, """
                #nullable disable
                using Microsoft.AspNetCore.Builder;
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration.Memory;

                """);
            return test.RunAsync();
        }

        [Fact]
        public Task SectionPathsComputedKeysInterfacesAndRepeatedKeys_NoFixOffered()
        {
            // a section's key is a path built by code; IConfiguration has no Sources; a non-constant key; a key written
            // twice (a default would reverse which write wins)
            const string source = """
                static class App
                {
                    static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.GetSection("WebAuthn")[{|RAXX102:"RpId"|}] = "localhost";
                        builder.Configuration.GetSection({|RAXX102:"Origin"|}).Value = "http://localhost";
                        IConfiguration config = builder.Configuration;
                        config[{|RAXX102:"FLAG_WEBAUTHN_REGISTRATION"|}] = "1";
                        var key = args[0];
                        builder.Configuration[{|RAXX102:key|}] = "x";
                        builder.Configuration[{|RAXX102:"WEBAUTHN_RP_NAME"|}] = "Raxx";
                        builder.Configuration[{|RAXX102:"WEBAUTHN_RP_NAME"|}] = "Raxx (staging)";
                    }
                }
                """;
            return Test(source, source).RunAsync();
        }
    }
}
