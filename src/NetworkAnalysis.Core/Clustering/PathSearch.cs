using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Dijkstra over ads (0..A-1) and entities (A..A+E-1) plus weak links, for <see cref="EvidenceExplainer"/>.</summary>
internal sealed class PathSearch(BipartiteGraph graph, EntityWeights weights, HubReport hubs, WeakLinkIndex weak, ClusteringOptions options, int maxVisited)
{
    public List<EvidenceStep>? Find(int from, int to, EvidenceExplainer.Allow allow)
    {
        var ads = graph.AdCount;
        var dist = new Dictionary<int, double> { [from] = 0 };
        var back = new Dictionary<int, (int Prev, int WeakLink)>();
        var queue = new PriorityQueue<int, (double, int)>();
        queue.Enqueue(from, (0, from));
        var done = new HashSet<int>();
        while (queue.TryDequeue(out var node, out var priority))
        {
            if (!done.Add(node))
            {
                continue;
            }

            if (node == to)
            {
                return Steps(from, to, back);
            }

            if (done.Count > maxVisited)
            {
                return null;
            }

            var d = priority.Item1;
            if (node < ads)
            {
                foreach (var e in graph.EntitiesOf(node))
                {
                    var w = EntityWeight(e, allow);
                    if (w > 0)
                    {
                        Relax(ads + e, d + (0.5 / w), node, -1);
                    }
                }

                foreach (var link in weak.LinksOf(node))
                {
                    var w = options.WeakWeight * weak.Links[link].Similarity;
                    if (w > 0)
                    {
                        Relax(weak.Other(link, node), d + (1 / w), node, link);
                    }
                }
            }
            else
            {
                var w = EntityWeight(node - ads, allow);
                foreach (var a in graph.AdsOf(node - ads))
                {
                    Relax(a, d + (0.5 / w), node, -1);
                }
            }
        }

        return null;

        void Relax(int next, double cost, int prev, int link)
        {
            if (!done.Contains(next) && (!dist.TryGetValue(next, out var old) || cost < old))
            {
                dist[next] = cost;
                back[next] = (prev, link);
                queue.Enqueue(next, (cost, next));
            }
        }
    }

    private double EntityWeight(int e, EvidenceExplainer.Allow allow)
    {
        if (weights.Weight[e] > 0)
        {
            return weights.Weight[e];
        }

        var degreeWeight = options.StrongWeight / (1 + Math.Log(Math.Max(1, graph.EntityDegree(e))));
        return allow switch
        {
            EvidenceExplainer.Allow.Linking => 0,
            EvidenceExplainer.Allow.Hubs => hubs.IsHub(e) ? degreeWeight : 0,
            EvidenceExplainer.Allow.Everything => degreeWeight,
            _ => throw new ArgumentOutOfRangeException(nameof(allow), allow, null),
        };
    }

    private List<EvidenceStep> Steps(int from, int to, Dictionary<int, (int Prev, int WeakLink)> back)
    {
        var ads = graph.AdCount;
        var steps = new List<EvidenceStep>();
        var node = to;
        while (node != from)
        {
            var (prev, link) = back[node];
            if (link >= 0)
            {
                var l = weak.Links[link];
                steps.Add(new EvidenceStep(prev, node, null, $"{(l.Kind == WeakLinkKind.TextNearDuplicate ? "near-duplicate text" : "near-duplicate image")} (similarity {l.Similarity:F2})", l.Kind, options.WeakWeight * l.Similarity, false));
                node = prev;
                continue;
            }

            // node is an ad reached through entity prev, which was reached from ad back[prev].Prev.
            var entity = prev - ads;
            var before = back[prev].Prev;
            steps.Add(new EvidenceStep(before, node, entity, graph.EntityLabel(entity), null, EntityWeight(entity, EvidenceExplainer.Allow.Everything), hubs.IsHub(entity)));
            node = before;
        }

        steps.Reverse();
        return steps;
    }
}
