namespace NetworkAnalysis.Storage;

/// <summary>What an analyst decided (wire names <c>hub</c>, <c>never-hub</c>, <c>merge</c>, <c>split</c>, <c>not-same</c>).</summary>
public enum DecisionKind
{
    /// <summary>The identifier is generic (a booking line, an agency address): it never links ads.</summary>
    Hub,

    /// <summary>The identifier is one poster's: it always links, whatever its counts.</summary>
    NeverHub,

    /// <summary>Two clusters are one poster network: their ads end in one cluster.</summary>
    Merge,

    /// <summary>A cluster is two networks: the ads chosen for each side end in different clusters.</summary>
    Split,

    /// <summary>Two ads are not the same poster's: they never share a cluster.</summary>
    NotSame,
}
