namespace NetworkAnalysis.Core.Risk;

/// <summary>A renderer-independent excerpt of an ad showing one piece of evidence.</summary>
/// <param name="AdKey">The ad.</param>
/// <param name="Note">What the evidence shows.</param>
/// <param name="Text">The excerpt: ad text around the span, control characters replaced by spaces, identifiers masked when redacting. Raw ad text: escape it when rendering.</param>
/// <param name="HighlightStart">Start of the evidence span within <paramref name="Text"/>; equals <paramref name="HighlightEnd"/> when there is no span.</param>
/// <param name="HighlightEnd">End of the evidence span within <paramref name="Text"/>, exclusive.</param>
/// <param name="SpanStart">Start of the evidence span in the full ad text.</param>
/// <param name="SpanEnd">End of the evidence span in the full ad text, exclusive.</param>
public sealed record EvidenceExcerpt(string AdKey, string Note, string Text, int HighlightStart, int HighlightEnd, int SpanStart, int SpanEnd)
{
    /// <summary>Whether the excerpt starts after the beginning of the ad text (render a leading ellipsis).</summary>
    public bool TruncatedStart { get; init; }

    /// <summary>Whether the excerpt ends before the end of the ad text (render a trailing ellipsis).</summary>
    public bool TruncatedEnd { get; init; }
}
