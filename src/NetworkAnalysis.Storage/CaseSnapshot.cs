using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

/// <summary>The case loaded for analysis: the incidence plus the row IDs and ad facts the summaries need.</summary>
/// <param name="Incidence">Ads and entities as dense ints, in key order.</param>
/// <param name="AdRowIds">Database row ID of each dense ad.</param>
/// <param name="EntityRowIds">Database row ID of each dense entity.</param>
/// <param name="AdCities">City of each dense ad (null when unknown).</param>
/// <param name="AdPostedAt">Posting time of each dense ad, ISO 8601 text (null when unknown).</param>
public sealed record CaseSnapshot(AdEntityIncidence Incidence, long[] AdRowIds, long[] EntityRowIds, string?[] AdCities, string?[] AdPostedAt)
{
    /// <summary>Whether <see cref="AdCities"/> and <see cref="AdPostedAt"/> hold every ad's facts; false when the analysis
    /// loaded them only for the ads of the clusters it rewrites (an incremental run, issue #21).</summary>
    internal bool AdFactsLoaded { get; set; } = true;

    /// <summary>Whether every entity's stored type name is its canonical name (<see cref="Core.Extraction.EntityTypeNames.ToName"/>), so
    /// that the stored order by type name is the order of the canonical names: required to write a graph snapshot file.</summary>
    internal bool CanonicalEntityTypes { get; init; }

    /// <summary>Whether this was read from the graph snapshot file beside the case (plus the rows added since) rather than the tables.</summary>
    internal bool FromGraphSnapshot { get; init; }
}
