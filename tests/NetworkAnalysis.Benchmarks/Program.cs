using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*'
// Console harnesses (not BenchmarkDotNet):
//   `-- clustering scale|sweep|igraph ...` (ClusteringConsole.cs)
//   `-- extraction profile [rounds]` (ExtractionProfile.cs)
//   `-- risk N [threads] [--profile]` (RiskConsole.cs)
//   `-- neardup hamming|templates ...` (NearDuplicateConsole.cs)
//   `-- workbench-graph` with NETAN_BENCH_URL, NETAN_BENCH_CLUSTER (WorkbenchGraphConsole.cs, run by workbench_load.py)
//   `-- graph-memory [ads] [sampleAds]` (GraphMemoryConsole.cs)
//   `-- imaging [photos] [rounds]` (ImagingConsole.cs: SkiaSharp against our codecs)
switch (args)
{
    case ["clustering", .. var rest]:
        return NetworkAnalysis.Benchmarks.ClusteringConsole.Run(rest);
    case ["extraction", "profile", .. var rest]:
        return NetworkAnalysis.Benchmarks.ExtractionProfile.Run(rest);
    case ["risk", .. var rest]:
        return NetworkAnalysis.Benchmarks.RiskConsole.Run(rest);
    case ["imaging", .. var rest]:
        return NetworkAnalysis.Benchmarks.ImagingConsole.Run(rest);
    case ["graph-memory", .. var rest]:
        return NetworkAnalysis.Benchmarks.GraphMemoryConsole.Run(rest);
    case ["neardup", .. var rest]:
        return NetworkAnalysis.Benchmarks.NearDuplicateConsole.Run(rest);
    case ["workbench-graph"]:
        return await NetworkAnalysis.Benchmarks.WorkbenchGraphConsole.RunAsync();
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
