namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Reads one ad with its mentions and provenance.</summary>
    /// <returns>The ad, or null when no ad has that row ID.</returns>
    public AdDetail? GetAd(long adId)
    {
        using var cmd = Command("""
            SELECT a.id, a.ad_key, a.site, a.ad_id, ms.cluster_id, a.posted_at, a.city, a.region, a.country, a.poster, a.price, a.age,
                   a.text, a.images, s.id, s.path, s.sha256, s.format, a.line, s.ingested_at
            FROM ads a JOIN sources s ON s.id = a.source_id LEFT JOIN memberships ms ON ms.ad = a.id WHERE a.id = $id;
            """);
        cmd.Parameters.AddWithValue("$id", adId);
        AdDetail ad;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var images = S(13) is { } list ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            var source = new AdProvenance(r.GetInt64(14), r.GetString(15), r.GetString(16), r.GetString(17), r.GetInt64(18), r.GetString(19));
            ad = new AdDetail(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), S(4), S(5), S(6), S(7), S(8), S(9),
                r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetInt32(11), r.GetString(12), images,
                [], source);
        }

        // After the reader is closed: PostgreSQL runs one command at a time on a connection.
        return ad with { Mentions = ReadMentions(adId) };
    }

    /// <summary>Finds an ad's row ID by its key, or null.</summary>
    public long? FindAdId(string adKey)
    {
        using var cmd = Command("SELECT id FROM ads WHERE ad_key = $k;");
        cmd.Parameters.AddWithValue("$k", adKey);
        return cmd.ExecuteScalar() as long?;
    }

    /// <summary>Posting time and city of every ad of a cluster, by time (undated ads last).</summary>
    public IReadOnlyList<(string? PostedAt, string? City)> GetClusterActivity(string clusterId)
    {
        using var cmd = Command("""
            SELECT a.posted_at, a.city FROM memberships ms JOIN ads a ON a.id = ms.ad WHERE ms.cluster_id = $c
            ORDER BY a.posted_at IS NULL, a.posted_at, a.ad_key;
            """);
        cmd.Parameters.AddWithValue("$c", clusterId);
        using var r = cmd.ExecuteReader();
        var list = new List<(string?, string?)>();
        while (r.Read())
        {
            list.Add((r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
        }

        return list;
    }

    private List<AdMention> ReadMentions(long adId)
    {
        using var cmd = Command($"""
            SELECT m.entity, e.type, e.value, {MentionRaw.Sql("m", "e")}, m.start, m.end, m.extractor, m.confidence
            FROM mentions m JOIN entities e ON e.id = m.entity WHERE m.ad = $id ORDER BY m.start IS NULL, m.start, m.id;
            """);
        cmd.Parameters.AddWithValue("$id", adId);
        using var r = cmd.ExecuteReader();
        var list = new List<AdMention>();
        while (r.Read())
        {
            list.Add(new AdMention(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetInt32(5), r.GetString(6), r.GetDouble(7)));
        }

        return list;
    }
}
