using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>The shortest chain ad → entity → ad … linking two ads of a fragment: the evidence that puts them together.</summary>
/// <remarks>
/// Breadth-first over the bipartite ad-entity links, neighbours in ID order so the answer is deterministic. Paths that avoid
/// hub entities are preferred; a hub is used only when no other path exists. TODO(#8): use Core's cluster explainer once merged.
/// </remarks>
internal static class EvidencePathFinder
{
    public static IReadOnlyList<string>? Find(GraphFragment fragment, long fromAd, long toAd, int hubThreshold)
    {
        var hubs = fragment.Entities.Where(e => e.Clusters > hubThreshold).Select(e => e.Id).ToHashSet();
        return Bfs(fragment, fromAd, toAd, hubs) ?? (hubs.Count > 0 ? Bfs(fragment, fromAd, toAd, []) : null);
    }

    private static List<string>? Bfs(GraphFragment fragment, long fromAd, long toAd, HashSet<long> skip)
    {
        var adj = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (ad, entity) in fragment.Links.Where(l => !skip.Contains(l.Entity)).OrderBy(l => l.Ad).ThenBy(l => l.Entity))
        {
            string a = "a:" + ad, e = "e:" + entity;
            (adj.TryGetValue(a, out var la) ? la : adj[a] = []).Add(e);
            (adj.TryGetValue(e, out var le) ? le : adj[e] = []).Add(a);
        }

        string start = "a:" + fromAd, goal = "a:" + toAd;
        if (!adj.ContainsKey(start) || !adj.ContainsKey(goal))
        {
            return start == goal ? [start] : null;
        }

        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [start] = start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            if (node == goal)
            {
                var path = new List<string> { goal };
                while (path[^1] != start)
                {
                    path.Add(previous[path[^1]]);
                }

                path.Reverse();
                return path;
            }

            foreach (var next in adj[node])
            {
                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
