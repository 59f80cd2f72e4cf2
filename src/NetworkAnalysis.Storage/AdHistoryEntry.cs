namespace NetworkAnalysis.Storage;

/// <summary>One later capture of an ad whose content changed (a row of <c>ad_versions</c>), with what changed in words.</summary>
/// <param name="AdKey">The ad.</param>
/// <param name="Version">1 for the first change, 2 for the next, …</param>
/// <param name="SeenAt">When the capture was made (crawl time), if known.</param>
/// <param name="SourcePath">The input file the capture came from.</param>
/// <param name="Changes">What changed from the capture before, e.g. <c>phone changed on 2026-03-02 from +17025550142 to +17025550199</c>.</param>
public sealed record AdHistoryEntry(string AdKey, int Version, string? SeenAt, string SourcePath, IReadOnlyList<string> Changes);
