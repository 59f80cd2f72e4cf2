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
        var weights = TemplateDetector.ShingleWeights(signed);
        var exact = new HashSet<(int, int)>();
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                if (signed.IsSigned[a] && signed.IsSigned[b] && TemplateDetector.WeightedJaccard(signed, weights, a, b) >= options.MinJaccard)
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

    [Fact]
    public void Detect_SupportedJaccard_KeepsStrongPairsAndOnlyTheLowerPairsBetweenWellJoinedFamilies()
    {
        // Given a generated corpus, the default pairs (J >= 0.6) and every pair at J >= 0.5
        var (texts, masks, _) = Corpus(1200, seed: 3);
        var unweighted = new TemplateOptions { IdfWeighted = false, MinJaccard = 0.6 };
        var strong = new TemplateDetector(unweighted).Detect(texts, masks).Pairs;
        var all = new TemplateDetector(unweighted with { MinJaccard = 0.5 }).Detect(texts, masks).Pairs;
        var options = unweighted with { SupportedJaccard = 0.5, MinSupport = 2 };

        // When
        var supported = new TemplateDetector(options).Detect(texts, masks).Pairs;
        var again = new TemplateDetector(options with { Parallelism = 2 }).Detect(texts, masks).Pairs;

        // Then the expected set, recounted here: the strong pairs, plus each lower pair inside one strong-pair component
        // or between two components joined by at least two lower pairs
        var uf = new Core.Graphs.UnionFind(texts.Count);
        foreach (var p in strong)
        {
            uf.Union(p.A, p.B);
        }

        var lower = all.Where(p => p.Similarity < 0.6).ToList();
        static (int, int) Key(int x, int y) => (Math.Min(x, y), Math.Max(x, y));
        var between = lower.Where(p => uf.Find(p.A) != uf.Find(p.B)).GroupBy(p => Key(uf.Find(p.A), uf.Find(p.B))).ToDictionary(g => g.Key, g => g.Count());
        var expected = strong.Concat(lower.Where(p => uf.Find(p.A) == uf.Find(p.B) || between[Key(uf.Find(p.A), uf.Find(p.B))] >= 2))
            .OrderBy(p => p.A).ThenBy(p => p.B).ToList();
        supported.ShouldBe(expected);
        supported.Where(p => p.Similarity >= 0.6).ShouldBe(strong);
        supported.Count.ShouldBeGreaterThan(strong.Count, "some lower pairs are supported");
        supported.Count.ShouldBeLessThan(all.Count, "some lower pairs are not");
        again.ShouldBe(supported);
    }

    [Fact]
    public void Detect_MutualNearest_KeepsLowerPairsBetweenFamiliesOnlyWhenEachAdIsTheOthersBest()
    {
        // Given a generated corpus, the default pairs (J >= 0.6) and every pair at J >= 0.5
        var (texts, masks, _) = Corpus(1200, seed: 3);
        var unweighted = new TemplateOptions { IdfWeighted = false, MinJaccard = 0.6 };
        var strong = new TemplateDetector(unweighted).Detect(texts, masks).Pairs;
        var all = new TemplateDetector(unweighted with { MinJaccard = 0.5 }).Detect(texts, masks).Pairs;
        var options = unweighted with { SupportedJaccard = 0.5, MutualNearest = true };

        // When
        var kept = new TemplateDetector(options).Detect(texts, masks).Pairs;
        var again = new TemplateDetector(options with { Parallelism = 2 }).Detect(texts, masks).Pairs;

        // Then, recounted here: strong pairs, lower pairs inside one strong-pair component, and lower pairs whose two ads are
        // each other's most similar partner (ties to the lower index)
        var uf = new Core.Graphs.UnionFind(texts.Count);
        foreach (var p in strong)
        {
            uf.Union(p.A, p.B);
        }

        var best = all.SelectMany(p => new[] { (Ad: p.A, Other: p.B, J: p.Similarity), (Ad: p.B, Other: p.A, J: p.Similarity) })
            .GroupBy(x => x.Ad).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.J).ThenBy(x => x.Other).First().Other);
        var expected = all.Where(p => p.Similarity >= 0.6 || uf.Find(p.A) == uf.Find(p.B) || (best[p.A] == p.B && best[p.B] == p.A)).ToList();
        kept.ShouldBe(expected);
        kept.Where(p => p.Similarity >= 0.6).ShouldBe(strong);
        kept.Count(p => p.Similarity < 0.6 && uf.Find(p.A) != uf.Find(p.B)).ShouldBeGreaterThan(0, "some mutual-nearest lower pairs join families");
        kept.Count.ShouldBeLessThan(all.Count);
        again.ShouldBe(kept);
    }

    [Fact]
    public void Verify_IdfWeighted_BoilerplateSharedByManyAdsCountsLessThanATemplatesOwnWording()
    {
        // Given 30 ads of one common boilerplate, each with a short line of its own words, and two of them (0 and 6) that also
        // share a longer rare passage
        const string Boilerplate = "Amber rivers fold quiet lanterns. Copper meadows hum beside velvet harbours. Silent orchards gather morning tides.";
        const string Rare = "Marble owls whisper over frozen canals at dusk while crimson sails rest under willow shade and feather clouds wander past granite towers.";
        static string Word(int i) => new([(char)('a' + (i / 26 % 26)), (char)('a' + (i % 26)), 'x']);
        var texts = Enumerable.Range(0, 30).Select(i => Boilerplate + " Code " + Word(i) + " " + Word(i + 300) + ".").ToList();
        texts[0] += " " + Rare;
        texts[6] += " " + Rare;
        var masks = texts.Select(_ => (IReadOnlyList<TextMask>)[]).ToList();
        var detector = new TemplateDetector(new TemplateOptions());
        var signed = detector.Sign(texts, masks);
        var weights = TemplateDetector.ShingleWeights(signed);

        // When
        var rare = TemplateDetector.WeightedJaccard(signed, weights, 0, 6);
        var common = TemplateDetector.WeightedJaccard(signed, weights, 2, 8);
        var pairs = detector.Verify(signed, [(0UL << 32) | 6, (2UL << 32) | 8]);

        // Then unweighted both pairs look alike; weighted, the pair sharing rare wording stays and the boilerplate pair drops
        TemplateDetector.Jaccard(signed, 2, 8).ShouldBeGreaterThan(0.5);
        common.ShouldBeLessThan(TemplateDetector.Jaccard(signed, 2, 8));
        common.ShouldBeLessThan(0.5);
        rare.ShouldBeGreaterThanOrEqualTo(0.5);
        pairs.ShouldBe([new SimilarPair(0, 6, rare)]);
        detector.Verify(signed, [(0UL << 32) | 6, (2UL << 32) | 8]).ShouldBe(pairs);
    }

    [Fact]
    public void Verify_Containment_AcceptsSharedBodyWithOwnExtrasButNotASmallFragment()
    {
        // Given two ads sharing seven sentences, each with three of its own, and a fragment of the shared body
        string[] shared =
        [
            "Amber rivers fold quiet lanterns.", "Copper meadows hum beside velvet harbours.", "Silent orchards gather morning tides.",
            "Paper lanterns drift over marble bridges.", "Golden kettles whistle near sleepy docks.", "Crimson sails rest under willow shade.",
            "Feather clouds wander past granite towers.",
        ];
        var a = string.Join(' ', shared) + " Velvet foxes juggle bright pebbles. Hollow drums echo in cedar halls. Pale moths dance.";
        var b = string.Join(' ', shared) + " Tin whistles greet lazy herons. Scarlet kites tumble over sandy dunes. Brave otters sing.";
        var fragment = string.Join(' ', shared[..3]);
        List<string> texts = [a, b, fragment];
        var masks = texts.Select(_ => (IReadOnlyList<TextMask>)[]).ToList();
        var plain = new TemplateDetector(new TemplateOptions { IdfWeighted = false, MinJaccard = 0.6 });
        var signed = plain.Sign(texts, masks);
        ulong[] candidates = [(0UL << 32) | 1, (0UL << 32) | 2, (1UL << 32) | 2];
        var size = (int i) => (int)(signed.Offsets[i + 1] - signed.Offsets[i]);
        var jaccard = TemplateDetector.Jaccard(signed, 0, 1);
        var both = jaccard * (size(0) + size(1)) / (1 + jaccard);
        jaccard.ShouldBeLessThan(0.6);
        (both / Math.Min(size(0), size(1))).ShouldBeGreaterThanOrEqualTo(0.65);
        ((double)size(2) / size(0)).ShouldBeLessThan(0.7);

        // When
        var byJaccard = plain.Verify(signed, candidates);
        var byContainment = new TemplateDetector(new TemplateOptions { IdfWeighted = false, MinJaccard = 0.6, MinContainment = 0.65, MinSizeRatio = 0.7 }).Verify(signed, candidates);

        // Then the two ads are near-duplicates by containment (reported with their Jaccard); the fragment (containment 1) is
        // refused by the size-ratio guard
        byJaccard.ShouldBeEmpty();
        byContainment.ShouldBe([new SimilarPair(0, 1, jaccard)]);
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
