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
    private const ulong ProperToken = 0x94D049BB133111EBUL;

    /// <summary>Appends the distinct shingle hashes of <paramref name="text"/> to <paramref name="into"/>, sorted ascending.</summary>
    /// <param name="text">Original ad text.</param>
    /// <param name="masks">Identifier spans in the original text.</param>
    /// <param name="k">Words per shingle.</param>
    /// <param name="into">Receives the shingle hashes.</param>
    /// <param name="tokens">Scratch list.</param>
    /// <param name="maskProperNouns">Whether a capitalised word inside a sentence (a name, a city) becomes one proper-noun
    /// token, consecutive ones together.</param>
    public static void Shingle(string text, IReadOnlyList<TextMask> masks, int k, List<uint> into, List<ulong> tokens, bool maskProperNouns = false)
    {
        tokens.Clear();
        var start = into.Count;
        Tokenise(text ?? "", masks, tokens, maskProperNouns);
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

    private static void Tokenise(string text, IReadOnlyList<TextMask> masks, List<ulong> tokens, bool maskProperNouns)
    {
        var normalised = TextNormaliser.Normalise(text);
        var s = normalised.Text;
        var i = 0;
        var sentenceStart = true;
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]))
            {
                sentenceStart |= s[i] is '.' or '!' or '?' or '\n' or '\r' or '-' or '|' or ':' or ';';
                i++;
                continue;
            }

            var atSentenceStart = sentenceStart;
            sentenceStart = false;

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
            var first = i;
            var upperAfterFirst = false;
            while (i < s.Length && char.IsLetterOrDigit(s[i]) && MaskAt(masks, normalised.OriginalStart(i)) is null)
            {
                upperAfterFirst |= i > first && char.IsUpper(s[i]);
                var c = char.ToLowerInvariant(s[i]);
                digit |= char.IsDigit(c);
                h = (h ^ c) * FnvPrime;
                i++;
            }

            if (maskProperNouns && !atSentenceStart && !digit && i - first >= 2 && char.IsUpper(s[first]) && !upperAfterFirst)
            {
                // Capitalised inside a sentence: a name or a place. "Las Vegas" is one token, like "Reno".
                if (tokens.Count == 0 || tokens[^1] != ProperToken)
                {
                    tokens.Add(ProperToken);
                }

                continue;
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
