namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    private const string AnalyzedMentionsKey = "analyzed_mentions_through";

    /// <summary>The highest mention ID now in the case (0 when none): recorded by an analysis as what it has seen.</summary>
    public long MaxMentionId()
    {
        using var cmd = Command("SELECT coalesce(max(id), 0) FROM mentions;");
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records that the current clustering saw every mention up to <paramref name="mentionId"/>.</summary>
    public void SetAnalyzedMentionsThrough(long mentionId)
    {
        using var cmd = Command("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value;");
        cmd.Parameters.AddWithValue("$k", AnalyzedMentionsKey);
        cmd.Parameters.AddWithValue("$v", mentionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The highest mention ID the current clustering saw (<see cref="SetAnalyzedMentionsThrough"/>), or null when
    /// the case has no record of it.</summary>
    private long? AnalyzedMentionsThrough()
    {
        using var through = Command("SELECT value FROM meta WHERE key = $k;");
        through.Parameters.AddWithValue("$k", AnalyzedMentionsKey);
        return through.ExecuteScalar() is string s && long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Ads that gained identifiers since the current clustering was made: a re-crawl's new identifiers (<c>vN:</c>) or a
    /// photo's hash that arrived after its URL. Without a record of what the clustering saw, every such ad counts.</summary>
    public IReadOnlySet<string> AdsWithLaterMentions()
    {
        var seen = AnalyzedMentionsThrough();
        using var cmd = Command(seen is null
            ? $"SELECT DISTINCT a.ad_key FROM mentions m JOIN ads a ON a.id = m.ad WHERE m.extractor LIKE 'v%:%' OR m.extractor = '{CaseIngestor.PhotoUrlExtractor}';"
            : "SELECT DISTINCT a.ad_key FROM mentions m JOIN ads a ON a.id = m.ad WHERE m.id > $seen;");
        cmd.Parameters.AddWithValue("$seen", seen ?? 0);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            keys.Add(r.GetString(0));
        }

        return keys;
    }

    /// <summary>
    /// <see cref="AdsWithLaterMentions"/> by dense ad of <paramref name="snapshot"/>: whether each ad gained identifiers since the
    /// current clustering was made.
    /// </summary>
    /// <remarks>
    /// Issue #21: read as ad row IDs, without the join to <c>ads</c>, and marked through the snapshot's row IDs; an incremental
    /// analyze at 1M asked a set of key strings twice per ad (two million look-ups, each a cache miss on the key).
    /// </remarks>
    internal bool[] ChangedAds(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var seen = AnalyzedMentionsThrough();
        using var cmd = Command(seen is null
            ? $"SELECT DISTINCT m.ad FROM mentions m WHERE m.extractor LIKE 'v%:%' OR m.extractor = '{CaseIngestor.PhotoUrlExtractor}';"
            : "SELECT DISTINCT m.ad FROM mentions m WHERE m.id > $seen;");
        cmd.Parameters.AddWithValue("$seen", seen ?? 0);
        var rows = new HashSet<long>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add(r.GetInt64(0));
            }
        }

        var changed = new bool[snapshot.AdRowIds.Length];
        if (rows.Count > 0)
        {
            for (var a = 0; a < changed.Length; a++)
            {
                changed[a] = rows.Contains(snapshot.AdRowIds[a]);
            }
        }

        return changed;
    }
}
