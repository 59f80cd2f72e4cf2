using NetworkAnalysis.Core.Risk.Signals;

namespace NetworkAnalysis.Core.Risk;

/// <summary>Scores clusters with the indicators of an <see cref="IndicatorSet"/>: a pure function of its inputs.</summary>
/// <remarks>
/// Score = 100 · Σ weightᵢ · strengthᵢ / Σ weightᵢ, so it lies in [0,100] and is exactly the sum of the
/// contributions' points. The result does not depend on input order or thread count. Thread-safe.
/// The score is a triage aid, not a verdict: see <see cref="RiskScoringResult.Caveat"/>.
/// </remarks>
public sealed class RiskScorer
{
    private readonly IndicatorSet _indicators;
    private readonly RiskScorerOptions _options;
    private readonly PhraseMatcher _matcher;
    private readonly IRiskSignal[] _signals;
    private readonly double _totalWeight;
    private readonly int _templateMinLetters;

    /// <summary>Creates a scorer for an indicator set.</summary>
    public RiskScorer(IndicatorSet indicators, RiskScorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        _indicators = indicators;
        _options = options ?? RiskScorerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxEvidencePerIndicator);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxDegreeOfParallelism, 1);
        var defs = indicators.Indicators;
        _matcher = new PhraseMatcher(defs.Select(d => d.Weight > 0 ? d.Words : []).ToList());
        _signals = defs.Select((d, i) => RiskSignals.Create(d, i)).ToArray();
        _totalWeight = defs.Sum(d => d.Weight);
        _templateMinLetters = defs.FirstOrDefault(d => d.Kind == IndicatorKinds.TemplatePhones && d.Weight > 0) is { } template
            ? Math.Max(0, (int)template.Parameter("min_letters", 40))
            : -1;
    }

    /// <summary>Scores every cluster of <paramref name="input"/>.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public RiskScoringResult Score(RiskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clusters = input.Clusters;
        var facts = new AdFacts[clusters.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };

        Parallel.For(0, clusters.Count, parallel, () => new AdFactsBuilder(_matcher, _templateMinLetters), (c, _, builder) =>
        {
            var source = clusters[c].Ads;
            var ads = new AdFacts[source.Count];
            for (var i = 0; i < ads.Length; i++)
            {
                ads[i] = builder.Build(source[i]);
            }

            Array.Sort(ads, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            facts[c] = ads;
            return builder;
        }, static _ => { });

        var corpus = CorpusFacts.Compute(facts, input.AsOf);
        var assessments = new RiskAssessment[clusters.Count];
        Parallel.For(0, clusters.Count, parallel, () => new EvidenceSink(_options.MaxEvidencePerIndicator), (c, _, sink) =>
        {
            assessments[c] = Assess(new ClusterView(clusters[c], facts[c], corpus, input.PhoneDetails), sink);
            return sink;
        }, static _ => { });

        Array.Sort(assessments, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.ClusterId, b.ClusterId));
        return new RiskScoringResult(assessments, _indicators.Sha256, _indicators.Caveat);
    }

    private RiskAssessment Assess(ClusterView view, EvidenceSink sink)
    {
        var contributions = new List<IndicatorContribution>();
        var score = 0.0;
        var defs = _indicators.Indicators;
        for (var i = 0; i < defs.Count; i++)
        {
            var def = defs[i];
            if (def.Weight <= 0 || view.Ads.Length == 0)
            {
                continue;
            }

            sink.Clear();
            var outcome = _signals[i].Evaluate(view, sink);
            var strength = Math.Clamp(outcome.Strength, 0, 1);
            if (strength <= 0)
            {
                continue;
            }

            var points = 100 * def.Weight * strength / _totalWeight;
            score += points;
            var summary = sink.Total > _options.MaxEvidencePerIndicator
                ? $"{outcome.Summary} (showing {_options.MaxEvidencePerIndicator} of {sink.Total} evidence items)"
                : outcome.Summary;
            contributions.Add(new IndicatorContribution(def.Id, def.Name, strength, points, summary, sink.ToSortedArray())
            {
                Subjects = outcome.Subjects,
                IsReviewFlag = def.Kind == IndicatorKinds.Youth,
                Caution = def.Caution,
            });
        }

        contributions.Sort(static (a, b) => a.Points != b.Points ? b.Points.CompareTo(a.Points) : string.CompareOrdinal(a.IndicatorId, b.IndicatorId));
        return new RiskAssessment(view.Cluster.Id, view.Ads.Length, Math.Clamp(score, 0, 100), contributions);
    }
}
