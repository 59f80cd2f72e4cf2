namespace NetworkAnalysis.Core.Risk;

/// <summary>One indicator as defined in the indicator file.</summary>
/// <param name="Id">Unique ID (<c>movement</c>, <c>third_person</c>, …).</param>
/// <param name="Kind">Which built-in rule evaluates it (see <see cref="IndicatorKinds"/>).</param>
/// <param name="Name">Short human-readable name.</param>
/// <param name="Description">What the indicator looks for.</param>
/// <param name="Source">Where the idea comes from (papers, published lists) or "our own".</param>
/// <param name="Weight">Points before normalisation; 0 disables the indicator.</param>
/// <param name="Parameters">Numeric parameters by name.</param>
/// <param name="Words">Word or phrase list (case-insensitive, whole words).</param>
public sealed record IndicatorDefinition(
    string Id,
    string Kind,
    string Name,
    string Description,
    string Source,
    double Weight,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyList<string> Words)
{
    /// <summary>A caution to show with the indicator's results (e.g. for youth cues), if any.</summary>
    public string? Caution { get; init; }

    /// <summary>The parameter <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public double Parameter(string name, double fallback) =>
        Parameters.TryGetValue(name, out var value) ? value : fallback;
}
