using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>One identifier behind several personas (distinct names, stated ages, ethnicity words).</summary>
/// <remarks>Used for both "one contact, many personas" (contacts) and "one photo, several personas" (images).</remarks>
internal sealed class PersonasSignal(IndicatorDefinition definition, int ethnicityList, bool images) : IRiskSignal
{
    private readonly double _saturation = definition.Parameter("saturation", images ? 3 : 4);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        (RiskEntityRef Entity, int[] Ads)? best = null;
        (int Names, int Ages, int Eth) bestCounts = default;
        var bestN = 1;
        var sets = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<int>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        foreach (var group in view.ByIdentifier)
        {
            if (group.Ads.Length < 2 || (images ? group.Entity.Type != EntityType.Image : !AdFacts.IsContact(group.Entity.Type)))
            {
                continue;
            }

            var counts = Distinct(view, group.Ads, sets);
            var n = Math.Max(counts.Names, Math.Max(counts.Ages, counts.Eth));
            if (n > bestN)
            {
                (best, bestN, bestCounts) = (group, n, counts);
            }
        }

        if (best is not { } b)
        {
            return SignalOutcome.None;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in b.Ads)
        {
            var ad = view.Ads[i];
            foreach (var (name, start, end) in ad.Names)
            {
                if (seen.Add("n:" + name))
                {
                    evidence.Add(ad.Key, start, end, "name");
                }
            }

            foreach (var (age, start, end) in ad.Ages)
            {
                if (seen.Add("a:" + age))
                {
                    evidence.Add(ad.Key, start, end, end > start ? "stated age" : $"stated age {age} (listing field)");
                }
            }

            foreach (var hit in ad.Hits)
            {
                if (hit.List == ethnicityList && seen.Add("e:" + ad.Ad.Text[hit.Start..hit.End]))
                {
                    evidence.Add(ad.Key, hit.Start, hit.End, "ethnicity word");
                }
            }
        }

        var noun = images ? "one photo" : "one " + b.Entity.Type.ToName();
        var summary = $"{noun} appears in {b.Ads.Length} ads with {bestCounts.Names} names, {bestCounts.Ages} stated ages"
            + (images ? "" : $" and {bestCounts.Eth} ethnicity words");
        return new SignalOutcome(Ramp.Count(bestN, _saturation), summary, [b.Entity]);
    }

    private (int Names, int Ages, int Eth) Distinct(ClusterView view, int[] ads, (HashSet<string> Names, HashSet<int> Ages, HashSet<string> Eth) sets)
    {
        var (names, ages, eth) = sets;
        names.Clear();
        ages.Clear();
        eth.Clear();
        foreach (var i in ads)
        {
            var ad = view.Ads[i];
            foreach (var n in ad.Names)
            {
                names.Add(n.Name);
            }

            foreach (var a in ad.Ages)
            {
                ages.Add(a.Age);
            }

            if (ethnicityList >= 0)
            {
                foreach (var hit in ad.Hits)
                {
                    if (hit.List == ethnicityList)
                    {
                        eth.Add(ad.Ad.Text[hit.Start..hit.End]);
                    }
                }
            }
        }

        return (names.Count, ages.Count, eth.Count);
    }
}
