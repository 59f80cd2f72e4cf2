namespace NetworkAnalysis.Core.Risk;

/// <summary>One piece of evidence behind an indicator: an ad and, where there is one, a span of its text.</summary>
/// <param name="AdKey">The ad the evidence comes from.</param>
/// <param name="Start">Start offset in the ad's text, inclusive; equal to <paramref name="End"/> when the evidence is not a span (city, time, image).</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="Note">What this evidence shows, e.g. <c>name "Mia"</c> or <c>posted 2024-03-01 14:00 in Houston</c>.</param>
public sealed record RiskEvidence(string AdKey, int Start, int End, string Note)
{
    /// <summary>Whether the evidence points at a span of text.</summary>
    public bool HasSpan => End > Start;
}
