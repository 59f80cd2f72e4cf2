using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Core.Tests.Similarity;

public sealed class ImageNearDuplicatesTests
{
    [Fact]
    public void Find_ExactAndNearHashes_PairsDistinctAdsWithBestSimilarity()
    {
        // Given ad 0 and ad 2 with the same hash, ad 1 three bits away, ad 3 far away, and ad 0 twice with one hash
        const ulong h = 0xF0F0_1234_5678_9ABCUL;
        int[] ads = [0, 2, 1, 3, 0];
        ulong[] hashes = [h, h, h ^ 0b111, ~h, h];

        // When
        var pairs = ImageNearDuplicates.Find(ads, hashes, maxDistance: 10);

        // Then 0-2 identical (similarity 1), 0-1 three bits (1 − 3/64); nothing with ad 3, no self-pair
        pairs.ShouldBe([new SimilarPair(0, 1, 1 - (3 / 64.0)), new SimilarPair(0, 2, 1.0)]);
    }

    [Fact]
    public void FindFamilies_AdShowingTwoPhotos_BelongsToBothFamiliesAndPairsStayWithTheirPhoto()
    {
        // Given ads 0 and 1 with photo h (1 bit apart), ads 1 and 2 with photo g (same hash), g far from h
        const ulong h = 0xF0F0_1234_5678_9ABCUL, g = ~h;
        int[] ads = [0, 1, 1, 2];
        ulong[] hashes = [h, h ^ 1, g, g];

        // When
        var families = ImageNearDuplicates.FindFamilies(ads, hashes, maxDistance: 10);

        // Then two families (not one chained through ad 1), each with its own pair; Find merges them
        families.Count.ShouldBe(2);
        families[0].Ads.ShouldBe([0, 1]);
        families[0].Pairs.ShouldBe([new SimilarPair(0, 1, 1 - (1 / 64.0))]);
        families[1].Ads.ShouldBe([1, 2]);
        families[1].Pairs.ShouldBe([new SimilarPair(1, 2, 1.0)]);
        ImageNearDuplicates.Find(ads, hashes, maxDistance: 10).ShouldBe([new SimilarPair(0, 1, 1 - (1 / 64.0)), new SimilarPair(1, 2, 1.0)]);
    }
}
