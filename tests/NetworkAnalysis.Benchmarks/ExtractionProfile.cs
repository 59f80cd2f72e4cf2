using System.Diagnostics;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Stopwatch profile of extraction on the benchmark's 1 KB ads: normalisation alone, then each extractor
/// alone on top of it (its cost is the difference), then everything. Single thread; prints µs per ad.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- extraction profile [rounds]</c>.
/// A profile to find the hot spots, not the figure reported as throughput (that is the BenchmarkDotNet run).</remarks>
internal static class ExtractionProfile
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "only")
        {
            return Only(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var ads = ExtractionBenchmarks.MakeAds(1000);
        var all = new EntityExtractor();

        // Warm up every path first so tiered JIT has settled before anything is timed.
        Time(ads, rounds, ad => all.Extract(ad, "US").Entities.Count);
        var baseline = Time(ads, rounds, ad => TextNormaliser.Normalise(ad).Text.Length);
        Console.WriteLine($"{"normalise",-12} {baseline,8:F2} µs/ad");
        foreach (var extractor in EntityExtractor.DefaultExtractors())
        {
            var one = new EntityExtractor([extractor]);
            var t = Time(ads, rounds, ad => one.Extract(ad, "US").Entities.Count);
            Console.WriteLine($"{extractor.Name,-12} {t - baseline,8:F2} µs/ad (alone with normalisation {t:F2})");
        }

        var total = Time(ads, rounds, ad => all.Extract(ad, "US").Entities.Count);
        Console.WriteLine($"{"all",-12} {total,8:F2} µs/ad = {1e6 / total:N0} ads/s on one thread (best wall round)");

        // CPU time of the whole process (GC included) over the same work: on a shared machine the wall clock also counts
        // time spent waiting for a core, CPU time does not.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var sink = 0;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var ad in ads)
            {
                sink += all.Extract(ad, "US").Entities.Count;
            }
        }

        process.Refresh();
        var cpuPerAd = (process.TotalProcessorTime - cpu0).TotalMicroseconds / (rounds * ads.Length);
        var wallPerAd = wall.Elapsed.TotalMicroseconds / (rounds * ads.Length);
        Console.WriteLine($"{"all (cpu)",-12} {cpuPerAd,8:F2} CPU-µs/ad = {1e6 / cpuPerAd:N0} ads per CPU-second ({wallPerAd:F2} wall-µs/ad over {rounds * ads.Length:N0} ads, sink {sink})");
        return 0;
    }

    /// <summary>Runs one extractor (or "all", or "normalise") over the ads <paramref name="rounds"/> times after one warm-up
    /// round, for instruction counts with <c>perf stat -e instructions:u</c> (subtract a run with 0 rounds).</summary>
    private static int Only(string name, int rounds)
    {
        var ads = ExtractionBenchmarks.MakeAds(1000);
        var extractor = name switch
        {
            "all" => new EntityExtractor(),
            "normalise" => null,
            _ => new EntityExtractor([EntityExtractor.DefaultExtractors().Single(e => e.Name == name)]),
        };
        var sink = 0;
        for (var r = 0; r <= rounds; r++)
        {
            foreach (var ad in ads)
            {
                sink += extractor is null ? TextNormaliser.Normalise(ad).Text.Length : extractor.Extract(ad, "US").Entities.Count;
            }
        }

        return sink == int.MinValue ? 1 : 0;
    }

    private static double Time(string[] ads, int rounds, Func<string, int> work)
    {
        var sink = 0;
        foreach (var ad in ads)
        {
            sink += work(ad);
        }

        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var ad in ads)
            {
                sink += work(ad);
            }

            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / ads.Length);
        }

        GC.KeepAlive(sink);
        return best;
    }
}
