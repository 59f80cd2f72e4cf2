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
}
