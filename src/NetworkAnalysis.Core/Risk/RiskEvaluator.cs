namespace NetworkAnalysis.Core.Risk;

/// <summary>Measures how well risk scores rank labelled clusters (ROC AUC, precision at k).</summary>
public static class RiskEvaluator
{
    /// <summary>Evaluates <paramref name="scores"/> against <paramref name="positive"/> labels (same order).</summary>
    /// <remarks>
    /// AUC is the Mann-Whitney statistic with average ranks for ties. Precision at k ranks by score descending,
    /// ties by input order, so callers should pass items in a deterministic order (e.g. by cluster ID).
    /// </remarks>
    public static RiskEvaluation Evaluate(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException("scores and labels differ in length", nameof(positive));
        }

        var n = scores.Count;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var pos = positive.Count(p => p);
        var neg = n - pos;
        return new RiskEvaluation(Auc(scores, positive, pos, neg), PrecisionAt(order, positive, 10), PrecisionAt(order, positive, 100), pos, neg);
    }

    private static double PrecisionAt(int[] order, IReadOnlyList<bool> positive, int k)
    {
        var take = Math.Min(k, order.Length);
        return take == 0 ? double.NaN : (double)order.Take(take).Count(i => positive[i]) / take;
    }

    private static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, int pos, int neg)
    {
        if (pos == 0 || neg == 0)
        {
            return double.NaN;
        }

        var ascending = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        var k = 0;
        while (k < ascending.Length)
        {
            var j = k;
            while (j + 1 < ascending.Length && scores[ascending[j + 1]] == scores[ascending[k]])
            {
                j++;
            }

            var averageRank = ((k + j) / 2.0) + 1;
            for (var t = k; t <= j; t++)
            {
                rankSum += positive[ascending[t]] ? averageRank : 0;
            }

            k = j + 1;
        }

        return (rankSum - (pos * (pos + 1) / 2.0)) / ((double)pos * neg);
    }
}
