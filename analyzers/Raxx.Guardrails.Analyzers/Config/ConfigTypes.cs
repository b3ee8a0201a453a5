using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Raxx.Guardrails.Analyzers.Config
{
    /// <summary>
    /// The Microsoft.Extensions.Configuration and hosting types the configuration rules (RAXX101-104)
    /// need, resolved once per compilation. <see cref="Create"/> returns null when
    /// Microsoft.Extensions.Configuration is not referenced, so the rules cost nothing there.
    /// </summary>
    internal sealed class ConfigTypes
    {
        private ConfigTypes(Compilation compilation, INamedTypeSymbol configurationBuilder, INamedTypeSymbol configuration)
        {
            ConfigurationBuilder = configurationBuilder;
            Configuration = configuration;
            ConfigurationSection = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
            WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            WebApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
            ConfigureWebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.ConfigureWebHostBuilder");
            ConfigureHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.ConfigureHostBuilder");
            Host = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.Host");
            WebHost = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.WebHost");
            HostApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostApplicationBuilder");
            IHostApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostApplicationBuilder");
            IHostBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder");
            IWebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
            EnvironmentVariablesSource = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource");
            CommandLineSource = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource");
            StringArray = compilation.CreateArrayTypeSymbol(compilation.GetSpecialType(SpecialType.System_String));
        }

        public INamedTypeSymbol ConfigurationBuilder { get; }
        public INamedTypeSymbol Configuration { get; }
        public INamedTypeSymbol? ConfigurationSection { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? WebApplicationBuilder { get; }
        public INamedTypeSymbol? ConfigureWebHostBuilder { get; }
        public INamedTypeSymbol? ConfigureHostBuilder { get; }
        public INamedTypeSymbol? Host { get; }
        public INamedTypeSymbol? WebHost { get; }
        public INamedTypeSymbol? HostApplicationBuilder { get; }
        public INamedTypeSymbol? IHostApplicationBuilder { get; }
        public INamedTypeSymbol? IHostBuilder { get; }
        public INamedTypeSymbol? IWebHostBuilder { get; }
        public INamedTypeSymbol? EnvironmentVariablesSource { get; }
        public INamedTypeSymbol? CommandLineSource { get; }
        public IArrayTypeSymbol StringArray { get; }

        public static ConfigTypes? Create(Compilation compilation)
        {
            var builder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationBuilder");
            var configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            return builder == null || configuration == null ? null : new ConfigTypes(compilation, builder, configuration);
        }

        /// <summary>True when the compilation is a test assembly (xunit, NUnit, MSTest or Mvc.Testing referenced).</summary>
        public static bool IsTestAssembly(Compilation compilation) =>
            compilation.ReferencedAssemblyNames.Any(a =>
                a.Name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                || a.Name.Equals("nunit.framework", StringComparison.OrdinalIgnoreCase)
                || a.Name.Equals("Microsoft.VisualStudio.TestPlatform.TestFramework", StringComparison.OrdinalIgnoreCase)
                || a.Name.Equals("MSTest.TestFramework", StringComparison.OrdinalIgnoreCase)
                || a.Name.Equals("Microsoft.AspNetCore.Mvc.Testing", StringComparison.OrdinalIgnoreCase));

        public bool IsConfigurationBuilder(ITypeSymbol? type) => Implements(type, ConfigurationBuilder);

        public bool IsConfiguration(ITypeSymbol? type) => Implements(type, Configuration);

        public bool IsConfigurationSection(ITypeSymbol? type) => ConfigurationSection != null && Implements(type, ConfigurationSection);

        /// <summary>WebApplicationBuilder, HostApplicationBuilder or IHostApplicationBuilder: builders whose Configuration is a ConfigurationManager with the defaults.</summary>
        public bool IsApplicationBuilder(ITypeSymbol? type) =>
            type != null && (Is(type, WebApplicationBuilder) || Is(type, HostApplicationBuilder) || Implements(type, IHostApplicationBuilder));

        public bool IsHostBuilder(ITypeSymbol? type) => type != null && (Implements(type, IHostBuilder) || Implements(type, IWebHostBuilder));

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? target) =>
            type != null && target != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);

        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? target)
        {
            if (type == null || target == null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target))
            {
                return true;
            }
            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
