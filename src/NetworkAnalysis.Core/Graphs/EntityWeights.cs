namespace NetworkAnalysis.Core.Graphs;

/// <summary>How specific each entity is, and the weight its links carry.</summary>
/// <remarks>
/// <see cref="Idf"/> is the classic ln(ads / (ads mentioning it)), reported for ranking and display.
/// <see cref="Weight"/> is what clustering uses: type weight × 1 / (1 + ln degree) × 1 / max(1, groups joined),
/// in (0, 1] for strong types, 0 for hubs and non-linking types. It deliberately does not depend on the total
/// number of ads, so adding unrelated ads never changes the weights inside an untouched component (which is what
/// lets incremental clustering reuse it).
/// </remarks>
public sealed class EntityWeights
{
    internal EntityWeights(double[] idf, double[] weight)
    {
        Idf = idf;
        Weight = weight;
    }

    /// <summary>ln(total ads / ads mentioning the entity), by dense entity index.</summary>
    public IReadOnlyList<double> Idf { get; }

    /// <summary>Link weight by dense entity index; 0 when the entity must not link.</summary>
    public IReadOnlyList<double> Weight { get; }

    /// <summary>Computes the weights of every entity.</summary>
    /// <param name="graph">The ad–entity graph.</param>
    /// <param name="hubs">Hub verdicts (hubs get weight 0).</param>
    /// <param name="strongWeight">Type weight of strong-link entities.</param>
    public static EntityWeights Compute(BipartiteGraph graph, HubReport hubs, double strongWeight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(hubs);
        var n = graph.EntityCount;
        var idf = new double[n];
        var weight = new double[n];
        var ads = Math.Max(1, graph.AdCount);
        for (var e = 0; e < n; e++)
        {
            var d = Math.Max(1, graph.EntityDegree(e));
            idf[e] = Math.Log((double)ads / d);
            if (hubs.IsHub(e) || !Extraction.EntityTypeNames.IsStrongLink(graph.EntityType(e)))
            {
                continue;
            }

            weight[e] = strongWeight / (1 + Math.Log(d)) / Math.Max(1, hubs.GroupsJoined[e]);
        }

        return new EntityWeights(idf, weight);
    }
}
