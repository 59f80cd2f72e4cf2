using System.Collections.Concurrent;
using NetworkAnalysis.Reporting.Layout;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>Server-side positions for large cluster graphs (ForceAtlas2 over ads and identifiers), so the browser only places them.</summary>
/// <remarks>
/// Cytoscape's own force layout cost seconds on 2,000 nodes in the browser; ForceAtlas2 with Barnes-Hut runs here in a
/// fraction of that and the page uses a <c>preset</c> layout. Results are cached per cluster and ad limit (the case does not
/// change under a running workbench except by ingest, which adds ads but does not re-cluster until <c>netan analyze</c>).
/// </remarks>
internal sealed class GraphLayouts
{
    /// <summary>Graphs with fewer nodes are laid out in the browser (cose is quick and nicer to watch at that size).</summary>
    public const int MinNodes = 300;

    private const int CacheEntries = 64;

    private readonly ConcurrentDictionary<(string Cluster, int MaxAds, int Ads), Positions> _cache = new();

    /// <summary>Positions keyed by graph node ID (<c>a:</c> row ID for ads, <c>e:</c> row ID for entities), in pixels.</summary>
    internal sealed record Positions(IReadOnlyDictionary<string, (int X, int Y)> ById);

    /// <summary>Positions for the fragment, or null when it is small enough for the browser to lay out itself.</summary>
    public Positions? For(string clusterId, int maxAds, GraphFragment fragment)
    {
        if (fragment.Ads.Count + fragment.Entities.Count < MinNodes)
        {
            return null;
        }

        var key = (clusterId, maxAds, fragment.Ads.Count);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var positions = Compute(fragment);
        if (_cache.Count >= CacheEntries)
        {
            _cache.Clear();
        }

        _cache[key] = positions;
        return positions;
    }

    /// <summary>ForceAtlas2 over the bipartite ad-identifier graph, fitted to a square whose side grows with √n.</summary>
    internal static Positions Compute(GraphFragment fragment)
    {
        var index = new Dictionary<string, int>(fragment.Ads.Count + fragment.Entities.Count);
        foreach (var a in fragment.Ads)
        {
            index["a:" + a.Id] = index.Count;
        }

        foreach (var e in fragment.Entities)
        {
            index["e:" + e.Id] = index.Count;
        }

        var edges = new List<(int, int, double)>(fragment.Links.Count);
        foreach (var (ad, entity) in fragment.Links)
        {
            if (index.TryGetValue("a:" + ad, out var s) && index.TryGetValue("e:" + entity, out var t))
            {
                edges.Add((s, t, 1.0));
            }
        }

        var n = index.Count;
        // 100 iterations settle a graph of this size well enough to read; the default 200 doubles the cost for little change.
        var result = ForceAtlas2Layout.Compute(new LayoutGraph(n, edges), new ForceAtlas2Options { Seed = 7, Iterations = 100 });
        var side = Math.Max(400, Math.Sqrt(n) * 36);
        var (x, y) = result.FitTo(side, side, 20);
        var byId = new Dictionary<string, (int, int)>(n);
        foreach (var (id, i) in index)
        {
            byId[id] = ((int)Math.Round(x[i]), (int)Math.Round(y[i]));
        }

        return new Positions(byId);
    }
}
