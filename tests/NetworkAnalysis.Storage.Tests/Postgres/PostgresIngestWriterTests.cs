using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests.Postgres;

public sealed class PostgresIngestWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>What a case holds, by stable keys (ad key, entity type and value, source SHA-256), not row IDs or timestamps.</summary>
    internal static readonly string[] Content =
    [
        """
        SELECT ad_key, site, ad_id, line, ifnull(posted_at,''), ifnull(city,''), ifnull(region,''), ifnull(country,''), ifnull(title,''), ifnull(body,''),
               text, ifnull(poster,''), ifnull(images,''), ifnull(image_hashes,''), ifnull(price,''), ifnull(age,''), ifnull(attributes,''), raw
        FROM ads ORDER BY ad_key
        """,
        "SELECT type, value FROM entities ORDER BY type, value",
        """
        SELECT a.ad_key, e.type, e.value, ifnull(m.start,-1), ifnull(m.end,-1), m.raw, m.extractor, m.confidence
        FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity ORDER BY 1, 4, 5, 2, 3, 6, 7
        """,
        "SELECT a.ad_key, t.kind, t.value, t.start, t.end, t.raw FROM ad_attributes t JOIN ads a ON a.id = t.ad ORDER BY 1, 4, 5, 2, 3",
        "SELECT a.ad_key, i.position, ifnull(i.path,''), ifnull(i.sha256,''), ifnull(i.phash,''), ifnull(i.dhash,''), ifnull(i.error,'') FROM ad_images i JOIN ads a ON a.id = i.ad ORDER BY 1, 2",
        "SELECT s.sha256, e.line, ifnull(e.field,''), e.message FROM ingest_errors e JOIN sources s ON s.id = e.source_id ORDER BY 1, 2",
        "SELECT sha256, size, format, completed_at IS NOT NULL, rows_read, rows_added, rows_failed FROM sources ORDER BY sha256",
        """
        SELECT a.ad_key, v.version, s.sha256, v.line, ifnull(v.seen_at,''), v.content_sha256, ifnull(v.title,''), ifnull(v.body,''), v.text,
               ifnull(v.poster,''), ifnull(v.city,''), ifnull(v.region,''), ifnull(v.price,''), ifnull(v.age,''), ifnull(v.images,''),
               ifnull(v.image_hashes,''), ifnull(v.attributes,''), v.raw
        FROM ad_versions v JOIN ads a ON a.id = v.ad JOIN sources s ON s.id = v.source_id ORDER BY 1, 2
        """,
        "SELECT p.url, p.sha256, ifnull(p.phash,''), ifnull(p.dhash,''), s.sha256 FROM photo_urls p JOIN sources s ON s.id = p.source_id ORDER BY 1",
        // Nothing twice: as many rows as distinct keys.
        "SELECT count(*) - count(DISTINCT ad_key) FROM ads",
        "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT ad, entity, start, end, extractor FROM mentions)) FROM mentions",
    ];

    /// <summary>A generated corpus with a malformed row every 97 lines (JSON Lines); its ad IDs prefixed by the file's name, so
    /// two files share no ad.</summary>
    private string Corpus(int ads, int seed, string name = "ads.jsonl")
    {
        var text = new StringWriter();
        CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed }), text);
        var lines = text.ToString().Replace("{\"id\":\"", "{\"id\":\"" + name + "-", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 50; i < lines.Count; i += 97)
        {
            lines.Insert(i, "{\"id\": \"broken");
        }

        var path = _dir.File(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private string SqliteIngest(params string[] files)
    {
        var path = _dir.File($"reference{Guid.NewGuid():N}.case");
        using var store = CaseStore.Open(path, create: true);
        foreach (var file in files)
        {
            new CaseIngestor(store).Ingest(file);
        }

        return path;
    }

    private string CopyBack(string locator)
    {
        var file = _dir.File($"back{Guid.NewGuid():N}.case");
        CaseCopier.Copy(locator, file).Verified.ShouldBeTrue();
        return file;
    }

    internal static List<(long Rows, string Hash)> Hashes(string caseFile)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = caseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return [.. Content.Select(sql => QueryHash.Of(c, sql))];
    }

    [SkippableFact]
    public void OneWorker_IntoAnEmptySchema_StoresWhatACaseFileStores()
    {
        // Given: a corpus with malformed rows, and an empty schema
        Prerequisite.RequirePostgres();
        var corpus = Corpus(1_500, seed: 5);
        var locator = PostgresCaseLocator.Parse(database.Schema());

        // When: it is ingested into PostgreSQL, and again (already ingested)
        IngestResult first, again;
        using (var writer = new PostgresIngestWriter(locator))
        {
            first = writer.Ingest(corpus, new IngestOptions { BatchSize = 400 }, IngestShard.All);
            again = writer.Ingest(corpus, null, IngestShard.All);
        }

        // Then: the same ads, entities, mentions, attributes, errors and source totals as a case file's ingest, nothing twice
        var reference = SqliteIngest(corpus);
        first.AdsAdded.ShouldBe(1_500);
        first.RowsFailed.ShouldBeGreaterThan(10);
        again.AlreadyIngested.ShouldBeTrue();
        var expected = Hashes(reference);
        Hashes(CopyBack(locator.ToString())).ShouldBe(expected);
    }

    [SkippableFact]
    public void FourShards_OnFourThreadsAtOnce_EqualOneWorker_AndEachCommitsItsOwnProgress()
    {
        // Given: two files, one split into four shards written by four writers at once, the other by one writer
        Prerequisite.RequirePostgres();
        var a = Corpus(2_400, seed: 8, "a.jsonl");
        var b = Corpus(600, seed: 9, "b.jsonl");
        var locator = PostgresCaseLocator.Parse(database.Schema());

        // When
        var results = new IngestResult[4];
        Parallel.For(0, 5, new ParallelOptions { MaxDegreeOfParallelism = 5 }, i =>
        {
            using var writer = new PostgresIngestWriter(locator);
            if (i < 4)
            {
                results[i] = writer.Ingest(a, new IngestOptions { BatchSize = 300 }, new IngestShard(i, 4));
            }
            else
            {
                writer.Ingest(b, new IngestOptions { BatchSize = 300 }, IngestShard.All);
            }
        });

        // Then: every shard stored its part, the parts add up to the file, and the case equals a case file's ingest of both
        results.Sum(r => r.AdsAdded).ShouldBe(2_400);
        results.ShouldAllBe(r => r.AdsAdded > 300);
        results.Sum(r => r.RowsFailed).ShouldBeGreaterThan(20);
        Hashes(CopyBack(locator.ToString())).ShouldBe(Hashes(SqliteIngest(a, b)));
        using var pg = new NpgsqlConnection(locator.ConnectionString());
        pg.Open();
        using var shards = new NpgsqlCommand($"SELECT count(*), count(s.completed_at), sum(s.rows_read) FROM {locator.Schema}.ingest_shards s JOIN {locator.Schema}.sources f ON f.id = s.source_id WHERE f.path LIKE '%a.jsonl';", pg);
        using var r = shards.ExecuteReader();
        r.Read();
        (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)).ShouldBe((4L, 4L, 2_400 + results.Sum(x => x.RowsFailed)));
    }

    [SkippableFact]
    public void AShardHeldByAnotherWorker_OrAnotherShardCount_IsRefused_WithOneLine()
    {
        // Given: a file of which shard 1/3 was started
        Prerequisite.RequirePostgres();
        var corpus = Corpus(300, seed: 11);
        var locator = PostgresCaseLocator.Parse(database.Schema());
        using var writer = new PostgresIngestWriter(locator);
        writer.Ingest(corpus, null, new IngestShard(1, 3)).AdsAdded.ShouldBeGreaterThan(0);

        // When: another count is given for it
        var count = Should.Throw<CaseStoreException>(() => writer.Ingest(corpus, null, new IngestShard(0, 2)));

        // Then
        count.Message.ShouldContain("is being ingested in 3 shards (--shard i/3)");

        // When: another session holds shard 2/3 (a worker still running)
        using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(locator.ConnectionString()) { Pooling = false }.ConnectionString);
        other.Open();
        using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@k, 0));", other))
        {
            hold.Parameters.AddWithValue("k", $"netan-ingest:{locator.Schema}:1:2");
            hold.ExecuteNonQuery();
        }

        var held = Should.Throw<CaseStoreException>(() => writer.Ingest(corpus, null, new IngestShard(2, 3)));

        // Then: refused; once that worker is gone (its session ends), the shard is taken
        held.Message.ShouldContain("another ingest worker is writing shard 2/3");
        var gone = other.ProcessID;
        other.Close();
        using (var watch = new NpgsqlConnection(locator.ConnectionString()))
        {
            // The server ends the session (and drops its locks) just after the client has gone: wait for that, not for a time.
            watch.Open();
            using var alive = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = @p;", watch);
            alive.Parameters.AddWithValue("p", gone);
            while ((long)alive.ExecuteScalar()! > 0)
            {
                Thread.Sleep(10);
            }
        }

        writer.Ingest(corpus, null, new IngestShard(2, 3)).AdsAdded.ShouldBeGreaterThan(0);
        writer.Ingest(corpus, null, new IngestShard(0, 3)).AdsAdded.ShouldBeGreaterThan(0);
        writer.Ingest(corpus, null, new IngestShard(0, 3)).AlreadyIngested.ShouldBeTrue();
        Hashes(CopyBack(locator.ToString())).ShouldBe(Hashes(SqliteIngest(corpus)));
    }

    [SkippableFact]
    public void ACaseCopiedFromAFile_TakesAnIngest_AndItsCopyBackKeepsTheProgressTable()
    {
        // Given: a case file with one file ingested, copied to PostgreSQL (no ingest_shards table there)
        Prerequisite.RequirePostgres();
        var first = Corpus(500, seed: 12, "first.jsonl");
        var second = Corpus(500, seed: 13, "second.jsonl");
        var file = SqliteIngest(first);
        var locator = database.Schema();
        CaseCopier.Copy(file, locator).Verified.ShouldBeTrue();

        // When: a second file is ingested into the copy
        using (var writer = new PostgresIngestWriter(PostgresCaseLocator.Parse(locator)))
        {
            writer.Ingest(second, null, IngestShard.All).AdsAdded.ShouldBe(500);
        }

        // Then: new IDs follow the copied ones, and the copy back holds both files as a case file would
        var back = CopyBack(locator);
        Hashes(back).ShouldBe(Hashes(SqliteIngest(first, second)));
        using var c = new SqliteConnection($"Data Source={back};Pooling=False");
        c.Open();
        using var cmd = new SqliteCommand("SELECT (SELECT count(*) FROM ingest_shards), (SELECT min(id) FROM ads WHERE source_id = 2) > (SELECT max(id) FROM ads WHERE source_id = 1);", c);
        using var r = cmd.ExecuteReader();
        r.Read();
        (r.GetInt64(0), r.GetInt64(1)).ShouldBe((1L, 1L));
    }

    [SkippableFact]
    public void AFileRepeatingAnothersAds_AddsNothingForThem()
    {
        // Given: a file, and a second one holding 200 of its ads (same content) and 300 of its own
        Prerequisite.RequirePostgres();
        var a = Corpus(600, seed: 14, "a.jsonl");
        var own = File.ReadAllLines(Corpus(300, seed: 15, "own.jsonl"));
        var b = _dir.File("b.jsonl");
        File.WriteAllLines(b, File.ReadAllLines(a).Where(l => !l.Contains("broken", StringComparison.Ordinal)).Take(200).Concat(own));
        var locator = PostgresCaseLocator.Parse(database.Schema());

        // When
        using var writer = new PostgresIngestWriter(locator);
        writer.Ingest(a, null, IngestShard.All);
        var second = writer.Ingest(b, null, new IngestShard(0, 1));

        // Then: the repeated ads are duplicates, and the case equals a case file's
        second.Duplicates.ShouldBe(200);
        second.AdsAdded.ShouldBe(300);
        Hashes(CopyBack(locator.ToString())).ShouldBe(Hashes(SqliteIngest(a, b)));
    }

    [SkippableFact]
    public void ASchemaHoldingOtherTables_IsRefused()
    {
        Prerequisite.RequirePostgres();
        var locator = PostgresCaseLocator.Parse(database.Schema());
        using (var pg = new NpgsqlConnection(locator.ConnectionString()))
        {
            pg.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {locator.Schema}; CREATE TABLE {locator.Schema}.payroll (id bigint PRIMARY KEY);", pg);
            cmd.ExecuteNonQuery();
        }

        Should.Throw<CaseStoreException>(() => new PostgresIngestWriter(locator)).Message.ShouldContain("holds tables but no case");
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    public void Shard_Parses(string text, int index, int count) => IngestShard.Parse(text).ShouldBe(new IngestShard(index, count));

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/5000")]
    public void Shard_Malformed_IsRefusedByName(string text) => Should.Throw<FormatException>(() => IngestShard.Parse(text)).Message.ShouldStartWith("--shard: ");
}
