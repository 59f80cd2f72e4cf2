using System.Text;
using AngleSharp.Html.Parser;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Tests.Text;

public sealed class AdTextDisplayTests
{
    private static string Display(string text)
    {
        var sb = new StringBuilder();
        AdTextDisplay.AppendDisplay(sb, text, 0, text.Length, AdTextDisplay.HiddenMarkup(text));
        return sb.ToString();
    }

    [Fact]
    public void AppendDisplay_MarkupInAnAd_IsReducedToItsText()
    {
        var html = Display("<p>Hi <b>there</b> &amp; welcome</p><script>alert(1)</script><!-- hidden --><br>new&nbsp;in town &#x263A;");

        var text = new HtmlParser().ParseFragment("<pre>" + html + "</pre>", null!).Single().TextContent;
        text.ShouldBe("Hi there & welcome\nnew\u00A0in town \u263A");
        html.ShouldNotContain("&lt;b&gt;");
        html.ShouldNotContain("alert");
    }

    [Fact]
    public void AppendDisplay_TextThatOnlyLooksLikeMarkup_IsKeptEscaped()
    {
        // ("a<b c>" would be a tag to a browser too; a '<' before a digit or a space never is.)
        Display("5 < 7 and I <3 you but 2 > 1 & so on").ShouldBe("5 &lt; 7 and I &lt;3 you but 2 &gt; 1 &amp; so on");
    }

    [Fact]
    public void AppendDisplay_KeycapEmoji_BecomeTheirDigitInABox()
    {
        Display("call 7\uFE0F\u20E30\u20E32\u20E3 now \U0001F48B").ShouldBe(
            "call <span class=\"keycap\">7</span><span class=\"keycap\">0</span><span class=\"keycap\">2</span> now \U0001F48B");
    }

    [Fact]
    public void AppendDisplay_BidiOverrideAndZeroWidthCharacters_AreShownAsMarkers()
    {
        // A right-to-left override would make "Pay 702-555-0911" read as another number; an entity reference is no way round
        Display("Pay \u202E1190-555-207\u202C, ask for anna\u200B99 &#x202E;x \U0001F468\u200D\U0001F469").ShouldBe(
            "Pay ⟦U+202E⟧1190-555-207⟦U+202C⟧, ask for anna⟦U+200B⟧99 ⟦U+202E⟧x \U0001F468\u200D\U0001F469");
    }

    [Fact]
    public void Escape_InvisibleFormattingCharacters_AreShownAsMarkers()
    {
        // Titles, cities, evidence lines and chart labels all go through Markup
        Markup.Escape("Re\u2066no\u2069 <b>\u00AD").ShouldBe("Re⟦U+2066⟧no⟦U+2069⟧ &lt;b&gt;⟦U+00AD⟧");
    }

    [Fact]
    public void MaskedText_MentionsAndEveryOtherOccurrenceOfAValue_AreMasked()
    {
        // Given a text that names the same phone three times, of which the extractor recorded one mention
        const string text = "call 702-555-0143 or 702-555-0143, text 7025550143";
        var mentions = new[] { new ReportMention("s/1", "phone:+17025550143", 5, 17) };
        var graph = new CaseGraph
        {
            Ads = [new ReportAd { Key = "s/1", Text = text }],
            Entities = [new ReportEntity("phone:+17025550143", "phone", "+17025550143")],
            Mentions = mentions,
        };

        // When
        var masked = AdTextDisplay.MaskedText(text, mentions, AdTextDisplay.Needles(graph));

        // Then no occurrence survives (the digits-only one is not a known value: it is a further mention in a real case)
        masked.ShouldNotContain("702-555-0143");
        masked.ShouldStartWith("call 70");
    }

    [Fact]
    public void Render_Masked_AdTextShowsNoIdentifierAndMarkupAsText()
    {
        // Given the sample report whose ads carry phones, e-mails and handles (and a risk evidence line naming a phone)
        var model = SampleGraphs.Report();
        var values = model.Graph.Entities.Where(e => e.Type is "phone" or "email").Select(e => e.Value).ToList();
        var raws = model.Graph.Mentions.Select(m => model.Graph.Ads.Single(a => a.Key == m.AdKey).Text[m.Start..m.End]).ToList();

        // When rendered with the defaults (identifiers masked)
        var html = ReferralReportWriter.Render(model);
        var text = new HtmlParser().ParseDocument(html).Body!.TextContent;

        // Then the banner promises masking and the text keeps it
        text.ShouldContain("IDENTIFIERS MASKED");
        raws.ShouldNotBeEmpty();
        foreach (var v in values.Concat(raws).Where(v => v.Length >= 4))
        {
            text.ShouldNotContain(v, Case.Insensitive);
        }

        var shown = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true })).Body!.TextContent;
        shown.ShouldContain("IDENTIFIERS SHOWN");
        shown.ShouldContain(raws[0]);
    }

    [Fact]
    public void Render_EvidenceExcerptsWithMarkup_ShownAsText()
    {
        var model = SampleGraphs.Report() with
        {
            RiskIndicators = [new RiskIndicatorItem("Movement", "Cities", 0.3, 0.25, ["s/1: …downtown.<br>Call now.<br>Email us</p>"])],
        };

        var text = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model)).QuerySelector("ul.evidence")!.TextContent;

        text.ShouldBe("s/1: …downtown. Call now. Email us");
    }

    [Fact]
    public void Render_Always_NetworkBeforeTheEvidenceAndScoreOnItsScale()
    {
        var html = ReferralReportWriter.Render(SampleGraphs.Report());

        html.IndexOf("id=\"network\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"risk\"", StringComparison.Ordinal));
        html.IndexOf("id=\"network\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"ads\"", StringComparison.Ordinal));
        html.ShouldContain("<b>72.4</b><span>risk score (0–100)</span>");
        html.ShouldContain("score 72.4 / 100");
    }

    [Fact]
    public void Render_LongAd_CutAtAWordBoundaryAndNeverInsideAnIdentifier()
    {
        // Given an ad longer than the excerpt limit with an e-mail straddling the limit
        var words = string.Join(' ', Enumerable.Repeat("lorem", 30));
        var text = words + " mail ring@example.com please";
        var at = text.IndexOf("ring@", StringComparison.Ordinal);
        var model = SampleGraphs.Report() with
        {
            Graph = new CaseGraph
            {
                Ads = [new ReportAd { Key = "s/1", Text = text, ClusterId = "C1" }],
                Entities = [new ReportEntity("email:ring@example.com", "email", "ring@example.com")],
                Mentions = [new ReportMention("s/1", "email:ring@example.com", at, at + "ring@example.com".Length)],
            },
        };

        // When cut with the limit inside the e-mail, shown in full
        var html = ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true, MaxExcerptChars = at + 5 });
        var pre = new HtmlParser().ParseDocument(html).QuerySelector("article.ad pre")!.TextContent;

        // Then the excerpt ends after a whole word, before the e-mail
        pre.ShouldEndWith("mail […]");
        pre.ShouldNotContain("ring");
    }
}
