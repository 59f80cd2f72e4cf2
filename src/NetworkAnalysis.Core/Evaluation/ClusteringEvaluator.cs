namespace NetworkAnalysis.Core.Evaluation;

/// <summary>Scores a clustering against ground truth: pairwise and B-cubed precision/recall/F1 and the adjusted Rand index.</summary>
/// <remarks>
/// Runs in O(n) over a contingency table, never over pairs, so a million ads score in well under a second.
/// Only ads present in both labellings are scored.
/// </remarks>
public static class ClusteringEvaluator
{
    /// <summary>Scores <paramref name="predicted"/> (ad key to cluster) against <paramref name="truth"/> (ad key to group).</summary>
    public static ClusteringScores Score(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        var cell = new Dictionary<(string P, string T), long>();
        var predSize = new Dictionary<string, long>(StringComparer.Ordinal);
        var truthSize = new Dictionary<string, long>(StringComparer.Ordinal);
        long n = 0;
        foreach (var (ad, p) in predicted)
        {
            if (!truth.TryGetValue(ad, out var t))
            {
                continue;
            }

            n++;
            cell[(p, t)] = cell.GetValueOrDefault((p, t)) + 1;
            predSize[p] = predSize.GetValueOrDefault(p) + 1;
            truthSize[t] = truthSize.GetValueOrDefault(t) + 1;
        }

        static double Pairs(long k) => k * (k - 1) / 2.0;
        double sumCell = 0, sumPred = 0, sumTruth = 0, bPrecision = 0, bRecall = 0;
        foreach (var ((p, t), k) in cell)
        {
            sumCell += Pairs(k);
            // B-cubed: each of the k ads in this cell sees k same-truth ads in its predicted cluster.
            bPrecision += (double)k * k / predSize[p];
            bRecall += (double)k * k / truthSize[t];
        }

        foreach (var k in predSize.Values)
        {
            sumPred += Pairs(k);
        }

        foreach (var k in truthSize.Values)
        {
            sumTruth += Pairs(k);
        }

        var pp = sumPred == 0 ? 1.0 : sumCell / sumPred;
        var pr = sumTruth == 0 ? 1.0 : sumCell / sumTruth;
        var bp = n == 0 ? 0 : bPrecision / n;
        var br = n == 0 ? 0 : bRecall / n;
        var total = Pairs(n);
        var expected = total == 0 ? 0 : sumPred * sumTruth / total;
        var max = (sumPred + sumTruth) / 2;
        var ari = max - expected == 0 ? 1.0 : (sumCell - expected) / (max - expected);
        return new ClusteringScores
        {
            Ads = (int)n,
            PairwisePrecision = pp,
            PairwiseRecall = pr,
            PairwiseF1 = F1(pp, pr),
            BCubedPrecision = bp,
            BCubedRecall = br,
            BCubedF1 = F1(bp, br),
            AdjustedRandIndex = ari,
            PredictedClusters = predSize.Count,
            TruthClusters = truthSize.Count,
        };
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
