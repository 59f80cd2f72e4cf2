using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Core.Tests.Clustering;
using QuikGraph.Algorithms;

namespace NetworkAnalysis.Core.Tests.Graphs.Structure;

public sealed class ClusterGraphAnalysisTests
{
    private const string P1 = "phone:+12015550101";
    private const string E1 = "email:a@example.com";
    private const string P2 = "phone:+12015550102";
    private const string E2 = "email:b@example.com";
    private const string H = "handle:instagram/shared";

    /// <summary>Two tight pairs (a1,a2 share a phone and an e-mail; so do b1,b2) joined only by a handle of a2 and b1.</summary>
    private static ClusterGraph TwoPairsJoinedByAHandle() => ClusterGraph.Create(
        ["a1", "a2", "b1", "b2"],
        [("a1", P1), ("a1", E1), ("a2", P1), ("a2", E1), ("a2", H), ("b1", H), ("b1", P2), ("b1", E2), ("b2", P2), ("b2", E2)]);

    [Fact]
    public void Structure_TwoPairsJoinedByAHandle_FindsTheHandleAndItsTwoMentionsAsWhatHoldsTheClusterTogether()
    {
        // When
        var structure = ClusterGraphAnalysis.Structure(TwoPairsJoinedByAHandle());

        // Then: the handle cuts off 2 ads, as do its two mentions; a2 and b1 each strand one ad
        structure.Components.ShouldBe(1);
        structure.ArticulationPoints.Select(p => (p.Node.ToString(), p.AdsCutOff)).ShouldBe([(H, 2), ("ad a2", 1), ("ad b1", 1)]);
        structure.IdentifierArticulationPoints.Select(p => p.Node.Label).ShouldBe([H]);
        structure.Bridges.Select(b => (b.Edge.ToString(), b.AdsCutOff)).ShouldBe([($"ad a2 mentions {H}", 2), ($"ad b1 mentions {H}", 2)]);
    }

    [Fact]
    public void LinkStrength_AcrossTheHandle_OnePathHangingOnTheHandle()
    {
        // When
        var link = ClusterGraphAnalysis.LinkStrength(TwoPairsJoinedByAHandle(), "a1", "b2");

        // Then
        link.EdgeDisjointPaths.ShouldBe(1);
        link.Cut.Count.ShouldBe(1);
        link.CutIdentifiers.Select(i => i.Label).ShouldBe([H]);
        link.Describe().ShouldContain("1 independent evidence path");
    }

    [Fact]
    public void LinkStrength_WithinAPair_TwoPathsCutAtThePhoneAndTheEmail()
    {
        // When
        var link = ClusterGraphAnalysis.LinkStrength(TwoPairsJoinedByAHandle(), "a1", "a2");

        // Then
        link.EdgeDisjointPaths.ShouldBe(2);
        link.CutIdentifiers.Select(i => i.Label).ShouldBe([E1, P1]);
    }

    [Fact]
    public void LinkStrength_FourDisjointPathsIncludingOneThroughAThirdAdAndAWeakLink_CountsFour()
    {
        // Given x and y share a phone and an e-mail, are joined through z by two more identifiers, and carry near-duplicate photos
        var graph = ClusterGraph.Create(
            ["x", "y", "z"],
            [("x", P1), ("y", P1), ("x", E1), ("y", E1), ("x", P2), ("z", P2), ("z", E2), ("y", E2), ("z", H)],
            [("y", "x", WeakLinkKind.ImageNearDuplicate, 0.98)]);

        // When
        var link = ClusterGraphAnalysis.LinkStrength(graph, "x", "y");

        // Then: the handle of z alone is dropped (one ad cannot link); four paths, and a cut of four edges
        graph.Identifiers.Select(i => i.Label).ShouldNotContain(H);
        link.EdgeDisjointPaths.ShouldBe(4);
        link.Cut.Count.ShouldBe(4);
        link.CutWeakLinks.Count().ShouldBe(1);
        link.Describe().ShouldContain("4 edge-disjoint evidence paths");
    }

    [Fact]
    public void LinkStrength_AdsInSeparatePieces_ZeroPathsAndNoCut()
    {
        // Given two pieces with nothing in common
        var graph = ClusterGraph.Create(["a", "b", "c", "d"], [("a", P1), ("b", P1), ("c", P2), ("d", P2)]);

        // When
        var link = ClusterGraphAnalysis.LinkStrength(graph, "a", "d");

        // Then
        link.EdgeDisjointPaths.ShouldBe(0);
        link.Cut.ShouldBeEmpty();
        ClusterGraphAnalysis.Structure(graph).Components.ShouldBe(2);
    }

    [Fact]
    public void LinkStrength_UnknownAd_Throws()
        => Should.Throw<ArgumentException>(() => ClusterGraphAnalysis.LinkStrength(TwoPairsJoinedByAHandle(), "a1", "nope"));

    [Fact]
    public void Structure_LongChainOfTwentyThousandAds_EveryInnerNodeAndEveryEdgeIsCritical()
    {
        // Given a1 -id1- a2 -id2- ... a20000: deeper than a default thread stack would take
        const int n = 20_000;
        var ads = Enumerable.Range(0, n).Select(i => $"a{i:D5}").ToList();
        var mentions = Enumerable.Range(0, n - 1).SelectMany(i => new[] { (ads[i], $"phone:{i}"), (ads[i + 1], $"phone:{i}") });

        // When
        var structure = ClusterGraphAnalysis.Structure(ClusterGraph.Create(ads, mentions));

        // Then: 2n-1 nodes in a path, so 2n-3 inner nodes and 2n-2 edges; the middle phone halves it
        structure.ArticulationPoints.Count.ShouldBe((2 * n) - 3);
        structure.Bridges.Count.ShouldBe((2 * n) - 2);
        structure.ArticulationPoints[0].AdsCutOff.ShouldBe(n / 2);
    }

    [Fact]
    public void Structure_AgreesWithTheClusteringEnginesCohesionBridges()
    {
        // Given the engine's own two-rings example (ClusteringEngineTests), splitting disabled
        var incidence = new IncidenceBuilder()
            .Ring("a", 6, "phone:+12015550101")
            .Ring("b", 4, "phone:+12015550102")
            .Ad("c", "phone:+12015550102", "email:shared@example.com", "url:https://example.com/x")
            .Ad("d", "phone:+12015550101", "email:shared@example.com", "url:https://example.com/x")
            .Build();
        var options = new ClusteringOptions { SplitMinSize = 1_000 };
        var result = ClusteringEngine.Run(incidence, [], options);
        var cluster = result.Clusters.Single();

        // When
        var graph = ClusterGraph.FromResult(result, [], options, cluster.AdIndexes);
        var structure = ClusterGraphAnalysis.Structure(graph);

        // Then: URLs do not link, so they are not in the graph; the cut vertices are the engine's bridges
        graph.Identifiers.Select(i => i.Label).ShouldBe(["email:shared@example.com", "phone:+12015550101", "phone:+12015550102"]);
        structure.ArticulationPoints.Select(p => (p.Node.Label, p.AdsCutOff)).ShouldBe(cluster.Bridges.Select(b => (b.Label, b.AdsCutOff)), ignoreOrder: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Structure_RandomGraphs_MatchesRemovingEachNodeAndEdgeByBruteForce(int seed)
    {
        // Given a random sparse ad-identifier graph with weak links
        var random = new Random(seed);
        var ads = Enumerable.Range(0, 30).Select(i => $"ad{i:D2}").ToList();
        var mentions = Enumerable.Range(0, 40).Select(_ => (ads[random.Next(ads.Count)], $"phone:{random.Next(25)}")).ToList();
        var weak = Enumerable.Range(0, 4).Select(_ => (ads[random.Next(ads.Count)], ads[random.Next(ads.Count)], WeakLinkKind.TextNearDuplicate, 0.99)).ToList();
        var graph = ClusterGraph.Create(ads, mentions, weak);

        // When
        var structure = ClusterGraphAnalysis.Structure(graph);

        // Then
        var nodes = graph.Ads.Concat(graph.Identifiers).ToList();
        var expectedPoints = nodes.Where(x => IsCutVertex(graph, x))
            .Select(x => (x.ToString(), graph.Ads.Count - (x.IsAd ? 1 : 0) - LargestPiece(graph, x, null)))
            .Where(p => p.Item2 > 0)
            .ToList();
        structure.ArticulationPoints.Select(p => (p.Node.ToString(), p.AdsCutOff)).ShouldBe(expectedPoints, ignoreOrder: true);
        var expectedBridges = graph.Edges.Where(e => Pieces(graph, null, e) > Pieces(graph, null, null))
            .Select(e => (e.ToString(), graph.Ads.Count - LargestPiece(graph, null, e))).ToList();
        structure.Bridges.Select(b => (b.Edge.ToString(), b.AdsCutOff)).ShouldBe(expectedBridges, ignoreOrder: true);
    }

    [Fact]
    public void LinkStrength_RandomGraphs_CutSeparatesTheAdsAndMatchesThePathCount()
    {
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            // Given
            var ads = Enumerable.Range(0, 12).Select(i => $"ad{i:D2}").ToList();
            var mentions = Enumerable.Range(0, 30).Select(_ => (ads[random.Next(ads.Count)], $"phone:{random.Next(10)}")).ToList();
            var graph = ClusterGraph.Create(ads, mentions);
            var (a, b) = ("ad00", "ad01");

            // When
            var link = ClusterGraphAnalysis.LinkStrength(graph, a, b);

            // Then: the cut has as many edges as there are paths (max-flow = min-cut), removing it separates the two
            // ads, and no ad has more disjoint paths than it has edges
            link.Cut.Count.ShouldBe(link.EdgeDisjointPaths);
            var without = graph.Edges.Except(link.Cut).ToList();
            Reach(graph.FindAd(a)!, without, null).Contains(graph.FindAd(b)!).ShouldBeFalse();
            var connected = Reach(graph.FindAd(a)!, graph.Edges, null).Contains(graph.FindAd(b)!);
            (link.EdgeDisjointPaths > 0).ShouldBe(connected);
            link.EdgeDisjointPaths.ShouldBeLessThanOrEqualTo(graph.Edges.Count(e => e.Source.Label == a || e.Target.Label == a));
        }
    }

    [Fact]
    public void ToQuikGraph_HasEveryNodeAndEdge_AndQuikGraphSeesOneComponent()
    {
        // When
        var g = TwoPairsJoinedByAHandle().ToQuikGraph();

        // Then: 4 ads + 5 identifiers, 10 mentions
        g.VertexCount.ShouldBe(9);
        g.EdgeCount.ShouldBe(10);
        var components = new Dictionary<ClusterNode, int>();
        g.ConnectedComponents(components).ShouldBe(1);
    }

    private static bool IsCutVertex(ClusterGraph graph, ClusterNode x) => Pieces(graph, x, null) > Pieces(graph, null, null);

    private static int Pieces(ClusterGraph graph, ClusterNode? skipNode, ClusterEdge? skipEdge)
    {
        var edges = graph.Edges.Where(e => !ReferenceEquals(e, skipEdge)).ToList();
        var seen = new HashSet<ClusterNode>();
        var pieces = 0;
        foreach (var n in graph.Ads.Concat(graph.Identifiers).Where(n => n != skipNode))
        {
            if (seen.Add(n))
            {
                pieces++;
                seen.UnionWith(Reach(n, edges, skipNode));
            }
        }

        return pieces;
    }

    private static int LargestPiece(ClusterGraph graph, ClusterNode? skipNode, ClusterEdge? skipEdge)
    {
        var edges = graph.Edges.Where(e => !ReferenceEquals(e, skipEdge)).ToList();
        return graph.Ads.Where(a => a != skipNode).Select(a => Reach(a, edges, skipNode).Count(n => n.IsAd)).DefaultIfEmpty(0).Max();
    }

    private static HashSet<ClusterNode> Reach(ClusterNode start, IReadOnlyList<ClusterEdge> edges, ClusterNode? skip)
    {
        var seen = new HashSet<ClusterNode> { start };
        var queue = new Queue<ClusterNode>([start]);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            foreach (var e in edges)
            {
                var y = e.Source == x ? e.Target : e.Target == x ? e.Source : null;
                if (y is not null && y != skip && seen.Add(y))
                {
                    queue.Enqueue(y);
                }
            }
        }

        return seen;
    }
}
