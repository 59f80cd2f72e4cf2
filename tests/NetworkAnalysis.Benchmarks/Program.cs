using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*'
// Console harnesses (not BenchmarkDotNet): `-- clustering scale|sweep|igraph ...`, see ClusteringConsole.cs;
// `-- extraction profile [rounds]`, see ExtractionProfile.cs.
if (args.Length > 0 && args[0] == "clustering")
{
    return NetworkAnalysis.Benchmarks.ClusteringConsole.Run(args[1..]);
}

if (args.Length > 1 && args[0] == "extraction" && args[1] == "profile")
{
    return NetworkAnalysis.Benchmarks.ExtractionProfile.Run(args[2..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point marker for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
