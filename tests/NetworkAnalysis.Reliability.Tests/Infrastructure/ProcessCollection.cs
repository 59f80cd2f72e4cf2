namespace NetworkAnalysis.Reliability.Tests.Infrastructure;

/// <summary>Tests that run child processes or heavy I/O share this collection so they never run at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
