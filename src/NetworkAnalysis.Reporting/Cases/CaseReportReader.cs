using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Cases;

/// <summary>Maps the case onto the Reporting model (plain data): ads, entities, mention spans, sources, run parameters.</summary>
/// <remarks>
/// Reads through <see cref="CaseStore"/> and the analysis it stored: an entity is a hub exactly when the analysis that made
/// the current clusters judged it one (<see cref="StoredAnalysis.Hubs"/>), so reports, charts, exports and the workbench
/// agree with <c>netan hubs</c>.
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

    private readonly CaseStore _store;
    private readonly bool _ownsStore;
    private readonly Lazy<StoredAnalysis?> _analysis;

    /// <summary>Opens the case at <paramref name="casePath"/>.</summary>
    /// <exception cref="CaseStoreException">The file is missing or not a case file.</exception>
    public CaseReportReader(string casePath)
        : this(CaseStore.Open(casePath), ownsStore: true)
    {
    }

    /// <summary>Reads through an open case (not disposed with the reader).</summary>
    public CaseReportReader(CaseStore store)
        : this(store, ownsStore: false)
    {
    }

    private CaseReportReader(CaseStore store, bool ownsStore)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _ownsStore = ownsStore;
        _analysis = new Lazy<StoredAnalysis?>(store.LoadAnalysis);
    }

    /// <summary>The stored analysis (parameters, hub verdicts), or null when the case has not been analysed.</summary>
    public StoredAnalysis? Analysis => _analysis.Value;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsStore)
        {
            _store.Dispose();
        }
    }

    /// <summary>Whether the case has clusters (an analyze run happened).</summary>
    public bool HasClusters() => Analysis is not null;

    /// <summary>Whether a cluster with this ID exists.</summary>
    public bool ClusterExists(string clusterId) => _store.GetCluster(clusterId) is not null;

    /// <summary>Cluster sizes, for the size distribution.</summary>
    public IReadOnlyList<int> ClusterSizes() => _store.ClusterSizes();

    /// <summary>The graph of the whole case, or of one cluster when <paramref name="clusterId"/> is given; hubs as the analysis stored them.</summary>
    public CaseGraph LoadGraph(string? clusterId, bool loadImages, CancellationToken ct)
    {
        var ads = new List<ReportAd>();
        foreach (var a in _store.CaseAds(clusterId))
        {
            ct.ThrowIfCancellationRequested();
            ads.Add(new ReportAd
            {
                Key = a.Key,
                PostedAt = a.PostedAt is null ? null : DateTimeOffset.TryParse(a.PostedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
                City = a.City,
                Region = a.Region,
                Country = a.Country,
                Price = a.Price,
                Age = a.Age,
                Text = a.Text,
                ClusterId = a.ClusterId,
                Images = a.Images is null ? [] : Images(a.Images, a.SourcePath, loadImages),
            });
        }

        var hubs = Analysis?.HubEntityIds ?? new HashSet<long>();
        var entities = new Dictionary<string, ReportEntity>(StringComparer.Ordinal);
        var links = new HashSet<(string, string)>();
        var linkList = new List<ReportLink>();
        var mentions = new List<ReportMention>();
        foreach (var m in _store.CaseMentions(clusterId))
        {
            ct.ThrowIfCancellationRequested();
            var id = m.Type + ":" + m.Value;
            if (!entities.ContainsKey(id))
            {
                entities[id] = new ReportEntity(id, m.Type, m.Value, hubs.Contains(m.EntityId));
            }

            if (links.Add((m.AdKey, id)))
            {
                linkList.Add(new ReportLink(m.AdKey, id, ReportLinkKind.Mentions));
            }

            if (m is { Start: >= 0, End: { } end })
            {
                mentions.Add(new ReportMention(m.AdKey, id, m.Start.Value, end));
            }
        }

        // The phones' region, place and type as the case stores them (the whole case's at once for a whole-case graph).
        var phoneIds = entities.Values.Where(e => e.Type == "phone").Select(e => e.Id).ToList();
        if (phoneIds.Count > 0)
        {
            var phones = _store.PhoneDetails(clusterId is null ? null : phoneIds.Select(id => entities[id].Value));
            foreach (var id in phoneIds)
            {
                if (phones.TryGetValue(entities[id].Value, out var details))
                {
                    entities[id] = entities[id] with { Phone = details };
                }
            }
        }

        // Weak links (near-duplicate photos and text) of the last analysis, between ads of this graph.
        var adKeys = ads.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (a, b, kind, similarity) in _store.WeakLinkPairs())
        {
            ct.ThrowIfCancellationRequested();
            if (adKeys.Contains(a) && adKeys.Contains(b))
            {
                linkList.Add(new ReportLink(a, b, kind == "image" ? ReportLinkKind.SimilarImage : ReportLinkKind.SimilarText, similarity));
            }
        }

        // Standing analyst decisions, carried by every export: on the identifiers and ads they name.
        var effects = _store.ReadDecisionEffects();
        if (!effects.IsEmpty)
        {
            foreach (var id in entities.Keys.ToList())
            {
                if (effects.ForIdentifier(id) is { } line)
                {
                    entities[id] = entities[id] with { Decision = line };
                }
            }

            for (var i = 0; i < ads.Count; i++)
            {
                if (effects.ForAd(ads[i].Key) is { Count: > 0 } lines)
                {
                    ads[i] = ads[i] with { Decisions = lines };
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
    public IReadOnlyList<SourceFileItem> Sources() => _store.SourceFiles().Select(s => new SourceFileItem(s.Path, s.Sha256, s.Size)).ToList();

    /// <summary>Parameters and version of the analyze run that made the current clusters, flattened to name → value.</summary>
    public Dictionary<string, string> LatestRunParameters()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Analysis is not { } analysis)
        {
            return result;
        }

        result["analyze.run"] = analysis.RunId.ToString(CultureInfo.InvariantCulture);
        result["analyze.version"] = analysis.Version;
        result["analyze.startedAt"] = analysis.StartedAt;
        try
        {
            using var doc = JsonDocument.Parse(analysis.ParametersJson);
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
            result["analyze.parameters"] = analysis.ParametersJson;
        }

        result["analyze.hubs"] = analysis.Hubs.Count.ToString(CultureInfo.InvariantCulture);
        return result;
    }

    private static List<ReportImage> Images(string joined, string sourcePath, bool load)
    {
        var list = new List<ReportImage>();
        foreach (var name in joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The workbench's rule (LocalImageFile): only a file inside the input's folder by its real path (a link out of it
            // is refused), and only bytes that decode as an image; URLs and other paths stay references.
            var image = load ? LocalImageFile.Read(sourcePath, name, MaxImageBytes) : null;
            var type = image?.ContentType ?? ImageTypes.GetValueOrDefault(Path.GetExtension(name));
            var bytes = image?.Bytes;
            list.Add(new ReportImage(name, type, bytes, bytes is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
        }

        return list;
    }
}
