namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>Aggregation: one node per refined community.</summary>
public static partial class LeidenClusterer
{
    /// <summary>Collapses each refined community into one node; entries between communities are summed.</summary>
    private static (WeightedGraph Graph, double[] NodeWeight) Aggregate(WeightedGraph g, double[] nodeWeight, int[] refined, int count, Workspace ws)
    {
        var n = g.NodeCount;
        var weight = new double[count];
        var memberStart = new int[count + 1];
        for (var u = 0; u < n; u++)
        {
            weight[refined[u]] += nodeWeight[u];
            memberStart[refined[u] + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            memberStart[c + 1] += memberStart[c];
        }

        var members = new int[n];
        var cursor = (int[])memberStart.Clone();
        for (var u = 0; u < n; u++)
        {
            members[cursor[refined[u]]++] = u;
        }

        var offsets = new int[count + 1];
        var targets = new int[g.EntryCount];
        var weights = new double[g.EntryCount];
        var write = 0;
        var acc = ws.Accumulator;
        var touched = ws.Touched;
        for (var c = 0; c < count; c++)
        {
            touched.Clear();
            for (var m = memberStart[c]; m < memberStart[c + 1]; m++)
            {
                var u = members[m];
                for (var k = g.Offsets[u]; k < g.Offsets[u + 1]; k++)
                {
                    var d = refined[g.Targets[k]];
                    if (acc[d] == 0)
                    {
                        touched.Add(d);
                    }

                    acc[d] += g.Weights[k];
                }
            }

            touched.Sort();
            foreach (var d in touched)
            {
                targets[write] = d;
                weights[write++] = acc[d];
                acc[d] = 0;
            }

            offsets[c + 1] = write;
        }

        Array.Resize(ref targets, write);
        Array.Resize(ref weights, write);
        return (new WeightedGraph(offsets, targets, weights), weight);
    }
}
