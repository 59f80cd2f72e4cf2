namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>An ad template of the cluster used with many phone numbers across the corpus.</summary>
internal sealed class TemplatePhonesSignal(IndicatorDefinition definition) : IRiskSignal
{
    private readonly int _minPhones = (int)definition.Parameter("min_phones", 2);
    private readonly double _saturation = definition.Parameter("saturation", 5);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        ulong best = 0;
        var bestPhones = 0;
        foreach (var ad in view.Ads)
        {
            if (ad.Template != 0 && view.Corpus.TemplatePhones.TryGetValue(ad.Template, out var phones)
                && (phones > bestPhones || (phones == bestPhones && ad.Template < best)))
            {
                (best, bestPhones) = (ad.Template, phones);
            }
        }

        if (bestPhones < Math.Max(2, _minPhones))
        {
            return SignalOutcome.None;
        }

        var uses = 0;
        foreach (var ad in view.Ads)
        {
            if (ad.Template == best)
            {
                uses++;
                evidence.Add(ad.Key, 0, 0, "same template");
            }
        }

        var summary = $"{uses} ads use a template that appears with {bestPhones} different phones in the corpus";
        return new SignalOutcome(Ramp.Count(bestPhones, _saturation), summary, []);
    }
}
