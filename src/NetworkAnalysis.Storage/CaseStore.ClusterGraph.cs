using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Structure;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The ad–identifier graph of one cluster as the clustering engine sees it: its ads, the linking identifiers
    /// (not hubs, not URLs) two or more of them mention, and the stored near-duplicate links that join them.</summary>
    /// <remarks>Hub verdicts come from the whole case's graph (as <c>netan explain</c> and the workbench compute them);
    /// feed the result to <see cref="ClusterGraphAnalysis"/> for link strength, articulation points and bridges.</remarks>
    /// <param name="clusterId">The cluster's ID.</param>
    /// <param name="options">Hub thresholds, join similarity and text joins; default: the case pipeline's (text does not join).</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The graph, or null when the case has no cluster with this ID.</returns>
    public ClusterGraph? LoadClusterGraph(string clusterId, ClusteringOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        var keys = Memberships().Where(m => m.ClusterId == clusterId).Select(m => m.AdKey).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return null;
        }

        options ??= new ClusteringOptions { TextJoins = new Core.Similarity.NearDuplicateOptions().TextJoins };
        var snapshot = LoadSnapshot(ct);
        var graph = BipartiteGraph.Build(snapshot.Incidence, ct);
        var weights = EntityWeights.Compute(graph, HubDetector.Detect(graph, options.Hubs, ct), options.StrongWeight);
        var ads = new List<int>(keys.Count);
        for (var i = 0; i < snapshot.Incidence.AdCount; i++)
        {
            if (keys.Contains(snapshot.Incidence.AdKeys[i]))
            {
                ads.Add(i);
            }
        }

        return ClusterGraph.FromGraph(graph, weights, LoadWeakLinks(snapshot), options, ads);
    }
}
