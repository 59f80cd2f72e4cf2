namespace NetworkAnalysis.Storage;

/// <summary>One entity mention inside an ad, with its span in the ad's text.</summary>
/// <param name="EntityId">The entity's row ID.</param>
/// <param name="Type">Entity type wire name.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Raw">The text as written in the ad.</param>
/// <param name="Start">Span start (UTF-16 offset into the ad's text), or null for a field-derived mention.</param>
/// <param name="End">Span end (exclusive), or null for a field-derived mention.</param>
/// <param name="Extractor">The extractor, or <c>field:NAME</c> for a field-derived mention.</param>
/// <param name="Confidence">Extractor confidence in [0,1].</param>
public sealed record AdMention(long EntityId, string Type, string Value, string Raw, int? Start, int? End, string Extractor, double Confidence);
