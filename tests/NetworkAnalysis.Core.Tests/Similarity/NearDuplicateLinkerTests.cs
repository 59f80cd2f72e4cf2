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
    public void Link_StockPhotoWhoseExactCopiesAreSharedIdentifiers_IsStillAHub()
    {
        // Given 12 unrelated posters (own phones) showing one stock photo as the same file (one image entity joins them all)
        var builder = new IncidenceBuilder();
        for (var i = 0; i < 12; i++)
        {
            builder.Ad($"s{i:D2}", $"phone:+120155501{i:D2}", "image:stock-file");
        }

        const ulong stock = 0x1234_5678_9ABC_DEF0UL;

        // When
        var links = NearDuplicateLinker.Link(builder.Build(), new HubOptions(), [.. Enumerable.Range(0, 12)], [.. Enumerable.Repeat(stock, 12)], null, null, new NearDuplicateOptions());

        // Then the photo is judged against the posters' other identifiers (12 groups), not the groups its own copies make (1)
        var family = links.ImageFamilies.ShouldHaveSingleItem();
        (family.Groups, family.IsHub).ShouldBe((12, true));
        links.WeakLinks.ShouldBeEmpty();
        NearDuplicateLinker.IdentifierGroups(builder.Build(), new HubOptions()).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void Link_AdShowingARingPhotoAndAStockPhoto_StockIsAHubWhileTheRingPhotoStillLinks()
    {
        // Given 12 posters showing a stock photo; poster s00 also shows the ring's photo, as does ring ad t1 (its own phone)
        var builder = new IncidenceBuilder();
        for (var i = 0; i < 12; i++)
        {
            builder.Ad($"s{i:D2}", $"phone:+120155501{i:D2}");
        }

        var incidence = builder.Ad("t1", "phone:+12025550101").Build();
        const ulong stock = 0x1234_5678_9ABC_DEF0UL, ring = 0x0F0F_F0F0_1111_2222UL;
        int[] ads = [.. Enumerable.Range(0, 12), 0, 12];
        ulong[] hashes = [.. Enumerable.Repeat(stock, 12), ring, ring ^ 0b1];

        // When
        var links = NearDuplicateLinker.Link(incidence, new HubOptions(), ads, hashes, null, null, new NearDuplicateOptions());

        // Then each photo is its own family (ordered by first ad, then hash): the ring one linking s00 and t1, the stock one a hub
        // (a family of ads, chained through s00, would be one hub)
        links.ImageFamilies.Select(f => (f.Ads.Count, f.IsHub)).ShouldBe([(2, false), (12, true)]);
        var link = links.WeakLinks.ShouldHaveSingleItem();
        (link.AdA, link.AdB, link.Similarity).ShouldBe((0, 12, 1 - (1 / 64.0)));
    }

    [Theory]
    [InlineData("scattered", true)]
    [InlineData("ring", false)]
    [InlineData("no identifiers", false)]
    public void Link_FamilyOfSixAds_HubWhenScatteredOverPostersWithIdentifiers(string shape, bool hub)
    {
        // Given six ads showing one photo: six posters with their own phones; a ring of four sharing a phone and two
        // stragglers with phones of their own; or six ads with no identifier at all
        var builder = new IncidenceBuilder();
        for (var i = 0; i < 6; i++)
        {
            string[] ids = shape switch
            {
                "scattered" => [$"phone:+120155501{i:D2}"],
                "ring" => [i < 4 ? "phone:+12025550100" : $"phone:+120155501{i:D2}"],
                _ => [],
            };
            builder.Ad($"a{i}", ids);
        }

        var incidence = builder.Build();
        const ulong photo = 0x0F0F_F0F0_1111_2222UL;

        // When
        var links = NearDuplicateLinker.Link(incidence, new HubOptions(), [.. Enumerable.Range(0, 6)], [.. Enumerable.Range(0, 6).Select(i => photo ^ (1UL << i))], null, null, new NearDuplicateOptions());

        // Then (six hashes 2 bits apart: 15 pairs) six groups of one ad is a stock photo (fewer than the ten the group count allows); a ring holding 4 of 6 is not;
        // ads without identifiers are no evidence of separate posters
        links.ImageFamilies.ShouldHaveSingleItem().IsHub.ShouldBe(hub);
        links.WeakLinks.Count.ShouldBe(hub ? 0 : 15);
        var off = NearDuplicateLinker.Link(incidence, new HubOptions(), [.. Enumerable.Range(0, 6)], [.. Enumerable.Range(0, 6).Select(i => photo ^ (1UL << i))], null, null, new NearDuplicateOptions { MinMainGroupShare = 0 });
        off.ImageFamilies.ShouldHaveSingleItem().IsHub.ShouldBeFalse();
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
