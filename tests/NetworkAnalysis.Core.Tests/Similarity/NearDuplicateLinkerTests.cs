using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Similarity;
using NetworkAnalysis.Core.Tests.Clustering;

namespace NetworkAnalysis.Core.Tests.Similarity;

public sealed class NearDuplicateLinkerTests
{
    [Fact]
    public void Link_StockPhotoAcrossManyPostersAndRingPhoto_OnlyTheRingPhotoLinks()
    {
        // Given 12 unrelated posters (own phones) sharing one photo hash, and two ring ads (different phones) with variants of another
        var builder = new IncidenceBuilder();
        for (var i = 0; i < 12; i++)
        {
            builder.Ad($"s{i:D2}", $"phone:+120155501{i:D2}");
        }

        var incidence = builder.Ad("r1", "phone:+12025550101").Ad("r2", "phone:+12025550102").Build();
        const ulong stock = 0x1234_5678_9ABC_DEF0UL, ring = 0x0F0F_F0F0_1111_2222UL;
        int[] ads = [.. Enumerable.Range(0, 12), 12, 13];
        ulong[] hashes = [.. Enumerable.Repeat(stock, 12), ring, ring ^ 0b101];

        // When
        var links = NearDuplicateLinker.Link(incidence, new HubOptions(), ads, hashes, null, null, new NearDuplicateOptions());

        // Then the stock family is a hub and gives nothing; the ring pair is one weak link at 1 − 2/64
        links.ImageFamilies.Count.ShouldBe(2);
        links.ImageFamilies.Single(f => f.Ads.Count == 12).IsHub.ShouldBeTrue();
        var link = links.WeakLinks.ShouldHaveSingleItem();
        (link.AdA, link.AdB, link.Kind, link.Similarity).ShouldBe((12, 13, WeakLinkKind.ImageNearDuplicate, 1 - (2 / 64.0)));
    }

    [Fact]
    public void Run_TextJoinsOff_TextLinkWeighsButDoesNotJoinWhilePhotoDoes()
    {
        // Given three ads with their own phones; a-b identical text, b-c identical photo
        var incidence = new IncidenceBuilder().Ad("a", "phone:+12015550101").Ad("b", "phone:+12015550102").Ad("c", "phone:+12015550103").Build();
        WeakLink[] weak = [new(0, 1, WeakLinkKind.TextNearDuplicate, 1.0), new(1, 2, WeakLinkKind.ImageNearDuplicate, 1.0)];

        // When
        var off = ClusteringEngine.Run(incidence, weak, new ClusteringOptions { TextJoins = false });
        var on = ClusteringEngine.Run(incidence, weak, new ClusteringOptions { TextJoins = true });

        // Then
        off.AdCluster[1].ShouldBe(off.AdCluster[2]);
        off.AdCluster[0].ShouldNotBe(off.AdCluster[1]);
        off.Statistics.WeakLinksJoining.ShouldBe(1);
        on.AdCluster[0].ShouldBe(on.AdCluster[1]);
        on.Statistics.WeakLinksJoining.ShouldBe(2);
    }
}
