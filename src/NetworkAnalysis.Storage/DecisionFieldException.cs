namespace NetworkAnalysis.Storage;

/// <summary>A field of an imported decision the case cannot take (internal to the import: it becomes a skip, never escapes).</summary>
internal sealed class DecisionFieldException : Exception
{
    public DecisionFieldException()
    {
    }

    public DecisionFieldException(string message)
        : base(message)
    {
    }

    public DecisionFieldException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DecisionFieldException(string field, string message)
        : base(message) => Field = field;

    /// <summary>The field, e.g. <c>side_a[2]</c>.</summary>
    public string Field { get; } = "";
}
