namespace NetworkAnalysis.Core.Risk;

/// <summary>The outcome of reading an indicator file: exactly one of <see cref="Set"/> and a non-empty <see cref="Errors"/>.</summary>
/// <param name="Set">The loaded set, or null when the file is invalid.</param>
/// <param name="Errors">Problems found, each a human-readable sentence.</param>
public sealed record IndicatorSetLoadResult(IndicatorSet? Set, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the file loaded.</summary>
    public bool IsSuccess => Set is not null;
}
