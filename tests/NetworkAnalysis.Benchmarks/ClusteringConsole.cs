namespace NetworkAnalysis.Benchmarks;

/// <summary>Dispatches the clustering console harnesses (scale run, sweep, igraph comparison).</summary>
internal static class ClusteringConsole
{
    public static int Run(string[] args)
    {
        var rest = args.Length > 1 ? args[1..] : [];
        return args.FirstOrDefault() switch
        {
            "sweep" => ClusteringSweep.Run(rest),
            "scale" => ClusteringScale.Run(rest),
            "igraph" => ClusteringIgraphComparison.Run(rest),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: clustering sweep [ads] [seed] | clustering scale [ads] | clustering igraph [ads] [out-dir]");
        return 2;
    }
}
