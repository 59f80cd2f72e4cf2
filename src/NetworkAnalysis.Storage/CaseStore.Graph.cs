using System.Globalization;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The ads of a cluster (at most <paramref name="maxAds"/>, by key), the entities they mention and the links.</summary>
    /// <returns>The fragment, or null when the cluster does not exist.</returns>
    public GraphFragment? GetClusterGraph(string clusterId, int maxAds = 5000)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        using var count = Command("SELECT count(*) FROM memberships WHERE cluster_id = $c;");
        count.Parameters.AddWithValue("$c", clusterId);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (total == 0)
        {
            return null;
        }

        using var cmd = Command("""
            SELECT a.id, a.ad_key, ms.cluster_id, a.city, a.posted_at, a.title FROM memberships ms JOIN ads a ON a.id = ms.ad
            WHERE ms.cluster_id = $c ORDER BY a.ad_key LIMIT $n;
            """);
        cmd.Parameters.AddWithValue("$c", clusterId);
        cmd.Parameters.AddWithValue("$n", maxAds);
        return Fragment(ReadAds(cmd), total);
    }

    /// <summary>The ads that mention an entity (at most <paramref name="maxAds"/>, by key), their entities and links.</summary>
    /// <returns>The fragment, or null when the entity does not exist.</returns>
    public GraphFragment? GetEntityAds(long entityId, int maxAds = 200)
    {
        using var count = Command("SELECT count(DISTINCT ad) FROM mentions WHERE entity = $e;");
        count.Parameters.AddWithValue("$e", entityId);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (total == 0)
        {
            return null;
        }

        using var cmd = Command("""
            SELECT a.id, a.ad_key, ms.cluster_id, a.city, a.posted_at, a.title FROM ads a LEFT JOIN memberships ms ON ms.ad = a.id
            WHERE a.id IN (SELECT ad FROM mentions WHERE entity = $e) ORDER BY a.ad_key LIMIT $n;
            """);
        cmd.Parameters.AddWithValue("$e", entityId);
        cmd.Parameters.AddWithValue("$n", maxAds);
        return Fragment(ReadAds(cmd), total);
    }

    private static List<GraphAd> ReadAds(System.Data.Common.DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var ads = new List<GraphAd>();
        while (r.Read())
        {
            ads.Add(new GraphAd(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }

        return ads;
    }

    private GraphFragment Fragment(List<GraphAd> ads, int total)
    {
        var links = new SortedSet<(long Ad, long Entity)>();
        using (var cmd = Command("SELECT DISTINCT entity FROM mentions WHERE ad = $a;"))
        {
            var p = CaseDialect.Add(cmd, "$a", System.Data.DbType.Int64);
            foreach (var ad in ads)
            {
                p.Value = ad.Id;
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    links.Add((ad.Id, r.GetInt64(0)));
                }
            }
        }

        var entities = new List<GraphEntity>();
        using (var cmd = Command("""
            SELECT e.type, e.value, count(*), count(DISTINCT ms.cluster_id)
            FROM entities e CROSS JOIN (SELECT DISTINCT ad FROM mentions WHERE entity = $e) m LEFT JOIN memberships ms ON ms.ad = m.ad WHERE e.id = $e GROUP BY e.id, e.type, e.value;
            """))
        {
            var p = CaseDialect.Add(cmd, "$e", System.Data.DbType.Int64);
            foreach (var id in links.Select(l => l.Entity).Distinct().Order())
            {
                p.Value = id;
                using var r = cmd.ExecuteReader();
                if (r.Read() && !r.IsDBNull(0))
                {
                    entities.Add(new GraphEntity(id, r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)));
                }
            }
        }

        var phone = EntityType.Phone.ToName();
        var phones = PhoneDetails(entities.Where(e => e.Type == phone).Select(e => e.Value));
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i].Type == phone && phones.TryGetValue(entities[i].Value, out var details))
            {
                entities[i] = entities[i] with { Phone = details };
            }
        }

        entities.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type) is var c && c != 0 ? c : string.CompareOrdinal(a.Value, b.Value));
        return new GraphFragment(ads, entities, [.. links], total);
    }
}
