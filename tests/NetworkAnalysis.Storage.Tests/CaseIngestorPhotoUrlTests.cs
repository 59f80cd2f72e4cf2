using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>Photos known first only by URL whose bytes arrive in another ingest (a crawl, a mirrored folder), and the photos of re-crawled versions.</summary>
public sealed class CaseIngestorPhotoUrlTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Photo(string id, PhotoVariant variant = PhotoVariant.Original)
    {
        using var bytes = new MemoryStream();
        SyntheticPhotoWriter.Write(id, variant, ImageFormat.Png, bytes).ShouldBeNull();
        return bytes.ToArray();
    }

    private static string Page(string text, params string[] photos) =>
        "<html><head><title>Ad</title></head><body><div class=\"post\"><p>" + text + "</p>"
        + string.Concat(photos.Select(p => $"<img src=\"{p}\">")) + "</div></body></html>";

    /// <summary>An uncompressed WARC of HTTP responses (uri, content type, body).</summary>
    private string Warc(string name, params (string Uri, string Type, byte[] Body)[] responses)
    {
        var path = _dir.File(name);
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

    private static string KeyOf(CaseStore store, string phone) => store.Lookup(phone).Single().Ads.Single();

    private static Dictionary<string, string?> Clusters(CaseStore store) => store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);

    [Fact]
    public void UrlOnlyPhoto_BytesInALaterCrawl_TheAdLinksToAdsWithTheSamePicture()
    {
        // Given a saved page that knows its photo only by URL (with a tracking parameter), ingested first
        var picture = Photo("p1");
        var page = _dir.Write("a.html", Page("Sweet and new in town, call 702-555-0101 today", "https://img.example.com/p/1.png?utm_source=feed"));
        var crawl = Warc("later.warc",
            ("https://other.example.com/ad/20002", "text/html", Encoding.UTF8.GetBytes(Page("Visiting this week only, text 702-555-0102", "https://cdn.example.org/x/copy.png"))),
            ("https://img.example.com/p/1.png", "image/png", picture),
            ("https://cdn.example.org/x/copy.png", "image/png", picture));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(page).PhotosLinkedByUrl.ShouldBe(0);
        new CaseAnalyzer(store) { NearDuplicates = new() { Images = false } }.Analyze();
        var a = KeyOf(store, "702-555-0101");

        // When a crawl holding the photo's bytes (at that URL, and the same picture at another) is ingested
        var result = ingestor.Ingest(crawl);
        var b = KeyOf(store, "702-555-0102");
        Clusters(store)[b].ShouldBeNull();

        // Then the URL maps to the photo's hash: the first ad gets it, with its pHash, and links to the crawl's ad
        result.PhotosLinkedByUrl.ShouldBe(1);
        var sha = ImageHasher.Hash(picture).Sha256!;
        store.Lookup(sha).Single().Ads.ShouldBe([a, b], ignoreOrder: true);
        store.Lookup("url:https://img.example.com/p/1.png").Single().Ads.ShouldBe([a]);
        using (var cmd = store.Command($"SELECT count(*) FROM ad_images i JOIN ads d ON d.id = i.ad WHERE d.ad_key = '{a}' AND i.sha256 = '{sha}' AND i.phash IS NOT NULL;"))
        {
            Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture).ShouldBe(1);
        }

        var run = new CaseAnalyzer(store) { NearDuplicates = new() { Images = false } }.Analyze();
        run.Incremental.ShouldBeTrue();
        Clusters(store)[a].ShouldBe(Clusters(store)[b]);

        // And linking again adds nothing
        ingestor.Ingest(_dir.Write("more.jsonl", """{"id":"9","site":"s","body":"unrelated 702-555-0109"}""" + "\n")).PhotosLinkedByUrl.ShouldBe(0);
        store.Lookup(sha).Single().AdCount.ShouldBe(2);
    }

    [Fact]
    public void CrawlFirst_UrlOnlyPageLater_GetsTheHash()
    {
        // Given a crawl holding a photo that none of its pages embeds, then a page that knows it only by URL
        var picture = Photo("p2");
        var crawl = Warc("first.warc",
            ("https://other.example.com/ad/30003", "text/html", Encoding.UTF8.GetBytes(Page("Ask for Jade, 702-555-0103", "https://img.example.com/p/2.png"))),
            ("https://img.example.com/p/2.png", "image/png", picture));
        var page = _dir.Write("late.html", Page("Jade again this week, 702-555-0104", "HTTPS://IMG.EXAMPLE.COM/p/2.png#top"));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(crawl).PhotosLinkedByUrl.ShouldBe(0);

        // When
        var result = ingestor.Ingest(page);

        // Then
        result.PhotosLinkedByUrl.ShouldBe(1);
        store.Lookup(ImageHasher.Hash(picture).Sha256!).Single().Ads
            .ShouldBe([KeyOf(store, "702-555-0103"), KeyOf(store, "702-555-0104")], ignoreOrder: true);
    }

    [Fact]
    public void UrlOnlyPhoto_ANearDuplicateInALaterCrawl_GivesAnImageWeakLink()
    {
        // Given a URL-only photo, and a crawl holding its bytes and a resized copy embedded by another ad
        var page = _dir.Write("a.html", Page("Sweet and new in town, call 702-555-0105 today", "https://img.example.com/p/3.png"));
        var crawl = Warc("later.warc",
            ("https://other.example.com/ad/40004", "text/html", Encoding.UTF8.GetBytes(Page("Visiting this week only, text 702-555-0106", "https://cdn.example.org/x/small.png"))),
            ("https://img.example.com/p/3.png", "image/png", Photo("p3")),
            ("https://cdn.example.org/x/small.png", "image/png", Photo("p3", PhotoVariant.Resized)));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(page);
        ingestor.Ingest(crawl).PhotosLinkedByUrl.ShouldBe(1);

        // When
        new CaseAnalyzer(store).Analyze();

        // Then the pHash of the photo that arrived by URL finds the resized copy
        var snapshot = store.LoadSnapshot();
        var keys = snapshot.Incidence.AdKeys;
        store.LoadWeakLinks(snapshot).Select(w => (keys[Math.Min(w.AdA, w.AdB)], keys[Math.Max(w.AdA, w.AdB)], CaseStore.KindName(w.Kind)))
            .ShouldContain(w => new[] { w.Item1, w.Item2 }.Order(StringComparer.Ordinal).SequenceEqual(new[] { KeyOf(store, "702-555-0105"), KeyOf(store, "702-555-0106") }.Order(StringComparer.Ordinal)) && w.Item3 == "image");
    }

    [Fact]
    public void RecrawledVersion_WithANewPhoto_GetsPHashLinks()
    {
        // Given an ad first seen without photos, re-crawled with one, and another ad with a resized copy of that photo
        Directory.CreateDirectory(_dir.File("img"));
        File.WriteAllBytes(_dir.File("img/new.png"), Photo("p4"));
        File.WriteAllBytes(_dir.File("img/small.png"), Photo("p4", PhotoVariant.Resized));
        var first = _dir.Write("1.jsonl", """{"id":"1","site":"s","body":"call 702-555-0107"}""" + "\n"
            + """{"id":"2","site":"s","body":"text 702-555-0108","images":"img/small.png"}""" + "\n");
        var recrawl = _dir.Write("2.jsonl", """{"id":"1","site":"s","body":"call 702-555-0107","images":"img/new.png","crawled_at":"2026-03-02T08:00:00Z"}""" + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(first);
        ingestor.Ingest(recrawl).Versions.ShouldBe(1);
        ingestor.Ingest(_dir.Write("3.jsonl", """{"id":"1","site":"s","body":"call 702-555-0107 again","images":"img/new.png","crawled_at":"2026-03-03T08:00:00Z"}""" + "\n")).Versions.ShouldBe(1);

        // When
        new CaseAnalyzer(store).Analyze();

        // Then the version's photo is one of the ad's images (once, though two versions show it) and finds the resized copy
        using (var cmd = store.Command("SELECT count(*) FROM ad_images i JOIN ads d ON d.id = i.ad WHERE d.ad_key = 's/1';"))
        {
            Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture).ShouldBe(1);
        }

        var snapshot = store.LoadSnapshot();
        var keys = snapshot.Incidence.AdKeys;
        store.LoadWeakLinks(snapshot).Select(w => string.Join(",", new[] { keys[w.AdA], keys[w.AdB] }.Order(StringComparer.Ordinal)))
            .ShouldContain("s/1,s/2");
    }

    [Fact]
    public void UrlOnlyPhoto_FoundInAMirroredFolder_IsLinkedByHash_AndNothingOutsideTheFolderIsRead()
    {
        // Given a URL-only photo, a mirror holding it at HOST/PATH, and an ad with the same picture as a file
        var picture = Photo("p5");
        var page = _dir.Write("a.html", Page("Sweet and new in town, call 702-555-0110 today", "https://img.example.com/p/5.png", "https://img.example.com/../../outside.png"));
        Directory.CreateDirectory(_dir.File("mirror/img.example.com/p"));
        File.WriteAllBytes(_dir.File("mirror/img.example.com/p/5.png"), picture);
        File.WriteAllBytes(_dir.File("outside.png"), Photo("p6"));
        Directory.CreateDirectory(_dir.File("b"));
        File.WriteAllBytes(_dir.File("b/same.png"), picture);
        var other = _dir.Write("b/b.jsonl", """{"id":"2","site":"s","body":"text 702-555-0111","images":"same.png"}""" + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(page);
        ingestor.Ingest(other);

        // When
        var linked = ingestor.LinkPhotoFolder(_dir.File("mirror"));

        // Then
        linked.ShouldBe(1);
        store.Lookup(ImageHasher.Hash(picture).Sha256!).Single().Ads.ShouldBe([KeyOf(store, "702-555-0110"), "s/2"], ignoreOrder: true);
        store.Lookup(ImageHasher.Hash(Photo("p6")).Sha256!).ShouldBeEmpty();
        ingestor.LinkPhotoFolder(_dir.File("mirror")).ShouldBe(0);
    }
}
