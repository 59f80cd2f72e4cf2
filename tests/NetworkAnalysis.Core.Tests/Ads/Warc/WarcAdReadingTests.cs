using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Ads.Warc;

public sealed class WarcAdReadingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GeneratedCrawl_PagesBecomeAds_PhotosStoredAfterThemAreHashed_RevisitsAreCounted()
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = 80, Seed = 4 });
        var path = _dir.File("crawl.warc.gz");
        CorpusFormatWriter.WriteWarc(CorpusPages.Captures(corpus, 4, recrawlRate: 0.5), path);
        using var stream = File.OpenRead(path);
        var reader = new AdSourceReader();

        var items = reader.Read(stream, path, AdInputFormat.Warc).ToList();

        items.ShouldAllBe(i => i.IsSuccess);
        items.Select(i => i.Ad!.Key).Distinct().Count().ShouldBe(80);
        reader.Skipped["revisit (identical re-crawl)"].ShouldBeGreaterThan(0);
        var withPhoto = items.Select(i => i.Ad!).First(a => a.ImageHashes.Count > 0);
        // Every photo's bytes are in the crawl, so each URL maps to its hash and none stays a bare URL.
        items.ShouldAllBe(i => i.Ad!.ImageUrls.Count == 0);
        withPhoto.ImageHashes.ShouldContain(h => h.StartsWith("sha256:", StringComparison.Ordinal));
        withPhoto.ImageHashes.ShouldContain(h => h.StartsWith("phash:", StringComparison.Ordinal));
        withPhoto.Attributes.Keys.ShouldContain("crawled_at");
    }

    [Fact]
    public void DamagedCrawl_EachBadRecordIsOneErrorWithItsOffset_TheRestAreAds()
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = 10, Seed = 4 });
        var path = _dir.File("crawl.warc");
        CorpusFormatWriter.WriteWarc(CorpusPages.Captures(corpus, 4, recrawlRate: 0), path);
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        // Damage the third page record's Content-Length.
        var third = -1;
        for (var i = 0; i < 3; i++)
        {
            third = text.IndexOf("WARC-Type: response", third + 1, StringComparison.Ordinal);
        }

        var length = text.IndexOf("Content-Length: ", third, StringComparison.Ordinal) + 16;
        bytes[length] = (byte)(bytes[length] == '9' ? '1' : bytes[length] + 1);
        File.WriteAllBytes(path, bytes);
        using var stream = File.OpenRead(path);

        var items = new AdSourceReader().Read(stream, path, AdInputFormat.Warc).ToList();

        var error = items.Single(i => !i.IsSuccess).Error!;
        error.ToString().ShouldContain("crawl.warc: at byte ");
        error.Message.ShouldContain("Content-Length");
        items.Count(i => i.IsSuccess).ShouldBe(9);
    }
}
