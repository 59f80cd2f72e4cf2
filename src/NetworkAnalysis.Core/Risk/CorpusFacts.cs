namespace NetworkAnalysis.Core.Risk;

/// <summary>Corpus-wide figures some indicators compare a cluster against.</summary>
internal sealed class CorpusFacts
{
    private CorpusFacts(Dictionary<string, (decimal Median, int Count)> cityPrices, Dictionary<ulong, int> templatePhones, long? asOfTicks)
    {
        CityPrices = cityPrices;
        TemplatePhones = templatePhones;
        AsOfTicks = asOfTicks;
    }

    /// <summary>Median price and number of priced ads per city key.</summary>
    public Dictionary<string, (decimal Median, int Count)> CityPrices { get; }

    /// <summary>Distinct non-hub phones per template key, over the whole corpus.</summary>
    public Dictionary<ulong, int> TemplatePhones { get; }

    /// <summary>The reference time (UTC ticks) for recency, or null when no ad has a time.</summary>
    public long? AsOfTicks { get; }

    public static CorpusFacts Compute(AdFacts[][] clusters, DateTimeOffset? asOf)
    {
        var prices = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
        // Distinct phones per template: one set of (template, phone) pairs and a counter per template, instead of a
        // hash set of phones per template.
        var templatePairs = new HashSet<(ulong, string)>();
        var templatePhones = new Dictionary<ulong, int>();
        long? latest = null;
        foreach (var cluster in clusters)
        {
            foreach (var ad in cluster)
            {
                if (ad.Price is { } price && price > 0 && ad.CityKey is { } city)
                {
                    if (!prices.TryGetValue(city, out var list))
                    {
                        prices[city] = list = [];
                    }

                    list.Add(price);
                }

                if (ad.Template != 0 && ad.Phones.Length > 0)
                {
                    ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(templatePhones, ad.Template, out _);
                    foreach (var phone in ad.Phones)
                    {
                        if (templatePairs.Add((ad.Template, phone)))
                        {
                            count++;
                        }
                    }
                }

                if (ad.Ticks is { } t && (latest is null || t > latest))
                {
                    latest = t;
                }
            }
        }

        var medians = new Dictionary<string, (decimal, int)>(StringComparer.Ordinal);
        foreach (var (city, list) in prices)
        {
            list.Sort();
            var n = list.Count;
            var median = n % 2 == 1 ? list[n / 2] : (list[(n / 2) - 1] + list[n / 2]) / 2;
            medians[city] = (median, n);
        }

        return new CorpusFacts(medians, templatePhones, asOf?.UtcTicks ?? latest);
    }
}
