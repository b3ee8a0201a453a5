using System;
using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// The runtime calls <see cref="Initialize"/> before the app's Main when DOTNET_STARTUP_HOOKS names this assembly.
/// It only arranges things: when the preflight passed a token, it adds this assembly to the app's hosting startup
/// assemblies (resolved from the path the hook was loaded from). Uses nothing but the base library, so it is
/// harmless in an app that is not ASP.NET Core (nobody reads the variable; the preflight reports the fallback).
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Raxx.Guardrails.Preflight.Probe.ProbeConstants.TokenVariable)))
        {
            return;
        }

        var assembly = typeof(StartupHook).Assembly;
        var name = assembly.GetName().Name!;
        // The app's Assembly.Load(name) only looks in its own folder: answer with the copy the hook came from.
        AssemblyLoadContext.Default.Resolving += (_, requested) =>
            string.Equals(requested.Name, name, StringComparison.OrdinalIgnoreCase) ? assembly : null;

        const string variable = "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES";
        var existing = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, string.IsNullOrEmpty(existing) ? name : existing + ";" + name);
    }
}
