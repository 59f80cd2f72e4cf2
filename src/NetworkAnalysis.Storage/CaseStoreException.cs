namespace NetworkAnalysis.Storage;

/// <summary>A case file could not be opened or used; the message is written for the user.</summary>
public sealed class CaseStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CaseStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CaseStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public CaseStoreException()
    {
    }
}
