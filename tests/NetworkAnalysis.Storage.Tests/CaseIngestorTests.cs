using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseIngestorTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Corpus(int ads, int seed = 3)
    {
        var path = _dir.File($"ads-{ads}-{seed}.jsonl");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed }), w);
        return path;
    }

    private static string ContentHash(CaseStore store)
    {
        // Content, not row IDs: the same ads, mentions and entities whatever the insertion history.
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT group_concat(x, '|') FROM (
              SELECT a.ad_key || ':' || e.type || ':' || e.value || ':' || ifnull(m.start, -1) || ':' || ifnull(m.end, -1) AS x
              FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity ORDER BY x);
            """;
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(cmd.ExecuteScalar() as string ?? "")));
    }

    [Fact]
    public void Ingest_SameFileTwice_AddsNothingTheSecondTime()
    {
        // Given
        var file = Corpus(500);
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);

        // When
        var first = ingestor.Ingest(file);
        var second = ingestor.Ingest(file);

        // Then
        first.AdsAdded.ShouldBe(500);
        first.MentionsAdded.ShouldBeGreaterThan(500);
        second.AlreadyIngested.ShouldBeTrue();
        store.Counts().Ads.ShouldBe(500);
    }

    [Fact]
    public void Ingest_SameAdsInAnotherFile_CountsDuplicates()
    {
        var file = Corpus(300);
        var copy = _dir.File("copy.jsonl");
        File.WriteAllText(copy, File.ReadAllText(file) + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);

        new CaseIngestor(store).Ingest(file);
        var again = new CaseIngestor(store).Ingest(copy);

        again.AdsAdded.ShouldBe(0);
        again.Duplicates.ShouldBe(300);
        store.Counts().Ads.ShouldBe(300);
    }

    [Fact]
    public void Ingest_InterruptedThenResumed_EqualsUninterrupted()
    {
        // Given: a reference case ingested in one go
        var file = Corpus(2_000);
        string expected;
        using (var reference = CaseStore.Open(_dir.File("ref.case"), create: true))
        {
            new CaseIngestor(reference).Ingest(file);
            expected = ContentHash(reference);
        }

        // When: the ingest is cancelled after a few batches, then run again on a fresh process-like ingestor
        var casePath = _dir.File("resumed.case");
        using (var store = CaseStore.Open(casePath, create: true))
        {
            using var cts = new CancellationTokenSource();
            var progress = new SyncProgress(f => { if (f > 0.3) cts.Cancel(); });
            Should.Throw<OperationCanceledException>(() => new CaseIngestor(store).Ingest(file, new IngestOptions { BatchSize = 100 }, progress, cts.Token));
            store.Counts().Ads.ShouldBeInRange(1, 1_999);
        }

        using (var store = CaseStore.Open(casePath))
        {
            var resumed = new CaseIngestor(store).Ingest(file, new IngestOptions { BatchSize = 100 });

            // Then
            resumed.Resumed.ShouldBeTrue();
            resumed.Duplicates.ShouldBe(0);
            store.Counts().Ads.ShouldBe(2_000);
            ContentHash(store).ShouldBe(expected);
        }
    }

    [Fact]
    public void Ingest_MalformedRows_AreCountedStoredAndSkipped()
    {
        var file = _dir.Write("bad.csv", "id,body,age\n1,call 702-555-0142,22\n2,oops,notanage\n,no id,20\n4,\"fine\",30\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);

        var result = new CaseIngestor(store).Ingest(file);

        result.AdsAdded.ShouldBe(2);
        result.RowsFailed.ShouldBe(2);
        result.Errors.Select(e => e.Line).ShouldBe([3, 4]);
        result.Errors[0].ToString().ShouldContain("field 'age'");
        store.Counts().IngestErrors.ShouldBe(2);
    }

    [Fact]
    public void Ingest_Strict_StopsAtFirstMalformedRowAndResumesThere()
    {
        var file = _dir.Write("bad.csv", "id,body\n1,a\n2,\"unclosed\n3,c\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);

        var result = new CaseIngestor(store).Ingest(file, new IngestOptions { Strict = true });

        result.StoppedAtError.ShouldBeTrue();
        result.AdsAdded.ShouldBe(1);
    }

    [Fact]
    public void Ingest_PosterAndImageHashes_BecomeEntitiesWithoutSpans()
    {
        var hash = new string('a', 64);
        var file = _dir.Write("a.jsonl", $$"""{"id":"1","site":"s","poster":"Acc1","image_hashes":"sha256:{{hash}};phash:ffff","body":"hi"}""" + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);

        new CaseIngestor(store).Ingest(file);

        store.Lookup("s:acc1").Single().Type.ShouldBe("poster");
        store.Lookup(hash).Single().Type.ShouldBe("image");
    }

    [Fact]
    public void Ingest_PosterWithZeroWidthOrCompatibilityCharacters_IsOneAccountEntity()
    {
        // Given: one poster written plainly, with a zero-width space, with a word joiner and full-width digits
        var file = _dir.Write("p.jsonl", string.Join('\n',
            """{"id":"1","site":"s","poster":"anna99","body":"hi"}""",
            """{"id":"2","site":"s","poster":"anna\u200b99","body":"hello"}""",
            """{"id":"3","site":"s","poster":"Anna\u2060\uff19\uff19 ","body":"hey"}""") + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);

        // When
        new CaseIngestor(store).Ingest(file);

        // Then: one account entity, named by all three ads, and each ad keeps its poster field as written
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT e.value, count(DISTINCT m.ad) FROM entities e JOIN mentions m ON m.entity = e.id WHERE e.type = 'poster' GROUP BY e.id;";
        using var reader = cmd.ExecuteReader();
        var accounts = new List<(string Value, long Ads)>();
        while (reader.Read())
        {
            accounts.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        accounts.ShouldBe([("s:anna99", 3L)]);
        using var raw = store.Connection.CreateCommand();
        raw.CommandText = "SELECT poster FROM ads WHERE ad_id = '2';";
        raw.ExecuteScalar().ShouldBe("anna\u200b99");
    }

    [Fact]
    public void Open_NotACaseFile_FailsWithClearMessage()
    {
        var path = _dir.Write("junk.case", new string('x', 5000));

        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("not a NetworkAnalysis case file");
    }

    [Fact]
    public void Open_OtherSqliteDatabase_FailsWithClearMessage()
    {
        var path = _dir.File("other.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t(x);";
            cmd.ExecuteNonQuery();
        }

        Should.Throw<CaseStoreException>(() => CaseStore.Open(path)).Message.ShouldContain("not a NetworkAnalysis case file");
    }

    [Fact]
    public void Open_Missing_SaysNotFound()
    {
        Should.Throw<CaseStoreException>(() => CaseStore.Open(_dir.File("nope.case"))).Message.ShouldContain("not found");
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
