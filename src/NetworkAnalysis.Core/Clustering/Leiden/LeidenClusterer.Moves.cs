namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>Fast local moving and refinement.</summary>
public static partial class LeidenClusterer
{
    /// <summary>Queue-based local moving: each node moves to the neighbouring community with the largest gain.</summary>
    private static void MoveNodesFast(WeightedGraph g, double[] nodeWeight, double penalty, int[] community, Random rng)
    {
        var n = g.NodeCount;
        var communityWeight = new double[n];
        var communityCount = new int[n];
        for (var u = 0; u < n; u++)
        {
            communityWeight[community[u]] += nodeWeight[u];
            communityCount[community[u]]++;
        }

        var empty = new Stack<int>();
        for (var c = n - 1; c >= 0; c--)
        {
            if (communityCount[c] == 0)
            {
                empty.Push(c);
            }
        }

        var queue = new int[n];
        for (var i = 0; i < n; i++)
        {
            queue[i] = i;
        }

        Shuffle(queue, rng);
        var inQueue = new bool[n];
        Array.Fill(inQueue, true);
        int head = 0, length = n;
        var toCommunity = new double[n];
        var seen = new int[n];
        var touched = new List<int>();
        while (length > 0)
        {
            var v = queue[head];
            head = (head + 1) % n;
            length--;
            inQueue[v] = false;
            var current = community[v];
            touched.Clear();
            for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
            {
                var u = g.Targets[k];
                if (u == v)
                {
                    continue;
                }

                var c = community[u];
                if (seen[c] == 0)
                {
                    seen[c] = 1;
                    touched.Add(c);
                }

                toCommunity[c] += g.Weights[k];
            }

            communityWeight[current] -= nodeWeight[v];
            communityCount[current]--;
            var best = current;
            var bestGain = toCommunity[current] - (penalty * nodeWeight[v] * communityWeight[current]);
            foreach (var c in touched)
            {
                var gain = toCommunity[c] - (penalty * nodeWeight[v] * communityWeight[c]);
                if (gain > bestGain)
                {
                    best = c;
                    bestGain = gain;
                }
            }

            if (bestGain < 0 && communityCount[current] > 0)
            {
                // Alone in a fresh community the gain is 0, better than every negative option.
                while (communityCount[empty.Peek()] > 0)
                {
                    empty.Pop();
                }

                best = empty.Pop();
            }

            foreach (var c in touched)
            {
                toCommunity[c] = 0;
                seen[c] = 0;
            }

            communityWeight[best] += nodeWeight[v];
            communityCount[best]++;
            community[v] = best;
            if (communityCount[current] == 0)
            {
                empty.Push(current);
            }

            if (best == current)
            {
                continue;
            }

            for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
            {
                var u = g.Targets[k];
                if (!inQueue[u] && community[u] != best)
                {
                    inQueue[u] = true;
                    queue[(head + length) % n] = u;
                    length++;
                }
            }
        }
    }

    /// <summary>Refines each community into well-connected sub-communities by merging singletons (randomised, θ).</summary>
    private static int[] Refine(WeightedGraph g, double[] nodeWeight, double penalty, int[] community, int communities, double theta, Random rng)
    {
        var n = g.NodeCount;
        var refined = new int[n];
        var refinedWeight = new double[n];
        var external = new double[n]; // weight from refined community r to the rest of its community
        var singleton = new bool[n];
        var communityWeight = new double[communities];
        for (var u = 0; u < n; u++)
        {
            refined[u] = u;
            refinedWeight[u] = nodeWeight[u];
            singleton[u] = true;
            communityWeight[community[u]] += nodeWeight[u];
            for (var k = g.Offsets[u]; k < g.Offsets[u + 1]; k++)
            {
                var t = g.Targets[k];
                if (t != u && community[t] == community[u])
                {
                    external[u] += g.Weights[k];
                }
            }
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Shuffle(order, rng);
        var toRefined = new double[n];
        var seen = new bool[n];
        var candidates = new List<int>();
        var chance = new List<double>();
        var viable = new List<(int R, double Gain)>();
        foreach (var v in order)
        {
            var c = community[v];
            var totalC = communityWeight[c];
            if (!singleton[v] || external[v] < penalty * nodeWeight[v] * (totalC - nodeWeight[v]))
            {
                continue;
            }

            candidates.Clear();
            for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
            {
                var u = g.Targets[k];
                if (u == v || community[u] != c)
                {
                    continue;
                }

                var r = refined[u];
                if (!seen[r])
                {
                    seen[r] = true;
                    candidates.Add(r);
                }

                toRefined[r] += g.Weights[k];
            }

            var own = refined[v];
            chance.Clear();
            var bestGain = 0.0;
            var pick = own;
            viable.Clear();
            foreach (var r in candidates)
            {
                if (r == own || external[r] < penalty * refinedWeight[r] * (totalC - refinedWeight[r]))
                {
                    continue;
                }

                var gain = toRefined[r] - (penalty * nodeWeight[v] * refinedWeight[r]);
                if (gain >= 0)
                {
                    viable.Add((r, gain));
                    bestGain = Math.Max(bestGain, gain);
                }
            }

            if (viable.Count > 0)
            {
                // P(r) ∝ exp(gain / θ), shifted by the best gain to stay finite.
                var sum = 0.0;
                foreach (var (_, gain) in viable)
                {
                    var p = Math.Exp((gain - bestGain) / theta);
                    chance.Add(p);
                    sum += p;
                }

                var x = rng.NextDouble() * sum;
                pick = viable[^1].R;
                for (var i = 0; i < viable.Count; i++)
                {
                    x -= chance[i];
                    if (x <= 0)
                    {
                        pick = viable[i].R;
                        break;
                    }
                }
            }

            if (pick != own)
            {
                var w = toRefined[pick];
                external[pick] = external[pick] + external[v] - (2 * w);
                refinedWeight[pick] += nodeWeight[v];
                refinedWeight[own] = 0;
                refined[v] = pick;
                singleton[v] = false;
                for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
                {
                    var u = g.Targets[k];
                    if (refined[u] == pick)
                    {
                        singleton[u] = false;
                    }
                }
            }

            foreach (var r in candidates)
            {
                toRefined[r] = 0;
                seen[r] = false;
            }
        }

        return refined;
    }

    private static void Shuffle(int[] items, Random rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
