using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan bench --floors</c> (#21): the ingest's own stage timings, and the sqlite3 .import and read + extract floors.</summary>
public sealed class BenchFloorsCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static bool HasSqlite3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, "sqlite3")));

    [SkippableFact]
    public async Task BenchFloors_ImportsTheSameRowsWithSqlite3_AndReadsAndExtractsAlone_AndReportsRatios()
    {
        Prerequisite.Require(HasSqlite3(), "the sqlite3 shell", Prerequisite.Apt("sqlite3"));

        // No speed is asserted (figures come from real benchmark runs): only that each floor ran on the same rows and is reported.
        var run = await CliRunner.RunAsync("bench", "--ads", "300", "--seed", "3", "--floors", "--json", "--keep", _dir.File("bench"));
        run.ExitCode.ShouldBe(0, run.All);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var floors = root.GetProperty("ingest_floors").EnumerateArray().ToList();
        floors.Count.ShouldBe(2);
        floors[0].GetProperty("floor").GetString()!.ShouldStartWith("sqlite3 .import");
        floors[1].GetProperty("floor").GetString()!.ShouldStartWith("read + extract only");
        floors.ShouldAllBe(f => f.GetProperty("seconds").GetDouble() > 0 && f.GetProperty("ingest_rate_vs_floor").GetDouble() > 0);

        // The import floor wrote exactly the rows ingest wrote
        foreach (var table in new[] { "ads", "entities", "mentions", "ad_attributes" })
        {
            Count(_dir.File("bench/floor-import.case"), table).ShouldBe(Count(_dir.File("bench/bench.case"), table), table);
        }

        Count(_dir.File("bench/bench.case"), "ads").ShouldBe(300);

        // and the ingest's stages are listed under it
        var stages = root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        stages.ShouldContain("ingest write");
        stages.ShouldContain("ingest extract");
    }

    [Fact]
    public async Task Bench_WithoutFloors_PrintsNoFloors()
    {
        var run = await CliRunner.RunAsync("bench", "--ads", "50", "--seed", "3", "--json");
        run.ExitCode.ShouldBe(0, run.All);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("ingest_floors").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static long Count(string casePath, string table)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={casePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table};";
        return (long)cmd.ExecuteScalar()!;
    }
}
