namespace NetworkAnalysis.Storage;

/// <summary>The value type of a <see cref="CaseColumn"/>; every type may hold nulls.</summary>
public enum CaseColumnType
{
    /// <summary>64-bit integers (<c>long?[]</c>).</summary>
    Int64,

    /// <summary>Doubles (<c>double?[]</c>).</summary>
    Double,

    /// <summary>Booleans (<c>bool?[]</c>).</summary>
    Boolean,

    /// <summary>Text (<c>string?[]</c>); ad text is hostile.</summary>
    String,
}
