namespace NetworkAnalysis.Core.Text;

/// <summary>NFKC compatibility mappings for the characters posters use to disguise identifiers, computed without ICU.</summary>
/// <remarks>
/// The tool runs with InvariantGlobalization, where <see cref="string.Normalize(System.Text.NormalizationForm)"/> cannot
/// rely on ICU, so the mappings that matter are written out here: fullwidth ASCII, mathematical alphanumeric letters,
/// circled, parenthesised, squared and regional-indicator letters, the letterlike symbols that fill the gaps of the
/// mathematical alphabets, small and ideographic punctuation, and Latin ligatures. Digits are handled separately
/// through Unicode digit values.
/// </remarks>
internal static class CompatibilityFolding
{
    /// <summary>The ASCII text <paramref name="cp"/> folds to, or null when it has no mapping here.</summary>
    public static string? Fold(int cp)
    {
        var c = FoldChar(cp);
        if (c != '\0')
        {
            return Ascii[c];
        }

        return cp switch
        {
            0xFB00 => "ff",
            0xFB01 => "fi",
            0xFB02 => "fl",
            0xFB03 => "ffi",
            0xFB04 => "ffl",
            0xFB06 => "st",
            0x2026 => "...",
            _ => null,
        };
    }

    private static readonly string[] Ascii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    private static char FoldChar(int cp) => cp switch
    {
        >= 0xFF01 and <= 0xFF5E => (char)(cp - 0xFEE0),
        0x3000 => ' ',
        0x3002 or 0xFF61 or 0xFE52 or 0x2024 => '.',
        0xFE6B => '@',
        0xFE60 => '&',
        0xFE5F => '#',
        0xFE69 => '$',
        0xFE6A => '%',
        0xFE50 or 0xFE51 or 0x3001 or 0xFF64 => ',',
        0xFE55 => ':',
        0xFE59 => '(',
        0xFE5A => ')',
        0x2018 or 0x2019 or 0x2032 => '\'',
        0x201C or 0x201D or 0x2033 => '"',
        >= 0x24B6 and <= 0x24CF => (char)('A' + cp - 0x24B6),
        >= 0x24D0 and <= 0x24E9 => (char)('a' + cp - 0x24D0),
        >= 0x249C and <= 0x24B5 => (char)('a' + cp - 0x249C),
        >= 0x1F130 and <= 0x1F149 => (char)('A' + cp - 0x1F130),
        >= 0x1F150 and <= 0x1F169 => (char)('A' + cp - 0x1F150),
        >= 0x1F170 and <= 0x1F189 => (char)('A' + cp - 0x1F170),
        >= 0x1F1E6 and <= 0x1F1FF => (char)('A' + cp - 0x1F1E6),
        >= 0x1F110 and <= 0x1F129 => (char)('A' + cp - 0x1F110),
        >= 0x1D400 and <= 0x1D6A3 => MathLetter(cp),
        _ => Letterlike(cp),
    };

    private static char MathLetter(int cp)
    {
        var k = (cp - 0x1D400) % 52;
        return k < 26 ? (char)('A' + k) : (char)('a' + k - 26);
    }

    private static char Letterlike(int cp) => cp switch
    {
        0x210E => 'h', 0x212F => 'e', 0x210A => 'g', 0x2134 => 'o', 0x2113 => 'l',
        0x212C => 'B', 0x2130 => 'E', 0x2131 => 'F', 0x210B => 'H', 0x2110 => 'I', 0x2112 => 'L', 0x2133 => 'M', 0x211B => 'R',
        0x212D => 'C', 0x210C => 'H', 0x2111 => 'I', 0x211C => 'R', 0x2128 => 'Z',
        0x2102 => 'C', 0x210D => 'H', 0x2115 => 'N', 0x2119 => 'P', 0x211A => 'Q', 0x211D => 'R', 0x2124 => 'Z',
        _ => '\0',
    };
}
