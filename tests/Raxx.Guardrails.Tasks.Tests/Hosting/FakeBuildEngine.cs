using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace Raxx.Guardrails.Tasks.Tests.Hosting;

/// <summary>An MSBuild engine for running tasks in tests: records events and keeps registered task objects per lifetime.</summary>
public sealed class FakeBuildEngine : IBuildEngine4
{
    private readonly Dictionary<(object Key, RegisteredTaskObjectLifetime Lifetime), object> _objects = new();

    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();
    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "fake.csproj";
    public bool IsRunningMultipleNodes => false;

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => throw new NotSupportedException();
    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => throw new NotSupportedException();
    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => throw new NotSupportedException();
    public void Yield() { }
    public void Reacquire() { }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => _objects[(key, lifetime)] = obj;
    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => _objects.TryGetValue((key, lifetime), out var o) ? o : null;
    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime)
    {
        _objects.Remove((key, lifetime), out var o);
        return o;
    }
}
