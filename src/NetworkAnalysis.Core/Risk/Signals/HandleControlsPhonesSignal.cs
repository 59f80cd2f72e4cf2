using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>One payment handle or e-mail appearing with several phone numbers.</summary>
internal sealed class HandleControlsPhonesSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly double _saturation = definition.Parameter("saturation", 4);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        (RiskEntityRef Entity, int[] Ads)? best = null;
        var bestPhones = 1;
        foreach (var group in view.ByIdentifier)
        {
            if (group.Ads.Length < 2 || !AdFacts.IsHandle(group.Entity.Type))
            {
                continue;
            }

            var phones = CountPhones(view, group);
            if (phones > bestPhones)
            {
                (best, bestPhones) = (group, phones);
            }
        }

        if (best is not { } b)
        {
            return SignalOutcome.None;
        }

        foreach (var i in b.Ads)
        {
            var ad = view.Ads[i];
            Ramp.AddEntitySpans(evidence, ad, b.Entity, b.Entity.Type.ToName());
            foreach (var m in ad.Ad.Entities)
            {
                if (m.Type == EntityType.Phone && !m.IsHub && m.Value != b.Entity.Value)
                {
                    evidence.Add(ad.Key, m.Start, m.End, "phone");
                }
            }
        }

        var summary = $"one {b.Entity.Type.ToName()} appears with {bestPhones} different phones in {b.Ads.Length} ads";
        return new SignalOutcome(Ramp.Count(bestPhones, _saturation), summary, [b.Entity]);
    }

    private static int CountPhones(ClusterView view, (RiskEntityRef Entity, int[] Ads) group)
    {
        var phones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in group.Ads)
        {
            foreach (var p in view.Ads[i].Phones)
            {
                if (p != group.Entity.Value)
                {
                    phones.Add(p);
                }
            }
        }

        return phones.Count;
    }
}
