namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>A Cypher statement fixed at compile time; data only ever travels as parameters.</summary>
/// <remarks>
/// The constructor is internal and every instance is a constant in <see cref="Neo4jStatements"/>, so no caller can
/// build Cypher text from input: Cypher injection is impossible by construction.
/// </remarks>
public sealed class Neo4jStatement
{
    internal Neo4jStatement(string name, string cypher)
    {
        Name = name;
        Cypher = cypher;
    }

    /// <summary>Short name for logs.</summary>
    public string Name { get; }

    /// <summary>The Cypher text.</summary>
    public string Cypher { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
