namespace NetworkAnalysis.Storage;

/// <summary>Row counts of a case.</summary>
/// <param name="Sources">Input files.</param>
/// <param name="Ads">Ads.</param>
/// <param name="Entities">Distinct entities.</param>
/// <param name="Mentions">Entity mentions.</param>
/// <param name="Clusters">Clusters from the last analysis.</param>
/// <param name="IngestErrors">Malformed rows reported.</param>
/// <param name="Unclustered">Ads not in any cluster (ingested after the last analysis).</param>
public sealed record CaseCounts(long Sources, long Ads, long Entities, long Mentions, long Clusters, long IngestErrors, long Unclustered);
