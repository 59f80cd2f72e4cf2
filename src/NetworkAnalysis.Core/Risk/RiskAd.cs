using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>One ad as the risk indicators see it.</summary>
/// <remarks>All spans (<see cref="Entities"/>, <see cref="Attributes"/>) index <see cref="Text"/>.</remarks>
public sealed record RiskAd
{
    /// <summary>The ad key (<c>site/id</c>).</summary>
    public required string Key { get; init; }

    /// <summary>When the ad was posted, if known.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <summary>City of the listing, if known.</summary>
    public string? City { get; init; }

    /// <summary>Region or state of the listing, if known.</summary>
    public string? Region { get; init; }

    /// <summary>The span-indexed ad text (title, newline, body).</summary>
    public string Text { get; init; } = "";

    /// <summary>Price from the listing's structured fields, if any.</summary>
    public decimal? Price { get; init; }

    /// <summary>Stated age from the listing's structured fields, if any.</summary>
    public int? Age { get; init; }

    /// <summary>Identifier mentions found in <see cref="Text"/> (plus image hashes, which carry no span).</summary>
    public IReadOnlyList<RiskEntityMention> Entities { get; init; } = [];

    /// <summary>Attribute mentions (age, price, name, city, phrase) found in <see cref="Text"/>.</summary>
    public IReadOnlyList<AttributeMention> Attributes { get; init; } = [];

    /// <summary>An ad template ID from a template detector, if one ran; otherwise a fingerprint is derived.</summary>
    public string? TemplateId { get; init; }
}
