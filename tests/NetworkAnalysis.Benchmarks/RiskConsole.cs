using System.Diagnostics;
using System.Globalization;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Benchmarks;

/// <summary>
/// Console harness for the risk-scoring target (1,000,000 ads' clusters in 10 s): the same input as
/// <see cref="RiskScorerBenchmarks"/>, scored once, with CPU and wall time; <c>--profile</c> also scores with each
/// indicator alone (the per-ad facts are built every time, so "facts only" is the fixed cost).
/// Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- risk 1000000 [threads] [--profile]</c>.
/// </summary>
internal static class RiskConsole
{
    public static int Run(string[] args)
    {
        var ads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var threads = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var t) ? t : 1;
        Environment.SetEnvironmentVariable("NETAN_BENCH_ADS", ads.ToString(CultureInfo.InvariantCulture));
        var bench = new RiskScorerBenchmarks();
        var sw = Stopwatch.StartNew();
        bench.Setup();
        var input = (RiskInput)typeof(RiskScorerBenchmarks).GetField("_input", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(bench)!;
        Console.WriteLine($"input: {input.Clusters.Count:N0} clusters, {input.Clusters.Sum(c => c.Ads.Count):N0} ads (setup {sw.Elapsed.TotalSeconds:F1} s, not timed)");
        Time("full default set", IndicatorSet.Default, input, threads);
        Time("full default set (again)", IndicatorSet.Default, input, threads);
        if (args.Contains("--profile"))
        {
            foreach (var d in IndicatorSet.Default.Indicators)
            {
                Time("only " + d.Id, IndicatorSet.Default.Only(d.Id), input, threads);
            }
        }

        return 0;
    }

    private static void Time(string label, IndicatorSet set, RiskInput input, int threads)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gcBefore = GC.GetTotalAllocatedBytes();
        var sw = Stopwatch.StartNew();
        var result = new RiskScorer(set, new RiskScorerOptions { MaxDegreeOfParallelism = threads }).Score(input);
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{label}: wall {wall:F2} s, CPU {used:F2} s, allocated {(GC.GetTotalAllocatedBytes() - gcBefore) / 1e9:F2} GB, threads {threads}, {result.Assessments.Count:N0} clusters, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}
