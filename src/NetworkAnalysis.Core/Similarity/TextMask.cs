using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>A span of an ad's original text that holds an identifier, masked before template shingling.</summary>
/// <param name="Start">Start offset (UTF-16 code units) in the original text, inclusive.</param>
/// <param name="End">End offset in the original text, exclusive.</param>
/// <param name="Type">What the span holds; the whole span becomes one token for its type.</param>
/// <remarks>Take these from the extractor's mentions (<see cref="Mention.Start"/>, <see cref="Mention.End"/>).</remarks>
public readonly record struct TextMask(int Start, int End, EntityType Type)
{
    /// <summary>The masks of an extraction's identifier mentions.</summary>
    public static TextMask[] FromMentions(IEnumerable<Mention> mentions) =>
        [.. (mentions ?? throw new ArgumentNullException(nameof(mentions))).Select(m => new TextMask(m.Start, m.End, m.Type))];
}
