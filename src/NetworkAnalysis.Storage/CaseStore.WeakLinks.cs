using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Photo pHashes (from <c>ad_images</c>) by dense ad of <paramref name="snapshot"/>.</summary>
    /// <returns>The ad of each readable photo and its pHash, ordered by ad then position.</returns>
    public (int[] Ads, ulong[] PHashes) LoadImagePHashes(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = DenseAds(snapshot);
        var ads = new List<int>();
        var hashes = new List<ulong>();
        using var cmd = Command("SELECT ad, phash FROM ad_images WHERE phash IS NOT NULL ORDER BY ad, position;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (index.TryGetValue(r.GetInt64(0), out var a))
            {
                ads.Add(a);
                hashes.Add(unchecked((ulong)r.GetInt64(1)));
            }
        }

        return ([.. ads], [.. hashes]);
    }

    /// <summary>Every ad's text and its identifier spans (for template masking), by dense ad of <paramref name="snapshot"/>.</summary>
    public (string[] Texts, IReadOnlyList<TextMask>[] Masks) LoadTextsAndMasks(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = DenseAds(snapshot);
        var texts = new string[snapshot.AdRowIds.Length];
        var masks = new List<TextMask>[texts.Length];
        for (var i = 0; i < masks.Length; i++)
        {
            texts[i] = "";
            masks[i] = [];
        }

        using (var cmd = Command("SELECT id, text FROM ads;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (index.TryGetValue(r.GetInt64(0), out var a))
                {
                    texts[a] = r.GetString(1);
                }
            }
        }

        using (var cmd = Command("""
            SELECT mn.ad, mn.start, mn.end, e.type FROM mentions mn JOIN entities e ON e.id = mn.entity
            WHERE mn.start IS NOT NULL ORDER BY mn.ad, mn.start;
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (index.TryGetValue(r.GetInt64(0), out var a) && EntityTypeNames.TryParse(r.GetString(3), out var type))
                {
                    masks[a].Add(new TextMask(r.GetInt32(1), r.GetInt32(2), type));
                }
            }
        }

        return (texts, masks);
    }

    /// <summary>Replaces the stored weak links with <paramref name="links"/> (dense ads of <paramref name="snapshot"/>).</summary>
    public void SaveWeakLinks(CaseSnapshot snapshot, IReadOnlyList<WeakLink> links)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(links);
        using var tx = BeginWrite();
        using (var clear = Command("DELETE FROM weak_links;", tx))
        {
            clear.ExecuteNonQuery();
        }

        using var insert = Command("INSERT OR REPLACE INTO weak_links(ad_a, ad_b, kind, similarity) VALUES ($a, $b, $k, $s);", tx);
        var pa = CaseDialect.Add(insert, "$a", System.Data.DbType.Int64);
        var pb = CaseDialect.Add(insert, "$b", System.Data.DbType.Int64);
        var pk = CaseDialect.Add(insert, "$k", System.Data.DbType.String);
        var ps = CaseDialect.Add(insert, "$s", System.Data.DbType.Double);
        foreach (var l in links)
        {
            var (x, y) = (snapshot.AdRowIds[l.AdA], snapshot.AdRowIds[l.AdB]);
            pa.Value = Math.Min(x, y);
            pb.Value = Math.Max(x, y);
            pk.Value = KindName(l.Kind);
            ps.Value = l.Similarity;
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The stored weak links, as dense ads of <paramref name="snapshot"/> (links to ads not in it are skipped).</summary>
    public IReadOnlyList<WeakLink> LoadWeakLinks(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = DenseAds(snapshot);
        var links = new List<WeakLink>();
        using var cmd = Command("SELECT ad_a, ad_b, kind, similarity FROM weak_links ORDER BY ad_a, ad_b, kind;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (index.TryGetValue(r.GetInt64(0), out var a) && index.TryGetValue(r.GetInt64(1), out var b) && a != b)
            {
                var kind = r.GetString(2) == KindName(WeakLinkKind.ImageNearDuplicate) ? WeakLinkKind.ImageNearDuplicate : WeakLinkKind.TextNearDuplicate;
                links.Add(new WeakLink(a, b, kind, Math.Clamp(r.GetDouble(3), 0, 1)));
            }
        }

        return links;
    }

    /// <summary>Name of a weak-link kind in <c>weak_links.kind</c>: <c>image</c> or <c>text</c>.</summary>
    public static string KindName(WeakLinkKind kind) => kind == WeakLinkKind.ImageNearDuplicate ? "image" : "text";

    private static Dictionary<long, int> DenseAds(CaseSnapshot snapshot)
    {
        var index = new Dictionary<long, int>(snapshot.AdRowIds.Length);
        for (var i = 0; i < snapshot.AdRowIds.Length; i++)
        {
            index[snapshot.AdRowIds[i]] = i;
        }

        return index;
    }
}
