namespace NetworkAnalysis.Core.Text;

/// <summary>Text after normalisation, with a map from every normalised character back to the original text.</summary>
/// <remarks>
/// Each normalised character comes from a contiguous span of the original (one character, a surrogate pair,
/// an HTML entity or tag, or a compatibility character that NFKC expands). Spans of normalised text map back
/// to original spans with <see cref="ToOriginal"/>. Immutable and thread-safe.
/// </remarks>
public sealed class NormalisedText
{
    // Exactly one of: both arrays null (identity map), or both at least Text.Length long (entries past it unused).
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    internal NormalisedText(string original, string text, int[]? starts, int[]? ends)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The original text, as given.</summary>
    public string Original { get; }

    /// <summary>The normalised text (NFKC, ASCII digits, no HTML, no invisible characters).</summary>
    public string Text { get; }

    /// <summary>Whether the normalised text is the original text unchanged.</summary>
    public bool IsIdentity => _starts is null;

    /// <summary>Start offset in the original text of the normalised character at <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => _starts is null ? index : _starts[InRange(index)];

    /// <summary>End offset (exclusive) in the original text of the normalised character at <paramref name="index"/>.</summary>
    public int OriginalEnd(int index) => _ends is null ? index + 1 : _ends[InRange(index)];

    private int InRange(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Text.Length);
        return index;
    }

    /// <summary>Maps the normalised span [<paramref name="start"/>, <paramref name="end"/>) to a span of the original text.</summary>
    /// <remarks>The span must be non-empty and inside <see cref="Text"/>.</remarks>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, end);
        return (OriginalStart(start), OriginalEnd(end - 1));
    }
}
