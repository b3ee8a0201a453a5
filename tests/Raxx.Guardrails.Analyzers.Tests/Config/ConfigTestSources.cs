namespace Raxx.Guardrails.Analyzers.Tests.Config
{
    /// <summary>Usings shared by the configuration rule tests (test sources compile without implicit usings).</summary>
    internal static class ConfigTestSources
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Configuration.Json;
            using Microsoft.Extensions.Configuration.Memory;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            """;
    }
}
