namespace NetworkAnalysis.Reporting.Model;

/// <summary>Where an entity occurs in an ad's text.</summary>
/// <param name="AdKey">The ad.</param>
/// <param name="EntityId">The entity.</param>
/// <param name="Start">Start offset (UTF-16 code units) in <see cref="ReportAd.Text"/>, inclusive.</param>
/// <param name="End">End offset, exclusive.</param>
public sealed record ReportMention(string AdKey, string EntityId, int Start, int End);
