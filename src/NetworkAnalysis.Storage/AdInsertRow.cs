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

    /// <summary>The UTF-8 of <see cref="NetworkAnalysis.Core.Ads.Ad.ComposeText"/>(<paramref name="title"/>, <paramref name="body"/>)
    /// from the two values' own UTF-8 (<see cref="Utf8"/>): the same bytes, since the newline between them keeps any
    /// surrogate from pairing across; one of the arrays itself when the text is just that value.</summary>
    public static byte[] TextUtf8(string? title, byte[]? titleUtf8, string? body, byte[]? bodyUtf8)
    {
        if (string.IsNullOrEmpty(title))
        {
            return bodyUtf8 ?? [];
        }

        if (string.IsNullOrEmpty(body))
        {
            return titleUtf8!;
        }

        var text = new byte[titleUtf8!.Length + 1 + bodyUtf8!.Length];
        titleUtf8.CopyTo(text, 0);
        text[titleUtf8.Length] = (byte)'\n';
        bodyUtf8.CopyTo(text, titleUtf8.Length + 1);
        return text;
    }
}
