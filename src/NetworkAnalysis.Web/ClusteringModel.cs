using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web;

/// <summary>The clustering engine's view of the case (hub verdicts, evidence paths), computed once per server, on first need.</summary>
/// <remarks>Loading the snapshot and running the engine takes seconds on a large case, so start-up begins it in the background
/// and callers that cannot wait use <see cref="TryGet"/>. Ads added after the server started are not in it.</remarks>
internal sealed class ClusteringModel(CaseStorePool pool)
{
    private readonly Lazy<Task<Model>> _model = new(() => Task.Run(() => Build(pool)));

    public void Start() => _ = _model.Value;

    public Task<Model> GetAsync() => _model.Value;

    public Model? TryGet() => _model.IsValueCreated && _model.Value.IsCompletedSuccessfully ? _model.Value.Result : null;

    private static Model Build(CaseStorePool pool)
    {
        using var lease = pool.Rent();
        var snapshot = lease.Store.LoadSnapshot();
        var options = new ClusteringOptions { TextJoins = new Core.Similarity.NearDuplicateOptions().TextJoins };
        // Weak links (near-duplicate photos/text) stored by the last analysis, so explained paths can use them.
        var weak = lease.Store.LoadWeakLinks(snapshot);
        var result = ClusteringEngine.Run(snapshot.Incidence, weak, options);
        var adIndex = new Dictionary<long, int>(snapshot.AdRowIds.Length);
        for (var i = 0; i < snapshot.AdRowIds.Length; i++)
        {
            adIndex[snapshot.AdRowIds[i]] = i;
        }

        var hubs = new HashSet<long>();
        if (result.Hubs is { } report)
        {
            for (var e = 0; e < snapshot.EntityRowIds.Length; e++)
            {
                if (report.IsHub(e))
                {
                    hubs.Add(snapshot.EntityRowIds[e]);
                }
            }
        }

        return new Model(snapshot, result, options, adIndex, hubs, weak);
    }

    /// <summary>The engine's result with the row-ID maps the endpoints need.</summary>
    internal sealed record Model(CaseSnapshot Snapshot, ClusteringResult Result, ClusteringOptions Options, Dictionary<long, int> AdIndex,
        HashSet<long> HubEntities, IReadOnlyList<Core.Graphs.WeakLink> WeakLinks)
    {
        /// <summary>The engine's evidence path between two ads as graph node IDs and steps, or null when either ad is unknown to it.</summary>
        public (bool Linked, IReadOnlyList<string> Nodes, IReadOnlyList<PathStep> Steps, string Explanation)? Explain(long fromAd, long toAd)
        {
            if (!AdIndex.TryGetValue(fromAd, out var a) || !AdIndex.TryGetValue(toAd, out var b))
            {
                return null;
            }

            var path = EvidenceExplainer.Explain(Result, WeakLinks, a, b, Options);
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
