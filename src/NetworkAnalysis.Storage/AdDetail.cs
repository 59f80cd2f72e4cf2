namespace NetworkAnalysis.Storage;

/// <summary>Everything the workbench shows about one ad.</summary>
/// <param name="Id">Row ID.</param>
/// <param name="Key">Ad key.</param>
/// <param name="Site">Site.</param>
/// <param name="AdId">The ad's ID on its site.</param>
/// <param name="ClusterId">Its cluster, if analysed.</param>
/// <param name="PostedAt">Posting time (ISO 8601), if known.</param>
/// <param name="City">City.</param>
/// <param name="Region">Region.</param>
/// <param name="Country">Country.</param>
/// <param name="Poster">Posting account.</param>
/// <param name="Price">Price.</param>
/// <param name="Age">Stated age.</param>
/// <param name="Text">The text every span indexes (title, newline, body).</param>
/// <param name="Images">Image references as given in the input (file paths relative to the input file, or URLs kept as text).</param>
/// <param name="Mentions">Entity mentions, by span start (field-derived ones last).</param>
/// <param name="Source">Provenance.</param>
public sealed record AdDetail(long Id, string Key, string Site, string AdId, string? ClusterId, string? PostedAt, string? City,
    string? Region, string? Country, string? Poster, double? Price, int? Age, string Text, IReadOnlyList<string> Images,
    IReadOnlyList<AdMention> Mentions, AdProvenance Source);
