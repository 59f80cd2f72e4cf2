using System.Text;
using BenchmarkDotNet.Attributes;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Extraction throughput on 1 KB synthetic ads (one normalisation pass per ad, all extractors).</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly EntityExtractor _extractor = new();
    private string[] _ads = [];

    [GlobalSetup]
    public void Setup() => _ads = MakeAds(1000);

    /// <summary>The benchmark's 1 KB synthetic ads, deterministic (seed 42).</summary>
    public static string[] MakeAds(int count)
    {
        var random = new Random(42);
        string[] fillers =
        [
            "Hi gentlemen, sweet and discreet companion available tonight. ", "Incall and outcall, $200 hh $300 h. ",
            "New in town Las Vegas, ask for Mia. ", "34-24-36, 5'6, 23 yo, 24/7. ", "No blocked numbers, serious only. ",
            "<p>Upscale <b>VIP</b> experience &amp; GFE</p> ",
        ];
        var ads = new string[count];
        for (var i = 0; i < ads.Length; i++)
        {
            var sb = new StringBuilder(1100);
            sb.Append($"Call ({200 + random.Next(700)}) 555-01{random.Next(100):00} ");
            sb.Append($"snap: girl_{random.Next(10000)} email girl{random.Next(1000)} at example dot com ");
            while (sb.Length < 1024)
            {
                sb.Append(fillers[random.Next(fillers.Length)]);
            }

            ads[i] = sb.ToString(0, 1024);
        }

        return ads;
    }

    /// <summary>Extracts 1,000 ads of 1 KB; ads/s = 1000 / mean time.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int Extract1000Ads()
    {
        var n = 0;
        foreach (var ad in _ads)
        {
            n += _extractor.Extract(ad, "US").Entities.Count;
        }

        return n;
    }
}
