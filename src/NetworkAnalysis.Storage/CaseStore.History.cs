using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The re-crawl history of the ads of a cluster, or of one ad: every changed capture with what changed, by ad then version.</summary>
    /// <param name="clusterId">A cluster, or null with <paramref name="adKey"/>.</param>
    /// <param name="adKey">One ad, or null with <paramref name="clusterId"/>.</param>
    /// <param name="limit">Most entries returned.</param>
    public IReadOnlyList<AdHistoryEntry> AdHistory(string? clusterId, string? adKey = null, int limit = 200)
    {
        using var cmd = Command($"""
            SELECT a.ad_key, a.country, a.title, a.text, a.poster, a.city, a.price, a.age, COALESCE(a.image_hashes, '') || '|' || COALESCE(a.attributes, ''),
                   v.version, v.seen_at, s.path, v.title, v.text, v.poster, v.city, v.price, v.age, COALESCE(v.image_hashes, '') || '|' || COALESCE(v.attributes, '')
            FROM ad_versions v JOIN ads a ON a.id = v.ad JOIN sources s ON s.id = v.source_id
            {(clusterId is not null ? "JOIN memberships m ON m.ad = a.id WHERE m.cluster_id = $c" : "WHERE a.ad_key = $k")}
            ORDER BY a.ad_key, v.version LIMIT $n;
            """);
        cmd.Parameters.AddWithValue("$c", (object?)clusterId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$k", (object?)adKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$n", limit);
        EntityExtractor? extractor = null; // built only when there is history (every workbench ad view asks)
        var result = new List<AdHistoryEntry>();
        using var r = cmd.ExecuteReader();
        Capture? previous = null;
        string? previousKey = null;
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            var key = r.GetString(0);
            var country = S(1);
            if (key != previousKey)
            {
                previous = new Capture(S(2), S(3) ?? "", S(4), S(5), S(6), S(7), PhotosOf(S(8)));
                previousKey = key;
            }

            var current = new Capture(S(12), S(13) ?? "", S(14), S(15), S(16), S(17), PhotosOf(S(18)));
            var seen = S(10);
            result.Add(new AdHistoryEntry(key, r.GetInt32(9), seen, r.GetString(11), Describe(previous!, current, seen, country, extractor ??= new EntityExtractor())));
            previous = current;
        }

        return result;
    }

    private sealed record Capture(string? Title, string Text, string? Poster, string? City, string? Price, string? Age, string Photos);

    private static string PhotosOf(string? hashesAndAttributes)
    {
        // image_hashes, then the photo URLs kept in the attributes (image_urls): what makes the photos the same or not.
        var text = hashesAndAttributes ?? "";
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        var urls = "";
        var json = bar >= 0 ? text[(bar + 1)..] : "";
        if (json.Length > 0)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            urls = doc.RootElement.TryGetProperty("image_urls", out var u) ? u.GetString() ?? "" : "";
        }

        return (bar >= 0 ? text[..bar] : text) + "|" + urls;
    }

    private static List<string> Describe(Capture before, Capture after, string? seenAt, string? country, EntityExtractor extractor)
    {
        var on = seenAt is { Length: >= 10 } ? " on " + seenAt[..10] : "";
        var changes = new List<string>();
        var oldIds = extractor.Extract(before.Text, country ?? "US").Entities.GroupBy(m => m.Type).ToDictionary(g => g.Key, g => g.Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList());
        var newIds = extractor.Extract(after.Text, country ?? "US").Entities.GroupBy(m => m.Type).ToDictionary(g => g.Key, g => g.Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList());
        foreach (var type in oldIds.Keys.Union(newIds.Keys).Order())
        {
            var was = oldIds.GetValueOrDefault(type) ?? [];
            var now = newIds.GetValueOrDefault(type) ?? [];
            if (was.SequenceEqual(now))
            {
                continue;
            }

            var name = type.ToName();
            var removed = was.Except(now).ToList();
            var added = now.Except(was).ToList();
            changes.Add(removed.Count > 0 && added.Count > 0 ? $"{name} changed{on} from {string.Join(", ", removed)} to {string.Join(", ", added)}"
                : added.Count > 0 ? $"{name} added{on}: {string.Join(", ", added)}"
                : $"{name} removed{on}: {string.Join(", ", removed)}");
        }

        void Field(string name, string? was, string? now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add($"{name} changed{on} from {Quote(was)} to {Quote(now)}");
            }
        }

        Field("title", before.Title, after.Title);
        Field("poster", before.Poster, after.Poster);
        Field("city", before.City, after.City);
        Field("price", before.Price, after.Price);
        Field("age", before.Age, after.Age);
        if (before.Photos != after.Photos)
        {
            changes.Add($"photos changed{on}");
        }

        if (before.Text != after.Text && !changes.Any(c => !c.StartsWith("title", StringComparison.Ordinal) && !c.StartsWith("photos", StringComparison.Ordinal)))
        {
            changes.Add($"text changed{on}");
        }

        return changes.Count == 0 ? [$"content changed{on}"] : changes;
    }

    private static string Quote(string? s) => s is null ? "(none)" : "\"" + (s.Length > 60 ? s[..60] + "…" : s) + "\"";
}
