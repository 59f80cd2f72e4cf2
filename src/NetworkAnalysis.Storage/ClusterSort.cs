namespace NetworkAnalysis.Storage;

/// <summary>How the workbench orders the cluster list.</summary>
public enum ClusterSort
{
    /// <summary>Most ads first.</summary>
    Size,

    /// <summary>Most recently active first (latest posting time).</summary>
    Recency,

    /// <summary>By the cluster's main city, A to Z.</summary>
    City,

    /// <summary>Highest risk score first; by size when the case has no <c>scores</c> table.</summary>
    Risk,
}
