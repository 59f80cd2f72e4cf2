using NetworkAnalysis.Core.Evaluation;

namespace NetworkAnalysis.Core.Tests.Evaluation;

public sealed class ClusteringEvaluatorTests
{
    private static Dictionary<string, string> Labels(string s) =>
        s.Split(' ').Select((label, i) => (i, label)).ToDictionary(x => "a" + x.i, x => x.label);

    [Fact]
    public void Score_IdenticalPartitions_ArePerfect()
    {
        var scores = ClusteringEvaluator.Score(Labels("x x y y z"), Labels("1 1 2 2 3"));

        scores.PairwiseF1.ShouldBe(1.0);
        scores.BCubedF1.ShouldBe(1.0);
        scores.AdjustedRandIndex.ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void Score_AllInOneCluster_HasFullRecallLowPrecision()
    {
        var scores = ClusteringEvaluator.Score(Labels("x x x x"), Labels("1 1 2 2"));

        scores.PairwiseRecall.ShouldBe(1.0);
        scores.PairwisePrecision.ShouldBe(2.0 / 6.0, 1e-12);
        scores.BCubedPrecision.ShouldBe(0.5, 1e-12);
        scores.AdjustedRandIndex.ShouldBe(0.0, 1e-12);
    }

    [Fact]
    public void Score_KnownExample_MatchesHandComputedAri()
    {
        // Given: truth {0,1,2},{3,4,5}; predicted {0,1},{2,3},{4,5}
        var scores = ClusteringEvaluator.Score(Labels("p p q q r r"), Labels("t t t u u u"));

        // Then: contingency [[2,0],[1,1],[0,2]]; sum C(nij,2)=2, a=3+3=6 truth pairs, b=3 pred pairs, N pairs=15
        // ARI = (2 - 6*3/15) / ((6+3)/2 - 6*3/15) = 0.8 / 3.3
        scores.AdjustedRandIndex.ShouldBe(0.8 / 3.3, 1e-12);
        scores.PairwisePrecision.ShouldBe(2.0 / 3.0, 1e-12);
        scores.PairwiseRecall.ShouldBe(2.0 / 6.0, 1e-12);
    }

    [Fact]
    public void Score_IgnoresAdsMissingFromTruth()
    {
        var predicted = Labels("x x y");
        predicted["extra"] = "x";

        ClusteringEvaluator.Score(predicted, Labels("1 1 2")).Ads.ShouldBe(3);
    }
}
