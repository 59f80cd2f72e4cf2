namespace NetworkAnalysis.Storage;

/// <summary>How <c>mentions.raw</c> is stored when it only repeats the identifier (#21), and the one way to read it back.</summary>
/// <remarks>
/// A precomputed image hash (<c>field:image_hashes</c>, about 1.8 per generated ad and 43% of the mentions' bytes) is written
/// as <c>sha256:</c> and the 64 hex digits that are already its entity's value. Such a mention is stored with <c>raw</c> = ''
/// (never the raw text of any other mention: a hash mention's raw is 71 characters, and no other mention has an empty one);
/// readers put <c>sha256:</c> and the entity's value back, in SQL through <see cref="Sql"/> (the same expression on SQLite
/// and PostgreSQL) or in code through <see cref="Read"/>. A hash written in capitals is stored as written. Mentions stored
/// before this change read unchanged.
/// </remarks>
internal static class MentionRaw
{
    private const string ImageHashes = "field:image_hashes";
    private const string Prefix = "sha256:";

    /// <summary>What is stored for a mention with this extractor, raw text and entity value.</summary>
    public static string Stored(string extractor, string raw, string value) =>
        extractor == ImageHashes && raw.Length == Prefix.Length + value.Length && raw.StartsWith(Prefix, StringComparison.Ordinal)
        && raw.AsSpan(Prefix.Length).SequenceEqual(value) && value.Length > 0
            ? ""
            : raw;

    /// <summary>The mention's raw text from what is stored, its extractor and its entity's value.</summary>
    public static string Read(string stored, string extractor, string value) =>
        stored.Length == 0 && extractor == ImageHashes ? Prefix + value : stored;

    /// <summary>The SQL expression giving the raw text of mention alias <paramref name="m"/> joined to its entity alias <paramref name="e"/>.</summary>
    public static string Sql(string m, string e) =>
        $"CASE WHEN {m}.raw = '' AND {m}.extractor = '{ImageHashes}' THEN '{Prefix}' || {e}.value ELSE {m}.raw END";
}
