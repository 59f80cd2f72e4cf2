using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace NetworkAnalysis.Core.Text;

public static partial class TextNormaliser
{
    // NFKC of single code points, cached: ads repeat the same few emoji and symbols. Bounded so hostile
    // input cannot grow it without limit.
    private static readonly ConcurrentDictionary<int, string> NfkcCache = new();
    private const int NfkcCacheLimit = 8192;

    private static void AppendCodePoint(ref Builder b, int cp, int start, int end)
    {
        if (cp < 0x80)
        {
            b.Append((char)cp, start, end);
            return;
        }

        if (IsIgnorable(cp))
        {
            return;
        }

        if (cp == 0x1F51F)
        {
            // Keycap ten.
            b.Append('1', start, end);
            b.Append('0', start, end);
            return;
        }

        var folded = CharacterFolding.Fold(cp);
        if (folded is not null)
        {
            foreach (var ch in folded)
            {
                b.Append(ch, start, end);
            }

            return;
        }

        if (cp <= 0xFFFF)
        {
            var c = (char)cp;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                b.Append(' ', start, end);
                return;
            }

            if (category == UnicodeCategory.DashPunctuation || cp == 0x2212)
            {
                b.Append('-', start, end);
                return;
            }
        }

        foreach (var ch in Nfkc(cp))
        {
            b.Append(ch, start, end);
        }
    }

    /// <summary>Zero-width, bidi, soft hyphen, variation selectors, keycap combiner and tag characters.</summary>
    private static bool IsIgnorable(int cp) => cp switch
    {
        0xAD or 0x34F or 0x61C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        0x20E3 => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };

    private static string Nfkc(int cp)
    {
        if (NfkcCache.TryGetValue(cp, out var cached))
        {
            return cached;
        }

        string result;
        try
        {
            result = char.ConvertFromUtf32(cp).Normalize(NormalizationForm.FormKC);
        }
        catch (Exception ex) when (ex is ArgumentException or PlatformNotSupportedException)
        {
            // Invalid code point, or no normalisation data (InvariantGlobalization): keep the character.
            result = char.ConvertFromUtf32(cp);
        }

        if (NfkcCache.Count < NfkcCacheLimit)
        {
            NfkcCache.TryAdd(cp, result);
        }

        return result;
    }
}
