using NetworkAnalysis.Core.Extraction.Handles;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds identifiers announced by a label: social handles (Snapchat, Instagram, Telegram, WhatsApp, Kik,
/// X/Twitter, OnlyFans, WeChat, LINE) and payment handles (Cash App, Venmo, PayPal, Zelle, Apple Cash).</summary>
/// <remarks>
/// A label word ("snap", "IG", "cash app", "zelle", 👻) is followed by separators and filler words ("add me on",
/// "id", ':') and then the value: a phone number or e-mail where the platform uses them (Zelle, Apple Cash, PayPal,
/// WhatsApp, WeChat, LINE, Telegram), otherwise a handle checked against the platform's username rules and a list of
/// ordinary words. Handles are lower-cased for linking; Cash App values keep their '$'.
/// </remarks>
public sealed partial class HandleExtractor : IEntityExtractor
{
    private const int MaxSkip = 28;

    /// <inheritdoc/>
    public string Name => "handle";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\uD83D' && i + 1 < text.Length && text[i + 1] == '\uDC7B')
            {
                // 👻, the Snapchat ghost.
                TryValue(input, entities, EntityType.Snapchat, i + 2, strict: false, atRequired: false);
                i += 2;
                continue;
            }

            if (!char.IsAsciiLetter(c) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < text.Length && char.IsAsciiLetter(text[j]))
            {
                j++;
            }

            if (j - i <= 10 && (j == text.Length || !char.IsAsciiDigit(text[j])) && HandleRules.LabelLookup.TryGetValue(text.AsSpan(i, j - i), out var labels))
            {
                foreach (var label in labels)
                {
                    var labelEnd = j;
                    if (label.SecondWord is not null && !TrySecondWord(text, j, label.SecondWord, out labelEnd))
                    {
                        continue;
                    }

                    var word = text.AsSpan(i, j - i);
                    if (word.Equals("of", StringComparison.OrdinalIgnoreCase) && !word.SequenceEqual("OF"))
                    {
                        continue;
                    }

                    var atRequired = word.Equals("x", StringComparison.OrdinalIgnoreCase);
                    if (atRequired && labelEnd < text.Length && text[labelEnd] == '@')
                    {
                        // "x@example": the local part of an address, not the X label.
                        continue;
                    }

                    // "kik/snap: name": every label of the chain takes the value after the last one.
                    labelEnd = LabelChainEnd(text, labelEnd);
                    if (TryValue(input, entities, label.Type, labelEnd, label.Strict, atRequired))
                    {
                        break;
                    }
                }
            }

            i = j;
        }
    }

    private static int LabelChainEnd(string text, int end)
    {
        for (var hops = 0; hops < 3 && end + 1 < text.Length && text[end] is '/' or '&' && char.IsAsciiLetter(text[end + 1]); hops++)
        {
            var j = end + 1;
            while (j < text.Length && char.IsAsciiLetter(text[j]))
            {
                j++;
            }

            if (j - end - 1 > 10 || !HandleRules.LabelLookup.TryGetValue(text.AsSpan(end + 1, j - end - 1), out var next) || next[0].SecondWord is not null)
            {
                break;
            }

            end = j;
        }

        return end;
    }

    private static bool TrySecondWord(string text, int at, string second, out int end)
    {
        end = at;
        var k = at;
        if (k < text.Length && text[k] is ' ' or '-' or '.')
        {
            k++;
        }

        if (k + second.Length <= text.Length && text.AsSpan(k, second.Length).Equals(second, StringComparison.OrdinalIgnoreCase)
            && (k + second.Length == text.Length || !char.IsAsciiLetterOrDigit(text[k + second.Length])))
        {
            end = k + second.Length;
            return true;
        }

        return false;
    }
}
