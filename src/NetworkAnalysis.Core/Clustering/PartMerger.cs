using NetworkAnalysis.Core.Clustering.Leiden;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Keeps only the significant parts of a Leiden split of one component.</summary>
/// <remarks>
/// Leiden on a single poster network will still propose parts (modularity always rewards some split of a
/// non-clique). A part stands on its own only if it has at least <c>minPartSize</c> ads and its conductance
/// (weight leaving it / its volume) is at most <c>maxConductance</c>: a thin attachment, like two rings joined by
/// one recycled phone. Otherwise it is merged into the part it is most strongly connected to, worst part first,
/// until every remaining part qualifies. Parts are few, so the quadratic pair table is cheap.
/// </remarks>
internal static class PartMerger
{
    public static int[] Merge(WeightedGraph graph, int[] membership, int parts, int adNodes, int minPartSize, double maxConductance)
    {
        var label = (int[])membership.Clone();
        if (parts <= 1)
        {
            return label;
        }

        var volume = new double[parts];
        var ads = new int[parts];
        var between = new Dictionary<(int, int), double>();
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var cu = label[u];
            if (u < adNodes)
            {
                ads[cu]++;
            }

            for (var k = graph.Offsets[u]; k < graph.Offsets[u + 1]; k++)
            {
                volume[cu] += graph.Weights[k];
                var cv = label[graph.Targets[k]];
                if (cv != cu)
                {
                    between[(cu, cv)] = between.GetValueOrDefault((cu, cv)) + graph.Weights[k];
                }
            }
        }

        var parent = new int[parts];
        for (var c = 0; c < parts; c++)
        {
            parent[c] = c;
        }

        var alive = new bool[parts];
        Array.Fill(alive, true);
        while (true)
        {
            var worst = -1;
            var worstScore = double.NegativeInfinity;
            var aliveCount = 0;
            for (var c = 0; c < parts; c++)
            {
                if (!alive[c])
                {
                    continue;
                }

                aliveCount++;
                var cut = Cut(between, c);
                var conductance = volume[c] == 0 ? 1 : cut / volume[c];
                // Too small ranks above any conductance; among the rest, the leakiest goes first.
                var score = ads[c] < minPartSize ? 2 + (1.0 / (1 + ads[c])) : conductance;
                if ((ads[c] < minPartSize || conductance > maxConductance) && score > worstScore && cut > 0)
                {
                    worst = c;
                    worstScore = score;
                }
            }

            if (worst < 0 || aliveCount <= 1)
            {
                break;
            }

            var target = -1;
            var best = 0.0;
            foreach (var ((a, b), w) in between)
            {
                if (a == worst && (w > best || (w == best && b < target)))
                {
                    target = b;
                    best = w;
                }
            }

            Join(between, volume, ads, alive, parent, worst, target);
        }

        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            while (parent[c] != c)
            {
                c = parent[c];
            }

            label[i] = c;
        }

        return label;
    }

    private static double Cut(Dictionary<(int, int), double> between, int c)
    {
        var cut = 0.0;
        foreach (var ((a, _), w) in between)
        {
            if (a == c)
            {
                cut += w;
            }
        }

        return cut;
    }

    /// <summary>Merges part <paramref name="from"/> into <paramref name="into"/>, moving its connections.</summary>
    private static void Join(Dictionary<(int, int), double> between, double[] volume, int[] ads, bool[] alive, int[] parent, int from, int into)
    {
        volume[into] += volume[from];
        ads[into] += ads[from];
        alive[from] = false;
        parent[from] = into;
        foreach (var ((a, b), w) in between.ToList())
        {
            if (a != from && b != from)
            {
                continue;
            }

            between.Remove((a, b));
            var (x, y) = (a == from ? into : a, b == from ? into : b);
            if (x != y)
            {
                between[(x, y)] = between.GetValueOrDefault((x, y)) + w;
            }
        }
    }
}
