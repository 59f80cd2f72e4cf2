namespace NetworkAnalysis.Storage;

/// <summary>One mention of an entity in an ad, as reports and exports read it.</summary>
/// <param name="AdKey">The ad's key.</param>
/// <param name="EntityId">The entity's row ID.</param>
/// <param name="Type">Entity type wire name.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Start">UTF-16 start in the ad's text, or null for a mention derived from a field.</param>
/// <param name="End">UTF-16 end, or null.</param>
public sealed record CaseMentionRow(string AdKey, long EntityId, string Type, string Value, int? Start, int? End);
