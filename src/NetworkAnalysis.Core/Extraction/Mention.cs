namespace NetworkAnalysis.Core.Extraction;

/// <summary>One occurrence of an identifier in an ad's text.</summary>
/// <param name="Type">What kind of identifier.</param>
/// <param name="Value">Canonical value used for linking (E.164 for phones, lowercased e-mail, …).</param>
/// <param name="Raw">The text as written, exactly <c>text[Start..End]</c> of the original ad text.</param>
/// <param name="Start">Start offset (UTF-16 code units) in the original ad text, inclusive.</param>
/// <param name="End">End offset in the original ad text, exclusive.</param>
/// <param name="Confidence">How sure the extractor is, in [0,1].</param>
/// <param name="Extractor">Name of the extractor that found it.</param>
public sealed record Mention(EntityType Type, string Value, string Raw, int Start, int End, double Confidence, string Extractor);
