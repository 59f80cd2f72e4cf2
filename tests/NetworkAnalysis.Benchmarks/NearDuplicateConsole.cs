using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Console harnesses for near-duplicate search: Hamming pairs over 64-bit hashes and MinHash text templates.</summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- neardup hamming [n] [d] [parallelism] [blocks]</c>;
/// <c>... -- neardup templates [ads] [parallelism]</c>. Wall and CPU time are printed side by side (the machine is shared).
/// </remarks>
internal static class NearDuplicateConsole
{
    public static int Run(string[] args)
    {
        var rest = args.Length > 1 ? args[1..] : [];
        return args.FirstOrDefault() switch
        {
            "hamming" => Hamming(rest),
            "templates" => TemplateBenchmark.Run(rest),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: neardup hamming [n] [d] [parallelism] [blocks] | neardup templates [ads] [parallelism]");
        return 2;
    }

    private static int Hamming(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var d = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var par = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var blocks = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var hashes = PlantedHashes.Generate(n, seed: 1, groupEvery: 20, groupSize: 4, maxFlips: 12);
        var layout = HammingSearch.Plan(n, d, blocks);
        Console.WriteLine($"{n:N0} hashes (5 % in planted groups of 4 with up to 12 flipped bits, the rest uniform), d = {d}, blocks {string.Join(" ", layout.Select(l => $"{l.Bits}b/r{l.Radius}"))}, parallelism {par}");
        var (pairs, wall, cpu) = Timed(() => HammingSearch.FindPairs(hashes, d, blocks, par));
        Console.WriteLine($"multi-index: {pairs.Count:N0} pairs; wall {wall:F2} s, CPU {cpu:F2} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        // Side by side on a subset: the same search against comparing every pair.
        var m = Math.Min(n, 40_000);
        var sub = hashes[..m];
        var (mihSub, mihWall, mihCpu) = Timed(() => HammingSearch.FindPairs(sub, d));
        var (bruteCount, bruteWall, bruteCpu) = Timed(() => BruteForceCount(sub, d));
        Console.WriteLine($"subset of {m:N0}: multi-index {mihSub.Count:N0} pairs in {mihWall:F3} s (CPU {mihCpu:F3}); brute force {bruteCount:N0} pairs in {bruteWall:F2} s (CPU {bruteCpu:F2}); brute force extrapolated to {n:N0}: {bruteCpu * ((double)n * n) / ((double)m * m):F0} CPU s");
        return mihSub.Count == bruteCount ? 0 : 1;
    }

    private static int BruteForceCount(ulong[] h, int d)
    {
        var count = 0;
        for (var i = 0; i < h.Length; i++)
        {
            var a = h[i];
            for (var j = i + 1; j < h.Length; j++)
            {
                if (BitOperations.PopCount(a ^ h[j]) <= d)
                {
                    count++;
                }
            }
        }

        return count;
    }

    internal static (T Result, double Wall, double Cpu) Timed<T>(Func<T> run)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return (result, wall, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }
}
