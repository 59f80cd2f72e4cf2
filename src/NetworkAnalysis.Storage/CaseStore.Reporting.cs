namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Every ad of the case, or of one cluster, by key: what reports, charts and exports draw.</summary>
    public IEnumerable<CaseAdRow> CaseAds(string? clusterId)
    {
        using var cmd = Command($"""
            SELECT a.id, a.ad_key, a.posted_at, a.city, a.text, m.cluster_id, a.images, s.path, a.region, a.country, a.price, a.age
            FROM ads a JOIN sources s ON s.id = a.source_id LEFT JOIN memberships m ON m.ad = a.id{ClusterFilter(clusterId)}
            ORDER BY a.ad_key;
            """);
        if (clusterId is not null)
        {
            cmd.Parameters.AddWithValue("$c", clusterId);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new CaseAdRow(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7))
            {
                Region = r.IsDBNull(8) ? null : r.GetString(8),
                Country = r.IsDBNull(9) ? null : r.GetString(9),
                Price = r.IsDBNull(10) ? null : r.GetDouble(10),
                Age = r.IsDBNull(11) ? null : r.GetInt32(11),
            };
        }
    }

    /// <summary>Every mention in the ads of the case, or of one cluster, by ad key, then start, then entity (type and value:
    /// not its row ID, which depends on the order the store's ingest numbered entities in).</summary>
    public IEnumerable<CaseMentionRow> CaseMentions(string? clusterId)
    {
        using var cmd = Command($"""
            SELECT a.ad_key, e.id, e.type, e.value, mn.start, mn.end
            FROM mentions mn JOIN ads a ON a.id = mn.ad JOIN entities e ON e.id = mn.entity LEFT JOIN memberships m ON m.ad = a.id{ClusterFilter(clusterId)}
            ORDER BY a.ad_key, mn.start, e.type, e.value;
            """);
        if (clusterId is not null)
        {
            cmd.Parameters.AddWithValue("$c", clusterId);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new CaseMentionRow(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5));
        }
    }

    /// <summary>The weak links (near-duplicate photos and text) the last analysis stored, as ad keys (the lower first: a pair's
    /// row IDs depend on the order the store's ingest numbered ads in), kind (<c>image</c>/<c>text</c>) and similarity.</summary>
    public IEnumerable<(string AdA, string AdB, string Kind, double Similarity)> WeakLinkPairs()
    {
        using var cmd = Command("""
            SELECT CASE WHEN a.ad_key < b.ad_key THEN a.ad_key ELSE b.ad_key END, CASE WHEN a.ad_key < b.ad_key THEN b.ad_key ELSE a.ad_key END, w.kind, w.similarity
            FROM weak_links w JOIN ads a ON a.id = w.ad_a JOIN ads b ON b.id = w.ad_b ORDER BY 1, 2, 3;
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return (r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3));
        }
    }

    /// <summary>The case's input files, in ingest order.</summary>
    public IReadOnlyList<CaseSourceFile> SourceFiles()
    {
        using var cmd = Command("SELECT path, sha256, size FROM sources ORDER BY id;");
        using var r = cmd.ExecuteReader();
        var list = new List<CaseSourceFile>();
        while (r.Read())
        {
            list.Add(new CaseSourceFile(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }

        return list;
    }

    /// <summary>Sizes of every current cluster.</summary>
    public IReadOnlyList<int> ClusterSizes()
    {
        using var cmd = Command("SELECT size FROM clusters ORDER BY id;");
        using var r = cmd.ExecuteReader();
        var sizes = new List<int>();
        while (r.Read())
        {
            sizes.Add(r.GetInt32(0));
        }

        return sizes;
    }

    private static string ClusterFilter(string? clusterId) => clusterId is null ? "" : " WHERE m.cluster_id = $c";
}
