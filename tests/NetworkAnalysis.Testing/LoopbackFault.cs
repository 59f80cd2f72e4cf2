namespace NetworkAnalysis.Testing;

/// <summary>How the loopback server fails one request: an answer with <see cref="Status"/> and <see cref="Body"/>, or a connection
/// closed half-way through the answer.</summary>
public sealed record LoopbackFault(int Status, string Body, bool CloseMidStream = false)
{
    /// <summary>The connection drops after the headers and part of the body.</summary>
    public static LoopbackFault MidStream { get; } = new(202, "", CloseMidStream: true);
}
