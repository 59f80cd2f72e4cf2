namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Creates the signal for an indicator definition.</summary>
internal static class RiskSignals
{
    /// <param name="definition">The indicator.</param>
    /// <param name="list">Index of the indicator's word list in the shared <see cref="PhraseMatcher"/>.</param>
    public static IRiskSignal Create(IndicatorDefinition definition, int list) => definition.Kind switch
    {
        IndicatorKinds.PersonasPerContact => new PersonasSignal(definition, list, images: false),
        IndicatorKinds.PhotoReuse => new PersonasSignal(definition, -1, images: true),
        IndicatorKinds.HandleControlsPhones => new HandleControlsPhonesSignal(definition),
        IndicatorKinds.Movement => new MovementSignal(definition),
        IndicatorKinds.Velocity => new VelocitySignal(definition),
        IndicatorKinds.SimultaneousDistant => new SimultaneousDistantSignal(definition),
        IndicatorKinds.Phrases => new PhrasesSignal(definition, list, youth: false),
        IndicatorKinds.Youth => new PhrasesSignal(definition, list, youth: true),
        IndicatorKinds.TemplatePhones => new TemplatePhonesSignal(definition),
        IndicatorKinds.LowPrice => new LowPriceSignal(definition),
        IndicatorKinds.ClusterSize => new ClusterSizeSignal(definition),
        IndicatorKinds.HiddenNumbers => new HiddenNumbersSignal(definition),
        IndicatorKinds.OutOfArea => new OutOfAreaSignal(definition),
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "unknown indicator kind"),
    };
}
