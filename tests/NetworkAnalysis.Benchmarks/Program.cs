using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*'
// Console harnesses (not BenchmarkDotNet): `-- clustering scale|sweep|igraph ...`, see ClusteringConsole.cs;
// `-- neardup hamming|templates ...`, see NearDuplicateConsole.cs.
if (args.Length > 0 && args[0] == "clustering")
{
    return NetworkAnalysis.Benchmarks.ClusteringConsole.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "neardup")
{
    return NetworkAnalysis.Benchmarks.NearDuplicateConsole.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point marker for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
