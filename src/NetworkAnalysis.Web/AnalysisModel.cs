using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web;

/// <summary>The analysis `netan analyze` stored (hub verdicts, parameters, clusters), as the workbench reads it.</summary>
/// <remarks>Nothing is clustered or judged here. Hub verdicts are read per request (a small table), so a re-analysis shows at once;
/// the evidence model (the snapshot with the stored verdicts and weights, for explaining paths) takes seconds to load on a large
/// case, so start-up begins it in the background and it is rebuilt when the analysis run changes. Ads ingested after the
/// analysis are unanalysed singletons in it.</remarks>
internal sealed class AnalysisModel(CaseStorePool pool)
{
    private readonly Lock _gate = new();
    private (long RunId, Task<Evidence> Task)? _evidence;

    /// <summary>Starts loading the evidence model of the current analysis, if there is one.</summary>
    public void Start()
    {
        using var lease = pool.Rent();
        if (lease.Store.LoadAnalysis() is { } analysis)
        {
            _ = EvidenceAsync(analysis);
        }
    }

    /// <summary>The stored analysis, or null when the case has not been analysed.</summary>
    public static StoredAnalysis? Analysis(CaseStore store) => store.LoadAnalysis();

    /// <summary>The evidence model of <paramref name="analysis"/>, loaded once per analysis run.</summary>
    public Task<Evidence> EvidenceAsync(StoredAnalysis analysis)
    {
        lock (_gate)
        {
            if (_evidence is { } current && current.RunId == analysis.RunId && !current.Task.IsFaulted)
            {
                return current.Task;
            }

            var task = Task.Run(() => Build(analysis));
            _evidence = (analysis.RunId, task);
            return task;
        }
    }

    private Evidence Build(StoredAnalysis analysis)
    {
        using var lease = pool.Rent();
        var snapshot = lease.Store.LoadSnapshot();
        var evidence = lease.Store.LoadEvidence(snapshot, analysis);
        var adIndex = new Dictionary<long, int>(snapshot.AdRowIds.Length);
        for (var i = 0; i < snapshot.AdRowIds.Length; i++)
        {
            adIndex[snapshot.AdRowIds[i]] = i;
        }

        return new Evidence(evidence, adIndex);
    }

    /// <summary>The stored analysis over the case's snapshot, with the row-ID maps the endpoints need.</summary>
    internal sealed record Evidence(AnalysisEvidence Stored, Dictionary<long, int> AdIndex)
    {
        private readonly Lazy<Dictionary<string, Core.Clustering.Cluster>> _clusters = new(() =>
            Stored.Result.Clusters.Where(c => c.Id != "(not analysed)").ToDictionary(c => c.Id, StringComparer.Ordinal));

        private CaseSnapshot Snapshot => Stored.Snapshot;

        /// <summary>The stored cluster's ad–identifier graph (what <c>netan show</c> analyses) and each of its nodes' ID in the
        /// workbench graph (<c>a:</c> ad row ID, <c>e:</c> entity row ID), or null when the stored analysis has no such cluster.</summary>
        public (Core.Graphs.Structure.ClusterGraph Graph, Func<Core.Graphs.Structure.ClusterNode, string?> NodeId)? ClusterGraph(string clusterId)
        {
            if (!_clusters.Value.TryGetValue(clusterId, out var cluster))
            {
                return null;
            }

            var graph = Stored.Result.Graph!;
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var ad in cluster.AdIndexes)
            {
                ids[Snapshot.Incidence.AdKeys[ad]] = "a:" + Snapshot.AdRowIds[ad].ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var e in graph.EntitiesOf(ad))
                {
                    ids.TryAdd("\0" + graph.EntityLabel(e), "e:" + Snapshot.EntityRowIds[e].ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return (Stored.ClusterGraph(cluster.AdIndexes), node => ids.GetValueOrDefault(node.IsAd ? node.Label : "\0" + node.Label));
        }

        private IReadOnlyList<Core.Graphs.WeakLink> WeakLinks => Stored.WeakLinks;

        /// <summary>The engine's evidence path between two ads as graph node IDs and steps, or null when either ad is unknown to it.</summary>
        public (bool Linked, IReadOnlyList<string> Nodes, IReadOnlyList<PathStep> Steps, string Explanation)? Explain(long fromAd, long toAd)
        {
            if (!AdIndex.TryGetValue(fromAd, out var a) || !AdIndex.TryGetValue(toAd, out var b))
            {
                return null;
            }

            var path = Stored.Explain(a, b);
            var nodes = new List<string>();
            var steps = new List<PathStep>(path.Steps.Count);
            foreach (var step in path.Steps)
            {
                if (nodes.Count == 0)
                {
                    nodes.Add("a:" + Snapshot.AdRowIds[step.FromAd]);
                }

                if (step.Entity is { } e)
                {
                    nodes.Add("e:" + Snapshot.EntityRowIds[e]);
                }

                nodes.Add("a:" + Snapshot.AdRowIds[step.ToAd]);
                steps.Add(new PathStep(
                    Snapshot.AdRowIds[step.FromAd],
                    Snapshot.AdRowIds[step.ToAd],
                    step.Entity is { } entity ? Snapshot.EntityRowIds[entity] : null,
                    step.WeakKind switch
                    {
                        null => "identifier",
                        Core.Graphs.WeakLinkKind.TextNearDuplicate => "similar_text",
                        _ => "similar_image",
                    },
                    step.Via,
                    step.WeakKind is { } kind ? Similarity(step.FromAd, step.ToAd, kind) : null,
                    step.Weight,
                    step.IsHub));
            }

            return (path.Linked, nodes, steps, path.Explanation);
        }

        /// <summary>The stored similarity of the weak link of this kind between two ads (the best one if stored twice).</summary>
        private double? Similarity(int adA, int adB, Core.Graphs.WeakLinkKind kind)
        {
            double? best = null;
            foreach (var link in WeakLinks)
            {
                if (link.Kind == kind && ((link.AdA == adA && link.AdB == adB) || (link.AdA == adB && link.AdB == adA)) && (best is null || link.Similarity > best))
                {
                    best = link.Similarity;
                }
            }

            return best;
        }
    }

    /// <summary>One hop of an explained path for the API: ad row IDs, the shared identifier's row ID (null for a weak link),
    /// the kind (<c>identifier</c>, <c>similar_image</c>, <c>similar_text</c>, as the graph exports name weak edges), the
    /// label, the weak link's similarity (null for an identifier), the clustering weight and whether the identifier is a hub.</summary>
    internal sealed record PathStep(long From, long To, long? Entity, string Kind, string Via, double? Similarity, double Weight, bool Hub);
}
