namespace NetworkAnalysis.Core.Evaluation;

/// <summary>Precision and recall of near-duplicate pairs against known templates.</summary>
/// <param name="Predicted">Pairs reported.</param>
/// <param name="Correct">Reported pairs whose two ads share a true template.</param>
/// <param name="Truth">Pairs of ads that share a true template (n(n−1)/2 summed over templates).</param>
public sealed record NearDuplicatePairScores(long Predicted, long Correct, long Truth)
{
    /// <summary>Correct / Predicted, in [0,1] (1 when nothing is predicted).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    /// <summary>Correct / Truth, in [0,1] (1 when there is no true pair).</summary>
    public double Recall => Truth == 0 ? 1 : (double)Correct / Truth;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores reported pairs (a, b) against the true template of every ad.</summary>
    /// <param name="pairs">Reported pairs as dense ad indexes; each unordered pair once.</param>
    /// <param name="templateOfAd">True template of every ad.</param>
    public static NearDuplicatePairScores Score(IEnumerable<(int A, int B)> pairs, IReadOnlyList<string> templateOfAd)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(templateOfAd);
        long predicted = 0, correct = 0;
        foreach (var (a, b) in pairs)
        {
            predicted++;
            if (string.Equals(templateOfAd[a], templateOfAd[b], StringComparison.Ordinal))
            {
                correct++;
            }
        }

        var truth = templateOfAd.GroupBy(t => t, StringComparer.Ordinal).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        return new NearDuplicatePairScores(predicted, correct, truth);
    }
}
