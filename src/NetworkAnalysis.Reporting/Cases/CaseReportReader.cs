using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Cases;

/// <summary>Maps the case file onto the Reporting model (plain data): ads, entities, mention spans, sources, run parameters.</summary>
/// <remarks>
/// Reads the case file read-only with its own connection, so reports can be made while another process writes.
/// An entity is drawn as a hub when the hub detector says so (see <see cref="CaseHubs"/>), when its type does not
/// link ads (URLs), or when its ads fall in more than one cluster.
/// TODO(#7): move these queries into Storage (CaseStore.Reporting.cs) when the store grows a reporting API.
/// </remarks>
public sealed class CaseReportReader : IDisposable
{
    private const long MaxImageBytes = 4 * 1024 * 1024;
    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    private readonly SqliteConnection _db;

    /// <summary>Opens <paramref name="casePath"/> read-only.</summary>
    /// <exception cref="CaseStoreException">The file does not exist.</exception>
    public CaseReportReader(string casePath)
    {
        if (!File.Exists(casePath))
        {
            throw new CaseStoreException($"case file not found: {casePath} (run `netan ingest` or `netan demo` first, or pass --case)");
        }

        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(casePath), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _db.Open();
    }

    /// <inheritdoc/>
    public void Dispose() => _db.Dispose();

    /// <summary>Whether the case has clusters (an analyze run happened).</summary>
    public bool HasClusters() => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM clusters"), CultureInfo.InvariantCulture) > 0;

    /// <summary>Whether a cluster with this ID exists.</summary>
    public bool ClusterExists(string clusterId) =>
        Convert.ToInt64(Scalar("SELECT COUNT(*) FROM clusters WHERE id = $c", ("$c", clusterId)), CultureInfo.InvariantCulture) > 0;

    /// <summary>Cluster sizes, for the size distribution.</summary>
    public IReadOnlyList<int> ClusterSizes()
    {
        using var cmd = Command("SELECT size FROM clusters ORDER BY id");
        using var r = cmd.ExecuteReader();
        var sizes = new List<int>();
        while (r.Read())
        {
            sizes.Add(r.GetInt32(0));
        }

        return sizes;
    }

    /// <summary>The graph of the whole case, or of one cluster when <paramref name="clusterId"/> is given.</summary>
    public CaseGraph LoadGraph(string? clusterId, bool loadImages, IReadOnlySet<string> hubIds, CancellationToken ct)
    {
        var filter = clusterId is null ? "" : " WHERE m.cluster_id = $c";
        var ads = new List<ReportAd>();
        using (var cmd = Command($"""
            SELECT a.id, a.ad_key, a.posted_at, a.city, a.text, m.cluster_id, a.images, s.path
            FROM ads a JOIN sources s ON s.id = a.source_id LEFT JOIN memberships m ON m.ad = a.id{filter}
            ORDER BY a.ad_key
            """, ("$c", clusterId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ct.ThrowIfCancellationRequested();
                ads.Add(new ReportAd
                {
                    Key = r.GetString(1),
                    PostedAt = r.IsDBNull(2) ? null : DateTimeOffset.TryParse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
                    City = r.IsDBNull(3) ? null : r.GetString(3),
                    Text = r.GetString(4),
                    ClusterId = r.IsDBNull(5) ? null : r.GetString(5),
                    Images = r.IsDBNull(6) ? [] : Images(r.GetString(6), r.GetString(7), loadImages),
                });
            }
        }

        var entityStats = EntityStats();
        var entities = new Dictionary<string, ReportEntity>(StringComparer.Ordinal);
        var links = new HashSet<(string, string)>();
        var linkList = new List<ReportLink>();
        var mentions = new List<ReportMention>();
        using (var cmd = Command($"""
            SELECT a.ad_key, e.id, e.type, e.value, mn.start, mn.end
            FROM mentions mn JOIN ads a ON a.id = mn.ad JOIN entities e ON e.id = mn.entity LEFT JOIN memberships m ON m.ad = a.id{filter}
            ORDER BY a.ad_key, mn.start, e.id
            """, ("$c", clusterId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ct.ThrowIfCancellationRequested();
                var (adKey, rowId, type, value) = (r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3));
                var id = type + ":" + value;
                if (!entities.ContainsKey(id))
                {
                    var clusterCount = entityStats.GetValueOrDefault(rowId).Clusters;
                    var strong = EntityTypeNames.TryParse(type, out var et) && et.IsStrongLink();
                    entities[id] = new ReportEntity(id, type, value, !strong || clusterCount > 1 || hubIds.Contains(id));
                }

                if (links.Add((adKey, id)))
                {
                    linkList.Add(new ReportLink(adKey, id, ReportLinkKind.Mentions));
                }

                if (!r.IsDBNull(4) && !r.IsDBNull(5) && r.GetInt32(4) >= 0)
                {
                    mentions.Add(new ReportMention(adKey, id, r.GetInt32(4), r.GetInt32(5)));
                }
            }
        }

        // Weak links (near-duplicate photos and text) of the last analysis, between ads of this graph.
        var adKeys = ads.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        using (var exists = Command("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'weak_links'"))
        {
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                using var cmd = Command("""
                    SELECT a.ad_key, b.ad_key, w.kind, w.similarity FROM weak_links w
                    JOIN ads a ON a.id = w.ad_a JOIN ads b ON b.id = w.ad_b ORDER BY a.ad_key, b.ad_key, w.kind
                    """);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    ct.ThrowIfCancellationRequested();
                    if (adKeys.Contains(r.GetString(0)) && adKeys.Contains(r.GetString(1)))
                    {
                        linkList.Add(new ReportLink(r.GetString(0), r.GetString(1),
                            r.GetString(2) == "image" ? ReportLinkKind.SimilarImage : ReportLinkKind.SimilarText, r.GetDouble(3)));
                    }
                }
            }
        }

        return new CaseGraph
        {
            Ads = ads,
            Entities = entities.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(),
            Links = linkList,
            Mentions = mentions,
        };
    }

    /// <summary>Input files with their hashes.</summary>
    public IReadOnlyList<SourceFileItem> Sources()
    {
        using var cmd = Command("SELECT path, sha256, size FROM sources ORDER BY id");
        using var r = cmd.ExecuteReader();
        var list = new List<SourceFileItem>();
        while (r.Read())
        {
            list.Add(new SourceFileItem(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }

        return list;
    }

    /// <summary>Parameters and version of the latest analyze run, flattened to name → value.</summary>
    public Dictionary<string, string> LatestRunParameters()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id, version, parameters, started_at FROM runs WHERE kind = 'analyze' ORDER BY id DESC LIMIT 1");
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return result;
        }

        result["analyze.run"] = r.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        result["analyze.version"] = r.GetString(1);
        result["analyze.startedAt"] = r.GetString(3);
        try
        {
            using var doc = JsonDocument.Parse(r.GetString(2));
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    result["analyze." + p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            result["analyze.parameters"] = r.GetString(2);
        }

        return result;
    }

    private Dictionary<long, (int Ads, int Clusters)> EntityStats()
    {
        using var cmd = Command("""
            SELECT mn.entity, COUNT(DISTINCT mn.ad), COUNT(DISTINCT m.cluster_id)
            FROM mentions mn LEFT JOIN memberships m ON m.ad = mn.ad GROUP BY mn.entity
            """);
        using var r = cmd.ExecuteReader();
        var stats = new Dictionary<long, (int, int)>();
        while (r.Read())
        {
            stats[r.GetInt64(0)] = (r.GetInt32(1), r.GetInt32(2));
        }

        return stats;
    }

    private static List<ReportImage> Images(string joined, string sourcePath, bool load)
    {
        var list = new List<ReportImage>();
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? ".";
        foreach (var name in joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            byte[]? bytes = null;
            var type = ImageTypes.GetValueOrDefault(Path.GetExtension(name));
            // Only local files beside the input are read; URLs and paths that leave the folder stay references.
            if (load && type is not null && !name.Contains("://", StringComparison.Ordinal))
            {
                var full = Path.GetFullPath(Path.Combine(baseDir, name));
                if (full.StartsWith(baseDir, StringComparison.Ordinal) && File.Exists(full) && new FileInfo(full).Length <= MaxImageBytes)
                {
                    bytes = File.ReadAllBytes(full);
                }
            }

            list.Add(new ReportImage(name, type, bytes, bytes is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
        }

        return list;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return cmd;
    }
}
