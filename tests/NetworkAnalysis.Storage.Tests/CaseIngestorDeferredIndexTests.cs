using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>A bulk ingest that drops the random-order secondary indexes and builds them at its end (#21) stores exactly what
/// an ingest that keeps them does, leaves the indexes in place, and a case left without them gets them back on opening.</summary>
public sealed class CaseIngestorDeferredIndexTests : IDisposable
{
    private static readonly string[] Deferrable = ["ads_ad_id", "ads_facts", "ads_key", "entities_type_value", "mentions_entity"];

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ingest_IndexesDeferred_SameRowsAsIndexesKept_AndIndexesBackAfterwards()
    {
        // Given a corpus of 3,000 ads with a malformed line, then a crawl with re-crawls (versions, photos by URL)
        var (jsonl, warc) = WriteCorpus();

        // When it is ingested once keeping the indexes and once deferring them (small batches, so many commits run without them)
        var kept = Ingest("kept.case", jsonl, warc, defer: false);
        var deferred = Ingest("deferred.case", jsonl, warc, defer: true);

        // Then every row and row ID is the same, and the deferred case has its indexes again
        Fingerprint(deferred).ShouldBe(Fingerprint(kept));
        Indexes(deferred).ShouldBe(Indexes(kept));
        Indexes(deferred).ShouldContain("mentions_entity");
        Indexes(deferred).ShouldContain("ads_ad_id");
        Indexes(deferred).ShouldContain("entities_type_value");
        Indexes(deferred).ShouldContain("ads_key");
    }

    [Fact]
    public void Ingest_CaseWithTheOldEntitiesConstraint_SameRowsAndNoSecondKey()
    {
        // Given a case created before change 9 (#21): ads and entities keyed by their tables' UNIQUE constraints
        var (jsonl, warc) = WriteCorpus();
        var old = _dir.File("old-layout.case");
        using (var connection = new SqliteConnection($"Data Source={old};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE entities (id INTEGER PRIMARY KEY, type TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (type, value));
                CREATE TABLE ads (id INTEGER PRIMARY KEY, site TEXT NOT NULL, ad_id TEXT NOT NULL, ad_key TEXT NOT NULL UNIQUE,
                    source_id INTEGER NOT NULL REFERENCES sources(id), line INTEGER NOT NULL, posted_at TEXT,
                    city TEXT, region TEXT, country TEXT, title TEXT, body TEXT, text TEXT NOT NULL, poster TEXT,
                    images TEXT, image_hashes TEXT, price REAL, age INTEGER, attributes TEXT, raw TEXT NOT NULL);
                """;
            cmd.ExecuteNonQuery();
        }

        // When it is opened as a case and the corpus ingested into it with deferred indexes, and into a new case
        using (var store = CaseStore.Open(old, create: true))
        {
            var ingestor = new CaseIngestor(store);
            var options = new IngestOptions { BatchSize = 500, DeferIndexes = true };
            ingestor.Ingest(jsonl, options).RowsFailed.ShouldBe(1);
            ingestor.Ingest(warc, options).Versions.ShouldBeGreaterThan(0);
        }

        var created = Ingest("new-layout.case", jsonl, warc, defer: true);

        // Then both hold the same rows; the old case keeps its constraint and gets no second unique index, the new one has
        // the named index and no constraint
        Fingerprint(old).ShouldBe(Fingerprint(created));
        Indexes(old).ShouldNotContain("entities_type_value");
        Indexes(old).ShouldNotContain("ads_key");
        Query(old, "SELECT name FROM pragma_index_list('ads') WHERE \"unique\" = 1;").ShouldBe(["sqlite_autoindex_ads_1"]);
        Query(created, "SELECT name FROM pragma_index_list('ads') WHERE \"unique\" = 1;").ShouldBe(["ads_key"]);
        Query(old, "SELECT name FROM pragma_index_list('entities') WHERE \"unique\" = 1;").ShouldBe(["sqlite_autoindex_entities_1"]);
        Query(created, "SELECT name FROM pragma_index_list('entities') WHERE \"unique\" = 1;").ShouldBe(["entities_type_value"]);

        // And the keys still refuse a second (type, value) or ad_key in either
        foreach (var path in new[] { old, created })
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO entities(type, value) SELECT type, value FROM entities LIMIT 1;";
            Should.Throw<SqliteException>(() => cmd.ExecuteNonQuery()).SqliteErrorCode.ShouldBe(19);
            cmd.CommandText = "INSERT INTO ads(site, ad_id, ad_key, source_id, line, text, raw) SELECT site, ad_id, ad_key, source_id, line, text, raw FROM ads LIMIT 1;";
            Should.Throw<SqliteException>(() => cmd.ExecuteNonQuery()).SqliteErrorCode.ShouldBe(19);
        }
    }

    [Fact]
    public void Ingest_LookingIdentifiersUp_KeepsTheEntitiesKey()
    {
        // Given a case holding the corpus
        var (jsonl, warc) = WriteCorpus();
        var path = Ingest("looked-up.case", jsonl, null, defer: false);

        // When a bulk ingest that defers its indexes looks its identifiers up in the case instead of holding them all
        var seen = new List<bool>();
        using (var store = CaseStore.Open(path))
        {
            var progress = new SynchronousProgress(_ => seen.Add(Indexes(path).Contains("entities_type_value")));
            new CaseIngestor(store).Ingest(warc, new IngestOptions { BatchSize = 50, DeferIndexes = true, LookUpEntityIds = true }, progress);
        }

        // Then the entities' key stayed in place throughout (the look-up seeks it), while the other deferred indexes went
        seen.ShouldNotBeEmpty();
        seen.ShouldAllBe(present => present);
    }

    [Fact]
    public void Ingest_WorkbenchSearchIndexesPresent_DroppedAndRebuiltToo()
    {
        // Given a case whose workbench search indexes exist
        var (jsonl, _) = WriteCorpus();
        var path = _dir.File("searched.case");
        using (var store = CaseStore.Open(path, create: true))
        {
            store.EnsureSearchIndexes();
        }

        // When a bulk ingest defers its indexes
        using (var store = CaseStore.Open(path))
        {
            new CaseIngestor(store).Ingest(jsonl, new IngestOptions { BatchSize = 500, DeferIndexes = true });
        }

        // Then the workbench's own indexes are back as well
        Indexes(path).ShouldContain("mentions_entity_ad");
        Indexes(path).ShouldContain("entities_lower_value");
    }

    [Fact]
    public void Ingest_CancelledAfterFirstBatch_IndexesRebuiltAndResumeCompletes()
    {
        // Given a bulk ingest that is cancelled once its first batch (which dropped the indexes) is committed
        var (jsonl, _) = WriteCorpus();
        var path = _dir.File("cancelled.case");
        using var cts = new CancellationTokenSource();
        using (var store = CaseStore.Open(path, create: true))
        {
            var options = new IngestOptions { BatchSize = 500, DeferIndexes = true };
            var progress = new SynchronousProgress(_ => cts.Cancel());
            Should.Throw<OperationCanceledException>(() => new CaseIngestor(store).Ingest(jsonl, options, progress, cts.Token));

            // Then the store the process goes on using has its indexes
            Indexes(store.Path).ShouldContain("mentions_entity");

            // And a resumed run completes with the same rows as an uninterrupted one
            new CaseIngestor(store).Ingest(jsonl, options).Resumed.ShouldBeTrue();
        }

        Fingerprint(path).ShouldBe(Fingerprint(Ingest("whole.case", jsonl, null, defer: true)));
    }

    [Fact]
    public void Ingest_WithoutForeignKeyChecks_EveryReferenceResolves_AndChecksBackAfterwards()
    {
        // Given a corpus with a crawl of re-crawls (versions, photos by URL), and a cancelled ingest on the same store first
        var (jsonl, warc) = WriteCorpus();
        var path = _dir.File("references.case");
        using var store = CaseStore.Open(path, create: true);
        using (var cts = new CancellationTokenSource())
        {
            var progress = new SynchronousProgress(_ => cts.Cancel());
            Should.Throw<OperationCanceledException>(() =>
                new CaseIngestor(store).Ingest(jsonl, new IngestOptions { BatchSize = 500 }, progress, cts.Token));
        }

        long ForeignKeys()
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys;";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        ForeignKeys().ShouldBe(1);

        // When both are ingested, bulk (the writer switches the checks off while it writes) and small
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(jsonl, new IngestOptions { BatchSize = 500, DeferIndexes = true }).Resumed.ShouldBeTrue();
        ingestor.Ingest(warc, new IngestOptions { BatchSize = 500, DeferIndexes = false }).Versions.ShouldBeGreaterThan(0);

        // Then every row's references resolve, and the store's connection checks them again
        Query(path, "SELECT \"table\" || ':' || rowid FROM pragma_foreign_key_check;").ShouldBeEmpty();
        Query(path, "SELECT count(*) FROM mentions;").Single().ShouldNotBe("0");
        ForeignKeys().ShouldBe(1);
    }

    [Fact]
    public void Ingest_IndexesBuiltThroughTemporaryFiles_IndexesWholeAndConnectionSettingsBackAfterwards()
    {
        // Given a store whose connection keeps temporary data in memory, with no sorter threads and its own page cache
        var (jsonl, _) = WriteCorpus();
        var path = _dir.File("settings.case");
        using var store = CaseStore.Open(path, create: true);
        string Settings()
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = "SELECT (SELECT temp_store FROM pragma_temp_store) || ',' || (SELECT threads FROM pragma_threads) || ',' || (SELECT cache_size FROM pragma_cache_size);";
            return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture)!;
        }

        var before = Settings();
        before.ShouldStartWith("2,0,");

        // When a bulk ingest builds the deferred indexes at its end (sorted through temporary files, change 12)
        new CaseIngestor(store).Ingest(jsonl, new IngestOptions { BatchSize = 500, DeferIndexes = true });

        // Then the indexes are there and agree with their tables, and the connection has its settings back
        foreach (var index in Deferrable)
        {
            Indexes(path).ShouldContain(index);
        }

        Query(path, "PRAGMA integrity_check;").ShouldBe(["ok"]);
        Settings().ShouldBe(before);
    }

    [Fact]
    public void Lookup_DuringDeferredIngest_SeesEveryCommittedAdWithoutTheIndex()
    {
        // Given the identifier in most ads of the corpus, and how many ads name it once all is ingested
        var (jsonl, _) = WriteCorpus();
        var kept = Ingest("kept.case", jsonl, null, defer: false);
        var phone = Query(kept, """
            SELECT e.value FROM mentions m JOIN entities e ON e.id = m.entity WHERE e.type = 'phone'
            GROUP BY e.id ORDER BY count(DISTINCT m.ad) DESC, e.value LIMIT 1;
            """)[0];
        int AdsNaming(CaseStore store) => store.Lookup(phone).Where(r => r.Value == phone).Sum(r => r.AdCount);
        int final;
        using (var store = CaseStore.OpenReadOnly(kept))
        {
            final = AdsNaming(store);
        }

        final.ShouldBeGreaterThan(1);

        // When a second connection looks it up after every batch of an ingest that deferred its indexes
        var path = _dir.File("read-during.case");
        var seen = new List<(int Ads, bool Indexed)>();
        using (var store = CaseStore.Open(path, create: true))
        {
            var progress = new SynchronousProgress(_ =>
            {
                using var reader = CaseStore.OpenReadOnly(path);
                seen.Add((AdsNaming(reader), Indexes(path).Contains("mentions_entity") && Indexes(path).Contains("entities_type_value") && Indexes(path).Contains("ads_key")));
            });
            new CaseIngestor(store).Ingest(jsonl, new IngestOptions { BatchSize = 500, DeferIndexes = true }, progress);
        }

        // Then it read while the index was gone, never lost an ad, and ends with every ad
        seen.ShouldContain(s => !s.Indexed);
        seen.Select(s => s.Ads).ShouldBe(seen.Select(s => s.Ads).Order());
        seen[^1].ShouldBe((final, true));
    }

    [Fact]
    public void Open_CaseLeftWithoutDeferredIndexes_CreatesThem()
    {
        // Given a case whose ingest was killed after dropping its indexes (simulated: the indexes dropped by hand)
        var (jsonl, _) = WriteCorpus();
        var path = Ingest("killed.case", jsonl, null, defer: false);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DROP INDEX mentions_entity; DROP INDEX ads_ad_id; DROP INDEX ads_facts; DROP INDEX entities_type_value; DROP INDEX ads_key;";
            cmd.ExecuteNonQuery();
        }

        Indexes(path).ShouldNotContain("mentions_entity");

        // When it is opened for writing (what resume, analyze or doctor --repair do first)
        CaseStore.Open(path).Dispose();

        // Then the indexes are there again
        foreach (var name in Deferrable)
        {
            Indexes(path).ShouldContain(name);
        }
    }

    private (string Jsonl, string Warc) WriteCorpus()
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = 3_000, Seed = 21 });
        var jsonl = _dir.File("ads.jsonl");
        if (!File.Exists(jsonl))
        {
            using var writer = new StreamWriter(jsonl, false, new UTF8Encoding(false));
            CorpusWriter.WriteJsonLines(corpus, writer);
            writer.WriteLine("{\"id\": \"broken\", ");
        }

        var warc = _dir.File("crawl.warc.gz");
        if (!File.Exists(warc))
        {
            var crawl = CorpusGenerator.Generate(new CorpusOptions { Ads = 300, Seed = 22 });
            CorpusFormatWriter.WriteWarc(CorpusPages.Captures(crawl, 22).ToList(), warc);
        }

        return (jsonl, warc);
    }

    private string Ingest(string name, string jsonl, string? warc, bool defer)
    {
        var path = _dir.File(name);
        using var store = CaseStore.Open(path, create: true);
        var ingestor = new CaseIngestor(store);
        var options = new IngestOptions { BatchSize = 500, DeferIndexes = defer };
        ingestor.Ingest(jsonl, options).RowsFailed.ShouldBe(1);
        if (warc is not null)
        {
            ingestor.Ingest(warc, options).Versions.ShouldBeGreaterThan(0);
        }

        return path;
    }

    private static List<string> Indexes(string path) =>
        Query(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name;");

    private static List<string> Fingerprint(string path)
    {
        var parts = new[]
        {
            "SELECT * FROM ads ORDER BY id",
            "SELECT * FROM entities ORDER BY id",
            "SELECT * FROM mentions ORDER BY id",
            "SELECT * FROM ad_attributes ORDER BY id",
            "SELECT * FROM ad_images ORDER BY ad, position",
            "SELECT ad, version, source_id, line, content_sha256, text, raw FROM ad_versions ORDER BY ad, version",
            "SELECT source_id, line, field, message FROM ingest_errors ORDER BY source_id, line",
            "SELECT id, sha256, completed_at IS NOT NULL, rows_read, rows_added, rows_failed FROM sources ORDER BY id",
            "SELECT url, sha256, phash, dhash, source_id FROM photo_urls ORDER BY url",
        };
        return parts.Select(sql =>
        {
            var rows = Query(path, sql);
            return $"{rows.Count} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))}";
        }).ToList();
    }

    private static List<string> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            var values = new string[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++)
            {
                var v = r.GetValue(i);
                values[i] = v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(string.Join('\u001f', values));
        }

        return rows;
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
