using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>One identifier in an ad, as the risk indicators see it.</summary>
/// <param name="Type">The identifier type; shared photos use <see cref="EntityType.Image"/>.</param>
/// <param name="Value">The canonical value (E.164, lowercased e-mail, image hash, …).</param>
/// <param name="Start">Start offset in <see cref="RiskAd.Text"/>, inclusive; equal to <paramref name="End"/> when the identifier has no span (images).</param>
/// <param name="End">End offset, exclusive.</param>
public sealed record RiskEntityMention(EntityType Type, string Value, int Start, int End)
{
    /// <summary>Whether the graph judged this entity a hub (shared by unrelated posters); hubs are ignored as evidence.</summary>
    public bool IsHub { get; init; }

    /// <summary>The text as written, when known; used to tell obfuscated numbers ("five5five…") from plain ones.</summary>
    public string? Raw { get; init; }
}
