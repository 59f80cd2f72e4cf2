namespace NetworkAnalysis.Storage;

/// <summary>An ad's <c>ads</c> row with every value already formatted (dates, joined lists, attribute JSON), so the extraction
/// threads do that work and the single writer thread only binds and steps (#21).</summary>
internal sealed record AdInsertRow(
    string Site, string AdId, string Key, long Line, string? PostedAt, string? City, string? Region, string? Country,
    string? Title, string? Body, string Text, string? Poster, string? Images, string? ImageHashes, double? Price, long? Age,
    string? Attributes, string Raw);
