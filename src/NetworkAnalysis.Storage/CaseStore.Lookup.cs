using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Finds entities matching <paramref name="query"/>: a phone in any format, an e-mail, a handle, or an ad key/ID.</summary>
    /// <remarks>The query is first read by the extractors (so "(702) 555-0143" finds +17025550143); failing that, it is
    /// matched against canonical values of every type, ignoring case and a leading '$' or '@'. An ad key or ID returns
    /// the ad's own entities.</remarks>
    public IReadOnlyList<LookupResult> Lookup(string query, string? defaultCountry = "US", int adLimit = 50)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = MatchEntities(query.Trim(), defaultCountry, includeAdEntities: true);
        return ids.Select(id => Describe(id, adLimit)).ToList();
    }

    private LookupResult Describe(long entityId, int adLimit)
    {
        string type, value;
        using (var cmd = Command("SELECT type, value FROM entities WHERE id = $id;"))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            r.Read();
            (type, value) = (r.GetString(0), r.GetString(1));
        }

        var ads = new List<string>();
        var adCount = 0;
        using (var cmd = Command("SELECT DISTINCT a.ad_key FROM mentions m JOIN ads a ON a.id = m.ad WHERE m.entity = $id ORDER BY a.ad_key;"))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                adCount++;
                if (ads.Count < adLimit)
                {
                    ads.Add(r.GetString(0));
                }
            }
        }

        var clusters = new List<(string, int)>();
        using (var cmd = Command("""
            SELECT ms.cluster_id, count(DISTINCT m.ad) n FROM mentions m JOIN memberships ms ON ms.ad = m.ad
            WHERE m.entity = $id GROUP BY ms.cluster_id ORDER BY n DESC, ms.cluster_id;
            """))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                clusters.Add((r.GetString(0), r.GetInt32(1)));
            }
        }

        var linked = new List<(string, string, int)>();
        using (var cmd = Command("""
            SELECT e.type, e.value, count(DISTINCT m2.ad) n FROM mentions m1
            JOIN mentions m2 ON m2.ad = m1.ad AND m2.entity <> m1.entity
            JOIN entities e ON e.id = m2.entity
            WHERE m1.entity = $id GROUP BY e.id ORDER BY n DESC, e.type, e.value LIMIT 100;
            """))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                linked.Add((r.GetString(0), r.GetString(1), r.GetInt32(2)));
            }
        }

        StoredHub? hub = null;
        using (var cmd = Command("SELECT reason, ads, groups_joined FROM hub_entities WHERE entity = $id;"))
        {
            cmd.Parameters.AddWithValue("$id", entityId);
            using var r = cmd.ExecuteReader();
            if (r.Read() && EntityTypeNames.TryParse(type, out var entityType))
            {
                hub = new StoredHub(entityId, entityType, value, StoredHub.ParseReason(r.GetString(0)), r.GetInt32(1), r.GetInt32(2));
            }
        }

        var phone = type == EntityType.Phone.ToName() ? PhoneDetailsOf(value) : null;
        return new LookupResult(type, value, clusters, ads, adCount, linked) { Hub = hub, Phone = phone };
    }
}
