namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Share of the cluster's ads using a phrase from a word list; with an age band, the youth review flag.</summary>
internal sealed class PhrasesSignal(IndicatorDefinition definition, int list, bool youth) : IRiskSignal
{
    private readonly double _saturation = definition.Parameter("saturation", 0.5);
    private readonly int _minAge = (int)definition.Parameter("min_age", 18);
    private readonly int _maxAge = (int)definition.Parameter("max_age", 19);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        var matched = 0;
        string? example = null;
        foreach (var ad in view.Ads)
        {
            var hit = false;
            foreach (var h in ad.Hits)
            {
                if (h.List == list)
                {
                    hit = true;
                    example ??= ad.Ad.Text[h.Start..h.End].ToLowerInvariant();
                    evidence.Add(ad.Key, h.Start, h.End, youth ? "youth word" : "wording");
                }
            }

            if (youth)
            {
                foreach (var (age, start, end) in ad.Ages)
                {
                    if (age >= _minAge && age <= _maxAge)
                    {
                        hit = true;
                        evidence.Add(ad.Key, start, end, end > start ? "stated age" : $"stated age {age} (listing field)");
                    }
                }
            }

            matched += hit ? 1 : 0;
        }

        if (matched == 0)
        {
            return SignalOutcome.None;
        }

        var what = youth ? $"stated ages {_minAge}-{_maxAge} or youth words" : $"wording such as \"{example}\"";
        return new SignalOutcome(Ramp.Share((double)matched / view.Ads.Length, _saturation), $"{matched} of {view.Ads.Length} ads use {what}", []);
    }
}
