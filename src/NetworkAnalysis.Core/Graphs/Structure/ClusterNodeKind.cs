namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>Whether a node of a <see cref="ClusterGraph"/> is an ad or an identifier.</summary>
public enum ClusterNodeKind
{
    /// <summary>An ad of the cluster.</summary>
    Ad,

    /// <summary>A linking identifier (phone, e-mail, handle, …) mentioned by two or more of the cluster's ads.</summary>
    Identifier,
}
