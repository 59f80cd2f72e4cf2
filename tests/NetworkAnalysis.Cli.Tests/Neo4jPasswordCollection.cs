namespace NetworkAnalysis.Cli.Tests;

/// <summary>Tests that read or set NEO4J_PASSWORD (process-wide) run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jPasswordCollection
{
    public const string Name = "NEO4J_PASSWORD";
}
