using System.Globalization;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Graphs.Synthetic;

/// <summary>Generates an ad–entity incidence with planted poster rings, hub identifiers and false bridges.</summary>
/// <remarks>
/// Each ring has a small pool of identifiers (1–2 phones, maybe an e-mail and a Telegram handle, 1–3 photos); each
/// of its ads mentions 2–3 of them plus its own photo, URL and sometimes e-mail, so a ring is usually, not always, connected. Hubs
/// are shared across many rings; bridges are one identifier of ring A reused by one ad of ring B. All values are
/// fictional: NANP 555-01xx, UK 07700 900xxx, AU 0491 570xxx, example.com/.org addresses, synthetic hashes.
/// Deterministic for a seed; about 5 links per ad; O(ads) time.
/// </remarks>
public static class PlantedIncidenceGenerator
{
    /// <summary>Generates an incidence.</summary>
    public static PlantedIncidence Generate(PlantedIncidenceOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Ads);
        var rng = new Random(options.Seed);
        var types = new List<EntityType>();
        var values = new List<string>();
        var linkAds = new List<int>(options.Ads * 5);
        var linkEntities = new List<int>(options.Ads * 5);
        var phones = new PhonePool();
        int NewEntity(EntityType type, string value)
        {
            types.Add(type);
            values.Add(value);
            return types.Count - 1;
        }

        var hubs = new List<int>();
        var hubCount = options.Hubs ?? (options.Ads / 2_000) + 3;
        for (var h = 0; h < hubCount; h++)
        {
            var n = h.ToString(CultureInfo.InvariantCulture);
            hubs.Add((h % 3) switch
            {
                0 => NewEntity(EntityType.Phone, PhonePool.Hub(h / 3)),
                1 => NewEntity(EntityType.Image, "stock" + n),
                _ => NewEntity(EntityType.Email, "bookings" + n + "@example.org"),
            });
        }

        var ring = new int[options.Ads];
        var weak = new List<WeakLink>();
        var pools = new List<int[]>();
        var ringStart = new List<int>();
        var adEntities = new List<int>(8);
        var ad = 0;
        while (ad < options.Ads)
        {
            if ((pools.Count & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var r = pools.Count;
            var size = Math.Min(options.Ads - ad, Math.Min(options.MaxRingSize, 1 + (int)(-Math.Log(1 - rng.NextDouble()) * (options.MeanRingSize - 1))));
            var pool = NewPool(r, rng, phones, NewEntity);
            pools.Add(pool);
            ringStart.Add(ad);
            int[]? bridge = r > 0 && rng.NextDouble() < options.BridgeRate ? pools[rng.Next(r)] : null;
            for (var i = 0; i < size; i++, ad++)
            {
                ring[ad] = r;
                adEntities.Clear();
                adEntities.Add(pool[rng.NextDouble() < 0.85 ? 0 : rng.Next(pool.Length)]);
                for (var extra = rng.Next(1, 3); extra > 0; extra--)
                {
                    adEntities.Add(pool[rng.Next(pool.Length)]);
                }

                var key = ad.ToString("x", CultureInfo.InvariantCulture);
                adEntities.Add(NewEntity(EntityType.Image, "i" + key));
                adEntities.Add(NewEntity(EntityType.Url, "https://example.com/ad/" + key));
                if (rng.NextDouble() < 0.5)
                {
                    adEntities.Add(NewEntity(EntityType.Email, "a" + key + "@example.net"));
                }
                if (rng.NextDouble() < options.HubMentionRate && hubs.Count > 0)
                {
                    adEntities.Add(hubs[rng.Next(hubs.Count)]);
                }

                if (bridge is not null && i == 0)
                {
                    adEntities.Add(bridge[0]);
                }

                adEntities.Sort();
                for (var k = 0; k < adEntities.Count; k++)
                {
                    if (k == 0 || adEntities[k] != adEntities[k - 1])
                    {
                        linkAds.Add(ad);
                        linkEntities.Add(adEntities[k]);
                    }
                }

                if (i > 0 && rng.NextDouble() < options.WeakLinkRate)
                {
                    weak.Add(new WeakLink(ringStart[r] + rng.Next(i), ad, WeakLinkKind.TextNearDuplicate, 0.85 + (0.15 * rng.NextDouble())));
                }

                if (ad > 0 && rng.NextDouble() < options.FalseWeakLinkRate)
                {
                    var other = rng.Next(ad);
                    if (ring[other] != r)
                    {
                        weak.Add(new WeakLink(other, ad, rng.Next(2) == 0 ? WeakLinkKind.TextNearDuplicate : WeakLinkKind.ImageNearDuplicate, 0.5 + (0.4 * rng.NextDouble())));
                    }
                }
            }
        }

        var adKeys = new string[options.Ads];
        for (var a = 0; a < adKeys.Length; a++)
        {
            adKeys[a] = "synth/" + a.ToString("D8", CultureInfo.InvariantCulture);
        }

        var incidence = new AdEntityIncidence(adKeys, [.. types], [.. values], [.. linkAds], [.. linkEntities]);
        return new PlantedIncidence(incidence, ring, weak, hubs);
    }

    private static int[] NewPool(int r, Random rng, PhonePool phones, Func<EntityType, string, int> newEntity)
    {
        var pool = new List<int>(6);
        var n = r.ToString("x", CultureInfo.InvariantCulture);
        for (var p = rng.Next(1, 3); p > 0; p--)
        {
            pool.Add(phones.TryNext(out var phone) ? newEntity(EntityType.Phone, phone) : newEntity(EntityType.Telegram, "example_r" + n + "_" + p));
        }

        if (rng.NextDouble() < 0.5)
        {
            pool.Add(newEntity(EntityType.Email, "r" + n + "@example.com"));
        }

        if (rng.NextDouble() < 0.3)
        {
            pool.Add(newEntity(EntityType.Telegram, "example_t" + n));
        }

        for (var p = rng.Next(1, 4); p > 0; p--)
        {
            pool.Add(newEntity(EntityType.Image, "r" + n + "p" + p));
        }

        return [.. pool];
    }

    /// <summary>Fictional phone numbers in E.164: NANP 555-0100..0198 over area codes 201–989, then UK and AU ranges.</summary>
    private sealed class PhonePool
    {
        private int _next;

        public static string Hub(int h) => "+1" + (201 + (h % 789)).ToString(CultureInfo.InvariantCulture) + "5550199";

        public bool TryNext(out string phone)
        {
            var k = _next++;
            if (k < 789 * 99)
            {
                phone = "+1" + (201 + (k / 99)).ToString(CultureInfo.InvariantCulture) + "55501" + (k % 99).ToString("D2", CultureInfo.InvariantCulture);
                return true;
            }

            k -= 789 * 99;
            if (k < 1000)
            {
                phone = "+447700900" + k.ToString("D3", CultureInfo.InvariantCulture);
                return true;
            }

            k -= 1000;
            if (k < 1000)
            {
                phone = "+61491570" + k.ToString("D3", CultureInfo.InvariantCulture);
                return true;
            }

            phone = "";
            return false;
        }
    }
}
