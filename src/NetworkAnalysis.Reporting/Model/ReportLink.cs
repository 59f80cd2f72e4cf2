namespace NetworkAnalysis.Reporting.Model;

/// <summary>A link between two nodes of a <see cref="CaseGraph"/>.</summary>
/// <remarks>
/// <see cref="Source"/> is always an ad key. <see cref="Target"/> is an entity ID when <see cref="Kind"/> is
/// <see cref="ReportLinkKind.Mentions"/>, otherwise another ad key (a weak link such as a near-duplicate image).
/// </remarks>
/// <param name="Source">The ad key at the start of the link.</param>
/// <param name="Target">Entity ID or ad key at the end of the link.</param>
/// <param name="Kind">What the link is.</param>
/// <param name="Weight">Strength in [0,1]: 1 for a mention, the similarity for a weak link.</param>
public sealed record ReportLink(string Source, string Target, ReportLinkKind Kind, double Weight = 1.0);
