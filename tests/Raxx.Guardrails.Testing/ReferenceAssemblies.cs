using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Raxx.Guardrails.Testing
{
    /// <summary>
    /// Compilation references for test sources: the SDK's reference packs (Microsoft.NETCore.App.Ref
    /// and Microsoft.AspNetCore.App.Ref, the assemblies a real project compiles against), plus
    /// Microsoft.FeatureManagement, Mvc.Testing and xunit from the test's output folder.
    /// </summary>
    public static class ReferenceAssemblies
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> NetCore = new(() => LoadPack("Microsoft.NETCore.App.Ref"));
        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore = new(() => LoadPack("Microsoft.AspNetCore.App.Ref"));
        private static readonly Lazy<ImmutableArray<MetadataReference>> Packages = new(LoadPackages);

        /// <summary>Plain .NET (console/library) references.</summary>
        public static ImmutableArray<MetadataReference> Net => NetCore.Value;

        /// <summary>.NET + ASP.NET Core + FeatureManagement (a web app's view).</summary>
        public static ImmutableArray<MetadataReference> AspNet => NetCore.Value.AddRange(AspNetCore.Value).AddRange(Packages.Value.Where(r => !IsTestFramework(r)));

        /// <summary>A web test project's view: AspNet plus Mvc.Testing and xunit.</summary>
        public static ImmutableArray<MetadataReference> AspNetTests => NetCore.Value.AddRange(AspNetCore.Value).AddRange(Packages.Value);

        private static bool IsTestFramework(MetadataReference r)
        {
            var name = Path.GetFileNameWithoutExtension(r.Display ?? string.Empty);
            return name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Microsoft.AspNetCore.Mvc.Testing", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Microsoft.AspNetCore.TestHost", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The dotnet root (…/dotnet) derived from the running runtime's location.</summary>
        public static string DotnetRoot
        {
            get
            {
                // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
                var coreLib = typeof(object).Assembly.Location;
                var dir = new DirectoryInfo(Path.GetDirectoryName(coreLib)!);
                return dir.Parent!.Parent!.Parent!.FullName;
            }
        }

        private static ImmutableArray<MetadataReference> LoadPack(string packName)
        {
            var packDir = Path.Combine(DotnetRoot, "packs", packName);
            if (!Directory.Exists(packDir))
            {
                throw new InvalidOperationException($"Reference pack '{packName}' not found under {packDir}; the .NET SDK is required to run these tests.");
            }

            var runtimeMajor = Environment.Version.Major;
            var version = Directory.GetDirectories(packDir)
                .Select(d => new { Dir = d, Version = Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null })
                .Where(x => x.Version != null && x.Version.Major == runtimeMajor)
                .OrderByDescending(x => x.Version)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"No {packName} for .NET {runtimeMajor} under {packDir}.");

            var refDir = Directory.GetDirectories(Path.Combine(version.Dir, "ref")).OrderByDescending(d => d, StringComparer.Ordinal).First();
            return Directory.GetFiles(refDir, "*.dll")
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> LoadPackages()
        {
            var baseDir = AppContext.BaseDirectory;
            var names = new[]
            {
                "Microsoft.FeatureManagement.dll",
                "Microsoft.FeatureManagement.AspNetCore.dll",
                "Microsoft.AspNetCore.Mvc.Testing.dll",
                "Microsoft.AspNetCore.TestHost.dll",
                "xunit.core.dll",
                "xunit.assert.dll",
                "xunit.abstractions.dll",
            };
            var list = new List<MetadataReference>();
            foreach (var name in names)
            {
                var path = Path.Combine(baseDir, name);
                if (File.Exists(path))
                {
                    list.Add(MetadataReference.CreateFromFile(path));
                }
            }
            return list.ToImmutableArray();
        }
    }
}
