using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetworkAnalysis.Testing;

/// <summary>
/// A throw-away PostgreSQL server for the tests: initdb into a temporary folder, a free loopback port, the unix socket in
/// that folder; started on first use, stopped and removed when the test run exits. One server per test process; each
/// test class takes its own database (<see cref="CreateDatabase"/>).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, and CI runs as root: there the folder is given to the <c>postgres</c> system user
/// (Debian's postgresql package creates it) and initdb, pg_ctl, createdb and dropdb run as that user through runuser.
/// Authentication is <c>trust</c> for the loopback address and the socket only, so no password exists to leak.
/// </remarks>
public sealed class PostgresServer
{
    /// <summary>The database user the server is initialised with.</summary>
    public const string User = "netan";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _bin;
    private readonly string _root;
    private int _databases;

    private PostgresServer(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The folder holding the data directory, the log and the unix socket.</summary>
    public string Root => _root;

    /// <summary>The folder of initdb and pg_ctl (newest /usr/lib/postgresql/N/bin, or $NETAN_PG_BIN), or null when none is installed.</summary>
    public static string? FindBin()
    {
        if (Environment.GetEnvironmentVariable("NETAN_PG_BIN") is { Length: > 0 } env)
        {
            return File.Exists(Path.Combine(env, "initdb")) ? env : null;
        }

        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    /// <summary>Why no server can be started here (no binaries; root without a postgres user), or null when one can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Linux (the test server is started with Debian's PostgreSQL binaries)";
        }

        if (FindBin() is null)
        {
            return "PostgreSQL server binaries (no initdb and pg_ctl under /usr/lib/postgresql/N/bin or $NETAN_PG_BIN)";
        }

        if (IsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return "a `postgres` system user (PostgreSQL refuses to run as root; the postgresql package creates the user)";
        }

        return null;
    }

    /// <summary>The server of this test run, started on first use (call <see cref="Prerequisite.RequirePostgres"/> first).</summary>
    public static PostgresServer Instance => Shared.Value;

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates an empty database and returns its case locator, <c>postgresql://netan@127.0.0.1:PORT/NAME</c>.</summary>
    /// <param name="prefix">Lower-case letters naming the test class, for the server log.</param>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}_{Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)}";
        Run("createdb", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, name);
        return Locator(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/> (closing its connections).</summary>
    public void DropDatabase(string locator)
    {
        var name = locator[(locator.LastIndexOf('/') + 1)..];
        Run("dropdb", "--force", "--if-exists", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, name);
    }

    /// <summary>The case locator of database <paramref name="database"/> on this server.</summary>
    public string Locator(string database) => $"postgresql://{User}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    private static PostgresServer Start()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("no PostgreSQL binaries (call Prerequisite.RequirePostgres first)");
        SweepStale();
        var root = Path.Combine(Path.GetTempPath(), "netan-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgresServer(bin, root, FreePort());
            try
            {
                server.InitAndStart(fresh: attempt == 1);
                server.StartWatchdog();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process may have taken the port between our probe and the server's bind: try another one.
            }
        }
    }

    private void InitAndStart(bool fresh)
    {
        var data = Path.Combine(_root, "data");
        if (fresh)
        {
            if (IsRoot)
            {
                RunProcess("chown", "-R", "postgres:postgres", _root);
            }

            Run("initdb", "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        }

        var options = string.Join(' ',
            "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _root, "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
        Run("pg_ctl", "-D", data, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "-t", "60", "start");
    }

    /// <summary>
    /// A detached shell that waits for this test process to end, however it ends (a test host torn down before its exit
    /// handlers finish, a SIGKILL), then stops the server and removes its folder.
    /// </summary>
    private void StartWatchdog()
    {
        const string Script = """
            exec >/dev/null 2>&1 </dev/null
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$2" -D "$3" -m immediate -w stop; else "$2" -D "$3" -m immediate -w stop; fi
            rm -rf "$4"
            """;
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var a in new[] { "sh", "-c", Script, "netan-pg-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.Combine(_bin, "pg_ctl"), Path.Combine(_root, "data"), _root })
        {
            info.ArgumentList.Add(a);
        }

        using var watchdog = Process.Start(info);
    }

    /// <summary>Stops the server immediately and removes its folder; safe to call twice.</summary>
    public void Stop()
    {
        try
        {
            Run("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Removes the folders of earlier runs whose process was killed before it could remove them: no server
    /// running from them (no live postmaster.pid) and untouched for ten minutes (a parallel test process may be starting one).</summary>
    private static void SweepStale()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "netan-pg-*"))
        {
            try
            {
                var pidFile = Path.Combine(dir, "data", "postmaster.pid");
                var alive = File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
                if (!alive && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddMinutes(-10))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or in use: left alone.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (IsRoot)
        {
            RunProcess("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            RunProcess(path, args);
        }
    }

    private static void RunProcess(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
        }
    }
}
