using System.Globalization;
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
