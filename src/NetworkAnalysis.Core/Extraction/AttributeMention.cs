namespace NetworkAnalysis.Core.Extraction;

/// <summary>An attribute found in an ad's text, with its span.</summary>
/// <param name="Kind">What kind of attribute.</param>
/// <param name="Value">Normalised value (digits for ages and prices, title case for names).</param>
/// <param name="Raw">The text as written.</param>
/// <param name="Start">Start offset in the original ad text, inclusive.</param>
/// <param name="End">End offset in the original ad text, exclusive.</param>
public sealed record AttributeMention(AttributeKind Kind, string Value, string Raw, int Start, int End);
