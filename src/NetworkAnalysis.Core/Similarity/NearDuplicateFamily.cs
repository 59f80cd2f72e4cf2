namespace NetworkAnalysis.Core.Similarity;

/// <summary>Ads joined by verified near-duplicate pairs (a template family, or one photo and its variants).</summary>
/// <param name="Id">The family's smallest ad index (stable for the same ads; two photo families of one ad share it).</param>
/// <param name="Ads">Member ads, ascending.</param>
/// <param name="Groups">Distinct identifier groups (ads joined by shared strong identifiers) among the members.</param>
/// <param name="IsHub">Whether the family spans more groups than allowed: a stock photo or boilerplate text.</param>
public sealed record NearDuplicateFamily(int Id, IReadOnlyList<int> Ads, int Groups, bool IsHub);
