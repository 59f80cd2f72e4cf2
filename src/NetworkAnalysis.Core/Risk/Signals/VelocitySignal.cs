namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>The most ads of the cluster posted within one window.</summary>
internal sealed class VelocitySignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly long _window = TimeSpan.FromHours(definition.Parameter("window_hours", 24)).Ticks;
    private readonly int _minAds = (int)definition.Parameter("min_ads", 3);
    private readonly double _saturation = definition.Parameter("saturation", 12);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        if (view.Ads.Length < Math.Max(2, _minAds))
        {
            return SignalOutcome.None;
        }

        var order = view.TimeOrder();
        int best = 0, bestLeft = 0, left = 0;
        for (var right = 0; right < order.Length; right++)
        {
            while (view.Ads[order[right]].Ticks!.Value - view.Ads[order[left]].Ticks!.Value > _window)
            {
                left++;
            }

            if (right - left + 1 > best)
            {
                (best, bestLeft) = (right - left + 1, left);
            }
        }

        if (best < _minAds)
        {
            return SignalOutcome.None;
        }

        for (var k = bestLeft; k < bestLeft + best; k++)
        {
            var ad = view.Ads[order[k]];
            evidence.Add(ad.Key, 0, 0, evidence.HasRoom ? $"posted {Ramp.Date(ad.Ticks!.Value)}" + (ad.Ad.City is { } c ? $" in {c}" : "") : "");
        }

        var hours = _window / TimeSpan.TicksPerHour;
        return new SignalOutcome(Ramp.Count(best, _saturation), $"{best} ads posted within {hours} hours", []);
    }
}
