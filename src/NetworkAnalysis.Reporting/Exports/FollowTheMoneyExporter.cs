using System.Text.Json;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>FollowTheMoney entities as JSON lines (one <c>{"id","schema","properties"}</c> object per line), for Aleph and similar platforms.</summary>
/// <remarks>
/// Mapping: a cluster is a <c>LegalEntity</c> (the unknown poster network) holding its non-hub phones, e-mails and
/// URLs; an ad is a <c>PlainText</c> document with <c>phoneMentioned</c>/<c>emailMentioned</c>; handles and payment
/// IDs are <c>UserAccount</c>s and crypto addresses <c>CryptoWallet</c>s owned by the cluster; an <c>UnknownLink</c>
/// ties each ad to its cluster. Property values are always arrays of strings, as FtM requires. Standing analyst
/// decisions are <c>notes</c> (a property of every FtM Thing): on each ad they name, on each account or wallet decided a
/// hub or never-hub, and on the cluster holding those ads or mentioning those identifiers, one line each.
/// </remarks>
public sealed class FollowTheMoneyExporter : IGraphExporter
{
    private static readonly HashSet<string> Wallets = new(StringComparer.Ordinal) { "btc", "eth", "usdt" };
    private static readonly HashSet<string> Accounts = new(StringComparer.Ordinal)
    {
        "cashtag", "venmo", "paypal", "zelle", "applecash", "snapchat", "instagram", "telegram", "whatsapp", "kik", "twitter", "onlyfans", "wechat", "line", "poster",
    };

    /// <inheritdoc/>
    public string Format => "ftm";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default) =>
        [ExportFiles.Binary(directory, "entities.ftm.json", s => Write(graph, s, cancellationToken))];

    /// <summary>The FtM ID of a cluster's LegalEntity.</summary>
    public static string ClusterEntityId(string clusterId) => ExportIds.Hashed("netan-cluster", clusterId);

    /// <summary>The FtM ID of an ad's document.</summary>
    public static string AdEntityId(string adKey) => ExportIds.Hashed("netan-ad", adKey);

    /// <summary>Writes the JSON lines to <paramref name="stream"/>.</summary>
    public static void Write(CaseGraph graph, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var entities = graph.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var adCluster = graph.Ads.ToDictionary(a => a.Key, a => a.ClusterId, StringComparer.Ordinal);
        var byAd = graph.Links.Where(l => l.Kind == ReportLinkKind.Mentions && entities.ContainsKey(l.Target))
            .GroupBy(l => l.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => entities[l.Target]).ToList(), StringComparer.Ordinal);

        foreach (var cluster in graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = cluster.SelectMany(a => byAd.TryGetValue(a.Key, out var es) ? es : []).Where(e => e.Links)
                .DistinctBy(e => e.Id).ToList();
            Line(stream, ClusterEntityId(cluster.Key), "LegalEntity", new()
            {
                ["name"] = ["Poster network " + cluster.Key],
                ["phone"] = ids.Where(e => e.Type == "phone").Select(e => e.Value).ToList(),
                ["email"] = ids.Where(e => e.Type == "email").Select(e => e.Value).ToList(),
                ["website"] = ids.Where(e => e.Type == "url").Select(e => e.Value).ToList(),
                ["notes"] = [$"Cluster {cluster.Key} of {cluster.Count()} ads linked by shared identifiers (NetworkAnalysis).",
                    .. cluster.SelectMany(a => a.Decisions)
                        .Concat(cluster.SelectMany(a => byAd.TryGetValue(a.Key, out var es) ? es : []).Select(e => e.Decision).OfType<string>())
                        .Distinct(StringComparer.Ordinal)],
            });
        }

        foreach (var ad in graph.Ads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mentioned = byAd.TryGetValue(ad.Key, out var es) ? es : [];
            var newline = ad.Text.IndexOf('\n', StringComparison.Ordinal);
            Line(stream, AdEntityId(ad.Key), "PlainText", new()
            {
                ["title"] = [newline < 0 ? ad.Text : ad.Text[..newline]],
                ["fileName"] = [ad.Key],
                ["bodyText"] = [ad.Text],
                ["publishedAt"] = ad.PostedAt is { } t ? [t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss")] : [],
                ["address"] = ad.City is null ? [] : [ad.City],
                ["phoneMentioned"] = mentioned.Where(e => e.Type == "phone").Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList(),
                ["emailMentioned"] = mentioned.Where(e => e.Type == "email").Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList(),
                ["notes"] = [.. ad.Decisions],
            });
            if (ad.ClusterId is not null)
            {
                Line(stream, ExportIds.Hashed("netan-link", ad.Key), "UnknownLink", new()
                {
                    ["subject"] = [ClusterEntityId(ad.ClusterId)],
                    ["object"] = [AdEntityId(ad.Key)],
                    ["role"] = ["posted ad"],
                });
            }
        }

        foreach (var e in graph.Entities.Where(e => Wallets.Contains(e.Type) || Accounts.Contains(e.Type)))
        {
            var owners = !e.Links ? [] : graph.Links.Where(l => l.Kind == ReportLinkKind.Mentions && l.Target == e.Id)
                .Select(l => adCluster.GetValueOrDefault(l.Source)).OfType<string>().Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).Select(ClusterEntityId).ToList();
            if (Wallets.Contains(e.Type))
            {
                Line(stream, ExportIds.Hashed("netan-wallet", e.Id), "CryptoWallet", new()
                {
                    ["publicKey"] = [e.Value],
                    ["currencySymbol"] = [e.Type.ToUpperInvariant()],
                    ["holder"] = owners,
                    ["notes"] = e.Decision is null ? [] : [e.Decision],
                });
            }
            else
            {
                Line(stream, ExportIds.Hashed("netan-account", e.Id), "UserAccount", new()
                {
                    ["username"] = [e.Value],
                    ["service"] = [e.Type],
                    ["owner"] = owners,
                    ["notes"] = e.Decision is null ? [] : [e.Decision],
                });
            }
        }
    }

    private static void Line(Stream stream, string id, string schema, Dictionary<string, List<string>> properties)
    {
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("schema", schema);
            w.WriteStartObject("properties");
            foreach (var (name, values) in properties)
            {
                if (values.Count == 0)
                {
                    continue;
                }

                w.WriteStartArray(name);
                foreach (var v in values)
                {
                    w.WriteStringValue(Utf16.Scrub(v));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }
}
