using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Loads every ad, entity and distinct (ad, entity) link as a <see cref="CaseSnapshot"/>.</summary>
    public CaseSnapshot LoadSnapshot(CancellationToken ct = default)
    {
        var adRows = new List<long>();
        var adKeys = new List<string>();
        var cities = new List<string?>();
        var posted = new List<string?>();
        using (var cmd = Command("SELECT id, ad_key, city, posted_at FROM ads ORDER BY ad_key;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                adRows.Add(r.GetInt64(0));
                adKeys.Add(r.GetString(1));
                cities.Add(r.IsDBNull(2) ? null : r.GetString(2));
                posted.Add(r.IsDBNull(3) ? null : r.GetString(3));
            }
        }

        ct.ThrowIfCancellationRequested();
        var entityRows = new List<long>();
        var types = new List<EntityType>();
        var values = new List<string>();
        using (var cmd = Command("SELECT id, type, value FROM entities ORDER BY type, value;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (!EntityTypeNames.TryParse(r.GetString(1), out var type))
                {
                    continue;
                }

                entityRows.Add(r.GetInt64(0));
                types.Add(type);
                values.Add(r.GetString(2));
            }
        }

        ct.ThrowIfCancellationRequested();
        var adIndex = Index(adRows);
        var entityIndex = Index(entityRows);
        var linkAds = new List<int>();
        var linkEntities = new List<int>();
        using (var cmd = Command("SELECT DISTINCT ad, entity FROM mentions ORDER BY ad, entity;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (adIndex.TryGetValue(r.GetInt64(0), out var a) && entityIndex.TryGetValue(r.GetInt64(1), out var e))
                {
                    linkAds.Add(a);
                    linkEntities.Add(e);
                }
            }
        }

        var incidence = new AdEntityIncidence([.. adKeys], [.. types], [.. values], [.. linkAds], [.. linkEntities]);
        return new CaseSnapshot(incidence, [.. adRows], [.. entityRows], [.. cities], [.. posted]);
    }

    private static Dictionary<long, int> Index(List<long> rows)
    {
        var index = new Dictionary<long, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i]] = i;
        }

        return index;
    }
}
