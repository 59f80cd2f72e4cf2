namespace NetworkAnalysis.Storage;

/// <summary>One answer to a workbench search: an entity, an ad matched by its ID, or an ad matched by its text.</summary>
/// <param name="Kind"><c>entity</c>, <c>ad</c> (matched by key or ID) or <c>text</c> (matched by words in its text).</param>
/// <param name="Label">What to show: the entity's canonical value or the ad's key.</param>
/// <param name="ClusterId">The cluster to jump to: the ad's, or the one holding most of the entity's ads; null before analysis.</param>
/// <param name="AdId">The ad's row ID (ad hits only).</param>
/// <param name="EntityId">The entity's row ID (entity hits only).</param>
/// <param name="EntityType">The entity's type wire name (entity hits only).</param>
/// <param name="Ads">How many ads the entity appears in (1 for ad hits).</param>
/// <param name="Clusters">How many clusters those ads fall in.</param>
/// <param name="Snippet">An excerpt of the ad's text around the match (text hits), or its title (ad hits).</param>
public sealed record SearchHit(string Kind, string Label, string? ClusterId, long? AdId, long? EntityId, string? EntityType,
    int Ads, int Clusters, string? Snippet);
