using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Tests.Support;

/// <summary>Deterministic synthetic cases (fictional numbers 555-01xx, example.com domains).</summary>
internal static class SampleGraphs
{
    private static readonly string[] Cities = ["Springfield", "Riverton", "Lakeside", "Fairview", "Greenville"];

    /// <summary>A case of <paramref name="clusters"/> clusters of <paramref name="adsPerCluster"/> ads, plus a hub phone shared by all.</summary>
    public static CaseGraph Corpus(int clusters = 3, int adsPerCluster = 8, int seed = 7, string? payload = null)
    {
        var rng = new Random(seed);
        var ads = new List<ReportAd>();
        var entities = new Dictionary<string, ReportEntity>(StringComparer.Ordinal);
        var links = new List<ReportLink>();
        var mentions = new List<ReportMention>();
        // Phones carry their details as a case stores them (CaseReportReader reads them from the case).
        var hub = new ReportEntity("phone:+13125550100", "phone", "+13125550100", IsHub: true) { Phone = PhoneNumberDetails.Describe("+13125550100") };
        entities[hub.Id] = hub;
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < clusters; c++)
        {
            var clusterId = $"C{c:D3}" + (payload ?? "");
            var phone = $"+1312555{(101 + c):D4}";
            var email = $"poster{c}@example.com";
            var handle = $"@snap_{c}" + (payload ?? "");
            var cityOffset = rng.Next(Cities.Length);
            for (var i = 0; i < adsPerCluster; i++)
            {
                var key = $"site{(payload ?? "")}/{c}-{i:D3}";
                var city = Cities[(cityOffset + (i / 3)) % Cities.Length] + (payload ?? "");
                var phoneRaw = $"312-555-{(101 + c):D4}";
                var title = $"New in town {i}" + (payload ?? "");
                var body = $"Call {phoneRaw} or mail {email}. {(payload ?? "")} Snap {handle} hub 312-555-0100";
                var text = title + "\n" + body;
                var ad = new ReportAd
                {
                    Key = key,
                    PostedAt = start.AddDays((c * 3) + i + (rng.NextDouble() * 0.5)),
                    City = city,
                    Text = text,
                    ClusterId = clusterId,
                    Images = [new ReportImage("photo" + (payload ?? "") + ".png", "image/png", TinyPng.Solid(8, 8, (byte)(40 * c), 120, 200), "ab12" + c)],
                };
                ads.Add(ad);
                Link(ad, new ReportEntity("phone:" + phone, "phone", phone) { Phone = PhoneNumberDetails.Describe(phone) }, phoneRaw);
                Link(ad, new ReportEntity("email:" + email, "email", email), email);
                Link(ad, new ReportEntity("snapchat:" + handle, "snapchat", handle), handle);
                Link(ad, hub, "312-555-0100");
            }
        }

        // One weak link per cluster pair of consecutive ads.
        for (var i = 1; i < ads.Count; i++)
        {
            if (ads[i].ClusterId == ads[i - 1].ClusterId && i % 4 == 0)
            {
                links.Add(new ReportLink(ads[i - 1].Key, ads[i].Key, ReportLinkKind.SimilarImage, 0.93));
            }
        }

        return new CaseGraph { Ads = ads, Entities = entities.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(), Links = links, Mentions = mentions };

        void Link(ReportAd ad, ReportEntity e, string raw)
        {
            entities.TryAdd(e.Id, e);
            links.Add(new ReportLink(ad.Key, e.Id, ReportLinkKind.Mentions));
            var at = ad.Text.IndexOf(raw, StringComparison.Ordinal);
            if (at >= 0)
            {
                mentions.Add(new ReportMention(ad.Key, e.Id, at, at + raw.Length));
            }
        }
    }

    /// <summary>A report model for the first cluster of <see cref="Corpus"/>, with risk indicators and sources.</summary>
    public static ClusterReportModel Report(string? payload = null, int adsPerCluster = 8)
    {
        var corpus = Corpus(3, adsPerCluster, payload: payload);
        var clusterId = corpus.Ads[0].ClusterId!;
        var p = payload ?? "";
        return new ClusterReportModel
        {
            ClusterId = clusterId,
            Graph = corpus.ForCluster(clusterId),
            RiskScore = 72.4,
            RiskIndicators =
            [
                new RiskIndicatorItem("Movement" + p, "Posts in 3+ cities within 14 days" + p, 0.3, 0.25, ["Springfield → Riverton → Lakeside" + p]),
                new RiskIndicatorItem("Shared phone" + p, "One phone in many ads" + p, 0.2, 0.2, ["+13125550101 in 8 ads" + p]),
                new RiskIndicatorItem("Third-party language" + p, "Ads written about someone else" + p, 0.4, 0.27, []),
            ],
            Sources = [new SourceFileItem("data/ads" + p + ".csv", new string('a', 64), 1234)],
            Parameters = new Dictionary<string, string> { ["seed"] = "42", ["hubThreshold" + p] = "50" + p },
            ToolVersion = "0.1.0",
            GeneratedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
            Analyst = "A. Analyst" + p,
            Notes = "Referral for review." + p,
        };
    }

    /// <summary>A random bipartite graph of roughly <paramref name="nodes"/> nodes in loose communities.</summary>
    public static CaseGraph Large(int nodes, int seed = 3)
    {
        var rng = new Random(seed);
        var adCount = nodes * 2 / 3;
        var entityCount = nodes - adCount;
        var ads = Enumerable.Range(0, adCount).Select(i => new ReportAd { Key = $"s/{i:D5}", ClusterId = "C" + (i / 40), Text = "ad " + i }).ToList();
        var entities = Enumerable.Range(0, entityCount).Select(i => new ReportEntity($"phone:{i}", i % 5 == 0 ? "email" : "phone", $"+1312555{i % 100:D4}", i == 0)).ToList();
        var links = new List<ReportLink>();
        for (var i = 0; i < adCount; i++)
        {
            var community = i / 40;
            for (var k = 0; k < 2; k++)
            {
                var e = Math.Min(entityCount - 1, (community * 20) + rng.Next(20));
                links.Add(new ReportLink(ads[i].Key, entities[e].Id, ReportLinkKind.Mentions));
            }
        }

        return new CaseGraph { Ads = ads, Entities = entities, Links = links };
    }
}
