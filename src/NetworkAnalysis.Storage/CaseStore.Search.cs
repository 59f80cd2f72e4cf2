using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Searches the case for an identifier or words: phones in any format, e-mails, handles, ad keys or IDs, ad text.</summary>
    /// <remarks>
    /// Entities first (the query is read by the extractors, so "(702) 555-0143" finds +17025550143; failing that,
    /// canonical values are matched ignoring case and a leading '$' or '@'), then ads by key or ID, then ads whose
    /// text holds every word of the query (the FTS5 index of <see cref="EnsureSearchIndexes"/> when present,
    /// else a bounded scan). At most <paramref name="limit"/> hits.
    /// </remarks>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20, string? defaultCountry = "US")
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Trim();
        if (q.Length == 0 || limit <= 0)
        {
            return [];
        }

        if (q.Length > 200)
        {
            q = q[..200];
        }

        var hits = new List<SearchHit>();
        foreach (var entityId in MatchEntities(q, defaultCountry, includeAdEntities: false))
        {
            hits.Add(DescribeEntityHit(entityId));
        }

        var seenAds = new HashSet<long>();
        using (var cmd = Command("""
            SELECT a.id, a.ad_key, a.title, ms.cluster_id FROM ads a LEFT JOIN memberships ms ON ms.ad = a.id
            WHERE a.ad_key = $q OR a.ad_id = $q ORDER BY a.ad_key LIMIT $n;
            """))
        {
            cmd.Parameters.AddWithValue("$q", q);
            cmd.Parameters.AddWithValue("$n", limit);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                seenAds.Add(r.GetInt64(0));
                hits.Add(new SearchHit("ad", r.GetString(1), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(0), null, null, 1, 1,
                    r.IsDBNull(2) ? null : r.GetString(2)));
            }
        }

        if (hits.Count < limit)
        {
            foreach (var hit in SearchText(q, limit - hits.Count + seenAds.Count))
            {
                if (hits.Count < limit && seenAds.Add(hit.AdId!.Value))
                {
                    hits.Add(hit);
                }
            }
        }

        return hits.Count > limit ? hits[..limit] : hits;
    }

    /// <summary>
    /// Entity row IDs for a query: what the extractors read in it, failing that canonical values matched ignoring case and
    /// a leading '$' or '@' (at most 20), and, with <paramref name="includeAdEntities"/>, the entities of an ad whose key or ID it is.
    /// </summary>
    private SortedSet<long> MatchEntities(string q, string? defaultCountry, bool includeAdEntities)
    {
        var ids = new SortedSet<long>();
        IReadOnlyList<Mention> read;
        try
        {
            read = new EntityExtractor().Extract(q, defaultCountry).Entities;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // An extractor gave up (a loaded machine); the plain value match below still runs.
            read = [];
        }

        foreach (var m in read)
        {
            using var cmd = Command("SELECT id FROM entities WHERE type = $t AND value = $v;");
            cmd.Parameters.AddWithValue("$t", m.Type.ToName());
            cmd.Parameters.AddWithValue("$v", m.Value);
            if (cmd.ExecuteScalar() is long id)
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            var plain = q.TrimStart('$', '@').ToLowerInvariant();
            using var cmd = Command(includeAdEntities
                ? """
                  SELECT id FROM (SELECT id FROM entities WHERE lower(value) IN ($a, $b, $c) LIMIT 20) AS by_value
                  UNION SELECT m.entity FROM mentions m JOIN ads a ON a.id = m.ad WHERE a.ad_key = $q OR a.ad_id = $q;
                  """
                : "SELECT id FROM entities WHERE lower(value) IN ($a, $b, $c) LIMIT 20;");
            if (includeAdEntities)
            {
                cmd.Parameters.AddWithValue("$q", q);
            }

            cmd.Parameters.AddWithValue("$a", plain);
            cmd.Parameters.AddWithValue("$b", "$" + plain);
            cmd.Parameters.AddWithValue("$c", "@" + plain);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
            }
        }

        return ids;
    }

    private SearchHit DescribeEntityHit(long entityId)
    {
        string type, value;
        using (var cmd = Command("SELECT type, value FROM entities WHERE id = $id;"))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            r.Read();
            (type, value) = (r.GetString(0), r.GetString(1));
        }

        using (var cmd = Command("""
            SELECT ms.cluster_id, count(DISTINCT m.ad) n FROM mentions m LEFT JOIN memberships ms ON ms.ad = m.ad
            WHERE m.entity = $id GROUP BY ms.cluster_id ORDER BY n DESC, ms.cluster_id;
            """))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            string? top = null;
            int ads = 0, clusters = 0;
            while (r.Read())
            {
                top ??= r.IsDBNull(0) ? null : r.GetString(0);
                ads += r.GetInt32(1);
                clusters += r.IsDBNull(0) ? 0 : 1;
            }

            return new SearchHit("entity", value, top, null, entityId, type, ads, clusters, null);
        }
    }

    private IEnumerable<SearchHit> SearchText(string q, int limit)
    {
        var words = Words(q);
        if (words.Count == 0)
        {
            yield break;
        }

        var fts = IsSearchIndexCurrent();
        using var cmd = fts
            ? Command("""
                SELECT a.id, a.ad_key, a.text, ms.cluster_id FROM (SELECT rowid FROM ad_fts WHERE ad_fts MATCH $m LIMIT $n) f
                JOIN ads a ON a.id = f.rowid LEFT JOIN memberships ms ON ms.ad = a.id ORDER BY a.id;
                """)
            : Command("""
                SELECT a.id, a.ad_key, a.text, ms.cluster_id FROM ads a LEFT JOIN memberships ms ON ms.ad = a.id
                WHERE instr(lower(a.text), $w) > 0 ORDER BY a.id LIMIT $n;
                """);
        if (fts)
        {
            cmd.Parameters.AddWithValue("$m", FtsQuery(words));
        }
        else
        {
            cmd.Parameters.AddWithValue("$w", words[0]);
        }

        cmd.Parameters.AddWithValue("$n", limit);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var text = r.GetString(2);
            yield return new SearchHit("text", r.GetString(1), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(0), null, null, 1, 1,
                Snippet(text, words[0]));
        }
    }

    /// <summary>Splits a query into lower-case words of letters and digits (at most 8).</summary>
    internal static List<string> Words(string q)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in q.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                if (words.Count < 8)
                {
                    words.Add(sb.ToString());
                }

                sb.Clear();
            }
        }

        return words;
    }

    /// <summary>An FTS5 query that needs every word, the last one as a prefix; words hold only letters and digits.</summary>
    internal static string FtsQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select((w, i) => "\"" + w + "\"" + (i == words.Count - 1 && w.Length >= 3 ? "*" : "")));

    private static string Snippet(string text, string word)
    {
        const int Width = 160;
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at < 0 ? 0 : at - (Width / 3));
        var end = Math.Min(text.Length, start + Width);
        var s = text[start..end].ReplaceLineEndings(" ");
        return (start > 0 ? "…" : "") + s + (end < text.Length ? "…" : "");
    }

    private bool IsSearchIndexCurrent()
    {
        if (!HasTable("ad_fts"))
        {
            return false;
        }

        using var cmd = Command("SELECT (SELECT coalesce(max(id), 0) FROM ads), (SELECT value FROM meta WHERE key = 'workbench_fts_max');");
        using var r = cmd.ExecuteReader();
        r.Read();
        var max = r.GetInt64(0);
        var indexed = r.IsDBNull(1) ? -1 : long.Parse(r.GetString(1), CultureInfo.InvariantCulture);
        return indexed >= max;
    }

    internal bool HasTable(string name)
    {
        using var cmd = Command(Dialect.HasTableSql);
        cmd.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
