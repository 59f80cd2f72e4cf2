namespace NetworkAnalysis.Storage;

/// <summary>An ad's <c>ads</c> row with every value already formatted (dates, joined lists, attribute JSON) and every text
/// already encoded as UTF-8, so the extraction threads do that work and the single writer thread only binds and steps (#21).
/// <see cref="Raw"/> is the stored form of the input's row (<see cref="AdRawRow.Encode"/>), not the row itself.</summary>
internal sealed record AdInsertRow(
    byte[] Site, byte[] AdId, byte[] Key, long Line, byte[]? PostedAt, byte[]? City, byte[]? Region, byte[]? Country,
    byte[]? Title, byte[]? Body, byte[] Text, byte[]? Poster, byte[]? Images, byte[]? ImageHashes, double? Price, long? Age,
    byte[]? Attributes, byte[] Raw)
{
    /// <summary>The UTF-8 bytes SQLite stores for <paramref name="value"/> (no terminator); null for null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static byte[]? Utf8(string? value) => value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);
}
