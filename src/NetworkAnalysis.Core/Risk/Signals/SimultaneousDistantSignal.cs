namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Ads posted close in time in cities too far apart for one person to travel between.</summary>
/// <remarks>
/// Sliding window over the ads in time order with a count per known city, so each ad is compared with the
/// (at most <see cref="UsCityCoordinates.Count"/>) cities in the window rather than with every ad: O(n · cities).
/// </remarks>
internal sealed class SimultaneousDistantSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly long _window = TimeSpan.FromHours(definition.Parameter("window_hours", 6)).Ticks;
    private readonly double _minKm = definition.Parameter("min_km", 500);
    private readonly double _saturation = definition.Parameter("saturation", 4);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        if (view.Ads.Length < 2)
        {
            return SignalOutcome.None;
        }

        var order = view.TimeOrder().Where(i => view.Ads[i].CityCoord >= 0).ToArray();
        var count = new int[UsCityCoordinates.Count];
        var lastAd = new int[UsCityCoordinates.Count];
        var active = new List<int>();
        var involved = new SortedSet<int>();
        var maxKm = 0.0;
        var left = 0;
        foreach (var i in order)
        {
            var ad = view.Ads[i];
            while (ad.Ticks!.Value - view.Ads[order[left]].Ticks!.Value > _window)
            {
                var c = view.Ads[order[left++]].CityCoord;
                if (--count[c] == 0)
                {
                    active.Remove(c);
                }
            }

            foreach (var c in active)
            {
                var km = UsCityCoordinates.DistanceKm(c, ad.CityCoord);
                if (km >= _minKm)
                {
                    involved.Add(i);
                    involved.Add(lastAd[c]);
                    maxKm = Math.Max(maxKm, km);
                }
            }

            if (count[ad.CityCoord]++ == 0)
            {
                active.Add(ad.CityCoord);
            }

            lastAd[ad.CityCoord] = i;
        }

        if (involved.Count == 0)
        {
            return SignalOutcome.None;
        }

        foreach (var i in involved)
        {
            var ad = view.Ads[i];
            evidence.Add(ad.Key, 0, 0, $"posted {Ramp.Date(ad.Ticks!.Value)} in {ad.Ad.City}");
        }

        var summary = $"{involved.Count} ads posted within {_window / TimeSpan.TicksPerHour} hours of an ad up to {maxKm:0} km away";
        return new SignalOutcome(Ramp.Share(involved.Count, _saturation), summary, []);
    }
}
