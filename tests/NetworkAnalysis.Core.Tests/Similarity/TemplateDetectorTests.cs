using NetworkAnalysis.Core.Evaluation;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Core.Tests.Similarity;

public sealed class TemplateDetectorTests
{
    private const string Template = "Hi gentlemen, new in town this week only. Sweet and discreet, incall near the airport. Call me at PHONE or mail EMAIL any time, no texts please.";

    [Fact]
    public void Shingle_PhoneAndEmailChangedButMasked_SameShingles()
    {
        // Given the same template with different phones and e-mails, each masked by the extractor's spans
        var a = Template.Replace("PHONE", "702-555-0123", StringComparison.Ordinal).Replace("EMAIL", "candy.rose@example.com", StringComparison.Ordinal);
        var b = Template.Replace("PHONE", "(702) 555 0188", StringComparison.Ordinal).Replace("EMAIL", "vip_bookings@example.net", StringComparison.Ordinal);

        // When
        var sa = Shingles(a, Masks(a));
        var sb = Shingles(b, Masks(b));

        // Then masked: identical sets; unmasked: the e-mail changes some shingles (digits fold to one token either way)
        Masks(a).Select(m => m.Type).ShouldBe([EntityType.Phone, EntityType.Email]);
        sa.ShouldBe(sb);
        Shingles(a, []).ShouldNotBe(Shingles(b, []));
    }

    [Fact]
    public void Shingle_HtmlAndCase_Normalised()
    {
        // Given the same words with markup and different case
        var plain = "Sweet and discreet, incall near the airport tonight";
        var html = "<p>SWEET and <b>discreet</b>,<br>incall near the airport tonight</p>";

        // Then
        Shingles(html, []).ShouldBe(Shingles(plain, []));
    }

    [Fact]
    public void Detect_GeneratedCorpus_FindsWhatBruteForceFindsAndIsDeterministic()
    {
        // Given a generated corpus with distinct templates and stock templates
        var (texts, masks, templates) = Corpus(1200, seed: 3);
        var options = new TemplateOptions();
        var detector = new TemplateDetector(options);

        // When
        var result = detector.Detect(texts, masks);
        var again = new TemplateDetector(options with { Parallelism = 2 }).Detect(texts, masks);

        // Then every reported pair is verified, LSH recall of the exact-Jaccard pairs is high, and reruns agree
        var signed = detector.Sign(texts, masks);
        var exact = new HashSet<(int, int)>();
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                if (signed.IsSigned[a] && signed.IsSigned[b] && TemplateDetector.Jaccard(signed, a, b) >= options.MinJaccard)
                {
                    exact.Add((a, b));
                }
            }
        }

        var found = result.Pairs.Select(p => (p.A, p.B)).ToHashSet();
        found.IsSubsetOf(exact).ShouldBeTrue();
        exact.Count.ShouldBeGreaterThan(500);
        ((double)found.Count / exact.Count).ShouldBeGreaterThan(0.9);
        again.Pairs.ShouldBe(result.Pairs);
        var scores = NearDuplicatePairScores.Score(result.Pairs.Select(p => (p.A, p.B)), templates);
        scores.Precision.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Families_StockTemplateAcrossManyGroups_IsHubAndGivesNoWeakLinks()
    {
        // Given ads 0..11 in one family across 12 identifier groups, and ads 20..23 in one family within one group
        var pairs = Enumerable.Range(0, 11).Select(i => new SimilarPair(i, i + 1, 0.9))
            .Concat([new SimilarPair(20, 21, 0.8), new SimilarPair(21, 23, 0.7)]).ToList();
        var groups = Enumerable.Range(0, 30).Select(i => i >= 20 ? 99 : i).ToArray();

        // When
        var families = NearDuplicateFamilies.Build(30, pairs, groups, maxGroups: 10);
        var links = NearDuplicateFamilies.WeakLinks(pairs, families, 30, Core.Graphs.WeakLinkKind.TextNearDuplicate);

        // Then
        families.Count.ShouldBe(2);
        families[0].IsHub.ShouldBeTrue();
        families[0].Groups.ShouldBe(12);
        families[1].Ads.ShouldBe([20, 21, 23]);
        families[1].IsHub.ShouldBeFalse();
        links.Select(l => (l.AdA, l.AdB, l.Similarity)).ShouldBe([(20, 21, 0.8), (21, 23, 0.7)]);
    }

    internal static (List<string> Texts, List<IReadOnlyList<TextMask>> Masks, List<string> Templates) Corpus(int ads, int seed)
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed, DistinctTemplates = true, StockTemplateRate = 0.05 });
        var extractor = new EntityExtractor();
        var texts = corpus.Select(g => g.Ad.Text).ToList();
        var masks = corpus.Select(g => (IReadOnlyList<TextMask>)TextMask.FromMentions(extractor.Extract(g.Ad.Text, g.Ad.Country).Entities)).ToList();
        return (texts, masks, corpus.Select(g => g.TemplateId!).ToList());
    }

    private static List<uint> Shingles(string text, IReadOnlyList<TextMask> masks)
    {
        var into = new List<uint>();
        TemplateShingler.Shingle(text, masks, 3, into, []);
        return into;
    }

    private static TextMask[] Masks(string text) => TextMask.FromMentions(new EntityExtractor().Extract(text, "US").Entities);
}
