using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Raxx.Guardrails.Testing.Process
{
    /// <summary>The result of one external process run: exit code and the interleaved output.</summary>
    public sealed class ProcessResult
    {
        public ProcessResult(int exitCode, string stdout, string stderr)
        {
            ExitCode = exitCode;
            StandardOutput = stdout;
            StandardError = stderr;
        }

        public int ExitCode { get; }
        public string StandardOutput { get; }
        public string StandardError { get; }
        public string Output => StandardOutput + StandardError;

        public override string ToString() => $"exit {ExitCode}\n{StandardOutput}\n{StandardError}";
    }

    /// <summary>
    /// Runs `dotnet` (and other commands) for integration tests. Tests that invoke `dotnet build`/`pack`/
    /// `publish` on projects referencing the analyzer projects must be in <see cref="DotnetCollection"/>
    /// (one at a time: concurrent builds race on the shared obj/ folders) and pass
    /// <see cref="SampleBuildArgs"/> so they use the analyzers the solution build already produced.
    /// </summary>
    public static class DotnetCli
    {
        /// <summary>Arguments for building a sample or incident project against the already-built analyzers.</summary>
        public static string[] SampleBuildArgs => new[]
        {
            "-c", RepoPaths.Configuration, "-p:BuildProjectReferences=false", "-nologo", "-v:q", "-clp:NoSummary",
            "-nodeReuse:false", "-p:UseSharedCompilation=false",
        };

        public static ProcessResult Run(string workingDirectory, IEnumerable<string> args, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
            => RunProcess("dotnet", workingDirectory, args, environment, timeout);

        public static ProcessResult RunProcess(string fileName, string workingDirectory, IEnumerable<string> args, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
        {
            var psi = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                psi.ArgumentList.Add(arg);
            }
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    if (pair.Value == null)
                    {
                        psi.Environment.Remove(pair.Key);
                    }
                    else
                    {
                        psi.Environment[pair.Key] = pair.Value;
                    }
                }
            }

            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            using var process = new System.Diagnostics.Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var limit = timeout ?? TimeSpan.FromMinutes(5);
            if (!process.WaitForExit((int)limit.TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit();
                return new ProcessResult(-1, stdout.ToString(), stderr + $"\n[timed out after {limit}]");
            }
            process.WaitForExit();
            Thread.Sleep(10);
            return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }

    /// <summary>
    /// Tests that run dotnet build/pack/publish use <c>[Collection(DotnetCollection.Name)]</c> so they never run
    /// concurrently. They all live in tests/Raxx.Guardrails.IntegrationTests: separate test assemblies run in
    /// parallel processes, which a collection cannot serialise.
    /// </summary>
    public static class DotnetCollection
    {
        public const string Name = "dotnet builds (serial)";
    }
}
