namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Share of the cluster's priced ads well below their city's median price in the corpus.</summary>
internal sealed class LowPriceSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly decimal _ratio = (decimal)definition.Parameter("ratio", 0.6);
    private readonly int _minCityAds = (int)definition.Parameter("min_city_ads", 5);
    private readonly double _saturation = definition.Parameter("saturation", 0.5);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        int priced = 0, low = 0;
        foreach (var ad in view.Ads)
        {
            if (ad.Price is not { } price || price <= 0 || ad.CityKey is null
                || !view.Corpus.CityPrices.TryGetValue(ad.CityKey, out var city) || city.Count < _minCityAds)
            {
                continue;
            }

            priced++;
            if (price < _ratio * city.Median)
            {
                low++;
                evidence.Add(ad.Key, ad.PriceStart, ad.PriceEnd, $"price {price:0.##} vs median {city.Median:0.##} in {ad.Ad.City}");
            }
        }

        if (low == 0)
        {
            return SignalOutcome.None;
        }

        var summary = $"{low} of {priced} priced ads are below {_ratio:P0} of their city's median price";
        return new SignalOutcome(Ramp.Share((double)low / priced, _saturation), summary, []);
    }
}
