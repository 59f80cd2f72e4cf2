using System.Diagnostics;
using Npgsql;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Faults;

/// <summary>Four <c>netan ingest --shard i/4</c> processes write one PostgreSQL case at once; one is SIGKILLed after its first
/// committed batch and restarted: the case, copied back to a file and analysed, equals one case-file ingest of the same corpus
/// (ads, entities, mentions with spans, attributes, errors, source totals, clusters), so nothing was lost or stored twice (#22).</summary>
[Collection(ProcessCollection.Name)]
public sealed class KillShardedIngestTests(PostgresDatabase database, ITestOutputHelper log) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Ads = 24_000;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void FourWorkers_OneKilledAndRestarted_EqualOneCaseFileIngest()
    {
        // Given: a corpus with malformed rows, a reference case file ingested in one go, and an empty PostgreSQL schema
        Prerequisite.RequirePostgres();
        var clock = Stopwatch.StartNew();
        var data = _dir.File("data");
        Ok(NetanProcess.Run(Guard, "generate", "-n", Ads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "31", "-o", data, "-q"));
        var corpus = Path.Combine(data, "ads.jsonl");
        var lines = File.ReadAllLines(corpus).ToList();
        for (var i = 100; i < lines.Count; i += 997)
        {
            lines.Insert(i, "{\"id\": \"broken");
        }

        File.WriteAllLines(corpus, lines);
        var reference = _dir.File("reference.case");
        Ok(NetanProcess.Run(Guard, "-c", reference, "-q", "ingest", corpus));
        Ok(NetanProcess.Run(Guard, "-c", reference, "-q", "analyze"));
        var locator = database.Schema();

        // When: four workers start at once; shard 2 is killed once its first batch is committed
        var workers = Enumerable.Range(0, 4).Select(i => NetanProcess.Start("-c", locator, "-q", "ingest", corpus, "--shard", $"{i}/4")).ToArray();
        var outputs = workers.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Error: p.StandardError.ReadToEndAsync())).ToArray();
        var killedAt = WaitForCommittedRows(locator, shard: 2, workers[2]);
        workers[2].HasExited.ShouldBeFalse("shard 2 finished before it could be killed");
        workers[2].Kill();
        workers[2].WaitForExit();
        foreach (var (p, i) in workers.Select((p, i) => (p, i)).Where(w => w.i != 2))
        {
            p.WaitForExit(Guard).ShouldBeTrue();
            p.ExitCode.ShouldBe(0, outputs[i].Error.Result);
        }

        var (doneBefore, completedBefore) = Shards(locator);
        var restarted = NetanProcess.Run(Guard, "-c", locator, "ingest", corpus, "--shard", "2/4");
        var again = NetanProcess.Run(Guard, "-c", locator, "ingest", corpus, "--shard", "0/4");

        // Then: the kill left shard 2 incomplete and the file open; the restart resumed it and completed the file
        workers[2].ExitCode.ShouldBe(137);
        doneBefore.ShouldBe(3);
        completedBefore.ShouldBeFalse();
        Ok(restarted);
        restarted.Out.ShouldContain("(resumed)");
        Ok(again);
        again.Out.ShouldContain("already ingested");
        Shards(locator).ShouldBe((4, true));

        // And: copied back to a case file and analysed, it is the reference case, and its audit chain holds
        var back = _dir.File("back.case");
        Ok(NetanProcess.Run(Guard, "case", "copy", locator, back, "-q"));
        Ok(NetanProcess.Run(Guard, "-c", back, "-q", "analyze"));
        var expected = CaseContent.Hash(reference);
        var actual = CaseContent.Hash(back);
        foreach (var (part, (rows, hash)) in expected)
        {
            log.WriteLine($"{part}: {rows:N0} rows, {hash[..16]} vs {actual[part].Rows:N0} rows, {actual[part].Hash[..16]}");
        }

        actual.ShouldBe(expected);
        expected["ads"].Rows.ShouldBe(Ads);
        expected["errors"].Rows.ShouldBeGreaterThan(20);
        expected["clusters"].Rows.ShouldBeGreaterThan(1_000);
        Ok(NetanProcess.Run(Guard, "-c", back, "audit", "verify"));
        log.WriteLine($"shard 2 killed after {killedAt:N0} committed rows; restart: {restarted.Out.Trim()}; whole test {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Polls the shard's committed row counter until a batch is in (or the worker ended).</summary>
    private static long WaitForCommittedRows(string locator, int shard, Process worker)
    {
        var deadline = Stopwatch.StartNew();
        var parsed = PostgresCaseLocator.Parse(locator);
        using var pg = new NpgsqlConnection(parsed.ConnectionString());
        pg.Open();
        while (!worker.HasExited && deadline.Elapsed < Guard)
        {
            try
            {
                using var cmd = new NpgsqlCommand($"SELECT rows_read FROM {parsed.Schema}.ingest_shards WHERE shard = @i;", pg);
                cmd.Parameters.AddWithValue("i", (long)shard);
                if (cmd.ExecuteScalar() is long rows && rows > 0)
                {
                    return rows;
                }
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
            {
                // The first worker is still creating the case.
            }

            Thread.Sleep(20);
        }

        return 0;
    }

    private static (long Completed, bool FileCompleted) Shards(string locator)
    {
        var parsed = PostgresCaseLocator.Parse(locator);
        using var pg = new NpgsqlConnection(parsed.ConnectionString());
        pg.Open();
        using var cmd = new NpgsqlCommand($"SELECT (SELECT count(completed_at) FROM {parsed.Schema}.ingest_shards), (SELECT bool_and(completed_at IS NOT NULL) FROM {parsed.Schema}.sources);", pg);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetBoolean(1));
    }

    private static void Ok(NetanProcess.Result r) => r.ExitCode.ShouldBe(0, r.Error);
}
