using System.Diagnostics;
using System.Globalization;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli.Commands;

/// <summary>
/// Floors for <c>netan bench --floors</c> (#21), timed in the same run as the ingest they are compared with: the rows that
/// ingest wrote, written into an empty case of the same schema by the sqlite3 shell's own CSV <c>.import</c> (one transaction
/// per table, no extraction, no statement round trips from .NET), and the same read + extraction as ingest with nothing stored.
/// </summary>
internal static class BenchFloors
{
    /// <summary>The tables a JSON Lines ingest writes, in an order the foreign keys allow.</summary>
    private static readonly string[] IngestTables = ["sources", "ads", "entities", "mentions", "ad_attributes", "ad_images", "ingest_errors"];

    /// <summary>One floor: wall and CPU seconds, and our ingest's ads/s divided by the floor's.</summary>
    internal sealed record Run(string Name, double Seconds, double CpuSeconds, double IngestRateRatio);

    /// <summary>Times both floors against the ingest of <paramref name="adsPath"/> into <paramref name="casePath"/> that took <paramref name="ingestSeconds"/>.</summary>
    public static IReadOnlyList<Run> Measure(string folder, string casePath, string adsPath, double ingestSeconds)
    {
        var sqlite3 = FindSqlite3() ?? throw new CliError("bench --floors needs the sqlite3 shell on PATH (apt-get install -y sqlite3)");
        var runs = new List<Run>();

        // (a) sqlite3 .import: export the rows ingest wrote as CSV (not timed), then import them into a fresh empty case.
        var csvFolder = Path.Combine(folder, "floor-csv");
        Directory.CreateDirectory(csvFolder);
        foreach (var table in IngestTables)
        {
            Sqlite3(sqlite3, ["-csv", casePath, $"SELECT * FROM {table};"], Path.Combine(csvFolder, table + ".csv"));
        }

        var floorCase = Path.Combine(folder, "floor-import.case");
        File.Delete(floorCase);
        using (CaseStore.Open(floorCase, create: true))
        {
            // Only the schema (and WAL mode): the import below writes every row.
        }

        var script = Path.Combine(folder, "floor-import.sql");
        // The case connection's settings (WAL, synchronous = NORMAL, a 64 MB page cache), so only the write path differs.
        File.WriteAllLines(script, ["PRAGMA synchronous = NORMAL;", "PRAGMA cache_size = -65536;", ".mode csv",
            .. IngestTables.Select(t => $".import '{Path.Combine(csvFolder, t + ".csv").Replace("'", "''", StringComparison.Ordinal)}' {t}")]);
        var watch = Stopwatch.StartNew();
        var cpu = ChildCpuSeconds();
        Sqlite3(sqlite3, [floorCase, $".read '{script.Replace("'", "''", StringComparison.Ordinal)}'"], null);
        var seconds = watch.Elapsed.TotalSeconds;
        runs.Add(new Run("sqlite3 .import of the same rows (CSV, one transaction per table)", seconds, ChildCpuSeconds() - cpu, seconds / ingestSeconds));

        // (b) read + extract only, the same reader and extraction as ingest, nothing stored.
        using (var store = CaseStore.Open(Path.Combine(folder, "floor-extract.case"), create: true))
        {
            watch.Restart();
            var selfCpu = SelfCpuSeconds();
            new CaseIngestor(store).ReadAndExtract(adsPath);
            seconds = watch.Elapsed.TotalSeconds;
            runs.Add(new Run("read + extract only (no store)", seconds, SelfCpuSeconds() - selfCpu, seconds / ingestSeconds));
        }

        return runs;
    }

    private static string? FindSqlite3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "sqlite3")).FirstOrDefault(File.Exists);

    private static void Sqlite3(string sqlite3, IEnumerable<string> arguments, string? stdoutFile)
    {
        var start = new ProcessStartInfo(sqlite3) { RedirectStandardOutput = stdoutFile is not null, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        if (stdoutFile is not null)
        {
            using var file = File.Create(stdoutFile);
            p.StandardOutput.BaseStream.CopyTo(file);
        }

        p.WaitForExit();
        if (p.ExitCode != 0 || error.Result.Length > 0)
        {
            throw new CliError($"bench --floors: sqlite3 failed (exit {p.ExitCode}): {error.Result.Trim().ReplaceLineEndings(" ")}", ExitCodes.Failure);
        }
    }

    private static double SelfCpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>CPU seconds (user + system) of this process's finished, waited-for children (Linux: cutime + cstime of
    /// /proc/self/stat, in clock ticks of 1/100 s); 0 elsewhere.</summary>
    private static double ChildCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
