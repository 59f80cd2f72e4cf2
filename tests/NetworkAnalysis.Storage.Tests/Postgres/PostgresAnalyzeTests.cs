using System.Text;
using Npgsql;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests.Postgres;

/// <summary><see cref="CaseAnalyzer"/> on a PostgreSQL case (issue #22): one snapshot while ingest workers keep committing, and
/// the same stored analysis as a case file's.</summary>
public sealed class PostgresAnalyzeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A generated corpus (JSON Lines) whose ad IDs are prefixed by <paramref name="name"/>, so two files share no ad
    /// but (same seed) share identifiers.</summary>
    private string Corpus(int ads, int seed, string name)
    {
        var text = new StringWriter();
        CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed }), text);
        var path = _dir.File(name);
        File.WriteAllText(path, text.ToString().Replace("{\"id\":\"", "{\"id\":\"" + name + "-", StringComparison.Ordinal), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Every ad's cluster by ad key, and every cluster's stored summary: the analysis as the commands read it.</summary>
    private static (List<string> Memberships, List<string> Clusters) Analysis(CaseStore store) =>
        ([.. store.Memberships().Select(m => $"{m.AdKey} {m.ClusterId ?? "-"}")],
         [.. store.ListClusters().Select(c => $"{c.Id} {c.Size} {c.Phones} {c.Emails} {c.Entities} {string.Join('|', c.Cities)} {c.FirstSeen} {c.LastSeen}")]);

    [SkippableFact]
    public void Analyze_WhileAWorkerCommitsBatches_CoversExactlyItsSnapshot_AndTheNextAnalyzeTheRest()
    {
        // Given: a PostgreSQL case holding file a (ingested by a worker), and a second file b sharing its identifiers
        Prerequisite.RequirePostgres();
        var a = Corpus(900, seed: 8, "a.jsonl");
        var b = Corpus(500, seed: 8, "b.jsonl");
        var locator = PostgresCaseLocator.Parse(database.Schema());
        using (var writer = new PostgresIngestWriter(locator))
        {
            writer.Ingest(a, new IngestOptions { BatchSize = 300 }, IngestShard.All).AdsAdded.ShouldBe(900);
        }

        // ... and an ingest transaction already open when the analysis starts: one more ad, with the mentions of a's first ad
        using var inFlight = new NpgsqlConnection(locator.ConnectionString());
        inFlight.Open();
        using var batch = inFlight.BeginTransaction();
        Sql(inFlight, $"""
            SET search_path TO {locator.Schema};
            CREATE TEMP TABLE late AS SELECT * FROM ads WHERE ad_key = (SELECT min(ad_key) FROM ads);
            UPDATE late SET id = nextval(pg_get_serial_sequence('ads', 'id')), ad_key = ad_key || '-late', ad_id = ad_id || '-late';
            INSERT INTO ads SELECT * FROM late;
            INSERT INTO mentions(ad, entity, start, "end", raw, extractor, confidence)
                SELECT (SELECT id FROM late), entity, start, "end", raw, extractor, confidence FROM mentions WHERE ad = (SELECT id FROM ads WHERE ad_key = (SELECT min(ad_key) FROM ads));
            """);

        // When: the case is analysed while, once its snapshot is taken, a worker ingests all of b (its batches committed)
        // and the open transaction commits
        AnalysisRunResult first;
        IngestResult during = null!;
        using (var store = CaseStore.Open(locator.ToString()))
        {
            first = new CaseAnalyzer(store)
            {
                SnapshotTaken = () =>
                {
                    using var writer = new PostgresIngestWriter(locator);
                    during = writer.Ingest(b, new IngestOptions { BatchSize = 100 }, IngestShard.All);
                    batch.Commit();
                },
            }.Analyze();
        }

        // Then: it covered exactly a (what was committed at its snapshot): none of b's ads, not the late one, every ad of a
        // where a case file's analysis of a alone puts it, clusters and IDs alike
        during.AdsAdded.ShouldBe(500);
        first.Ads.ShouldBe(900);
        first.TimingsMs["ads_covered"].ShouldBe(900);
        var fileCase = _dir.File("a.case");
        (List<string> Memberships, List<string> Clusters) expected;
        using (var file = CaseStore.Open(fileCase, create: true))
        {
            new CaseIngestor(file).Ingest(a);
            new CaseAnalyzer(file).Analyze();
            expected = Analysis(file);
        }

        using (var store = CaseStore.Open(locator.ToString()))
        {
            var (memberships, clusters) = Analysis(store);
            memberships.Where(m => m.Contains("/a.jsonl-", StringComparison.Ordinal) && !m.Contains("-late ", StringComparison.Ordinal)).ToList().ShouldBe(expected.Memberships);
            memberships.Where(m => m.Contains("/b.jsonl-", StringComparison.Ordinal) || m.Contains("-late ", StringComparison.Ordinal)).ShouldAllBe(m => m.EndsWith(" -"));
            clusters.ShouldBe(expected.Clusters);
            store.Counts().Unclustered.ShouldBe(501);
        }

        // When: analysed again
        AnalysisRunResult second;
        using (var store = CaseStore.Open(locator.ToString()))
        {
            second = new CaseAnalyzer(store).Analyze();
        }

        // Then: it covers the rest, as a case file given the same ads analyses them (b, and the late ad in its twin's cluster)
        second.Incremental.ShouldBeTrue();
        second.Ads.ShouldBe(1_401);
        using (var file = CaseStore.Open(fileCase))
        {
            new CaseIngestor(file).Ingest(b);
            using (var late = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fileCase};Pooling=False"))
            {
                late.Open();
                using var cmd = late.CreateCommand();
                cmd.CommandText = """
                    CREATE TEMP TABLE late AS SELECT * FROM ads WHERE ad_key = (SELECT min(ad_key) FROM ads);
                    UPDATE late SET id = (SELECT max(id) + 1 FROM ads), ad_key = ad_key || '-late', ad_id = ad_id || '-late';
                    INSERT INTO ads SELECT * FROM late;
                    INSERT INTO mentions(ad, entity, start, "end", raw, extractor, confidence)
                        SELECT (SELECT id FROM late), entity, start, "end", raw, extractor, confidence FROM mentions WHERE ad = (SELECT id FROM ads WHERE ad_key = (SELECT min(ad_key) FROM ads));
                    """;
                cmd.ExecuteNonQuery();
            }

            new CaseAnalyzer(file).Analyze().Incremental.ShouldBeTrue();
            expected = Analysis(file);
        }

        using (var store = CaseStore.Open(locator.ToString()))
        {
            var (memberships, clusters) = Analysis(store);
            memberships.ShouldBe(expected.Memberships);
            clusters.ShouldBe(expected.Clusters);
            store.Counts().Unclustered.ShouldBe(0);
            var lateCluster = store.Memberships().Single(m => m.AdKey.EndsWith("-late", StringComparison.Ordinal)).ClusterId;
            lateCluster.ShouldNotBeNull();
            store.Memberships().Count(m => m.ClusterId == lateCluster).ShouldBeGreaterThan(1);
        }
    }

    [SkippableFact]
    public void Analyze_WithAnIngestBatchInFlight_WaitsForItsCommit_SoItsRowsAreInTheSnapshot()
    {
        // Given: a case, and an ingest batch in flight as the writer holds one (the batches' shared lock taken, an ad and its
        // mentions written with identity IDs, not committed)
        Prerequisite.RequirePostgres();
        var locator = PostgresCaseLocator.Parse(database.Schema());
        using (var writer = new PostgresIngestWriter(locator))
        {
            writer.Ingest(Corpus(300, seed: 9, "w.jsonl"), new IngestOptions { BatchSize = 300 }, IngestShard.All).AdsAdded.ShouldBe(300);
        }

        using var inFlight = new NpgsqlConnection(locator.ConnectionString());
        inFlight.Open();
        using var batch = inFlight.BeginTransaction();
        Sql(inFlight, $"""
            SET search_path TO {locator.Schema};
            SELECT pg_advisory_xact_lock_shared(hashtextextended('{CaseStore.IngestBatchLockPrefix}{locator.Schema}', 0));
            CREATE TEMP TABLE late AS SELECT * FROM ads WHERE ad_key = (SELECT min(ad_key) FROM ads);
            UPDATE late SET id = nextval(pg_get_serial_sequence('ads', 'id')), ad_key = ad_key || '-late', ad_id = ad_id || '-late';
            INSERT INTO ads SELECT * FROM late;
            INSERT INTO mentions(ad, entity, start, "end", raw, extractor, confidence)
                SELECT (SELECT id FROM late), entity, start, "end", raw, extractor, confidence FROM mentions WHERE ad = (SELECT id FROM ads WHERE ad_key = (SELECT min(ad_key) FROM ads));
            """);

        // When: an analysis starts; the batch commits once the analysis is seen waiting on a lock (pg_locks), or once the
        // analysis has finished without waiting
        var analysis = Task.Run(() =>
        {
            using var store = CaseStore.Open(locator.ToString());
            return new CaseAnalyzer(store).Analyze();
        });
        using var watch = new NpgsqlConnection(locator.ConnectionString());
        watch.Open();
        using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted;", watch);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var waited = false;
        while (!analysis.IsCompleted && DateTime.UtcNow < deadline && !(waited = (long)waiting.ExecuteScalar()! > 0))
        {
            Thread.Sleep(10);
        }

        batch.Commit();
        var result = analysis.GetAwaiter().GetResult();

        // Then: the analysis waited, and its snapshot holds the batch's ad (a snapshot taken while it was in flight would
        // not, and its mention IDs, below the next run's mark, would be missed by the next incremental analysis)
        waited.ShouldBeTrue("the analysis took its snapshot while an ingest batch was in flight");
        result.TimingsMs["ads_covered"].ShouldBe(301);
    }

    private static void Sql(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
