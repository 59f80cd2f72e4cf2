using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Benchmarks;

/// <summary>
/// Scores the clusters of a 1,000,000-ad corpus (target: 10 s). Setup generates 50,000 ads with the lead's
/// generator, extracts identifiers, groups ads by poster group (a stand-in for clusters) and replicates that
/// 20 times with distinct keys and identifier values (generating 1,000,000 ads directly takes far longer than
/// scoring them). Only <see cref="RiskScorer.Score"/> is timed.
/// Run: dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*RiskScorer*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 2)]
[MemoryDiagnoser]
public class RiskScorerBenchmarks
{
    private RiskInput _input = new([]);

    /// <summary>Number of ads (override with NETAN_BENCH_ADS for a quick run).</summary>
    public static int Ads => int.TryParse(Environment.GetEnvironmentVariable("NETAN_BENCH_ADS"), out var n) ? n : 1_000_000;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var baseAds = Math.Min(Ads, 50_000);
        var template = Build(baseAds, 42);
        var clusters = new List<RiskCluster>();
        for (var r = 0; clusters.Sum(c => c.Ads.Count) < Ads; r++)
        {
            var suffix = "~" + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
            clusters.AddRange(template.Clusters.Select(c => new RiskCluster(c.Id + suffix, c.Ads.Select(a => a with
            {
                Key = a.Key + suffix,
                Entities = a.Entities.Select(e => e with { Value = e.Value + suffix }).ToList(),
            }).ToList())));
        }

        _input = new RiskInput(clusters);
    }

    [Benchmark]
    public int Score()
    {
        // The machine is shared: also print the CPU time the scoring used, which contention inflates less than wall time.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var count = new RiskScorer(IndicatorSet.Default, new RiskScorerOptions { MaxDegreeOfParallelism = Threads }).Score(_input).Assessments.Count;
        Console.WriteLine($"// risk-cpu-seconds {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} threads={Threads} clusters={count}");
        return count;
    }

    internal static RiskInput Build(int ads, int seed)
    {
        var extractor = new EntityExtractor();
        var clusters = new Dictionary<string, List<RiskAd>>(StringComparer.Ordinal);
        foreach (var g in CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed }))
        {
            if (!clusters.TryGetValue(g.GroupId, out var list))
            {
                clusters[g.GroupId] = list = [];
            }

            list.Add(RiskAds.FromAd(g.Ad, extractor.Extract(g.Ad.Text, g.Ad.Country)));
        }

        return new RiskInput(clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RiskCluster(kv.Key, kv.Value)).ToList());
    }
}
