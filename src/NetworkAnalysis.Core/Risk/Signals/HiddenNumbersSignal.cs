using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Share of ads whose phone is obfuscated, absent, or used by that ad only while the cluster rotates numbers.</summary>
internal sealed class HiddenNumbersSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly int _minAds = (int)definition.Parameter("min_ads", 3);
    private readonly double _saturation = definition.Parameter("saturation", 0.6);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        if (view.Ads.Length < Math.Max(2, _minAds))
        {
            return SignalOutcome.None;
        }

        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ad in view.Ads)
        {
            foreach (var p in ad.Phones)
            {
                uses[p] = uses.GetValueOrDefault(p) + 1;
            }
        }

        int hidden = 0, obfuscated = 0, rotated = 0;
        foreach (var ad in view.Ads)
        {
            if (ad.HasObfuscatedPhone)
            {
                obfuscated++;
                foreach (var m in ad.Ad.Entities)
                {
                    if (m.Type == EntityType.Phone && m.End > m.Start && m.End <= ad.Ad.Text.Length && AdFacts.IsObfuscatedNumber(ad.Ad.Text.AsSpan(m.Start, m.End - m.Start)))
                    {
                        evidence.Add(ad.Key, m.Start, m.End, "obfuscated phone");
                    }
                }
            }
            else if (!ad.Ad.Entities.Any(e => e.Type == EntityType.Phone))
            {
                hidden++;
                evidence.Add(ad.Key, 0, 0, "no phone number in the text");
            }
            else if (uses.Count >= 2 && ad.Phones.Length > 0 && ad.Phones.All(p => uses[p] == 1))
            {
                rotated++;
                foreach (var m in ad.Ad.Entities)
                {
                    if (m.Type == EntityType.Phone && !m.IsHub)
                    {
                        evidence.Add(ad.Key, m.Start, m.End, "phone used by this ad only");
                    }
                }
            }
        }

        var flagged = hidden + obfuscated + rotated;
        if (flagged == 0)
        {
            return SignalOutcome.None;
        }

        var summary = $"{flagged} of {view.Ads.Length} ads hide or rotate numbers ({obfuscated} obfuscated, {hidden} without a phone, {rotated} single-use phones)";
        return new SignalOutcome(Ramp.Share((double)flagged / view.Ads.Length, _saturation), summary, []);
    }
}
