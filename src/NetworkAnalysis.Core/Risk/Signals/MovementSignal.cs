using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>The same identifier advertised in several cities within a window (a circuit).</summary>
internal sealed class MovementSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly long _window = TimeSpan.FromDays(definition.Parameter("window_days", 30)).Ticks;
    private readonly int _minCities = (int)definition.Parameter("min_cities", 2);
    private readonly double _saturation = definition.Parameter("saturation", 5);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        RiskEntityRef? bestEntity = null;
        int[]? bestAds = null;
        var bestCities = 1;
        var order = new List<int>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (entity, ads) in view.ByIdentifier)
        {
            if (ads.Length < 2 || entity.Type == EntityType.Url)
            {
                continue;
            }

            // Most identifiers stay in one city: skip them before any sorting.
            string? firstCity = null;
            var moved = false;
            order.Clear();
            foreach (var i in ads)
            {
                if (view.Ads[i].Ticks is not null && view.Ads[i].CityKey is { } city)
                {
                    order.Add(i);
                    firstCity ??= city;
                    moved |= !string.Equals(city, firstCity, StringComparison.Ordinal);
                }
            }

            if (!moved || order.Count < 2)
            {
                continue;
            }

            order.Sort((a, b) => view.Ads[a].Ticks!.Value.CompareTo(view.Ads[b].Ticks!.Value) is var c && c != 0 ? c : a.CompareTo(b));
            counts.Clear();
            var left = 0;
            for (var right = 0; right < order.Count; right++)
            {
                var r = view.Ads[order[right]];
                counts[r.CityKey!] = counts.GetValueOrDefault(r.CityKey!) + 1;
                while (r.Ticks!.Value - view.Ads[order[left]].Ticks!.Value > _window)
                {
                    var l = view.Ads[order[left++]].CityKey!;
                    if (--counts[l] == 0)
                    {
                        counts.Remove(l);
                    }
                }

                if (counts.Count > bestCities)
                {
                    (bestEntity, bestCities) = (entity, counts.Count);
                    bestAds = order.GetRange(left, right - left + 1).ToArray();
                }
            }
        }

        if (bestEntity is null || bestAds is null || bestCities < _minCities)
        {
            return SignalOutcome.None;
        }

        var cities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in bestAds)
        {
            var ad = view.Ads[i];
            if (cities.Add(ad.CityKey!))
            {
                Ramp.AddEntitySpans(evidence, ad, bestEntity, $"posted {Ramp.Date(ad.Ticks!.Value)} in {ad.Ad.City}");
            }
        }

        var days = (view.Ads[bestAds[^1]].Ticks!.Value - view.Ads[bestAds[0]].Ticks!.Value) / TimeSpan.TicksPerDay;
        var summary = $"one {bestEntity.Type.ToName()} advertised in {bestCities} cities within {days + 1} days";
        return new SignalOutcome(Ramp.Count(bestCities, _saturation), summary, [bestEntity]);
    }
}
