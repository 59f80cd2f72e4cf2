using AngleSharp.Html.Parser;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Html;

public sealed class ReferralReportWriterTests
{
    [Fact]
    public void Render_HostileTextInEveryField_NeverReachesTheDomAsMarkup()
    {
        // Given a model whose every text field carries payloads
        var model = SampleGraphs.Report(Hostile.All);

        // When
        var html = ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true, ShowImages = true });
        var doc = new HtmlParser().ParseDocument(html);

        // Then an HTML parser finds no script, frame or event handler, and the payload survives only as text
        doc.QuerySelectorAll("script, iframe, object, embed, foreignObject").Length.ShouldBe(0);
        doc.All.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        doc.All.SelectMany(e => e.Attributes).ShouldNotContain(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        foreach (var payload in Hostile.MarkupPayloads.Where(p => p.StartsWith('<')))
        {
            html.ShouldNotContain(payload);
        }

        doc.Body!.TextContent.ShouldContain(Hostile.Script);
    }

    [Fact]
    public void Render_Always_IsSelfContainedWithStrictCsp()
    {
        // When
        var html = ReferralReportWriter.Render(SampleGraphs.Report(), new ReferralReportOptions { ShowImages = true });
        var doc = new HtmlParser().ParseDocument(html);

        // Then nothing is fetched: no external src/href, only data: images, and a CSP forbids the rest
        var refs = doc.All.SelectMany(e => e.Attributes).Where(a => a.Name is "src" or "href" or "xlink:href").Select(a => a.Value).ToList();
        refs.ShouldAllBe(v => v.StartsWith("data:image/"));
        doc.QuerySelectorAll("link, script, iframe").Length.ShouldBe(0);
        var csp = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']");
        csp.ShouldNotBeNull();
        csp!.GetAttribute("content")!.ShouldContain("default-src 'none'");
    }

    [Fact]
    public void Render_Mentions_AreHighlightedInAdText()
    {
        // Given
        var model = SampleGraphs.Report();

        // When
        var doc = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true }));
        var masked = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));

        // Then every mention with a valid span becomes a <mark> with the raw text, masked unless identifiers are shown
        var marks = doc.QuerySelectorAll("#ads mark").Select(m => m.TextContent).ToList();
        marks.Count.ShouldBe(model.Graph.Mentions.Count);
        marks.ShouldContain("312-555-0101");
        var maskedMarks = masked.QuerySelectorAll("#ads mark").Select(m => m.TextContent).ToList();
        maskedMarks.Count.ShouldBe(model.Graph.Mentions.Count);
        maskedMarks.ShouldAllBe(m => m.Contains('•'));
    }

    [Fact]
    public void Render_Default_MasksIdentifierTableAndBlursPhotos()
    {
        // Given
        var model = SampleGraphs.Report();

        // When
        var doc = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));

        // Then
        doc.QuerySelector("#identifiers table")!.TextContent.ShouldNotContain("poster0@example.com");
        var images = doc.QuerySelectorAll("#ads img");
        images.Length.ShouldBe(model.Graph.Ads.Count);
        images.ShouldAllBe(i => i.ClassList.Contains("blurred"));
    }

    [Fact]
    public void Render_Default_HoldsNoSharpCopyOfAnyPhoto()
    {
        // Given
        var model = SampleGraphs.Report();
        var posted = model.Graph.Ads.SelectMany(a => a.Images).Select(i => Convert.ToBase64String(i.Bytes!)).ToList();

        // When
        var html = ReferralReportWriter.Render(model);
        var doc = new HtmlParser().ParseDocument(html);

        // Then: the file carries only thumbnails made when it was written, never the posted bytes (a CSS blur would)
        posted.ShouldNotBeEmpty();
        posted.ShouldAllBe(b => !html.Contains(b, StringComparison.Ordinal));
        doc.QuerySelectorAll("img").ShouldAllBe(i => i.GetAttribute("src")!.StartsWith("data:image/png;base64,", StringComparison.Ordinal));
        html.ShouldNotContain("filter: blur");
    }

    [Fact]
    public void Render_ContactSheet_OnePerDistinctPhoto_MostRepostedFirst()
    {
        // Given a cluster whose first two ads carry the same photo
        var model = SampleGraphs.Report();
        var ads = model.Graph.Ads.ToList();
        var shared = ads[0].Images[0];
        ads[1] = ads[1] with { Images = [shared] };
        model = model with { Graph = model.Graph with { Ads = ads } };

        // When
        var doc = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));

        // Then
        var captions = doc.QuerySelectorAll("#photos figcaption").Select(f => f.TextContent).ToList();
        captions.Count.ShouldBe(ads.SelectMany(a => a.Images).Select(i => i.Sha256).Distinct().Count());
        var counts = ads.SelectMany(a => a.Images.Select(i => (a.Key, i.Sha256))).Distinct().GroupBy(p => p.Sha256)
            .Select(g => g.Count()).OrderDescending().ToList();
        captions.ShouldBe(counts.Select(c => c == 1 ? "1 ad" : $"{c} ads").ToList());
        counts[0].ShouldBeGreaterThan(1);
        doc.QuerySelectorAll("#photos img").ShouldAllBe(i => i.ClassList.Contains("blurred"));
        new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { Redact = true }))
            .QuerySelectorAll("#photos img").ShouldBeEmpty();
    }

    [Fact]
    public void Render_ShowOptions_ShowsIdentifiersAndSharpPhotos()
    {
        var model = SampleGraphs.Report();
        var doc = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true, ShowImages = true }));
        doc.QuerySelector("#identifiers table")!.TextContent.ShouldContain("poster0@example.com");
        doc.QuerySelectorAll("#ads img").ShouldAllBe(i => !i.ClassList.Contains("blur"));
    }

    [Fact]
    public void Render_Redact_RemovesPhotosAndMasksSpans()
    {
        // Given
        var model = SampleGraphs.Report();

        // When
        var html = ReferralReportWriter.Render(model, new ReferralReportOptions { Redact = true, ShowIdentifiers = true, ShowImages = true });
        var doc = new HtmlParser().ParseDocument(html);

        // Then
        doc.QuerySelectorAll("img").Length.ShouldBe(0);
        html.ShouldNotContain("data:image/png");
        doc.QuerySelectorAll("#ads mark").Select(m => m.TextContent).ShouldNotContain("312-555-0101");
        doc.QuerySelector("#identifiers table")!.TextContent.ShouldNotContain("poster0@example.com");
    }

    [Fact]
    public void Render_PhoneIdentifier_ShowsGeocodedRegionAndType_AndCustodyNamesTheMetadata()
    {
        // Given the sample cluster, whose phone is 312-555-0101 (Chicago's area code)
        var model = SampleGraphs.Report();

        // When rendered, and rendered redacted
        var doc = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));
        var redacted = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { Redact = true }));

        // Then the identifiers table names the number's place and type (libphonenumber), the custody section the metadata
        // version, and the redacted copy leaves the place out
        doc.QuerySelector("#identifiers table")!.TextContent.ShouldContain("Chicago, IL (US), fixed line or mobile");
        doc.QuerySelector("#custody")!.TextContent.ShouldContain("libphonenumber-csharp 9.0.43");
        redacted.QuerySelector("#identifiers table")!.TextContent.ShouldNotContain("Chicago");
    }

    [Fact]
    public void Render_Custody_ListsSourcesAnalystAndNotes()
    {
        var model = SampleGraphs.Report();
        var text = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model)).QuerySelector("#custody")!.TextContent;
        text.ShouldContain(model.Sources[0].Sha256);
        text.ShouldContain("A. Analyst");
        text.ShouldContain("Referral for review.");
    }

    [Fact]
    public void Render_InvalidSpans_AreSkippedWithoutCrashing()
    {
        // Given mentions with out-of-range, reversed and overlapping spans
        var model = SampleGraphs.Report();
        var ad = model.Graph.Ads[0];
        var bad = new[]
        {
            new NetworkAnalysis.Reporting.Model.ReportMention(ad.Key, "x", -5, 3),
            new NetworkAnalysis.Reporting.Model.ReportMention(ad.Key, "x", 10, 5),
            new NetworkAnalysis.Reporting.Model.ReportMention(ad.Key, "x", 0, 100000),
        };
        model = model with { Graph = model.Graph with { Mentions = [.. model.Graph.Mentions, .. bad] } };

        // When / Then
        var doc = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));
        doc.QuerySelectorAll("#ads mark").Length.ShouldBe(model.Graph.Mentions.Count - bad.Length);
    }

    [Fact]
    public void Render_SameModel_IsByteIdentical()
    {
        ReferralReportWriter.Render(SampleGraphs.Report()).ShouldBe(ReferralReportWriter.Render(SampleGraphs.Report()));
    }
}
