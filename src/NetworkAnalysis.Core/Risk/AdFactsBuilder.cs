using System.Globalization;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>Computes <see cref="AdFacts"/> for an ad. One instance per thread (it reuses buffers).</summary>
/// <remarks>A negative <c>templateMinLetters</c> turns template fingerprints off (the template indicator is disabled).</remarks>
internal sealed class AdFactsBuilder(PhraseMatcher matcher, int templateMinLetters)
{
    private readonly List<PhraseHit> _hits = [];
    private readonly List<(int Start, int End)> _tokens = [];
    private readonly List<(int Start, int End)> _spans = [];
    private readonly List<string> _phones = [];
    private readonly List<(int, int, int)> _ages = [];
    private readonly List<(string, int, int)> _names = [];

    // City and region strings repeat across ads: lowercase and look up each (city, region) pair once per thread
    // instead of allocating a trimmed, lowercased copy per ad.
    private const int MaxCachedCities = 4096;
    private readonly Dictionary<(string City, string? Region), (string Key, int Coord)> _cities = [];

    public AdFacts Build(RiskAd ad)
    {
        var text = ad.Text ?? "";
        _hits.Clear();
        matcher.Match(text, _hits, _tokens);

        var ages = _ages;
        ages.Clear();
        if (ad.Age is { } structuredAge)
        {
            ages.Add((structuredAge, 0, 0));
        }

        var names = _names;
        names.Clear();
        decimal? price = ad.Price;
        int priceStart = 0, priceEnd = 0;
        foreach (var a in ad.Attributes)
        {
            switch (a.Kind)
            {
                case AttributeKind.Age when int.TryParse(a.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age):
                    ages.Add((age, a.Start, a.End));
                    break;
                case AttributeKind.Name when !string.IsNullOrWhiteSpace(a.Value):
                    names.Add((a.Value.Trim(), a.Start, a.End));
                    break;
                case AttributeKind.Price when price is null || priceEnd == 0:
                    if (decimal.TryParse(a.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && (price is null || p == price))
                    {
                        price = p;
                        (priceStart, priceEnd) = (a.Start, a.End);
                    }

                    break;
                default:
                    break;
            }
        }

        var phones = _phones;
        phones.Clear();
        var obfuscated = false;
        foreach (var e in ad.Entities)
        {
            if (e.Type != EntityType.Phone)
            {
                continue;
            }

            if (!e.IsHub)
            {
                phones.Add(e.Value);
            }

            // Letters were the only sign counted before: spaced-out, full-width and keycap digits went uncounted.
            var raw = e.Raw is { } r ? r.AsSpan() : e.Start >= 0 && e.End <= text.Length && e.End > e.Start ? text.AsSpan(e.Start, e.End - e.Start) : [];
            obfuscated |= AdFacts.IsObfuscatedNumber(raw);
        }

        // Distinct phones in ordinal order (an ad has one or two: a sorted list beats a SortedSet).
        phones.Sort(StringComparer.Ordinal);
        var distinct = 0;
        for (var i = 0; i < phones.Count; i++)
        {
            if (i == 0 || !string.Equals(phones[i], phones[distinct - 1], StringComparison.Ordinal))
            {
                phones[distinct++] = phones[i];
            }
        }

        phones.RemoveRange(distinct, phones.Count - distinct);
        var (cityKey, cityCoord) = City(ad.City, ad.Region);

        return new AdFacts
        {
            Ad = ad,
            Ticks = ad.PostedAt?.UtcTicks,
            CityKey = cityKey,
            CityCoord = cityCoord,
            Ages = [.. ages],
            Names = [.. names],
            Price = price,
            PriceStart = priceStart,
            PriceEnd = priceEnd,
            Hits = [.. _hits],
            Phones = [.. phones],
            HasObfuscatedPhone = obfuscated,
            Template = templateMinLetters < 0 ? 0 : TemplateKey(ad, text),
        };
    }

    private (string? Key, int Coord) City(string? city, string? region)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return (null, UsCityCoordinates.Find(city, region));
        }

        if (!_cities.TryGetValue((city, region), out var entry))
        {
            entry = (city.Trim().ToLowerInvariant(), UsCityCoordinates.Find(city, region));
            if (_cities.Count < MaxCachedCities)
            {
                _cities[(city, region)] = entry;
            }
        }

        return entry;
    }

    /// <summary>
    /// The caller's template ID when given; otherwise a 64-bit FNV-1a hash of the ad's letters outside every
    /// identifier and attribute span, lowercased (so names, ages, prices, phones and digits do not matter).
    /// </summary>
    private ulong TemplateKey(RiskAd ad, string text)
    {
        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        var hash = offset;
        if (ad.TemplateId is { Length: > 0 } id)
        {
            foreach (var c in id)
            {
                hash = (hash ^ c) * prime;
            }

            return hash | 1;
        }

        _spans.Clear();
        foreach (var e in ad.Entities)
        {
            _spans.Add((e.Start, e.End));
        }

        foreach (var a in ad.Attributes)
        {
            _spans.Add((a.Start, a.End));
        }

        _spans.Sort();
        var letters = 0;
        var next = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (next < _spans.Count && _spans[next].End <= i)
            {
                next++;
            }

            if (next < _spans.Count && _spans[next].Start <= i)
            {
                i = _spans[next].End - 1;
                continue;
            }

            var c = text[i];
            if (c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c))
            {
                hash = (hash ^ (c < 128 ? (char)(c | 0x20) : char.ToLowerInvariant(c))) * prime;
                letters++;
            }
        }

        return letters >= templateMinLetters ? hash | 1 : 0;
    }
}
