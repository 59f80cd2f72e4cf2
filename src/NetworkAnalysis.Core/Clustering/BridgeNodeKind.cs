namespace NetworkAnalysis.Core.Clustering;

/// <summary>Whether a bridge is an identifier or an ad.</summary>
public enum BridgeNodeKind
{
    /// <summary>An identifier (phone, e-mail, …) shared across the two sides.</summary>
    Entity,

    /// <summary>An ad that carries identifiers of both sides.</summary>
    Ad,
}
