using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Ads.Html;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;

namespace NetworkAnalysis.Core.Tests.Ads.Html;

public sealed class SiteProfileTests
{
    [Fact]
    public void BuiltIn_HasTheGeneratorSitesAndABackpageLayout()
    {
        SiteProfiles.BuiltIn.Select(p => p.Name).ShouldBe(["backpage-classic", "sitea.example", "siteb.example"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("name: x\ntitle: 'h1[['\n", ":2: 'title': 'h1[[' is not a CSS selector")]
    [InlineData("name: x\ncolour: red\n", ":2: unknown key 'colour'")]
    [InlineData("title: h1\n", ":1: the profile has no 'name'")]
    [InlineData("name: x\nage: { selector: p, regex: '(' }\n", ":2: 'age': '(' is not a valid pattern")]
    [InlineData("name: [x\n", "p.yaml:")]
    public void Parse_BadProfile_SaysFileLineAndWhat(string yaml, string expected)
    {
        var ex = Should.Throw<FormatException>(() => SiteProfileParser.Parse(yaml, "p.yaml"));
        ex.Message.ShouldStartWith("p.yaml");
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void GeneratedPages_ReadBackThroughTheirProfiles_GiveTheSameAd()
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = 60, Seed = 11 });
        var extractor = new HtmlAdExtractor();
        foreach (var site in new[] { "sitea.example", "siteb.example" })
        {
            var g = corpus.First(c => c.Ad.Site == site && c.Ad.Poster != null && c.Ad.ImageHashes.Count > 0);
            var capture = CorpusPages.Captures([g], 1, recrawlRate: 0).Single();

            // Saved without its URL: the profile is picked by its detect selector.
            var result = extractor.Extract(capture.Html, null, "fallback");

            result.Profile!.Name.ShouldBe(site);
            var ad = result.Ad!;
            ad.Key.ShouldBe(g.Ad.Key);
            ad.Title.ShouldBe(g.Ad.Title);
            ad.PostedAt.ShouldBe(g.Ad.PostedAt);
            (ad.City, ad.Region, ad.Country, ad.Poster, ad.Age, ad.Price).ShouldBe((g.Ad.City, g.Ad.Region, g.Ad.Country, g.Ad.Poster, g.Ad.Age, g.Ad.Price));
            result.Photos.Count.ShouldBe(g.Ad.ImageHashes.Count(h => h.StartsWith("sha256:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void BackpageLayout_SavedPage_IsReadByDetect()
    {
        const string page = """
            <html><head><title>Sweet and new - 23</title></head><body>
            <div id="postingTitle"><a href="#"><h1>Sweet and new - 23</h1></a></div>
            <div class="adInfo">Posted: Monday, March 2, 2015 10:30 PM</div>
            <div class="postingBody">Call me 702-555-0142 <br>no rush</div>
            <p class="metaInfoDisplay">Poster's age: 23</p>
            <div style="padding-left:2em;">&bull; Location: Downtown, Las Vegas</div>
            <ul id="viewAdPhotoLayout"><li><a href="#"><img src="http://images2.bpimg.com/1234/abc_med.jpg?v=2"></a></li></ul>
            <div>Post ID: 12345678 lasvegas</div>
            </body></html>
            """;
        var result = new HtmlAdExtractor().Extract(page, null, "x");
        result.Profile!.Name.ShouldBe("backpage-classic");
        result.Ad!.Key.ShouldBe("backpage.com/12345678");
        result.Ad.Body.ShouldBe("Call me 702-555-0142 \nno rush");
        result.Ad.Age.ShouldBe(23);
        result.Ad.City.ShouldBe("Downtown");
        result.Ad.PostedAt.ShouldBe(new DateTimeOffset(2015, 3, 2, 22, 30, 0, TimeSpan.Zero));
        PhotoUrls.Canonical(result.Photos.Single(), SiteProfiles.BuiltIn).ShouldBe("http://images2.bpimg.com/1234/abc.jpg");
    }

    [Fact]
    public void Generic_UnknownSite_TakesTitleLargestBlockItsImagesAndADate()
    {
        const string page = """
            <html><head><title>Ava in Reno</title></head><body>
            <nav>Home | Ads | Login</nav>
            <div class="side">short</div>
            <div class="main"><p>Hi I am Ava, new in town. Text 775 555 0101 for a good time, outcalls only.</p>
            <img src="/img/a1.jpg?utm_source=x&amp;fbclid=y"><img src="https://cdn.Example.org/b2.jpg"></div>
            <img src="/logo.png">
            <footer>Posted 2026-02-03 14:05</footer>
            </body></html>
            """;
        var result = new HtmlAdExtractor().Extract(page, "https://ads.example.org/reno/ad/99887766.html", "x");
        result.Profile.ShouldBeNull();
        var ad = result.Ad!;
        ad.Key.ShouldBe("ads.example.org/99887766");
        ad.Title.ShouldBe("Ava in Reno");
        ad.Body!.ShouldContain("775 555 0101");
        ad.PostedAt.ShouldBe(new DateTimeOffset(2026, 2, 3, 14, 5, 0, TimeSpan.Zero));
        result.Photos.Select(p => PhotoUrls.Canonical(p)).ShouldBe(["https://ads.example.org/img/a1.jpg", "https://cdn.example.org/b2.jpg"]);
    }

    [Fact]
    public void Extract_PageNested100000Deep_IsRefusedNotACrash()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "call 702-555-0142" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var result = new HtmlAdExtractor().Extract(page, null, "deep");
        result.Ad.ShouldBeNull();
        result.Error!.ShouldContain("nests elements more than");
    }

    [Fact]
    public void Extract_50MbPage_IsRefusedWithItsSize()
    {
        var page = "<html><body><p>" + new string('a', 50 * 1024 * 1024) + "</p></body></html>";
        var result = new HtmlAdExtractor().Extract(page, null, "big");
        result.Ad.ShouldBeNull();
        result.Error!.ShouldContain("over the limit");
    }

    [Fact]
    public void Decode_HeaderSaysLatin1ButBytesAreUtf8_ReadsUtf8()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("<p>Zoë, café, ５５５</p>");
        HtmlText.Decode(bytes, "iso-8859-1").ShouldBe("<p>Zoë, café, ５５５</p>");
    }

    [Fact]
    public void Decode_HeaderSaysUtf8ButBytesAreLatin1_ReadsWindows1252()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("<p>Zoë, café</p>");
        HtmlText.Decode(bytes, "utf-8").ShouldBe("<p>Zoë, café</p>");
    }

    [Fact]
    public void Decode_MetaCharsetShiftJis_IsHonouredWhenBytesAreNotUtf8()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var sjis = System.Text.Encoding.GetEncoding("shift_jis");
        var bytes = sjis.GetBytes("<meta charset=\"shift_jis\"><p>東京</p>");
        HtmlText.Decode(bytes, null).ShouldContain("東京");
    }

    [Theory]
    [InlineData("HTTPS://Img.Example.COM:443/a/b.jpg?utm_source=x&w=2&fbclid=z#frag", "https://img.example.com/a/b.jpg?w=2")]
    [InlineData("https://photos.example.net/i/abc_640x480.jpg?src=feed", "https://photos.example.net/i/abc.jpg")]
    [InlineData("https://PHOTOS.example.net/i/abc.jpg?w=800&q=75", "https://photos.example.net/i/abc.jpg")]
    [InlineData("data:image/png;base64,AAAA", null)]
    [InlineData("img/a.jpg", null)]
    public void Canonical_PhotoUrls(string url, string? expected)
    {
        PhotoUrls.Canonical(url, SiteProfiles.BuiltIn).ShouldBe(expected);
    }
}
