using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point marker for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
