using System.Diagnostics;

namespace NetworkAnalysis.Reliability.Tests.Infrastructure;

/// <summary>Runs the built <c>netan</c> binary as a child process (it is copied beside this test assembly).</summary>
internal static class NetanProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>The apphost beside the test assembly, or <c>dotnet netan.dll</c> where no apphost was produced.</summary>
    public static (string FileName, string[] Prefix) Command()
    {
        var dir = AppContext.BaseDirectory;
        var host = Path.Combine(dir, OperatingSystem.IsWindows() ? "netan.exe" : "netan");
        return File.Exists(host) ? (host, []) : ("dotnet", [Path.Combine(dir, "netan.dll")]);
    }

    public static Process Start(params string[] args)
    {
        var (file, prefix) = Command();
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in prefix.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["NETAN_ANALYST"] = "reliability-test";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start netan");
    }

    /// <summary>Runs netan to completion (bounded by <paramref name="timeout"/>, a hang guard) and captures its output.</summary>
    public static Result Run(TimeSpan timeout, params string[] args)
    {
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new TimeoutException($"netan {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
