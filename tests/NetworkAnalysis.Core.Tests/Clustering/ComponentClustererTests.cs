using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Tests.Clustering;

public sealed class ComponentClustererTests
{
    [Fact]
    public void Cluster_SharedPhone_JoinsAdsAndEveryAdHasOneCluster()
    {
        // Given: ads 0 and 1 share a phone, ad 2 shares a URL (not a strong link) with ad 1
        var incidence = new AdEntityIncidence(["a", "b", "c"], [EntityType.Phone, EntityType.Url], ["+17025550101", "example.com"],
            [0, 1, 1, 2], [0, 0, 1, 1]);

        // When
        var result = ComponentClusterer.Cluster(incidence);

        // Then
        result.Clusters.Count.ShouldBe(2);
        result.AdCluster[0].ShouldBe(result.AdCluster[1]);
        result.AdCluster[2].ShouldNotBe(result.AdCluster[0]);
        result.Clusters.Sum(c => c.Size).ShouldBe(3);
    }

    [Fact]
    public void Cluster_IdsDependOnMembersNotOrder()
    {
        var one = new AdEntityIncidence(["a", "b"], [EntityType.Email], ["x@example.com"], [0, 1], [0, 0]);
        var two = new AdEntityIncidence(["a", "b"], [EntityType.Email], ["x@example.com"], [1, 0], [0, 0]);

        ComponentClusterer.Cluster(one).Clusters.Single().Id.ShouldBe(ComponentClusterer.Cluster(two).Clusters.Single().Id);
        ComponentClusterer.Cluster(one).Clusters.Single().Id.ShouldBe(ClusterIds.FromAnchor("a"));
    }

    [Fact]
    public void UnionFind_ChainOfUnions_FindsOneRoot()
    {
        var uf = new UnionFind(1000);
        for (var i = 1; i < 1000; i++)
        {
            uf.Union(i - 1, i).ShouldBeTrue();
        }

        uf.Union(0, 999).ShouldBeFalse();
        uf.SizeOf(500).ShouldBe(1000);
    }
}
