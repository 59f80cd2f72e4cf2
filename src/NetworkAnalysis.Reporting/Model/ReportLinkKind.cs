namespace NetworkAnalysis.Reporting.Model;

/// <summary>Kinds of <see cref="ReportLink"/>.</summary>
public enum ReportLinkKind
{
    /// <summary>An ad mentions an entity.</summary>
    Mentions,

    /// <summary>Two ads share a near-duplicate image.</summary>
    SimilarImage,

    /// <summary>Two ads have near-duplicate text.</summary>
    SimilarText,
}
