using System.Globalization;
using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Clustering.Leiden;

public sealed class LeidenClustererTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("karate.gml")]
    [InlineData("football.gml")]
    [InlineData("dolphins.gml")]
    [InlineData("polbooks.gml")]
    public void Run_SharedCommunityGraph_ModularityWithinHalfPercentOfIgraph(string name)
    {
        // Given a shared community graph and the best of 20 igraph Leiden runs (igraph-reference.tsv, from reference_leiden.py)
        var path = TestData.Shared("community-graphs/" + name);
        var gml = GmlGraph.Read(path);
        var reference = ReadReference()[name];

        // When
        var result = LeidenClusterer.Run(gml.ToWeightedGraph(), new LeidenOptions { Seed = 1 });

        // Then
        var nmi = Nmi.Compute(gml.Truth, result.Membership.Select(m => m.ToString(CultureInfo.InvariantCulture)).ToArray());
        output.WriteLine($"{name}: modularity {result.Quality:F6} (igraph best {reference.Modularity:F6}), NMI {nmi:F4} (igraph {reference.Nmi:F4}), {result.CommunityCount} communities");
        result.Quality.ShouldBeGreaterThanOrEqualTo(reference.Modularity - 0.005);
        nmi.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Run_TwoCliquesJoinedByOneEdge_FindsTheTwoCliques()
    {
        // Given two 5-cliques joined by the edge 4–5
        var (src, dst) = (new List<int>(), new List<int>());
        foreach (var offset in new[] { 0, 5 })
        {
            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    src.Add(offset + i);
                    dst.Add(offset + j);
                }
            }
        }

        src.Add(4);
        dst.Add(5);
        var graph = WeightedGraph.FromEdges(10, src.ToArray(), dst.ToArray());

        // When
        var result = LeidenClusterer.Run(graph, new LeidenOptions());

        // Then
        result.CommunityCount.ShouldBe(2);
        result.Membership.Take(5).Distinct().Count().ShouldBe(1);
        result.Membership.Skip(5).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void Run_SameSeedTwice_IdenticalMembership()
    {
        // Given a random graph
        var graph = RandomGraph(300, 1500, seed: 7);

        // When
        var a = LeidenClusterer.Run(graph, new LeidenOptions { Seed = 3 });
        var b = LeidenClusterer.Run(graph, new LeidenOptions { Seed = 3 });

        // Then
        a.Membership.ShouldBe(b.Membership);
        a.Quality.ShouldBe(b.Quality);
    }

    [Fact]
    public void Run_RandomGraphs_EveryCommunityIsConnected()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            // Given
            var graph = RandomGraph(200, 400, seed);

            // When
            var result = LeidenClusterer.Run(graph, new LeidenOptions { Seed = seed });

            // Then: a BFS inside each community reaches all its members (Leiden's guarantee)
            for (var c = 0; c < result.CommunityCount; c++)
            {
                var members = Enumerable.Range(0, graph.NodeCount).Where(v => result.Membership[v] == c).ToList();
                var reached = new HashSet<int> { members[0] };
                var queue = new Queue<int>(reached);
                while (queue.Count > 0)
                {
                    var u = queue.Dequeue();
                    for (var k = graph.Offsets[u]; k < graph.Offsets[u + 1]; k++)
                    {
                        var t = graph.Targets[k];
                        if (result.Membership[t] == c && reached.Add(t))
                        {
                            queue.Enqueue(t);
                        }
                    }
                }

                reached.Count.ShouldBe(members.Count, $"seed {seed} community {c}");
            }
        }
    }

    [Fact]
    public void Run_CpmWithResolutionAboveEveryEdgeWeight_AllSingletons()
    {
        // Given a graph whose edges weigh 1 and a CPM density threshold of 2
        var graph = RandomGraph(50, 120, seed: 1);

        // When
        var result = LeidenClusterer.Run(graph, new LeidenOptions { Quality = LeidenQuality.Cpm, Resolution = 2 });

        // Then
        result.CommunityCount.ShouldBe(50);
    }

    [Fact]
    public void Run_CpmWithLowResolution_KeepsDenseGroupsTogether()
    {
        // Given two disjoint 4-cliques
        var edges = new List<(int, int)>();
        foreach (var o in new[] { 0, 4 })
        {
            for (var i = 0; i < 4; i++)
            {
                for (var j = i + 1; j < 4; j++)
                {
                    edges.Add((o + i, o + j));
                }
            }
        }

        var graph = WeightedGraph.FromEdges(8, edges.Select(e => e.Item1).ToArray(), edges.Select(e => e.Item2).ToArray());

        // When
        var result = LeidenClusterer.Run(graph, new LeidenOptions { Quality = LeidenQuality.Cpm, Resolution = 0.5 });

        // Then
        result.CommunityCount.ShouldBe(2);
    }

    private static WeightedGraph RandomGraph(int nodes, int edges, int seed)
    {
        var rng = new Random(seed);
        var src = new int[edges];
        var dst = new int[edges];
        for (var i = 0; i < edges; i++)
        {
            src[i] = rng.Next(nodes);
            do
            {
                dst[i] = rng.Next(nodes);
            }
            while (dst[i] == src[i]);
        }

        return WeightedGraph.FromEdges(nodes, src, dst);
    }

    private static Dictionary<string, (double Modularity, double Nmi)> ReadReference()
    {
        var path = Path.Combine(TestData.RepoRoot, "tests", "NetworkAnalysis.Core.Tests", "Clustering", "Leiden", "igraph-reference.tsv");
        return File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => (double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)));
    }
}
