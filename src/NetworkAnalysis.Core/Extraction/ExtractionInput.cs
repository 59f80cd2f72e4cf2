namespace NetworkAnalysis.Core.Extraction;

/// <summary>The text an extractor reads, with the context it may need.</summary>
/// <param name="Text">The original ad text; every span indexes this string.</param>
/// <param name="DefaultCountry">ISO 3166 alpha-2 region for numbers written without a country code.</param>
public sealed record ExtractionInput(string Text, string? DefaultCountry);
