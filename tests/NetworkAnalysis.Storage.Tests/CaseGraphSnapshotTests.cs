using System.Globalization;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>
/// The graph snapshot file beside a case (issue #21): what an analysis loads from it plus the rows added since equals what it
/// would load from the case's tables, and a file that does not match the case, or is truncated or corrupt, is not used: the
/// analysis loads from the tables, says so in one line, gives the same result and writes a good file again.
/// </summary>
public sealed class CaseGraphSnapshotTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Analyze_AfterFurtherIngest_LoadsSnapshotPlusNewRows_EqualToLoadingTheTables()
    {
        // Given a case analysed once (which writes CASE.graph), with keys that UTF-16 and UTF-8 order differently
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        var first = new CaseAnalyzer(store).Analyze();
        first.TimingsMs["graph_snapshot_used"].ShouldBe(0);
        File.Exists(CaseStore.GraphSnapshotPath(store.Path)).ShouldBeTrue();

        // and a second batch: new ads whose keys fall between old ones, new and old identifiers, and a re-crawl of an old ad
        // that gives it a new phone (a mention of an old ad written after the snapshot)
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(SecondBatch())));
        store.AdsWithLaterMentions().ShouldContain(k => k.EndsWith("/k07", StringComparison.Ordinal));

        // When the graph is loaded for the next analysis
        var loaded = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out var note);

        // Then it came from the file and equals the graph loaded from the tables, array for array, with every ad's facts
        note.ShouldBeNull();
        loaded.FromGraphSnapshot.ShouldBeTrue();
        var tables = store.LoadSnapshot();
        ShouldBeSame(loaded, tables);

        // and the analysis that uses it is incremental and stores what a fresh full analysis of the same ads stores
        var second = new CaseAnalyzer(store).Analyze();
        second.Incremental.ShouldBeTrue();
        second.TimingsMs["graph_snapshot_used"].ShouldBe(1);
        second.GraphSnapshotNote.ShouldBeNull();
        using var fresh = CaseStore.Open(_dir.File("fresh.case"), create: true);
        new CaseIngestor(fresh).Ingest(_dir.File("a.jsonl"));
        new CaseIngestor(fresh).Ingest(_dir.File("b.jsonl"));
        new CaseAnalyzer(fresh).Analyze(null, full: true);
        Stored(store).ShouldBe(Stored(fresh));
    }

    [Fact]
    public void Analyze_SnapshotOfAnotherCase_IsIgnored_AndTheResultIsTheTablesOne()
    {
        // Given two cases with different ads, each analysed, and the first case's snapshot file put beside the second
        using var other = CaseStore.Open(_dir.File("other.case"), create: true);
        new CaseIngestor(other).Ingest(_dir.Write("o.jsonl", Lines(Enumerable.Range(0, 30).Select(i => Ad($"o{i}", Phone(i % 7), "Elko", i)))));
        new CaseAnalyzer(other).Analyze();
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        new CaseAnalyzer(store).Analyze();
        File.Copy(CaseStore.GraphSnapshotPath(other.Path), CaseStore.GraphSnapshotPath(store.Path), overwrite: true);
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(SecondBatch())));

        // When the second case is analysed
        var run = new CaseAnalyzer(store).Analyze();

        // Then the foreign file was not used, one line says so, and the graph is the tables' graph
        run.TimingsMs["graph_snapshot_used"].ShouldBe(0);
        run.GraphSnapshotNote.ShouldNotBeNull().ShouldContain("does not belong to this state of the case");
        run.GraphSnapshotNote.ShouldNotContain('\n');
        run.Ads.ShouldBe(store.LoadSnapshot().Incidence.AdCount);

        // and the file written after it is this case's own: the next load uses it
        store.LoadAnalysisSnapshot(CancellationToken.None, out _, out var note).FromGraphSnapshot.ShouldBeTrue();
        note.ShouldBeNull();
    }

    [Fact]
    public void Load_ThroughTheCoveringIndexes_EqualsTheTablesReadInRowOrder()
    {
        // Given a case with a re-crawl that gives an old ad a mention written last (so row order and (ad, entity) order differ)
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(SecondBatch())));

        // whose full scans read the covering indexes (#21, session 16), the key scans in the order wanted (no sort; session 17)
        Plan(store, CaseStore.MentionPairsScan).ShouldContain("COVERING INDEX mentions_ad");
        Plan(store, CaseStore.AdFactsScan).ShouldContain("COVERING INDEX ads_facts");
        Plan(store, CaseStore.AdKeysScan).ShouldBe("SCAN ads USING COVERING INDEX ads_key");
        Plan(store, CaseStore.EntityKeysScan).ShouldBe("SCAN entities USING COVERING INDEX entities_type_value");
        Plan(store, CaseStore.MentionChunkScan).ShouldContain("COVERING INDEX mentions_ad");

        // When the analysis's graph is loaded (the mentions on a second connection), then again with the layout of a case
        // created before: mentions_ad on the ad alone, no ads_facts, so both scans read the tables in row order
        var indexed = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out _);
        var indexedFull = store.LoadSnapshot();
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "DROP INDEX mentions_ad; CREATE INDEX mentions_ad ON mentions(ad); DROP INDEX ads_facts;";
            cmd.ExecuteNonQuery();
        }

        Plan(store, CaseStore.MentionPairsScan).ShouldNotContain("COVERING INDEX");
        Plan(store, CaseStore.MentionChunkScan).ShouldNotContain("COVERING INDEX");
        Plan(store, CaseStore.AdFactsScan).ShouldNotContain("INDEX");
        var rowOrder = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out _);

        // Then the graphs are the same, array for array, and so are every ad's facts
        ShouldBeSame(indexed, rowOrder, facts: false);
        ShouldBeSame(indexedFull, store.LoadSnapshot());
        ShouldBeSame(indexed, indexedFull, facts: false);
    }

    [Fact]
    public void ScanUpTo_KeepsTheScanConnectionsRows_OnlyWhenTheirCountIsTheOneExpected()
    {
        // Given a case, and an entity written in the store's transaction but not committed: the scan connection cannot see it
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        var committed = EntityRows(store, null);
        using var tx = store.Connection.BeginTransaction();
        using (var insert = store.Connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO entities(type, value) VALUES ('phone', '+15555550177');";
            insert.ExecuteNonQuery();
        }

        var all = EntityRows(store, tx);
        all.Count.ShouldBe(committed.Count + 1);
        using var side = CaseStore.OpenScanConnection(store.Path);

        // When the entities are scanned expecting the committed count, then expecting one more
        var (matching, matchingResets) = Scan(committed.Count);
        var (differing, differingResets) = Scan(committed.Count + 1);

        // Then the first kept the scan connection's rows; the second found one row fewer than expected, dropped what it had
        // read and read again on the store's connection, inside its transaction, which sees the new entity
        matchingResets.ShouldBe(0);
        matching.ShouldBe(committed);
        differingResets.ShouldBe(1);
        differing.ShouldBe(all);

        (List<string> Rows, int Resets) Scan(int expected)
        {
            var rows = new List<string>();
            var resets = 0;
            store.ScanUpTo(side, CaseStore.EntityKeysScan, long.MaxValue, expected, "SELECT id, type, value FROM entities WHERE ?1 = 1 ORDER BY type, value;",
                () =>
                {
                    resets++;
                    rows.Clear();
                },
                stmt => rows.Add(string.Join('|', SQLitePCL.raw.sqlite3_column_int64(stmt, 0), SQLitePCL.raw.sqlite3_column_text(stmt, 1).utf8_to_string(),
                    SQLitePCL.raw.sqlite3_column_text(stmt, 2).utf8_to_string())));
            return (rows, resets);
        }
    }

    [Fact]
    public void Load_EntityTypeNames_ParsedOncePerRunOfEqualNames_GiveEachRowsOwnType()
    {
        // Given a case whose entity types are all stored under their canonical names
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        store.LoadAnalysisSnapshot(CancellationToken.None, out _, out _).CanonicalEntityTypes.ShouldBeTrue();

        // and then entities stored under other spellings of a type's name, and under a name no type has, between the others
        using (var insert = store.Connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO entities(type, value) VALUES ('PHONE', '+15555550188'), ('Phone', '+15555550189'), ('bogus', 'x'),
                    ('email', 'zz@example.org'), ('phonez', 'y'), ('', 'empty');
                """;
            insert.ExecuteNonQuery();
        }

        // When the graph is loaded with a stamp (the key scans on a scan connection) and without (on the store's connection)
        var stamped = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out _);
        var plain = store.LoadSnapshot();

        // Then each holds every row whose name parses, with the type of its own name, in (type, value) order, and knows that
        // not every name is canonical
        var expected = new List<(long Row, string Type, string Value)>();
        using (var read = store.Connection.CreateCommand())
        {
            read.CommandText = "SELECT id, type, value FROM entities ORDER BY type, value;";
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                if (EntityTypeNames.TryParse(r.GetString(1), out var type))
                {
                    expected.Add((r.GetInt64(0), type.ToName(), r.GetString(2)));
                }
            }
        }

        expected.Count(e => e.Value is "+15555550188" or "+15555550189").ShouldBe(2);
        foreach (var snapshot in new[] { stamped, plain })
        {
            snapshot.CanonicalEntityTypes.ShouldBeFalse();
            var actual = snapshot.EntityRowIds.Select((row, e) => (row, snapshot.Incidence.EntityTypes[e].ToName(), snapshot.Incidence.EntityValues[e]));
            actual.ToList().ShouldBe(expected);
        }
    }

    [Fact]
    public async Task MentionChunks_ReadFromEitherEnd_OrBoth_GiveThePairsInIndexOrder()
    {
        // Given a case with a re-crawl (an old ad's mention written last), read in chunks of a few mentions each
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(SecondBatch())));
        var expected = new List<long>();
        long max, adMax;
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT (ad << 32) | entity FROM mentions ORDER BY ad, entity, id;";
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    expected.Add(r.GetInt64(0));
                }
            }

            cmd.CommandText = "SELECT max(id), (SELECT max(id) FROM ads) FROM mentions;";
            using var m = cmd.ExecuteReader();
            m.Read();
            (max, adMax) = (m.GetInt64(0), m.GetInt64(1));
        }

        CaseStore.MentionsPerChunkForTests.Value = 3;
        using var side = CaseStore.OpenScanConnection(store.Path);
        using var other = CaseStore.OpenScanConnection(store.Path);

        // When the chunks are read all from the back (the analysis's thread alone), from both ends at once (two readers from the
        // front, as a prefetch has), all from the front, and in one chunk (a case whose mentions_ad does not cover the
        // entity), and once expecting one mention more
        var back = new CaseStore.MentionChunks(max, expected.Count, adMax, ranged: true);
        back.Help(side, CancellationToken.None);
        var both = new CaseStore.MentionChunks(max, expected.Count, adMax, ranged: true);
        using var third = CaseStore.OpenScanConnection(store.Path);
        var front = Task.Run(() => both.ReadFromFront(other, CancellationToken.None));
        var front2 = Task.Run(() => both.ReadFromFront(third, CancellationToken.None));
        both.Help(side, CancellationToken.None);
        await front;
        await front2;
        var fromFront = new CaseStore.MentionChunks(max, expected.Count, adMax, ranged: true);
        fromFront.ReadFromFront(other, CancellationToken.None);
        var one = new CaseStore.MentionChunks(max, expected.Count, adMax, ranged: false);
        one.Help(side, CancellationToken.None);
        var short1 = new CaseStore.MentionChunks(max, expected.Count + 1, adMax, ranged: true);
        short1.Help(side, CancellationToken.None);

        // Then there were several chunks, and each way gives every pair in the index's (ad, entity) order; the one expecting
        // more gives nothing (the load then reads the mentions in its own transaction)
        back.Count.ShouldBeGreaterThan(3);
        one.Count.ShouldBe(1);
        foreach (var chunks in new[] { back, both, fromFront })
        {
            chunks.Result().ShouldNotBeNull().SelectMany(c => c).ShouldBe(expected);
        }

        one.Result().ShouldNotBeNull().SelectMany(c => c).Order().ShouldBe(expected.Order());
        short1.Result().ShouldBeNull();
    }

    [Fact]
    public void Load_MentionsReadInManyChunks_EqualsTheTablesRead()
    {
        // Given a case with a re-crawl (an old ad's mention written last)
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(SecondBatch())));

        // When the analysis's graph is loaded with its mentions read in chunks of two, and loaded in one transaction
        CaseStore.MentionsPerChunkForTests.Value = 2;
        var chunked = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out _);
        var tables = store.LoadSnapshot();

        // Then the graphs are the same, array for array
        ShouldBeSame(chunked, tables, facts: false);
    }

    private static List<string> EntityRows(CaseStore store, System.Data.Common.DbTransaction? tx)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction?)tx;
        cmd.CommandText = "SELECT id, type, value FROM entities ORDER BY type, value;";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join('|', r.GetInt64(0), r.GetString(1), r.GetString(2)));
        }

        return rows;
    }

    [Fact]
    public void LinksInOrder_SortedPairs_GiveTheDistinctLinks_AndUnsortedOnesNothing()
    {
        // Given 900,003 pairs in (ad row, entity row) order in runs of three equal pairs, so the ranges the work is cut into
        // (at 300,001 and 600,002) begin inside a run, with pairs outside the snapshot (ad -1) among them, and row IDs that are
        // not the dense order
        const int Ads = 20_000, Entities = 5_000;
        var adRows = Enumerable.Range(0, Ads).Select(a => (long)((a * 7919L) % Ads) + 1).ToList();
        var entityRows = Enumerable.Range(0, Entities).Select(e => (long)((e * 104729L) % Entities) + 10).ToList();
        var denseOfAdRow = adRows.Select((row, a) => (row, a)).ToDictionary(x => x.row, x => x.a);
        var denseOfEntityRow = entityRows.Select((row, e) => (row, e)).ToDictionary(x => x.row, x => x.e);
        var random = new Random(16);
        var distinct = new SortedSet<(long Ad, long Entity)>();
        while (distinct.Count < 300_001)
        {
            distinct.Add((random.Next(1, Ads + 1), random.Next(10, Entities + 10)));
        }

        var (pairAds, pairEntities) = (new List<int>(), new List<int>());
        foreach (var (ad, entity) in distinct)
        {
            for (var k = 0; k < 3; k++)
            {
                var outside = random.Next(50) == 0;
                pairAds.Add(outside ? -1 : denseOfAdRow[ad]);
                pairEntities.Add(outside ? -1 : denseOfEntityRow[entity]);
            }
        }

        pairAds.Count.ShouldBe(900_003);
        pairAds[300_001] = -1; // a range that begins outside the snapshot

        // When the links are taken from them
        var links = CaseStore.LinksInOrder(adRows, entityRows, [.. pairAds], [.. pairEntities]).ShouldNotBeNull();

        // Then they are each pair inside the snapshot once, in (ad row, entity row) order, as dense indexes
        var expected = pairAds.Zip(pairEntities).Where(p => p.First >= 0).Select(p => (adRows[p.First], entityRows[p.Second])).Distinct()
            .Order().Select(p => (denseOfAdRow[p.Item1], denseOfEntityRow[p.Item2])).ToList();
        links.Ads.Zip(links.Entities).ShouldBe(expected);

        // and pairs out of order, inside a range or across where two ranges meet, give nothing (the general way sorts them)
        var swapped = pairAds.ToArray();
        var (i, j) = (10, swapped.Length - 10);
        (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
        CaseStore.LinksInOrder(adRows, entityRows, swapped, [.. pairEntities]).ShouldBeNull();
        var rotated = pairAds.Skip(600_002).Concat(pairAds.Take(600_002)).ToArray();
        var rotatedEntities = pairEntities.Skip(600_002).Concat(pairEntities.Take(600_002)).ToArray();
        CaseStore.LinksInOrder(adRows, entityRows, rotated, rotatedEntities).ShouldBeNull();
    }

    private static string Plan(CaseStore store, string sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql.Replace("?1", "1", StringComparison.Ordinal);
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read())
        {
            lines.Add(r.GetString(3));
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public void Load_SnapshotWhoseRowsChangedUnderIt_IsIgnored()
    {
        // Given an analysed case whose newest mention is then deleted and a different mention written under the same row ID
        // (its snapshot file and token stay, so only the check of the rows it was built from can tell)
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        new CaseAnalyzer(store).Analyze();
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = """
                CREATE TEMP TABLE last AS SELECT * FROM mentions WHERE id = (SELECT max(id) FROM mentions);
                DELETE FROM mentions WHERE id = (SELECT id FROM last);
                INSERT INTO mentions(id, ad, entity, start, end, raw, extractor, confidence)
                SELECT id, (SELECT min(id) FROM ads WHERE id <> last.ad), entity, start, end, raw, extractor, confidence FROM last;
                """;
            cmd.ExecuteNonQuery();
        }

        // When the graph is loaded
        var loaded = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out var note);

        // Then the file was not used and the graph is the tables' graph
        loaded.FromGraphSnapshot.ShouldBeFalse();
        note.ShouldNotBeNull().ShouldContain("does not match the case's rows");
        ShouldBeSame(loaded, store.LoadSnapshot(), facts: false);
    }

    [Fact]
    public void SnapshotFileWrite_GivenATaskToFollow_StartsOnlyOnceItIsDone()
    {
        // Given a case's graph, loaded for an analysis, and a task standing for the save's summaries and memberships index, not yet done
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        var snapshot = store.LoadAnalysisSnapshot(CancellationToken.None, out var stamp, out _);
        var summaries = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // When the snapshot file's write is started to follow it
        var write = store.BeginGraphSnapshotWrite(snapshot, stamp, summaries.Task);

        // Then nothing is written while the task runs
        Thread.Sleep(300);
        write.IsCompleted.ShouldBeFalse();
        Directory.GetFiles(Path.GetDirectoryName(store.Path)!, "g.case.graph*").ShouldBeEmpty();

        // and once it is done the file is written, put in place and used by the next load
        summaries.SetResult();
        store.EndGraphSnapshotWrite(write).ShouldBeNull();
        File.Exists(CaseStore.GraphSnapshotPath(store.Path)).ShouldBeTrue();
        store.LoadAnalysisSnapshot(CancellationToken.None, out _, out var note).FromGraphSnapshot.ShouldBeTrue();
        note.ShouldBeNull();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void Analyze_TruncatedOrCorruptSnapshot_FallsBackWithOneLine_AndWritesAGoodOne(string damage)
    {
        // Given an analysed case, a further ingest, and its snapshot file damaged
        using var store = CaseStore.Open(_dir.File("g.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(FirstBatch())));
        new CaseAnalyzer(store).Analyze();
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(SecondBatch())));
        var path = CaseStore.GraphSnapshotPath(store.Path);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            default:
                File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 37)).ToArray());
                break;
        }

        // When the case is analysed
        var run = new CaseAnalyzer(store).Analyze();

        // Then it loaded the tables, said so in one line, and stored what a fresh full analysis stores
        run.Incremental.ShouldBeTrue();
        run.TimingsMs["graph_snapshot_used"].ShouldBe(0);
        run.GraphSnapshotNote.ShouldNotBeNull().ShouldContain("unreadable");
        run.GraphSnapshotNote.ShouldNotContain('\n');
        using var fresh = CaseStore.Open(_dir.File("fresh.case"), create: true);
        new CaseIngestor(fresh).Ingest(_dir.File("a.jsonl"));
        new CaseIngestor(fresh).Ingest(_dir.File("b.jsonl"));
        new CaseAnalyzer(fresh).Analyze(null, full: true);
        Stored(store).ShouldBe(Stored(fresh));

        // and the file it wrote is good again
        store.LoadAnalysisSnapshot(CancellationToken.None, out _, out var note).FromGraphSnapshot.ShouldBeTrue();
        note.ShouldBeNull();
    }

    [Fact]
    public void CompareUtf8_OrdersAsSqliteBinaryCollation()
    {
        // Given strings whose UTF-16 and UTF-8 orders differ (a private-use BMP character and an emoji, a surrogate pair)
        string[] values = ["a", "ab", "\u00e9", "\ue000", "\U0001F600", "z", "", "\uffff", "\U00010000x"];
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT v FROM (" + string.Join(" UNION ALL ", values.Select((_, i) => $"SELECT $v{i} AS v")) + ") ORDER BY v;";
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters.AddWithValue($"$v{i}", values[i]);
        }

        var sqlite = new List<string>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                sqlite.Add(r.GetString(0));
            }
        }

        // When the same strings are sorted with CompareUtf8
        var ours = values.ToList();
        ours.Sort(CaseStore.CompareUtf8);

        // Then the orders agree (and differ from ordinal UTF-16 order, so the test can fail)
        ours.ShouldBe(sqlite);
        values.Order(StringComparer.Ordinal).SequenceEqual(sqlite).ShouldBeFalse();
    }

    private static void ShouldBeSame(CaseSnapshot actual, CaseSnapshot expected, bool facts = true)
    {
        actual.Incidence.AdKeys.ShouldBe(expected.Incidence.AdKeys);
        actual.AdRowIds.ShouldBe(expected.AdRowIds);
        actual.Incidence.EntityTypes.ShouldBe(expected.Incidence.EntityTypes);
        actual.Incidence.EntityValues.ShouldBe(expected.Incidence.EntityValues);
        actual.EntityRowIds.ShouldBe(expected.EntityRowIds);
        actual.Incidence.LinkAds.ShouldBe(expected.Incidence.LinkAds);
        actual.Incidence.LinkEntities.ShouldBe(expected.Incidence.LinkEntities);
        if (facts)
        {
            actual.AdCities.ShouldBe(expected.AdCities);
            actual.AdPostedAt.ShouldBe(expected.AdPostedAt);
        }
    }

    /// <summary>The stored analysis keyed by ad key (row IDs differ between cases).</summary>
    private static List<string> Stored(CaseStore store)
    {
        var rows = store.Memberships().Select(m => $"{m.AdKey} {m.ClusterId}").ToList();
        rows.AddRange(store.ListClusters().Select(c => $"{c.Id} {c.Size} {c.Phones} {c.Entities} {string.Join('|', c.Cities)} {c.FirstSeen} {c.LastSeen}"));
        return rows;
    }

    private static IEnumerable<string> FirstBatch() =>
        Enumerable.Range(0, 60).Select(i => Ad($"k{i:D2}", Phone(i % 20), City(i), i))
            .Append(Ad("\ue000-private", Phone(3), "Reno", 1))
            .Append(Ad("\U0001F600-emoji", Phone(4), null, 2))
            .Append(Ad("\u00e9-accent", Phone(5), "Reno", 3));

    private static IEnumerable<string> SecondBatch() =>
        Enumerable.Range(0, 25).Select(i => Ad($"k{i:D2}x", Phone(15 + i), City(i + 1), i + 4))
            .Append(Ad("\uffff-last", Phone(40), "Elko", 5))
            .Append(Ad("\U00010000-first-supplementary", Phone(3), null, 6))
            .Append(Ad("k07", Phone(7) + " or " + Phone(41), City(7), 7, "2026-03-05T00:00:00Z")); // a re-crawl: a new phone for an old ad

    private static string? City(int i) => (i % 3) switch { 0 => "Las Vegas", 1 => "Reno", _ => null };

    private static string Phone(int i) => string.Create(CultureInfo.InvariantCulture, $"702-555-{100 + (i % 100):D4}");

    private static string Ad(string id, string body, string? city, int day, string? crawledAt = null) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = id, ["site"] = "s.example", ["body"] = "call " + body, ["city"] = city,
            ["posted_at"] = string.Create(CultureInfo.InvariantCulture, $"2026-02-{1 + (day % 28):D2}T10:00:00Z"), ["crawled_at"] = crawledAt,
        });

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
