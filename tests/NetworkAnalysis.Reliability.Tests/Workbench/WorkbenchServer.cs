using System.Diagnostics;
using System.Text.RegularExpressions;
using NetworkAnalysis.Reliability.Tests.Infrastructure;

namespace NetworkAnalysis.Reliability.Tests.Workbench;

/// <summary>A real <c>netan serve</c> child process; its URL (and token, when it prints one) read from its first lines.</summary>
internal sealed partial class WorkbenchServer : IDisposable
{
    private readonly Process _process;

    private WorkbenchServer(Process process, Uri url, string? token)
    {
        _process = process;
        Url = url;
        Token = token;
    }

    /// <summary>The address it listens on (scheme, host, port).</summary>
    public Uri Url { get; }

    /// <summary>The token it printed (<c>/?token=…</c>), or null when it runs without one.</summary>
    public string? Token { get; }

    /// <summary>Starts <c>netan serve --port 0</c> with the extra arguments and waits (bounded) for the line naming its URL.</summary>
    public static WorkbenchServer Start(string casePath, params string[] extra)
    {
        var process = NetanProcess.Start(["serve", "--case", casePath, "--port", "0", .. extra]);
        var lines = new List<string>();
        var read = Task.Run(() =>
        {
            // The server prints the URL line once it listens; everything after goes to a drain so the pipe never fills.
            while (process.StandardOutput.ReadLine() is { } line)
            {
                lines.Add(line);
                if (UrlLine().Match(line) is { Success: true } m)
                {
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                    return m;
                }
            }

            return null;
        });
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        if (!read.Wait(TimeSpan.FromMinutes(3)) || read.Result is not { } match)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException("netan serve did not print its URL: " + string.Join(" | ", lines));
        }

        var token = match.Groups["token"].Success ? match.Groups["token"].Value : null;
        return new WorkbenchServer(process, new Uri(match.Groups["url"].Value), token);
    }

    /// <summary>Kills the server with SIGKILL (no shutdown, no checkpoint) and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    /// <summary>Stops the server as Ctrl+C or a service manager would (SIGTERM) and waits (bounded) for it to exit.</summary>
    public void Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        _process.WaitForExit(60_000).ShouldBeTrue("netan serve did not stop within 60 s of SIGTERM");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Workbench for .* at (?<url>http://[^/\s]+)/(\?token=(?<token>[A-Za-z0-9_\-]+))?")]
    private static partial Regex UrlLine();
}
