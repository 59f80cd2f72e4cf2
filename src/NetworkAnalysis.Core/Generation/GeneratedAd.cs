using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Generation;

/// <summary>A synthetic ad with the ground truth of who posted it.</summary>
/// <param name="Ad">The ad as an input file would hold it.</param>
/// <param name="GroupId">The poster group (ring or independent poster) behind the ad.</param>
/// <param name="GroupKind"><c>ring</c> or <c>independent</c>.</param>
public sealed record GeneratedAd(Ad Ad, string GroupId, string GroupKind);
