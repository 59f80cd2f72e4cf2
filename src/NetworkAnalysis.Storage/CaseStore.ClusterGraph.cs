using NetworkAnalysis.Core.Graphs.Structure;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The ad–identifier graph of one cluster as the stored analysis saw it: its ads, the linking identifiers
    /// (not hubs by the stored verdicts, not URLs) two or more of them mention, and the stored near-duplicate links that join them.</summary>
    /// <remarks>Hub verdicts, thresholds and weights are the stored analysis's (nothing is judged again); feed the result to
    /// <see cref="ClusterGraphAnalysis"/> for link strength, articulation points and bridges.</remarks>
    /// <param name="clusterId">The cluster's ID.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The graph, or null when the case has no analysis or no cluster with this ID.</returns>
    public ClusterGraph? LoadClusterGraph(string clusterId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var keys = Memberships().Where(m => m.ClusterId == clusterId).Select(m => m.AdKey).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0 || LoadAnalysis() is not { } analysis)
        {
            return null;
        }

        var snapshot = LoadSnapshot(ct);
        var ads = new List<int>(keys.Count);
        for (var i = 0; i < snapshot.Incidence.AdCount; i++)
        {
            if (keys.Contains(snapshot.Incidence.AdKeys[i]))
            {
                ads.Add(i);
            }
        }

        return LoadEvidence(snapshot, analysis, ct).ClusterGraph(ads);
    }
}
