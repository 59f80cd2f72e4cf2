using System.Diagnostics;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Storage;

/// <summary>Scores a case's clusters and stores the scores, versioned with the indicator file's hash.</summary>
public sealed class CaseRiskScorer
{
    private readonly CaseStore _store;

    /// <summary>Creates a scorer over <paramref name="store"/>.</summary>
    public CaseRiskScorer(CaseStore store) => _store = store;

    /// <summary>Scores unless the case already holds scores from <paramref name="indicators"/> for the current clustering.</summary>
    /// <returns>Whether scores were computed (false: the stored ones are current).</returns>
    /// <exception cref="CaseStoreException">The case has no clusters yet.</exception>
    public bool EnsureScores(IndicatorSet indicators, byte[]? indicatorFile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (_store.HasCurrentScores(indicators.Sha256))
        {
            return false;
        }

        Score(indicators, indicatorFile, ct);
        return true;
    }

    /// <summary>Scores every cluster now and stores the result.</summary>
    /// <exception cref="CaseStoreException">The case has no clusters yet.</exception>
    public RiskScoringResult Score(IndicatorSet indicators, byte[]? indicatorFile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var clustersRun = _store.CurrentClusteringRun()
            ?? throw new CaseStoreException("the case has no clusters yet: run `netan analyze` first");
        var runId = _store.BeginRun("score", new { indicators_sha256 = indicators.Sha256, clusters_run = clustersRun });
        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var input = _store.LoadRiskInput(ct);
        timings["load_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var result = new RiskScorer(indicators, new RiskScorerOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }).Score(input, ct);
        timings["score_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        _store.SaveScores(runId, clustersRun, result, indicatorFile);
        timings["save_ms"] = watch.Elapsed.TotalMilliseconds;
        _store.FinishRun(runId, timings);
        return result;
    }
}
