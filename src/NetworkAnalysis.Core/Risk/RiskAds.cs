using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>Builds <see cref="RiskAd"/> values from ads and their extraction results.</summary>
public static class RiskAds
{
    /// <summary>A risk ad from an ad and what was extracted from its text.</summary>
    /// <remarks>
    /// The poster account and precomputed image hashes become <see cref="EntityType.Poster"/> and
    /// <see cref="EntityType.Image"/> mentions without a span, as the case store records them.
    /// </remarks>
    public static RiskAd FromAd(Ad ad, ExtractionResult extraction, Func<EntityType, string, bool>? isHub = null)
    {
        ArgumentNullException.ThrowIfNull(ad);
        ArgumentNullException.ThrowIfNull(extraction);
        var entities = new List<RiskEntityMention>(extraction.Entities.Count + ad.ImageHashes.Count + 1);
        foreach (var m in extraction.Entities)
        {
            entities.Add(new RiskEntityMention(m.Type, m.Value, m.Start, m.End) { Raw = m.Raw, IsHub = isHub?.Invoke(m.Type, m.Value) ?? false });
        }

        if (PosterAccount.Canonical(ad.Site, ad.Poster) is { } value)
        {
            // Same canonical forms as the case store: site-qualified account, bare lowercase image hash.
            entities.Add(new RiskEntityMention(EntityType.Poster, value, 0, 0) { IsHub = isHub?.Invoke(EntityType.Poster, value) ?? false });
        }

        foreach (var raw in ad.ImageHashes)
        {
            var hash = raw.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? raw[7..].ToLowerInvariant() : raw;
            entities.Add(new RiskEntityMention(EntityType.Image, hash, 0, 0) { IsHub = isHub?.Invoke(EntityType.Image, hash) ?? false });
        }

        return new RiskAd
        {
            Key = ad.Key,
            PostedAt = ad.PostedAt,
            City = ad.City,
            Region = ad.Region,
            Text = ad.Text,
            Price = ad.Price,
            Age = ad.Age,
            Entities = entities,
            Attributes = extraction.Attributes,
        };
    }
}
