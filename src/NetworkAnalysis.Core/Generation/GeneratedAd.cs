using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Generation;

/// <summary>A synthetic ad with the ground truth of who posted it.</summary>
/// <param name="Ad">The ad as an input file would hold it.</param>
/// <param name="GroupId">The poster group (ring or independent poster) behind the ad.</param>
/// <param name="GroupKind"><c>ring</c> or <c>independent</c>.</param>
/// <param name="TemplateId">The text template the ad was written from: the group's own (its group ID) or a shared stock template (<c>stock-text-N</c>).</param>
public sealed record GeneratedAd(Ad Ad, string GroupId, string GroupKind, string? TemplateId = null);
