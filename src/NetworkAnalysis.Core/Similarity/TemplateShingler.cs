using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Turns an ad's text into word-shingle hashes, with identifiers masked and numbers folded.</summary>
/// <remarks>
/// The text is normalised (<see cref="TextNormaliser"/>: HTML, entities, compatibility forms) and lowercased; words
/// are runs of letters or digits. A word whose original position falls inside a mask becomes one token for the
/// mask's type (so a new phone number keeps the template), a word containing a digit becomes one number token
/// (prices and ages change from ad to ad). Shingles are <c>k</c> consecutive tokens hashed to 32 bits.
/// </remarks>
internal static class TemplateShingler
{
    private const ulong Fnv = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;
    private const ulong NumberToken = 0x9E3779B97F4A7C15UL;

    /// <summary>Appends the distinct shingle hashes of <paramref name="text"/> to <paramref name="into"/>, sorted ascending.</summary>
    public static void Shingle(string text, IReadOnlyList<TextMask> masks, int k, List<uint> into, List<ulong> tokens)
    {
        tokens.Clear();
        var start = into.Count;
        Tokenise(text ?? "", masks, tokens);
        if (tokens.Count == 0)
        {
            return;
        }

        var width = Math.Min(k, tokens.Count);
        for (var i = 0; i + width <= tokens.Count; i++)
        {
            var h = (ulong)width;
            for (var j = 0; j < width; j++)
            {
                h = (h * 0x100000001B3UL) ^ tokens[i + j];
                h ^= h >> 29;
            }

            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 32;
            into.Add((uint)h);
        }

        // Sorted and distinct: Jaccard verification merges two such runs.
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(into)[start..];
        span.Sort();
        var write = 1;
        for (var read = 1; read < span.Length; read++)
        {
            if (span[read] != span[write - 1])
            {
                span[write++] = span[read];
            }
        }

        into.RemoveRange(start + write, span.Length - write);
    }

    private static void Tokenise(string text, IReadOnlyList<TextMask> masks, List<ulong> tokens)
    {
        var normalised = TextNormaliser.Normalise(text);
        var s = normalised.Text;
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]))
            {
                i++;
                continue;
            }

            var mask = MaskAt(masks, normalised.OriginalStart(i));
            if (mask is { } m)
            {
                // The whole identifier is one token; skip every character that maps into the same span.
                tokens.Add(TypeToken(m.Type));
                while (i < s.Length && normalised.OriginalStart(i) < m.End)
                {
                    i++;
                }

                continue;
            }

            var h = Fnv;
            var digit = false;
            while (i < s.Length && char.IsLetterOrDigit(s[i]) && MaskAt(masks, normalised.OriginalStart(i)) is null)
            {
                var c = char.ToLowerInvariant(s[i]);
                digit |= char.IsDigit(c);
                h = (h ^ c) * FnvPrime;
                i++;
            }

            tokens.Add(digit ? NumberToken : h);
        }
    }

    private static TextMask? MaskAt(IReadOnlyList<TextMask> masks, int original)
    {
        for (var m = 0; m < masks.Count; m++)
        {
            if (original >= masks[m].Start && original < masks[m].End)
            {
                return masks[m];
            }
        }

        return null;
    }

    private static ulong TypeToken(EntityType type) => 0xD6E8FEB86659FD93UL * (ulong)((int)type + 1);
}
