using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Cases;

/// <summary>A cluster's risk score and indicators in the Reporting model, scoring the case first when its scores are stale.</summary>
public static class CaseRisk
{
    /// <summary>Loads the score and indicator items of <paramref name="clusterId"/>; (null, []) when the cluster is unknown.</summary>
    /// <param name="store">The open case.</param>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="indicators">The indicator set (null: the embedded default).</param>
    /// <param name="indicatorFile">The indicator file's bytes, stored with the scores for provenance (null: the default file).</param>
    /// <param name="redact">Mask identifiers in the evidence.</param>
    /// <param name="ct">Cancellation.</param>
    public static (double? Score, IReadOnlyList<RiskIndicatorItem> Items) Load(CaseStore store, string clusterId, IndicatorSet? indicators = null,
        byte[]? indicatorFile = null, bool redact = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var set = indicators ?? IndicatorSet.Default;
        new CaseRiskScorer(store).EnsureScores(set, indicatorFile ?? (indicators is null ? IndicatorSet.DefaultFileBytes() : null), ct);
        var assessment = store.LoadAssessment(clusterId, set.Sha256);
        if (assessment is null)
        {
            return (null, []);
        }

        var ads = (store.LoadRiskCluster(clusterId)?.Ads ?? []).ToDictionary(a => a.Key, StringComparer.Ordinal);
        var explanation = RiskExplainer.Explain(assessment, set, k => ads.GetValueOrDefault(k), new RiskExplanationOptions { Redact = redact });
        var weights = set.Indicators.ToDictionary(i => i.Id, i => i.Weight, StringComparer.Ordinal);
        var items = explanation.Indicators.Select(i => new RiskIndicatorItem(
            i.Name,
            i.Summary + (i.Caution is { } c ? " Caution: " + c : "") + " (source: " + i.Source + ")",
            weights.GetValueOrDefault(i.IndicatorId),
            i.Points,
            i.Excerpts.Select(x => x.AdKey + ": " + x.Text).ToList())).ToList();
        return (explanation.Score, items);
    }

    /// <summary>The caveat every risk output carries.</summary>
    public static string Caveat => IndicatorSet.Default.Caveat;

}
