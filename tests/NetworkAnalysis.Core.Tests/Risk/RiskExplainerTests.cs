using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed class RiskExplainerTests
{
    private static (RiskExplanation Explanation, RiskAd[] Ads) Explain(bool redact)
    {
        var ads = new[] { "Mia", "Ava", "Luna" }
            .Select((n, i) => new RiskAdBuilder($"s/{i}").Say("Sweet girl ").Name(n).Say(" text me\n").Phone("+12025550142", "202-555-0142").Say(" tonight").Build())
            .ToArray();
        var assessment = new RiskScorer(IndicatorSet.Default).Score(new RiskInput([new RiskCluster("C1", ads)])).Assessments.Single();
        var explanation = RiskExplainer.Explain(assessment, IndicatorSet.Default, k => ads.FirstOrDefault(a => a.Key == k), new RiskExplanationOptions { Redact = redact, ContextChars = 15 });
        return (explanation, ads);
    }

    [Fact]
    public void Explain_Assessment_HighlightCoversTheEvidenceSpan()
    {
        // Given a cluster with one phone and three names
        // When explained without redaction
        var (explanation, ads) = Explain(redact: false);

        // Then each excerpt's highlight shows exactly the text of the evidence span, and the caveat is there
        explanation.Caveat.ShouldBe(IndicatorSet.Default.Caveat);
        var personas = explanation.Indicators.Single(i => i.IndicatorId == "personas_per_contact");
        personas.Source.ShouldNotBeNullOrWhiteSpace();
        personas.Subjects.ShouldBe(["phone +12025550142"]);
        foreach (var e in personas.Excerpts.Where(e => e.HighlightEnd > e.HighlightStart))
        {
            var ad = ads.Single(a => a.Key == e.AdKey);
            e.Text[e.HighlightStart..e.HighlightEnd].ShouldBe(ad.Text[e.SpanStart..e.SpanEnd]);
        }
    }

    [Fact]
    public void Explain_Redacted_MasksIdentifiersInExcerptsAndSubjects()
    {
        // Given the same cluster
        // When explained with redaction
        var (explanation, _) = Explain(redact: true);

        // Then no excerpt or subject shows the full phone number, but its last digits remain
        var all = explanation.Indicators.SelectMany(i => i.Excerpts.Select(e => e.Text).Concat(i.Subjects)).ToList();
        all.ShouldNotContain(t => t.Contains("555-0142") || t.Contains("5550142"));
        explanation.Indicators.Single(i => i.IndicatorId == "personas_per_contact").Subjects.Single().ShouldEndWith("0142");
    }

    [Fact]
    public void Excerpt_ControlCharactersAndSurrogates_AreSafe()
    {
        // Given an ad with a newline and an emoji right before the span
        var ad = new RiskAdBuilder("s/1").Say("a\u0007b\n\U0001F600").Name("Mia").Build();
        var span = ad.Attributes.Single();

        // When excerpted with one character of context
        var excerpt = RiskExplainer.Excerpt(new RiskEvidence("s/1", span.Start, span.End, "name"), ad, new RiskExplanationOptions { ContextChars = 1 });

        // Then no control characters remain and the emoji is not cut in half
        excerpt.Text.ShouldNotContain(c => char.IsControl(c));
        excerpt.Text.ShouldStartWith("\U0001F600");
        excerpt.Text[excerpt.HighlightStart..excerpt.HighlightEnd].ShouldBe("Mia");
    }

    [Fact]
    public void Excerpt_RedactedPhoneCutByWindow_ShowsNoMoreThanItsLastDigits()
    {
        // Given an ad whose phone starts inside the excerpt window and ends outside it
        var ad = new RiskAdBuilder("s/1").Name("Mia").Say(" text ").Phone("+12025550142", "202 555 0142").Build();
        var name = ad.Attributes.Single();

        // When excerpted with redaction and a window that cuts the phone after "202 555 0"
        var excerpt = RiskExplainer.Excerpt(new RiskEvidence("s/1", name.Start, name.End, "name"), ad, new RiskExplanationOptions { Redact = true, ContextChars = 15 });

        // Then the cut shows only what masking the whole number shows, not the cut part masked on its own ("*** **5 0"),
        // and it ends at a word boundary (before the " 0" the window would have cut from "0142")
        excerpt.Text.ShouldBe("Mia text *** ***");
        excerpt.TruncatedEnd.ShouldBeTrue();
    }
}
