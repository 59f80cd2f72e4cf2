using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Infrastructure;

/// <summary>Hashes a case file's content (not its row IDs or timestamps) so two cases built differently can be compared.</summary>
internal static class CaseContent
{
    // Every query orders by content, so the hash does not depend on insertion history or rowids.
    private static readonly (string Name, string Sql)[] Parts =
    [
        ("ads", """
            SELECT ad_key, site, ad_id, line, ifnull(posted_at,''), ifnull(city,''), ifnull(region,''), ifnull(country,''),
                   ifnull(title,''), ifnull(body,''), text, ifnull(poster,''), ifnull(images,''), ifnull(image_hashes,''),
                   ifnull(price,''), ifnull(age,''), ifnull(attributes,''), raw
            FROM ads ORDER BY ad_key
            """),
        ("entities", "SELECT type, value FROM entities ORDER BY type, value"),
        ("mentions", """
            SELECT a.ad_key, e.type, e.value, ifnull(m.start,-1), ifnull(m.end,-1), m.raw, m.extractor, m.confidence
            FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity
            ORDER BY 1, 4, 5, 2, 3, 6, 7
            """),
        ("attributes", """
            SELECT a.ad_key, t.kind, t.value, t.start, t.end, t.raw FROM ad_attributes t JOIN ads a ON a.id = t.ad ORDER BY 1, 4, 5, 2, 3
            """),
        ("errors", "SELECT s.sha256, e.line, ifnull(e.field,''), e.message FROM ingest_errors e JOIN sources s ON s.id = e.source_id ORDER BY 1, 2"),
        ("sources", "SELECT sha256, size, format, completed_at IS NOT NULL, rows_read, rows_added, rows_failed FROM sources ORDER BY sha256"),
        ("clusters", "SELECT id, size, phones, emails, entities, cities, city_count, ifnull(first_seen,''), ifnull(last_seen,'') FROM clusters ORDER BY id"),
        ("memberships", "SELECT a.ad_key, m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad ORDER BY 1"),
        ("versions", """
            SELECT a.ad_key, v.version, s.sha256, v.line, ifnull(v.seen_at,''), v.content_sha256, v.text, v.raw
            FROM ad_versions v JOIN ads a ON a.id = v.ad JOIN sources s ON s.id = v.source_id ORDER BY 1, 2
            """),
        ("photo_urls", "SELECT p.url, p.sha256, ifnull(p.phash,''), ifnull(p.dhash,''), s.sha256 FROM photo_urls p JOIN sources s ON s.id = p.source_id ORDER BY 1"),
    ];

    /// <summary>Per-part hashes and row counts, e.g. <c>mentions</c> → (rows, hash).</summary>
    public static SortedDictionary<string, (long Rows, string Hash)> Hash(string casePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = casePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var (name, sql) in Parts)
        {
            result[name] = QueryHash.Of(connection, sql);
        }

        return result;
    }
}
