namespace NetworkAnalysis.Storage;

/// <summary>Where an analyst's review of a cluster stands.</summary>
public enum ClusterStatus
{
    /// <summary>Not looked at yet (the default).</summary>
    New,

    /// <summary>An analyst is reviewing it.</summary>
    Reviewing,

    /// <summary>Referred to an agency or partner.</summary>
    Referred,

    /// <summary>Reviewed and set aside.</summary>
    Dismissed,
}
