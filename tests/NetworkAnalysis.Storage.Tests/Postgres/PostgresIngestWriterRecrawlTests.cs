using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests.Postgres;

/// <summary>Re-crawls (changed and unchanged) and photos known only by URL, ingested into PostgreSQL by one worker or by shards at
/// once, against a case file's ingest of the same files (issue #22).</summary>
public sealed class PostgresIngestWriterRecrawlTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Ads = 240;
    private const int Urls = 30;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Photo(string id)
    {
        using var bytes = new MemoryStream();
        SyntheticPhotoWriter.Write(id, PhotoVariant.Original, ImageFormat.Png, bytes).ShouldBeNull();
        return bytes.ToArray();
    }

    private static string PhotoUrl(int k) => $"https://img.example.com/p/{k.ToString(CultureInfo.InvariantCulture)}.png";

    private static string Page(string text, params string[] photos) =>
        "<html><head><title>Ad</title></head><body><div class=\"post\"><p>" + text + "</p>"
        + string.Concat(photos.Select(p => $"<img src=\"{p}\">")) + "</div></body></html>";

    private static string Record(int ad, string day, string html) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["url"] = $"https://ads.example.com/ad/{ad.ToString(CultureInfo.InvariantCulture)}",
        ["timestamp"] = $"2026-03-{day}T08:00:00Z",
        ["content_type"] = "text/html",
        ["raw_content"] = html,
    });

    private static string Phone(int ad) => $"702-555-01{(ad % 100).ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>The first capture of every ad, then re-crawls in the same file: unchanged, changed once, changed twice, changed back.</summary>
    private string FirstCrawl()
    {
        var lines = new List<string>();
        for (var i = 0; i < Ads; i++)
        {
            lines.Add(Record(i, "01", Page($"Ad {i} new in town, call {Phone(i)} or write ann{i}@example.com", PhotoUrl(i % Urls))));
        }

        for (var i = 0; i < Ads; i++)
        {
            if (i % 3 == 0)
            {
                lines.Add(Record(i, "02", Page($"Ad {i} new in town, call {Phone(i)} or write ann{i}@example.com", PhotoUrl(i % Urls))));
            }

            if (i % 4 == 1)
            {
                lines.Add(Record(i, "03", Page($"Ad {i} back this week, call {Phone(i + 7)} or write bea{i}@example.com", PhotoUrl(i % Urls), PhotoUrl((i + 11) % Urls))));
            }

            if (i % 8 == 1)
            {
                // Back to the first capture: nothing new; then a second change.
                lines.Add(Record(i, "04", Page($"Ad {i} new in town, call {Phone(i)} or write ann{i}@example.com", PhotoUrl(i % Urls))));
                lines.Add(Record(i, "05", Page($"Ad {i} last days, write cat{i}@example.com", PhotoUrl((i + 3) % Urls))));
            }
        }

        return Write("crawl.jsonl", lines);
    }

    /// <summary>Later re-crawls of the same ads: some like a version already stored, some new.</summary>
    private string SecondCrawl()
    {
        var lines = new List<string>();
        for (var i = 0; i < Ads; i += 2)
        {
            lines.Add(i % 4 == 0
                ? Record(i, "09", Page($"Ad {i} moved, call {Phone(i + 13)} or write dee{i}@example.com", PhotoUrl((i + 5) % Urls)))
                : Record(i, "09", Page($"Ad {i} back this week, call {Phone(i + 7)} or write bea{i}@example.com", PhotoUrl(i % Urls), PhotoUrl((i + 11) % Urls))));
        }

        for (var i = 1; i < Ads; i += 4)
        {
            lines.Add(Record(i, "10", Page($"Ad {i} back this week, call {Phone(i + 7)} or write bea{i}@example.com", PhotoUrl(i % Urls), PhotoUrl((i + 11) % Urls))));
        }

        return Write("recrawl.jsonl", lines);
    }

    private string Write(string name, List<string> lines)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>A WARC holding the bytes of the first half of the photo URLs (two URLs showing one picture) and one page.</summary>
    private string PhotoCrawl()
    {
        var responses = new List<(string Uri, string Type, byte[] Body)>
        {
            ("https://other.example.com/ad/900", "text/html", Encoding.UTF8.GetBytes(Page("Visiting, text 702-555-0199", PhotoUrl(2)))),
        };
        for (var k = 0; k < Urls / 2; k++)
        {
            responses.Add((PhotoUrl(k), "image/png", Photo(k == 1 ? "pic0" : $"pic{k}")));
        }

        var path = _dir.File("photos.warc");
        using var output = File.Create(path);
        var n = 0;
        foreach (var (uri, type, body) in responses)
        {
            var http = (byte[])[.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
            var head = $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{++n:D12}>\r\n"
                + $"WARC-Date: 2026-03-02T08:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
                + $"Content-Length: {http.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
            output.Write(Encoding.ASCII.GetBytes(head));
            output.Write(http);
            output.Write("\r\n\r\n"u8);
        }

        return path;
    }

    /// <summary>A mirrored folder holding a third of the other photos at HOST/PATH.</summary>
    private string Mirror()
    {
        var folder = _dir.File("mirror");
        Directory.CreateDirectory(Path.Combine(folder, "img.example.com", "p"));
        for (var k = Urls / 2; k < Urls; k += 3)
        {
            File.WriteAllBytes(Path.Combine(folder, "img.example.com", "p", $"{k.ToString(CultureInfo.InvariantCulture)}.png"), Photo($"pic{k}"));
        }

        return folder;
    }

    private string CopyBack(string locator)
    {
        var file = _dir.File($"back{Guid.NewGuid():N}.case");
        CaseCopier.Copy(locator, file).Verified.ShouldBeTrue();
        return file;
    }

    private static long Count(string caseFile, string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = caseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = new SqliteCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void Recrawls_AndPhotosByUrl_IngestedByShards_EqualACaseFile(int shards)
    {
        // Given: a crawl with re-crawls of its own ads, a crawl holding photos by URL, a second crawl of re-crawls, a mirrored folder
        Prerequisite.RequirePostgres();
        string[] files = [FirstCrawl(), PhotoCrawl(), SecondCrawl()];
        var mirror = Mirror();
        var reference = _dir.File("reference.case");
        IngestResult[] expected;
        long expectedFolderLinks;
        using (var store = CaseStore.Open(reference, create: true))
        {
            var ingestor = new CaseIngestor(store);
            expected = [.. files.Select(f => ingestor.Ingest(f, new IngestOptions { BatchSize = 50 }))];
            expectedFolderLinks = ingestor.LinkPhotoFolder(mirror);
        }

        var locator = PostgresCaseLocator.Parse(database.Schema());

        // When: each file is ingested by `shards` workers at once (small batches: captures of one ad in one batch and across
        // batches), then the folder is linked
        var actual = new List<IngestResult>();
        long folderLinks;
        foreach (var file in files)
        {
            var results = new IngestResult[shards];
            Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = shards }, i =>
            {
                using var writer = new PostgresIngestWriter(locator);
                results[i] = writer.Ingest(file, new IngestOptions { BatchSize = 50 }, new IngestShard(i, shards));
            });
            actual.Add(new IngestResult
            {
                Path = file,
                Sha256 = results[0].Sha256,
                AdsAdded = results.Sum(r => r.AdsAdded),
                Duplicates = results.Sum(r => r.Duplicates),
                Versions = results.Sum(r => r.Versions),
                MentionsAdded = results.Sum(r => r.MentionsAdded),
                PhotosLinkedByUrl = results.Sum(r => r.PhotosLinkedByUrl),
            });
        }

        using (var writer = new PostgresIngestWriter(locator))
        {
            folderLinks = writer.LinkPhotoFolder(mirror);
            writer.LinkPhotoFolder(mirror).ShouldBe(0);
        }

        // Then: the corpus has what the test is about, and the counts and the case (ads, versions, entities, mentions, images,
        // photo URLs) equal the case file's
        expected[0].Versions.ShouldBeGreaterThan(50);
        expected[0].Duplicates.ShouldBeGreaterThan(50);
        expected[1].PhotosLinkedByUrl.ShouldBeGreaterThan(50);
        expected[2].Versions.ShouldBeGreaterThan(20);
        expected[2].Duplicates.ShouldBeGreaterThan(20);
        expectedFolderLinks.ShouldBeGreaterThan(10);
        actual.Select(r => (r.AdsAdded, r.Duplicates, r.Versions, r.MentionsAdded, r.PhotosLinkedByUrl))
            .ShouldBe(expected.Select(r => (r.AdsAdded, r.Duplicates, r.Versions, r.MentionsAdded, r.PhotosLinkedByUrl)));
        folderLinks.ShouldBe(expectedFolderLinks);
        var back = CopyBack(locator.ToString());
        PostgresIngestWriterTests.Hashes(back).ShouldBe(PostgresIngestWriterTests.Hashes(reference));
        Count(back, "SELECT count(*) FROM mentions WHERE extractor = 'photo-url'").ShouldBe(expected.Sum(r => r.PhotosLinkedByUrl) + expectedFolderLinks);
        Count(back, "SELECT max(version) FROM ad_versions").ShouldBe(2);
    }

    [SkippableFact]
    public void TwoFilesRecrawlingTheSameAds_AtOnce_NumberTheirVersionsUniquely()
    {
        // Given: ads, and two files each holding a changed capture of every one of them (different in each file)
        Prerequisite.RequirePostgres();
        var first = FirstCrawl();
        string Recrawl(string name, string word) => Write(name, [.. Enumerable.Range(0, Ads).Select(i =>
            Record(i, "20", Page($"Ad {i} {word}, write {word}{i}@example.com", PhotoUrl((i + 1) % Urls))))]);
        var x = Recrawl("x.jsonl", "xena");
        var y = Recrawl("y.jsonl", "yara");
        var locator = PostgresCaseLocator.Parse(database.Schema());
        using (var writer = new PostgresIngestWriter(locator))
        {
            writer.Ingest(first, null, IngestShard.All);
        }

        // When: the two files are ingested by two workers at once
        var results = new IngestResult[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            using var writer = new PostgresIngestWriter(locator);
            results[i] = writer.Ingest(i == 0 ? x : y, new IngestOptions { BatchSize = 40 }, IngestShard.All);
        });

        // Then: every capture is a version, each ad's versions are numbered 1..n without a gap or a repeat, and the versions hold
        // the same contents and identifiers as a case file's ingest of the same files one after the other
        results.Sum(r => r.Versions).ShouldBe(2 * Ads);
        var back = CopyBack(locator.ToString());
        var reference = _dir.File("reference.case");
        using (var store = CaseStore.Open(reference, create: true))
        {
            var ingestor = new CaseIngestor(store);
            ingestor.Ingest(first);
            ingestor.Ingest(x);
            ingestor.Ingest(y);
        }

        Count(back, "SELECT count(*) FROM (SELECT ad FROM ad_versions GROUP BY ad HAVING max(version) <> count(*) OR count(DISTINCT version) <> count(*))").ShouldBe(0);
        string[] byContent =
        [
            "SELECT a.ad_key, v.content_sha256, v.text, v.raw FROM ad_versions v JOIN ads a ON a.id = v.ad ORDER BY 1, 2",
            // The identifiers each ad has, whichever version brought them (version numbers depend on which worker came first).
            "SELECT DISTINCT a.ad_key, e.type, e.value FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity ORDER BY 1, 2, 3",
            "SELECT a.ad_key, i.sha256, ifnull(i.phash,'') FROM ad_images i JOIN ads a ON a.id = i.ad ORDER BY 1, 2, 3",
        ];
        using var b = new SqliteConnection($"Data Source={back};Mode=ReadOnly;Pooling=False");
        using var r = new SqliteConnection($"Data Source={reference};Mode=ReadOnly;Pooling=False");
        b.Open();
        r.Open();
        byContent.Select(sql => QueryHash.Of(b, sql)).ShouldBe(byContent.Select(sql => QueryHash.Of(r, sql)));
    }
}
