using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed partial class RiskScorerTests
{
    [Fact]
    public void Score_PricesBelowCityMedian_FiresLowPriceOnlyForCheapCluster()
    {
        // Given ten independent Denver ads at 200 and one cluster at 80
        var clusters = Enumerable.Range(0, 10)
            .Select(i => new RiskCluster($"I{i}", [new RiskAdBuilder($"s/i{i}").Say("rate ").StatedPrice(200).In("Denver").Build()]))
            .Append(new RiskCluster("CHEAP", [new RiskAdBuilder("s/c").Say("special ").StatedPrice(80).In("Denver").Build()]))
            .ToList();

        // When scored
        var result = new RiskScorer(IndicatorSet.Default).Score(new RiskInput(clusters));

        // Then only the cheap cluster has the low-price indicator
        result.Assessments.Where(a => Find(a, "low_price") is not null).Select(a => a.ClusterId).ShouldBe(["CHEAP"]);
    }

    [Fact]
    public void Score_SameTemplateWithManyPhones_FiresTemplateAcrossClusters()
    {
        // Given five single-ad clusters with the same long text but different phones
        const string body = "Sweet discreet companion available all night long for gentlemen only ";
        var clusters = Enumerable.Range(0, 5)
            .Select(i => new RiskCluster($"C{i}", [new RiskAdBuilder($"s/{i}").Say(body).Phone($"+1202555010{i}").Build()]))
            .Append(new RiskCluster("OTHER", [new RiskAdBuilder("s/x").Say("Completely different wording written by an independent person ").Phone("+12025550190").Build()]))
            .ToList();

        // When scored
        var result = new RiskScorer(IndicatorSet.Default).Score(new RiskInput(clusters));

        // Then the template indicator fires for the five and not for the other
        result.Assessments.Where(a => Find(a, "template_phones") is not null).Select(a => a.ClusterId).Order().ShouldBe(["C0", "C1", "C2", "C3", "C4"]);
    }

    [Fact]
    public void Score_ObfuscatedPhones_FiresHiddenNumbers()
    {
        // Given three ads whose phone is written with words
        var ads = Enumerable.Range(0, 3)
            .Select(i => new RiskAdBuilder($"s/{i}").Phone("+12025550142", "two0two five5five 0142").Build())
            .ToArray();

        // When scored
        var hidden = Find(ScoreOne(ads), "hidden_numbers").ShouldNotBeNull();

        // Then all three ads are evidence, spans on the obfuscated number
        hidden.Evidence.Count.ShouldBe(3);
        hidden.Evidence.ShouldAllBe(e => e.Note == "obfuscated phone" && e.HasSpan);
    }

    [Fact]
    public void Score_SyntheticCorpus_ScoreIsSumOfPointsAndInRange()
    {
        // Given a seeded synthetic corpus
        var (input, _) = SyntheticRiskCorpus.Build(seed: 7, rings: 20, independents: 80);

        // When scored
        var result = new RiskScorer(IndicatorSet.Default).Score(input);

        // Then every score is in [0,100], equals its contributions' sum, and carries the caveat and hash
        result.Assessments.Count.ShouldBe(100);
        result.Assessments.ShouldAllBe(a => a.Score >= 0 && a.Score <= 100 && Math.Abs(a.Score - a.Contributions.Sum(c => c.Points)) < 1e-9);
        result.Caveat.ShouldBe(IndicatorSet.Default.Caveat);
        result.IndicatorSetSha256.ShouldBe(IndicatorSet.Default.Sha256);
    }

    [Fact]
    public void Score_ShuffledInputAndParallel_GivesIdenticalResults()
    {
        // Given a corpus, the same corpus shuffled (clusters and ads), and a parallel scorer
        var (input, _) = SyntheticRiskCorpus.Build(seed: 3, rings: 10, independents: 40);
        var random = new Random(11);
        var shuffled = new RiskInput(input.Clusters
            .Select(c => c with { Ads = c.Ads.OrderBy(_ => random.Next()).ToList() })
            .OrderBy(_ => random.Next())
            .ToList());

        // When scored both ways
        var a = new RiskScorer(IndicatorSet.Default).Score(input);
        var b = new RiskScorer(IndicatorSet.Default, new RiskScorerOptions { MaxDegreeOfParallelism = 2 }).Score(shuffled);

        // Then results are the same, cluster by cluster, indicator by indicator, evidence by evidence
        b.Assessments.Count.ShouldBe(a.Assessments.Count);
        for (var i = 0; i < a.Assessments.Count; i++)
        {
            b.Assessments[i].ClusterId.ShouldBe(a.Assessments[i].ClusterId);
            b.Assessments[i].Score.ShouldBe(a.Assessments[i].Score);
            b.Assessments[i].Contributions.Select(c => (c.IndicatorId, c.Points, c.Summary)).ShouldBe(a.Assessments[i].Contributions.Select(c => (c.IndicatorId, c.Points, c.Summary)));
            b.Assessments[i].Contributions.SelectMany(c => c.Evidence).ShouldBe(a.Assessments[i].Contributions.SelectMany(c => c.Evidence));
        }
    }

    [Fact]
    public void Score_SyntheticRingsVsIndependents_SeparatesWell()
    {
        // Given rings and independents from the in-test builder (which plants the indicators' cues)
        var (input, rings) = SyntheticRiskCorpus.Build(seed: 42, rings: 30, independents: 300);

        // When scored and evaluated
        var result = new RiskScorer(IndicatorSet.Default).Score(input);
        var ordered = result.Assessments.OrderBy(a => a.ClusterId, StringComparer.Ordinal).ToList();
        var eval = RiskEvaluator.Evaluate(ordered.Select(a => a.Score).ToList(), ordered.Select(a => rings.Contains(a.ClusterId)).ToList());

        // Then the rings rank high (a sanity check of the wiring, not a validation of the cues)
        eval.RocAuc.ShouldBeGreaterThan(0.9);
        eval.PrecisionAt10.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Score_EvidenceCap_KeepsAtMostCapAndSaysSo()
    {
        // Given a cluster with 30 ads that all say "new in town"
        var ads = Enumerable.Range(0, 30).Select(i => new RiskAdBuilder($"s/{i:D2}").Say("new in town").Build()).ToArray();

        // When scored with a cap of 5
        var result = new RiskScorer(IndicatorSet.Default, new RiskScorerOptions { MaxEvidencePerIndicator = 5 })
            .Score(new RiskInput([new RiskCluster("C", ads)])).Assessments.Single();

        // Then five items are kept and the summary says how many there were
        var phrase = Find(result, "new_in_town").ShouldNotBeNull();
        phrase.Evidence.Count.ShouldBe(5);
        phrase.Summary.ShouldContain("5 of 30");
    }

    [Fact]
    public void Score_Cancelled_Throws()
    {
        // Given a cancelled token
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var (input, _) = SyntheticRiskCorpus.Build(seed: 1, rings: 2, independents: 2);

        // When scoring, Then cancellation propagates
        Should.Throw<OperationCanceledException>(() => new RiskScorer(IndicatorSet.Default).Score(input, cts.Token));
    }
}
