using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed class RiskEvaluatorTests
{
    [Fact]
    public void Evaluate_PerfectRanking_AucOne()
    {
        // Given positives scoring above all negatives
        // When evaluated
        var e = RiskEvaluator.Evaluate([90, 80, 10, 5], [true, true, false, false]);

        // Then AUC is 1 and precision at 10 is the positive share of the 4
        e.RocAuc.ShouldBe(1);
        e.PrecisionAt10.ShouldBe(0.5);
    }

    [Fact]
    public void Evaluate_InvertedRanking_AucZero()
    {
        // Given positives scoring below all negatives
        // When evaluated, Then AUC is 0
        RiskEvaluator.Evaluate([1, 2, 3, 4], [true, true, false, false]).RocAuc.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_AllTied_AucHalf()
    {
        // Given all scores equal
        // When evaluated, Then AUC is one half
        RiskEvaluator.Evaluate([5, 5, 5, 5], [true, false, true, false]).RocAuc.ShouldBe(0.5);
    }

    [Fact]
    public void Evaluate_RandomScores_MatchesPairCounting()
    {
        // Given random scores and labels
        var random = new Random(5);
        var scores = Enumerable.Range(0, 200).Select(_ => (double)random.Next(20)).ToList();
        var labels = Enumerable.Range(0, 200).Select(_ => random.Next(3) == 0).ToList();

        // When evaluated
        var auc = RiskEvaluator.Evaluate(scores, labels).RocAuc;

        // Then it equals the share of (positive, negative) pairs ordered correctly, ties one half
        double wins = 0, pairs = 0;
        for (var i = 0; i < 200; i++)
        {
            for (var j = 0; j < 200; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        auc.ShouldBe(wins / pairs, 1e-12);
    }
}
