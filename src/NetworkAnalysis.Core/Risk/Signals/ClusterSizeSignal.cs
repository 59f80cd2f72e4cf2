namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Cluster size (log scale) and growth (ads in the recent window before the corpus' latest ad), averaged.</summary>
internal sealed class ClusterSizeSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly double _saturation = definition.Parameter("saturation", 50);
    private readonly long _recent = TimeSpan.FromDays(definition.Parameter("recent_days", 30)).Ticks;
    private readonly double _recentSaturation = definition.Parameter("recent_saturation", 10);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        var n = view.Ads.Length;
        if (n < 2)
        {
            return SignalOutcome.None;
        }

        var size = _saturation <= 1 ? 1 : Math.Clamp(Math.Log(n) / Math.Log(_saturation), 0, 1);
        var recent = 0;
        if (view.Corpus.AsOfTicks is { } asOf)
        {
            foreach (var ad in view.Ads)
            {
                if (ad.Ticks is { } t && t > asOf - _recent && t <= asOf)
                {
                    recent++;
                    evidence.Add(ad.Key, 0, 0, evidence.HasRoom ? $"recent: posted {Ramp.Date(t)}" : "");
                }
            }
        }

        var growth = Ramp.Share(recent, _recentSaturation);
        var days = _recent / TimeSpan.TicksPerDay;
        return new SignalOutcome((size + growth) / 2, $"{n} ads, {recent} of them in the last {days} days", []);
    }
}
