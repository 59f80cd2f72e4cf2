using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Graphs;

/// <summary>Finds generic identifiers (booking lines, stock photos, agency e-mails) that must not merge clusters.</summary>
/// <remarks>
/// The rule entity-resolution systems use: a value shared by more than N otherwise-separate groups stops
/// resolving. Strong-link entities are visited from most to least specific (fewest ads first, ties by index) and
/// merged into a union-find; before merging an entity we count the distinct groups of two or more ads its ads
/// already belong to. More than <see cref="HubOptions.MaxGroups"/> such groups, or more than
/// <see cref="HubOptions.MaxAdDegree"/> ads, makes it a hub and it is not merged. Singletons do not count as
/// groups: a ring's own phone first seen on 20 otherwise-unlinked ads joins nothing that was already resolved.
/// O(links · α) time, three int arrays of memory; deterministic.
/// </remarks>
public static class HubDetector
{
    /// <summary>Judges every strong-link entity of <paramref name="graph"/>.</summary>
    public static HubReport Detect(BipartiteGraph graph, HubOptions options, CancellationToken ct = default)
        => Detect(graph, options, out _, ct);

    /// <summary>As <see cref="Detect(BipartiteGraph, HubOptions, CancellationToken)"/>; also returns the union-find of the strong non-hub components.</summary>
    internal static HubReport Detect(BipartiteGraph graph, HubOptions options, out UnionFind components, CancellationToken ct)
        => Detect(graph, options, null, out components, ct);

    /// <summary>
    /// As <see cref="Detect(BipartiteGraph, HubOptions, CancellationToken)"/>, honouring analyst decisions: a decided hub
    /// never merges (<see cref="HubReason.Decided"/>), a decided never-hub always merges whatever its counts.
    /// </summary>
    internal static HubReport Detect(BipartiteGraph graph, HubOptions options, Clustering.ClusteringDecisions? decisions, out UnionFind components, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAdDegree, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxGroups);
        var entityCount = graph.EntityCount;
        var order = OrderBySpecificity(graph);
        var uf = new UnionFind(graph.AdCount);
        var stamp = new int[graph.AdCount];
        Array.Fill(stamp, -1);
        var isHub = new bool[entityCount];
        var groups = new int[entityCount];
        var hubs = new List<HubVerdict>();
        var types = graph.Incidence.EntityTypes;
        var forced = Flags(entityCount, decisions?.Hubs);
        var never = Flags(entityCount, decisions?.NeverHubs);
        for (var k = 0; k < order.Length; k++)
        {
            if ((k & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var e = order[k];
            var ads = graph.AdsOf(e);
            if (ads.Length < 2 || !types[e].IsStrongLink())
            {
                continue;
            }

            var count = 0;
            foreach (var a in ads)
            {
                var r = uf.Find(a);
                if (stamp[r] != e && uf.SizeOf(r) >= 2)
                {
                    stamp[r] = e;
                    count++;
                }
            }

            groups[e] = count;
            HubReason? reason = forced?[e] == true ? HubReason.Decided
                : never?[e] == true ? null
                : ads.Length > options.MaxAdDegree ? HubReason.TooManyAds
                : count > options.MaxGroups ? HubReason.TooManyGroups
                : null;
            if (reason is { } why)
            {
                isHub[e] = true;
                hubs.Add(new HubVerdict(e, types[e], graph.Incidence.EntityValues[e], ads.Length, count, why));
                continue;
            }

            var first = ads[0];
            for (var i = 1; i < ads.Length; i++)
            {
                uf.Union(first, ads[i]);
            }
        }

        hubs.Sort((x, y) => x.AdCount != y.AdCount ? y.AdCount.CompareTo(x.AdCount) : x.Entity.CompareTo(y.Entity));
        components = uf;
        return new HubReport(options, isHub, groups, hubs);
    }

    private static bool[]? Flags(int count, IReadOnlyCollection<int>? indexes)
    {
        if (indexes is not { Count: > 0 })
        {
            return null;
        }

        var flags = new bool[count];
        foreach (var i in indexes)
        {
            if ((uint)i < (uint)count)
            {
                flags[i] = true;
            }
        }

        return flags;
    }

    /// <summary>Entity indexes by ascending degree, ties by index (a stable counting sort).</summary>
    private static int[] OrderBySpecificity(BipartiteGraph graph)
    {
        var n = graph.EntityCount;
        var maxDegree = 0;
        for (var e = 0; e < n; e++)
        {
            maxDegree = Math.Max(maxDegree, graph.EntityDegree(e));
        }

        var start = new int[maxDegree + 2];
        for (var e = 0; e < n; e++)
        {
            start[graph.EntityDegree(e) + 1]++;
        }

        for (var d = 0; d <= maxDegree; d++)
        {
            start[d + 1] += start[d];
        }

        var order = new int[n];
        for (var e = 0; e < n; e++)
        {
            order[start[graph.EntityDegree(e)]++] = e;
        }

        return order;
    }
}
