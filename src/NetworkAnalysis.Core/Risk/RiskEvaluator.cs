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

    /// <summary>Evaluates a scoring result against cluster labels, in cluster-ID order.</summary>
    public static RiskEvaluation Evaluate(RiskScoringResult result, Func<string, bool> isPositive)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(isPositive);
        var ordered = result.Assessments.OrderBy(a => a.ClusterId, StringComparer.Ordinal).ToList();
        return Evaluate(ordered.Select(a => a.Score).ToList(), ordered.Select(a => isPositive(a.ClusterId)).ToList());
    }

    /// <summary>Scores <paramref name="input"/> with the full set and with each weighted indicator removed in turn.</summary>
    /// <returns>The full set first (<see cref="RiskAblationRow.RemovedIndicator"/> null), then one row per indicator in file order.</returns>
    public static IReadOnlyList<RiskAblationRow> Ablate(RiskInput input, IndicatorSet indicators, Func<string, bool> isPositive, RiskScorerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var rows = new List<RiskAblationRow>
        {
            new(null, Evaluate(new RiskScorer(indicators, options).Score(input, cancellationToken), isPositive)),
        };
        foreach (var indicator in indicators.Indicators.Where(i => i.Weight > 0))
        {
            var reduced = indicators.Without(indicator.Id);
            if (reduced.Indicators.Sum(i => i.Weight) <= 0)
            {
                continue;
            }

            rows.Add(new RiskAblationRow(indicator.Id, Evaluate(new RiskScorer(reduced, options).Score(input, cancellationToken), isPositive)));
        }

        return rows;
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
