using NetworkAnalysis.Core.Generation.Images;

namespace NetworkAnalysis.Core.Tests.Generation.Images;

public sealed class VariantSurveyTests
{
    [Fact]
    public void Run_GeneratedPairs_SameSeparatedFromDifferentAndPrintsRoc()
    {
        // Given the survey over generated photos
        var pairs = VariantSurvey.Run(60);

        // When the ROC of the pHash threshold is tabulated (printed for docs/near-duplicates.md)
        var same = pairs.Where(p => p.Same).ToList();
        var different = pairs.Where(p => !p.Same).ToList();
        foreach (var group in same.GroupBy(p => p.Variant))
        {
            Console.WriteLine($"{group.Key}: pHash max {group.Max(p => p.PHashDistance)} mean {group.Average(p => p.PHashDistance):F2}; dHash max {group.Max(p => p.DHashDistance)} mean {group.Average(p => p.DHashDistance):F2}");
        }

        Console.WriteLine($"different: pHash min {different.Min(p => p.PHashDistance)}, dHash min {different.Min(p => p.DHashDistance)}; pairs same={same.Count} different={different.Count}");
        Console.WriteLine("threshold | TPR pHash | FPR pHash | TPR dHash | FPR dHash");
        for (var t = 0; t <= 20; t += 2)
        {
            Console.WriteLine($"{t} | {same.Count(p => p.PHashDistance <= t) / (double)same.Count:F4} | {different.Count(p => p.PHashDistance <= t) / (double)different.Count:F5} | {same.Count(p => p.DHashDistance <= t) / (double)same.Count:F4} | {different.Count(p => p.DHashDistance <= t) / (double)different.Count:F5}");
        }

        // Then variants sit closer to their originals than unrelated photos do to each other, and every pair is counted
        same.Average(p => p.PHashDistance).ShouldBeLessThan(different.Average(p => p.PHashDistance));
        different.Count.ShouldBe(60 * 59 / 2);
    }
}
