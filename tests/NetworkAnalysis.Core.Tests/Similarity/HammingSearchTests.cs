using System.Numerics;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Core.Tests.Similarity;

public sealed class HammingSearchTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(6, 0)]
    [InlineData(10, 0)]
    [InlineData(10, 3)]
    [InlineData(10, 4)]
    [InlineData(10, 11)]
    [InlineData(12, 5)]
    public void FindPairs_PlantedAndRandom_SamePairsAsBruteForce(int distance, int blocks)
    {
        // Given random hashes with planted near-duplicate groups (flips up to 12 bits) and a few exact copies
        var hashes = PlantedHashes.Generate(3000, seed: distance * 31 + blocks, groupEvery: 10, groupSize: 5, maxFlips: 12);
        hashes[7] = hashes[1234];
        hashes[99] = hashes[1234];

        // When
        var found = HammingSearch.FindPairs(hashes, distance, blocks);

        // Then the exact same pair set as comparing every pair, with correct distances, sorted
        var expected = BruteForce(hashes, distance);
        expected.Count.ShouldBeGreaterThan(distance == 0 ? 2 : 100);
        found.ShouldBe(expected);
    }

    [Fact]
    public void FindPairs_Parallel_SameAsSingleThreaded()
    {
        // Given
        var hashes = PlantedHashes.Generate(5000, seed: 5);

        // When
        var one = HammingSearch.FindPairs(hashes, 10, parallelism: 1);
        var two = HammingSearch.FindPairs(hashes, 10, parallelism: 2);

        // Then
        two.ShouldBe(one);
    }

    [Fact]
    public void FindPairs_PairAcrossEveryBlockBoundary_Found()
    {
        // Given two hashes 10 bits apart with the flips spread over all blocks (each block within its radius only once)
        var a = 0x0123_4567_89AB_CDEFUL;
        var b = a ^ 0x8000_4000_2001_0011UL ^ 0x0100_0200_0400_0800UL;
        BitOperations.PopCount(a ^ b).ShouldBe(10);

        // When
        var pairs = HammingSearch.FindPairs(new[] { a, b }, 10, blocks: 3);

        // Then
        pairs.ShouldBe([new HammingPair(0, 1, 10)]);
    }

    [Fact]
    public void Plan_RadiiSatisfyPigeonhole()
    {
        foreach (var (n, d) in new[] { (1_000_000, 10), (1000, 10), (50, 3), (1_000_000, 0), (10_000_000, 16) })
        {
            // When
            var layout = HammingSearch.Plan(n, d, 0);

            // Then the blocks cover 64 bits and Σ(r+1) > d
            layout.Sum(l => l.Bits).ShouldBe(64);
            layout.Sum(l => l.Radius + 1).ShouldBeGreaterThan(d);
            layout.Max(l => l.Bits).ShouldBeLessThanOrEqualTo(24);
        }
    }

    [Fact]
    public void FlipMasks_CountIsHammingBallVolume()
    {
        // C(21,1) + C(21,2) + C(21,3) = 21 + 210 + 1330
        HammingSearch.FlipMasks(21, 3).Count.ShouldBe(1561);
        HammingSearch.FlipMasks(21, 3).Distinct().Count().ShouldBe(1561);
    }

    private static List<HammingPair> BruteForce(ulong[] hashes, int d)
    {
        var pairs = new List<HammingPair>();
        for (var i = 0; i < hashes.Length; i++)
        {
            for (var j = i + 1; j < hashes.Length; j++)
            {
                var dist = BitOperations.PopCount(hashes[i] ^ hashes[j]);
                if (dist <= d)
                {
                    pairs.Add(new HammingPair(i, j, dist));
                }
            }
        }

        return pairs;
    }
}
