namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>Fast local moving and refinement.</summary>
public static partial class LeidenClusterer
{
    private const int ShuffleBlock = 4096;

    /// <summary>
    /// Queue-based local moving: each node moves to the neighbouring community with the largest gain. Starts with the
    /// nodes flagged in <paramref name="dirty"/> (null: every node) shuffled within blocks (<see cref="ShuffleInBlocks"/>); on return <paramref name="dirty"/>
    /// (when given) also flags every node queued or moved. Returns the summed gain of the moves (0 when none moved).
    /// </summary>
    private static double MoveNodesFast(WeightedGraph g, double[] nodeWeight, double penalty, int[] community, bool[]? dirty, Random rng, Workspace ws)
    {
        var n = g.NodeCount;
        var communityWeight = ws.CommunityWeight.AsSpan(0, n);
        var communityCount = ws.CommunityCount.AsSpan(0, n);
        communityWeight.Clear();
        communityCount.Clear();
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

        var queue = ws.Queue;
        var inQueue = ws.InQueue;
        Array.Clear(inQueue, 0, n);
        var length = 0;
        for (var i = 0; i < n; i++)
        {
            if (dirty is null || dirty[i])
            {
                queue[length++] = i;
                inQueue[i] = true;
            }
        }

        ShuffleInBlocks(queue.AsSpan(0, length), rng);
        var head = 0;
        var improvement = 0.0;
        var toCommunity = ws.Accumulator;
        var seen = ws.Seen;
        var touched = ws.Touched;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.Weights;
        while (length > 0)
        {
            var v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            length--;
            inQueue[v] = false;
            var current = community[v];
            touched.Clear();
            var strength = 0.0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var u = targets[k];
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

                toCommunity[c] += weights[k];
                strength += weights[k];
            }

            var wv = nodeWeight[v];
            communityWeight[current] -= wv;
            communityCount[current]--;
            var best = current;
            var stay = toCommunity[current] - (penalty * wv * communityWeight[current]);
            var bestGain = stay;
            foreach (var c in touched)
            {
                var gain = toCommunity[c] - (penalty * wv * communityWeight[c]);
                if (gain > bestGain)
                {
                    best = c;
                    bestGain = gain;
                }
            }

            // A move must beat staying by more than rounding noise, or ties could keep nodes moving forever.
            var epsilon = 1e-12 * (strength + (penalty * wv * wv));
            if (best != current && bestGain <= stay + epsilon)
            {
                best = current;
                bestGain = stay;
            }

            if (bestGain < -epsilon && communityCount[current] > 0)
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

            communityWeight[best] += wv;
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

            improvement += bestGain < -epsilon ? -stay : bestGain - stay; // a fresh community gains 0
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var u = targets[k];
                if (!inQueue[u] && community[u] != best)
                {
                    inQueue[u] = true;
                    queue[head + length < n ? head + length : head + length - n] = u;
                    length++;
                    if (dirty is not null)
                    {
                        dirty[u] = true;
                    }
                }
            }

            if (dirty is not null)
            {
                dirty[v] = true;
            }
        }

        return improvement;
    }

    /// <summary>Refines each community into well-connected sub-communities by merging singletons (randomised, θ).</summary>
    /// <remarks>With <paramref name="refine"/> given, a community none of whose nodes is flagged stays one refined community.</remarks>
    private static int[] Refine(WeightedGraph g, double[] nodeWeight, double penalty, int[] community, int communities, bool[]? refine, double theta, Random rng, Workspace ws)
    {
        var n = g.NodeCount;
        var refined = new int[n];
        var refinedWeight = new double[n];
        var external = new double[n]; // weight from refined community r to the rest of its community
        var singleton = new bool[n];
        var communityWeight = new double[communities];
        int[]? keepWhole = null;
        if (refine is not null)
        {
            // Representative node of each community left whole (-1: refine it).
            keepWhole = new int[communities];
            Array.Fill(keepWhole, -2);
            for (var u = 0; u < n; u++)
            {
                ref var k = ref keepWhole[community[u]];
                if (refine[u])
                {
                    k = -1;
                }
                else if (k == -2)
                {
                    k = u;
                }
            }
        }

        for (var u = 0; u < n; u++)
        {
            if (keepWhole is not null && keepWhole[community[u]] >= 0)
            {
                refined[u] = keepWhole[community[u]];
                communityWeight[community[u]] += nodeWeight[u];
                continue;
            }

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

        var order = ws.Queue;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (keepWhole is null || keepWhole[community[i]] < 0)
            {
                order[count++] = i;
            }
        }

        ShuffleInBlocks(order.AsSpan(0, count), rng);
        var toRefined = ws.Accumulator;
        var seen = ws.InQueue;
        Array.Clear(seen, 0, n);
        var candidates = new List<int>();
        var chance = new List<double>();
        var viable = new List<(int R, double Gain)>();
        foreach (var v in order.AsSpan(0, count))
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

    /// <summary>
    /// Shuffles each run of <see cref="ShuffleBlock"/> consecutive items: a full random order on small graphs (as in the
    /// Leiden paper), and on large ones a random order that stays within a window of nearby nodes, whose rows and
    /// community labels are then in cache (a full shuffle made local moving on a million nodes about five times slower).
    /// </summary>
    private static void ShuffleInBlocks(Span<int> items, Random rng)
    {
        for (var start = 0; start < items.Length; start += ShuffleBlock)
        {
            var block = items.Slice(start, Math.Min(ShuffleBlock, items.Length - start));
            for (var i = block.Length - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (block[i], block[j]) = (block[j], block[i]);
            }
        }
    }
}
