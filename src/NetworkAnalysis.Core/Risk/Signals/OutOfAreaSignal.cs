using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Ads placed in a US state other than the one their phone number belongs to (libphonenumber's offline geocoder, as the case stores it).</summary>
/// <remarks>
/// "Far" is kept simple: the ad's state (its region field, or the state of its city in <see cref="UsCityCoordinates"/>)
/// differs from the number's geocoded state, or the number is not a US number at all (another country). Numbers without
/// a geographic area (toll-free, VoIP, non-geographic) and ads without a known US state are not compared. Neighbouring
/// states count as out of area (a New Jersey number in a New York City ad): the caution says so.
/// </remarks>
internal sealed class OutOfAreaSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly int _minAds = (int)definition.Parameter("min_ads", 2);
    private readonly double _saturation = definition.Parameter("saturation", 0.5);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        var areas = new Dictionary<string, (string Area, string Label)?>(StringComparer.Ordinal);
        var compared = 0;
        var outOfArea = new List<(int Ad, string Phone, string Label)>();
        var subjects = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < view.Ads.Length; i++)
        {
            var ad = view.Ads[i];
            var adState = UsStates.Code(ad.Ad.Region) ?? (ad.CityCoord >= 0 ? UsCityCoordinates.State(ad.CityCoord) : null);
            if (adState is null)
            {
                continue;
            }

            var any = false;
            (string Phone, string Label)? far = null;
            foreach (var phone in ad.Phones)
            {
                if (!areas.TryGetValue(phone, out var area))
                {
                    areas[phone] = area = AreaOf(view.PhoneDetails(phone));
                }

                if (area is not { } a)
                {
                    continue;
                }

                any = true;
                if (far is null && !string.Equals(a.Area, adState, StringComparison.Ordinal))
                {
                    far = (phone, a.Label);
                }
            }

            compared += any ? 1 : 0;
            if (far is { } f)
            {
                outOfArea.Add((i, f.Phone, f.Label));
                subjects.Add(f.Phone);
            }
        }

        if (outOfArea.Count < Math.Max(1, _minAds) || compared == 0)
        {
            return SignalOutcome.None;
        }

        foreach (var (i, phone, label) in outOfArea)
        {
            var ad = view.Ads[i];
            Ramp.AddEntitySpans(evidence, ad, new RiskEntityRef(EntityType.Phone, phone), $"{label} number in an ad for {ad.Ad.City ?? ad.Ad.Region}");
        }

        var share = (double)outOfArea.Count / compared;
        var summary = $"{outOfArea.Count} of {compared} ads with a geographic number advertise outside the number's state";
        return new SignalOutcome(Ramp.Share(share, _saturation), summary, subjects.Select(p => new RiskEntityRef(EntityType.Phone, p)).ToList());
    }

    /// <summary>The number's area: its US state code, or its country for a foreign number; null when it has none.</summary>
    private static (string Area, string Label)? AreaOf(PhoneNumberDetails? details)
    {
        if (details is not { } d || d.Region.Length == 0)
        {
            return null;
        }

        if (d.Region != "US")
        {
            return ("country:" + d.Region, d.Location.Length > 0 ? d.Location : d.Region);
        }

        return UsStates.OfGeocoded(d.Location) is { } state ? (state, d.Location) : null;
    }
}
