using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Risk;

/// <summary>Everything the risk scorer reads: the clusters of a case with their ads.</summary>
/// <remarks>
/// The storage layer fills this from the case; tests build it directly. Corpus-wide figures (city
/// price medians, the latest posting time) are computed over all ads of all clusters given here.
/// </remarks>
/// <param name="Clusters">The clusters to score; order does not matter (results are ordered by cluster ID).</param>
public sealed record RiskInput(IReadOnlyList<RiskCluster> Clusters)
{
    /// <summary>
    /// The reference time for "recent" (growth); null means the latest <see cref="RiskAd.PostedAt"/> in the input,
    /// so scores never depend on the wall clock.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>
    /// The region, place and type of the input's phone numbers by E.164, as a case stores them (issue #19): when given, a
    /// number not in it has none. Null (library use without a case) describes each number with this build's metadata.
    /// </summary>
    public IReadOnlyDictionary<string, PhoneNumberDetails>? PhoneDetails { get; init; }
}
