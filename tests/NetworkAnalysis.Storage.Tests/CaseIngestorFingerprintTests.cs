using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;
using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>
/// Ingest + analyze of a fixed generated corpus gives exactly what the code before issue #21's ingest changes gave: the same
/// row IDs, entities, mentions, attributes, images, versions, errors, clusters, memberships and risk scores.
/// </summary>
public sealed class CaseIngestorFingerprintTests : IDisposable
{
    // Obtained by running this test on main at 5e4b3d6 (before #21's ingest changes; the assertion printed the actual
    // parts) and pasting the output here. Each line: part, row count, SHA-256 of the part's rows in the order given below.
    // A change that alters a line changes what ingest stores or what analysis computes from it: that is not a speed-up.
    private static readonly string[] Expected =
    [
        "ads 3143 01fb9fbe19712510caf0ed46604754d2093b6166dc53cab721bb34e139882da0",
        "entities 2796 10dfab94b6fa7073bc0d3e2c6325e741a0795d988f91e8c2c8a2ef76651b6135",
        "mentions 14141 b5a6f2bbc155584ced750766289aa7e657b640e74f873f249c2c483bd0691dce",
        "attributes 9752 00a2e6a651e7e4a8eec2a71b1ee1bd9934b32317205cdd149345d824351bbb19",
        "images 550 1cf7480f3200892cf75876c186bfe35c58725a2ff2038190b6c0ba42ef2cf4e6",
        "versions 171 6a384b7f0da080d44d70b7fd5d8e25a7f15e097993a8571bd5b0b3e2b12d260f",
        "errors 2 a6432b3ca4f91a2314fda1668b2bd73089a3e6ea4274bf89cf7a381c3b089ee4",
        "sources 2 abb14fff947963451f9e4bd476a660c332ab5fd989688c2e5af1fe9da53d2d51",
        "photo_urls 111 6cd3c01ff47281bfb6bff6f9b993b1c233026242d5b21bebfc548a62340dceeb",
        "clusters 498 73ec6cfb0cd4b32b39d3531a54b61d68a7bbf2e5f8fc79ee52e4eba6f5bb30a0",
        "memberships 3143 2026a5ae889f4bfaab88a207613a1dd826b78e8d8e7dcc6de6526692e679aaa1",
        "scores 498 03e46c4481d52afe05de52ec0c3d3eee7b3a531d7dcafb71b9006166b0ff43fa",
    ];

    // Ordered by row ID where the ID is part of the result (ads, entities, mentions), else by content.
    private static readonly (string Name, string Sql)[] Parts =
    [
        ("ads", """
            SELECT id, ad_key, site, ad_id, line, ifnull(posted_at,''), ifnull(city,''), ifnull(region,''), ifnull(country,''),
                   ifnull(title,''), ifnull(body,''), text, ifnull(poster,''), ifnull(images,''), ifnull(image_hashes,''),
                   ifnull(price,''), ifnull(age,''), ifnull(attributes,''), ad_raw(raw, title, body, images, image_hashes)
            FROM ads ORDER BY id
            """),
        ("entities", "SELECT id, type, value FROM entities ORDER BY id"),
        // The raw text as the case gives it back (a precomputed image hash is stored without repeating its value since #21).
        ("mentions", $"SELECT m.id, m.ad, m.entity, ifnull(m.start,-1), ifnull(m.end,-1), {MentionRaw.Sql("m", "e")}, m.extractor, m.confidence FROM mentions m JOIN entities e ON e.id = m.entity ORDER BY m.id"),
        ("attributes", "SELECT ad, kind, value, start, end, raw FROM ad_attributes ORDER BY id"),
        ("images", "SELECT ad, position, ifnull(path,''), ifnull(sha256,''), ifnull(phash,''), ifnull(dhash,''), ifnull(error,'') FROM ad_images ORDER BY ad, position"),
        ("versions", "SELECT ad, version, source_id, line, ifnull(seen_at,''), content_sha256, text, raw, ifnull(attributes,'') FROM ad_versions ORDER BY ad, version"),
        ("errors", "SELECT source_id, line, ifnull(field,''), message FROM ingest_errors ORDER BY source_id, line"),
        ("sources", "SELECT id, sha256, completed_at IS NOT NULL, rows_read, rows_added, rows_failed FROM sources ORDER BY id"),
        ("photo_urls", "SELECT url, sha256, ifnull(phash,''), ifnull(dhash,''), source_id FROM photo_urls ORDER BY url"),
        ("clusters", "SELECT id, size, phones, emails, entities, cities, city_count, ifnull(first_seen,''), ifnull(last_seen,'') FROM clusters ORDER BY id"),
        ("memberships", "SELECT a.ad_key, m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad ORDER BY 1"),
        ("scores", "SELECT cluster_id, score, needs_review, contributions FROM scores ORDER BY cluster_id"),
    ];

    private readonly TempFolder _dir = new();

    /// <summary>3,000 generated ads (seed 21) as JSON Lines with two malformed lines, and a crawl of 300 more (seed 22) with
    /// re-crawls: versions, identical duplicates, photos by URL and by bytes.</summary>
    private (string Jsonl, string Warc) WriteCorpusAndCrawl()
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = 3_000, Seed = 21 });
        var jsonl = _dir.File("ads.jsonl");
        using (var writer = new StreamWriter(jsonl, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(corpus, writer);
            writer.WriteLine("{\"id\": \"broken\", ");
            writer.WriteLine("[1, 2, 3]");
        }

        var crawl = CorpusGenerator.Generate(new CorpusOptions { Ads = 300, Seed = 22 });
        var warc = _dir.File("crawl.warc.gz");
        CorpusFormatWriter.WriteWarc(CorpusPages.Captures(crawl, 22).ToList(), warc);
        return (jsonl, warc);
    }

    /// <summary>Ingests both files into a new case with <paramref name="options"/>, analyses and scores it; returns its path.</summary>
    private string IngestAnalyzeAndScore(string jsonl, string warc, IngestOptions options)
    {
        var casePath = _dir.File("case.case");
        using var store = CaseStore.Open(casePath, create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(jsonl, options).RowsFailed.ShouldBe(2);
        ingestor.Ingest(warc, options).Versions.ShouldBeGreaterThan(0);
        new CaseAnalyzer(store).Analyze();
        new CaseRiskScorer(store).Score(IndicatorSet.Default, IndicatorSet.DefaultFileBytes());
        return casePath;
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(2_000, null)]
    [InlineData(97, null)]
    [InlineData(97, 10)]
    [InlineData(2_000, 7)]
    public void IngestAndAnalyze_FixedCorpus_GivesTheRecordedFingerprint(int batchSize, int? adsPerChunk)
    {
        // Given 3,000 generated ads as JSON Lines with two malformed lines, then a crawl of 300 of them with re-crawls
        // (versions, identical duplicates, photos by URL and by bytes)
        var (jsonl, warc) = WriteCorpusAndCrawl();

        // When both are ingested (in batches of batchSize ads, handed to the writer adsPerChunk at a time), analysed and scored
        var casePath = IngestAnalyzeAndScore(jsonl, warc, new IngestOptions { BatchSize = batchSize, AdsPerChunk = adsPerChunk });

        // Then every part of the case is what the code before the change stored
        Fingerprint(casePath).ShouldBe(Expected);
    }

    [Theory]
    [InlineData(2_000, null)]
    [InlineData(97, null)]
    [InlineData(97, 10)]
    public void IngestAndAnalyze_LookingUpEachIdentifier_GivesTheRecordedFingerprint(int batchSize, int? adsPerChunk)
    {
        // Given the same corpus and crawl as above
        var (jsonl, warc) = WriteCorpusAndCrawl();

        // When both are ingested with each identifier looked up in the case on first use instead of every entity ID loaded
        // first (what a small ingest into a large case does, #21), then analysed and scored
        var casePath = IngestAnalyzeAndScore(jsonl, warc, new IngestOptions { BatchSize = batchSize, LookUpEntityIds = true, AdsPerChunk = adsPerChunk });

        // Then the case is the same, row IDs included, and every phone has the details an ingest loading every entity ID
        // stores (what libphonenumber says of it), here described by the writer
        Fingerprint(casePath).ShouldBe(Expected);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = casePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT e.value, d.region, d.location, d.number_type, d.metadata FROM entities e LEFT JOIN phone_details d ON d.entity = e.id WHERE e.type = 'phone' ORDER BY e.id;";
        using var r = cmd.ExecuteReader();
        var phones = 0;
        while (r.Read())
        {
            phones++;
            var described = NetworkAnalysis.Core.Extraction.Phones.PhoneNumberDetails.Describe(r.GetString(0));
            string?[] stored = r.IsDBNull(1) ? [] : [r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)];
            stored.ShouldBe(described is null ? [] : [described.Region, described.Location, described.Type, described.Metadata], r.GetString(0));
        }

        phones.ShouldBeGreaterThan(100);
    }

    private static string[] Fingerprint(string casePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = casePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        // The input's raw row as the case gives it back (stored without the values of the ad's own columns since #21).
        AdRawRow.Register(connection);
        var lines = new List<string>();
        foreach (var (name, sql) in Parts)
        {
            var (rows, hash) = QueryHash.Of(connection, sql);
            lines.Add($"{name} {rows} {hash}");
        }

        return [.. lines];
    }
}
