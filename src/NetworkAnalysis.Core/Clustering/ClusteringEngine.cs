using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>The linking and clustering facade: hub-aware components, split by weighted Leiden, with cohesion and bridges.</summary>
/// <remarks>
/// Stages, in order: CSR graph → hub detection (<see cref="HubDetector"/>) → entity weights → union-find over strong
/// non-hub identifiers and joining weak links → per component, cohesion; components that are too large or too loosely
/// knit are offered to Leiden (<see cref="ComponentSplitter"/>) → per cluster, cohesion and bridges → stable IDs.
/// Hubs never merge clusters. Deterministic: same input and options give the same result.
/// </remarks>
public static partial class ClusteringEngine
{
    /// <summary>Reuse hook for incremental runs: the parts of a component, or null to compute them.</summary>
    /// <remarks><paramref name="cohesion"/>: each part's stored cohesion, or null to compute cohesion and bridges.</remarks>
    internal delegate List<int[]>? ComponentReuse(ReadOnlySpan<int> componentAds, out double[]? cohesion);

    /// <summary>Clusters the ads of <paramref name="incidence"/>.</summary>
    /// <param name="incidence">Ads, entities and their links.</param>
    /// <param name="weakLinks">Near-duplicate ad pairs from the image and text detectors (may be empty).</param>
    /// <param name="options">Thresholds, weights and Leiden settings.</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult Run(AdEntityIncidence incidence, IReadOnlyList<WeakLink> weakLinks, ClusteringOptions options, CancellationToken ct = default)
        => RunCore(incidence, weakLinks, options, null, null, ct);

    /// <summary>Clusters the ads of <paramref name="incidence"/>, honouring analyst <paramref name="decisions"/>.</summary>
    /// <param name="incidence">Ads, entities and their links.</param>
    /// <param name="weakLinks">Near-duplicate ad pairs from the image and text detectors (may be empty).</param>
    /// <param name="options">Thresholds, weights and Leiden settings.</param>
    /// <param name="decisions">Hubs, never-hubs, must-link groups and separations (see <see cref="ClusteringDecisions"/>).</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult RunWithDecisions(AdEntityIncidence incidence, IReadOnlyList<WeakLink> weakLinks, ClusteringOptions options, ClusteringDecisions? decisions, CancellationToken ct = default)
        => RunCore(incidence, weakLinks, options, null, decisions, ct);

    internal static ClusteringResult RunCore(AdEntityIncidence incidence, IReadOnlyList<WeakLink> weakLinks, ClusteringOptions options, ComponentReuse? reuse, ClusteringDecisions? decisions, CancellationToken ct,
        Action<HubReport>? hubsKnown = null)
    {
        ArgumentNullException.ThrowIfNull(incidence);
        ArgumentNullException.ThrowIfNull(weakLinks);
        ArgumentNullException.ThrowIfNull(options);
        var graph = BipartiteGraph.Build(incidence, ct);
        var hubs = HubDetector.Detect(graph, options.Hubs, decisions, out var uf, ct);
        hubsKnown?.Invoke(hubs);
        var weights = EntityWeights.Compute(graph, hubs, options.StrongWeight);
        var weak = new WeakLinkIndex(graph.AdCount, weakLinks);
        var joining = 0;
        foreach (var link in weakLinks)
        {
            if (link.Similarity >= options.WeakJoinSimilarity && (options.TextJoins || link.Kind != WeakLinkKind.TextNearDuplicate))
            {
                uf.Union(link.AdA, link.AdB);
                joining++;
            }
        }

        var constraints = DecisionConstraints.Create(graph, hubs, weak, options, decisions);
        constraints?.Join(uf);
        var (componentStart, members) = GroupComponents(uf, ct);
        var analyzer = new CohesionAnalyzer(graph, weights, weak, options.WeakJoinSimilarity, options.TextJoins);
        var splitter = new ComponentSplitter(graph, weights, weak, options);
        var builder = new ClusterAssembler(incidence.AdKeys);
        int considered = 0, split = 0, reused = 0;
        for (var c = 0; c + 1 < componentStart.Length; c++)
        {
            if ((c & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var ads = members.AsSpan(componentStart[c], componentStart[c + 1] - componentStart[c]);
            var componentId = builder.IdOf(ads);
            if (ads.Length > 1 && reuse is not null && reuse(ads, out var storedCohesion) is { } previous)
            {
                reused++;
                if (storedCohesion is null)
                {
                    AddParts(builder, analyzer, previous, componentId, options);
                }
                else
                {
                    for (var p = 0; p < previous.Count; p++)
                    {
                        builder.Add(previous[p], componentId, storedCohesion[p], []);
                    }
                }

                continue;
            }

            if (constraints?.Separate(ads) is { } pieces)
            {
                foreach (var piece in pieces)
                {
                    Place(piece, componentId);
                }

                continue;
            }

            Place(ads, componentId);
        }

        var (clusters, adCluster) = builder.Build();

        // One piece of a component: kept whole, or split by Leiden when too large or too loose (must-link groups rejoined).
        void Place(ReadOnlySpan<int> ads, string componentId)
        {
            var (cohesion, bridges) = analyzer.Analyze(ads, options.MaxBridgesPerCluster);
            // A split keeps only parts of at least MinPartSize ads, so smaller components cannot split: skip Leiden.
            if (ads.Length >= Math.Max(options.SplitMinSize, 2 * options.MinPartSize) && (ads.Length > options.MaxClusterSize || cohesion < options.MinCohesion))
            {
                considered++;
                if (splitter.Split(ads, ct) is { } parts)
                {
                    var kept = constraints?.Rejoin(parts) ?? parts;
                    if (kept.Count > 1)
                    {
                        split++;
                        AddParts(builder, analyzer, kept, componentId, options);
                        return;
                    }
                }
            }

            builder.Add(ads, componentId, cohesion, bridges);
        }

        return new ClusteringResult(clusters, adCluster)
        {
            Hubs = hubs,
            Weights = weights,
            Graph = graph,
            Statistics = new ClusteringStatistics
            {
                Components = componentStart.Length - 1,
                ComponentsConsidered = considered,
                ComponentsSplit = split,
                ComponentsReused = reused,
                WeakLinksJoining = joining,
            },
        };
    }

    private static void AddParts(ClusterAssembler builder, CohesionAnalyzer analyzer, List<int[]> parts, string componentId, ClusteringOptions options)
    {
        foreach (var part in parts)
        {
            var (cohesion, bridges) = analyzer.Analyze(part, options.MaxBridgesPerCluster);
            builder.Add(part, componentId, cohesion, bridges);
        }
    }

    /// <summary>Ads grouped by union-find root: components in order of their smallest ad, members ascending.</summary>
    private static (int[] Start, int[] Members) GroupComponents(UnionFind uf, CancellationToken ct)
    {
        var n = uf.Count;
        var componentOfRoot = new int[n];
        Array.Fill(componentOfRoot, -1);
        var componentOfAd = new int[n];
        var count = 0;
        for (var a = 0; a < n; a++)
        {
            ref var c = ref componentOfRoot[uf.Find(a)];
            if (c < 0)
            {
                c = count++;
            }

            componentOfAd[a] = c;
        }

        ct.ThrowIfCancellationRequested();
        var start = new int[count + 1];
        foreach (var c in componentOfAd)
        {
            start[c + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            start[c + 1] += start[c];
        }

        var members = new int[n];
        var cursor = (int[])start.Clone();
        for (var a = 0; a < n; a++)
        {
            members[cursor[componentOfAd[a]]++] = a;
        }

        return (start, members);
    }
}
